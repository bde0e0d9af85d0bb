// The readers and emitters of the config model, format by format: whole
// trees (DescribeTree), whole emitted texts, whole error messages.
#include "rewriters/config_document.h"

#include <gtest/gtest.h>

#include "rewriters/config_syntax.h"

namespace uprev {
namespace {

std::string Tree(DataFormat format, std::string_view text) {
  Result<ValueDocument> doc = ParseConfig(format, "in", text);
  if (!doc.ok()) return doc.status().message();
  std::string out = DescribeTree(doc->root);
  for (const ConversionLoss& l : doc->losses) {
    out += "lost " + std::to_string(l.pos.line) + ":" + std::to_string(l.pos.col) + ": " + l.what +
           "\n";
  }
  return out;
}

std::string Error(DataFormat format, std::string_view text) {
  Result<ValueDocument> doc = ParseConfig(format, "in", text);
  return doc.ok() ? "(parsed)" : doc.status().message();
}

// Reads `text` in `from` and writes it in `to`, with the emitter's losses.
std::string Rewrite(DataFormat from, std::string_view text, DataFormat to) {
  Result<ValueDocument> doc = ParseConfig(from, "in", text);
  if (!doc.ok()) return doc.status().message();
  std::vector<ConversionLoss> losses;
  std::string out = EmitConfig(to, doc->root, &losses);
  for (const ConversionLoss& l : losses) {
    out += "lost " + std::to_string(l.pos.line) + ":" + std::to_string(l.pos.col) + ": " + l.what +
           "\n";
  }
  return out;
}

// ---- names and scalars ----

TEST(ConfigDocumentTest, FormatsComeFromNamesAndExtensions) {
  EXPECT_EQ(DataFormatForPath("a/b.json"), DataFormat::kJson);
  EXPECT_EQ(DataFormatForPath("x.yml"), DataFormat::kYaml);
  EXPECT_EQ(DataFormatForPath("pyproject.toml"), DataFormat::kToml);
  EXPECT_EQ(DataFormatForPath("setup.cfg"), DataFormat::kIni);
  EXPECT_EQ(DataFormatForPath("tox.ini"), DataFormat::kIni);
  EXPECT_EQ(DataFormatForPath("Makefile"), std::nullopt);
  EXPECT_EQ(DataFormatForPath(".json"), std::nullopt);
  EXPECT_EQ(DataFormatNamed("yaml"), DataFormat::kYaml);
  EXPECT_EQ(DataFormatNamed("xml"), std::nullopt);
}

TEST(ConfigDocumentTest, DateTimesAreReadInEachSyntax) {
  auto kind = [](std::string_view text, DateTimeSyntax syntax) -> std::string {
    std::optional<ValueNode> d = ParseDateTime(text, syntax);
    return d ? std::string(DateTimeKindName(d->date_kind)) + " " + d->text : "none";
  };
  EXPECT_EQ(kind("1979-05-27T07:32:00Z", DateTimeSyntax::kCanonical),
            "offset date-time 1979-05-27T07:32:00Z");
  EXPECT_EQ(kind("1979-05-27t07:32:00.999-07:00", DateTimeSyntax::kToml),
            "offset date-time 1979-05-27T07:32:00.999-07:00");
  EXPECT_EQ(kind("1979-05-27 07:32:00", DateTimeSyntax::kToml),
            "local date-time 1979-05-27T07:32:00");
  EXPECT_EQ(kind("1979-05-27 07:32:00", DateTimeSyntax::kCanonical), "none");
  EXPECT_EQ(kind("07:32:00", DateTimeSyntax::kToml), "local time 07:32:00");
  EXPECT_EQ(kind("07:32:00", DateTimeSyntax::kYaml), "none");
  EXPECT_EQ(kind("2001-12-14 21:59:43.10 -5", DateTimeSyntax::kYaml),
            "offset date-time 2001-12-14T21:59:43.10-05:00");
  EXPECT_EQ(kind("2001-1-2T3:04:05z", DateTimeSyntax::kYaml),
            "offset date-time 2001-01-02T03:04:05Z");
  EXPECT_EQ(kind("2002-12-14", DateTimeSyntax::kYaml), "local date 2002-12-14");
  EXPECT_EQ(kind("2023-02-29", DateTimeSyntax::kToml), "none");
  EXPECT_EQ(kind("2024-02-29", DateTimeSyntax::kToml), "local date 2024-02-29");
  EXPECT_EQ(kind("24:00:00", DateTimeSyntax::kToml), "none");
}

TEST(ConfigDocumentTest, FloatsAreWrittenShortestAndStillFloats) {
  EXPECT_EQ(FormatFloat(1.0), "1.0");
  EXPECT_EQ(FormatFloat(0.1), "0.1");
  EXPECT_EQ(FormatFloat(-0.0), "-0.0");
  EXPECT_EQ(FormatFloat(1e300), "1e+300");
  EXPECT_TRUE(IsJsonFloatText("-1.5e-3"));
  EXPECT_FALSE(IsJsonFloatText("1."));
  EXPECT_FALSE(IsJsonFloatText("+1.0"));
  EXPECT_TRUE(IsTomlFloatText("1_000.0_1"));
  EXPECT_FALSE(IsTomlFloatText("01.0"));
  EXPECT_TRUE(IsYamlFloatText(".5"));
  EXPECT_FALSE(IsYamlFloatText("12"));
}

// ---- JSON ----

TEST(ConfigDocumentTest, ReadsEveryJsonType) {
  EXPECT_EQ(Tree(DataFormat::kJson,
                 R"({"a": null, "b": true, "c": -12, "d": 123456789012345678901234567890,
    "e": 1.50, "f": "x\u00e9\ud83d\ude00\n", "g": [], "h": {"i": [false, -0]}})"),
            R"(mapping
  "a": null
  "b": boolean true
  "c": integer -12
  "d": integer 123456789012345678901234567890
  "e": float 1.50
  "f": string "xé😀\n"
  "g": sequence
  "h": mapping
    "i": sequence
      - boolean false
      - integer 0
)");
}

TEST(ConfigDocumentTest, JsonKeysGivenTwiceKeepTheLastValue) {
  EXPECT_EQ(Tree(DataFormat::kJson, "{\"a\": 1, \"b\": 2, \"a\": 3}"), R"(mapping
  "a": integer 3
  "b": integer 2
lost 1:2: key "a" is given again at 1:18; this earlier value is dropped
)");
}

TEST(ConfigDocumentTest, JsonErrorsNameTheirPlace) {
  EXPECT_EQ(Error(DataFormat::kJson, ""), "in:1:1: error: the file holds no JSON value");
  EXPECT_EQ(Error(DataFormat::kJson, "{\"a\": 1} x"),
            "in:1:10: error: unexpected text after the JSON value");
  EXPECT_EQ(Error(DataFormat::kJson, "{\"a\": \"x}"), "in:1:7: error: a string is not closed");
  EXPECT_EQ(Error(DataFormat::kJson, "{\"a\": \"\\q\"}"),
            "in:1:8: error: unknown escape sequence in a string");
  EXPECT_EQ(Error(DataFormat::kJson, "[\"\\ud800\"]"),
            "in:1:3: error: a lone UTF-16 surrogate in \\u");
  EXPECT_EQ(Error(DataFormat::kJson, "[01]"),
            "in:1:2: error: a number needs digits without a leading zero");
  EXPECT_EQ(Error(DataFormat::kJson, "{\"a\" 1}"), "in:1:6: error: expected ':' after the key");
  EXPECT_EQ(Error(DataFormat::kJson, "{\n  \"a\": [1 2]\n}"),
            "in:2:11: error: expected ',' or ']'");
  EXPECT_EQ(Error(DataFormat::kJson, "[\"a\tb\"]"),
            "in:1:4: error: a control character in a string must be escaped");
  EXPECT_EQ(Error(DataFormat::kJson, "[tru]"),
            "in:1:2: error: unexpected \"t\" where a value should be");
  EXPECT_EQ(Error(DataFormat::kJson, "/* open"), "in:1:1: error: a /* comment is not closed");
  EXPECT_EQ(Error(DataFormat::kJson, "[\xff]"), "in:1:1: error: the file is not UTF-8 text");
  EXPECT_EQ(Error(DataFormat::kJson, std::string(300, '[') + std::string(300, ']')),
            "in:1:258: error: the document nests too deeply");
}

TEST(ConfigDocumentTest, EmitsJsonWithTwoSpaceIndentation) {
  EXPECT_EQ(Rewrite(DataFormat::kJson, R"(// settings
{"name": "x", "list": [1, 2.50, {"deep": []}], "empty": {}, "text": "tab\there \"q\" \u0001"} // end)",
                    DataFormat::kJson),
            R"({
  "name": "x",
  "list": [
    1,
    2.50,
    {
      "deep": []
    }
  ],
  "empty": {},
  "text": "tab\there \"q\" \u0001"
}
lost 1:1: comment "settings" (JSON has no comments)
lost 2:95: comment "end" (JSON has no comments)
)");
}

// ---- YAML ----

TEST(ConfigDocumentTest, YamlPlainScalarsFollowTheCoreSchema) {
  EXPECT_EQ(Tree(DataFormat::kYaml, R"(- ~
- null
- Null
-
- true
- False
- yes
- 12
- +12
- -0
- 0o17
- 0x1F
- 0123
- 1_000
- 1.5
- .5
- 1e3
- -.inf
- .NaN
- 2002-12-14
- 2001-12-14 21:59:43.10 -5
- 2001-12-14t21:59:43
- 12:30:00
- 9223372036854775808
- plain text # comment
- multi
  line

  plain
)"),
            R"(sequence
  - null
  - null
  - null
  - null
  - boolean true
  - boolean false
  - string "yes"
  - integer 12
  - integer 12
  - integer 0
  - integer 15
  - integer 31
  - integer 123
  - string "1_000"
  - float 1.5
  - float .5
  - float 1e3
  - float -inf
  - float nan
  - local date 2002-12-14
  - offset date-time 2001-12-14T21:59:43.10-05:00
  - local date-time 2001-12-14T21:59:43
  - string "12:30:00"
  - integer 9223372036854775808
  - string "plain text"
  - string "multi line\nplain"
)");
}

TEST(ConfigDocumentTest, YamlQuotedAndBlockScalarsAreDecoded) {
  EXPECT_EQ(Tree(DataFormat::kYaml, R"(dq: "a\tb\u00e9\x41\N \
  joined
  folded

  para"
sq: 'it''s
  folded'
literal: |
  one
    two

keep: |+
  x

strip: >-
  folded
  text

  new para
   indented
  end
indicator: |2
   leading space
)"),
            R"(mapping
  "dq": string "a\tbéA\u0085 joined folded\npara"
  "sq": string "it's folded"
  "literal": string "one\n  two\n"
  "keep": string "x\n\n"
  "strip": string "folded text\nnew para\n indented\nend"
  "indicator": string " leading space\n"
)");
}

TEST(ConfigDocumentTest, YamlTagsAnchorsAndMergeKeysAreExpandedAndListed) {
  EXPECT_EQ(Tree(DataFormat::kYaml, R"(base: &base
  a: 1
  b: 2
copy: *base
merged:
  <<: *base
  b: 3
str: !!str 12
int: !!int "12"
float: !!float 1
custom: !Ref name
wrong: !!int abc
seq: !!set {a, b}
1: one
[x, y]: complex
dup: 1
dup: 2
)"),
            R"(mapping
  "base": mapping
    "a": integer 1
    "b": integer 2
  "copy": mapping
    "a": integer 1
    "b": integer 2
  "merged": mapping
    "b": integer 3
    "a": integer 1
  "str": string "12"
  "int": integer 12
  "float": float 1.0
  "custom": string "name"
  "wrong": string "abc"
  "seq": mapping
    "a": null
    "b": null
  "1" (integer key): string "one"
  "[\"x\", \"y\"]": string "complex"
  "dup": integer 2
lost 4:7: alias *base (expanded into a copy of &base)
lost 6:7: alias *base (expanded into a copy of &base)
lost 6:3: merge key << (expanded into the keys it merges)
lost 11:9: tag !Ref (dropped; the value is kept as written)
lost 12:8: tag !!int on "abc" (dropped; the value is kept as written)
lost 13:6: tag !!set (dropped; the mapping is kept)
lost 15:1: a sequence as a key (written as the string "[\"x\", \"y\"]")
lost 16:1: key "dup" is given again at 17:1; this earlier value is dropped
)");
}

TEST(ConfigDocumentTest, YamlErrorsNameTheirPlace) {
  EXPECT_EQ(Error(DataFormat::kYaml, "a: 1\nb: [1, 2\n"), "in:2:9: error: invalid YAML here");
  EXPECT_EQ(Error(DataFormat::kYaml, "a: 1\n---\nb: 2\n"),
            "in:3:1: error: a second YAML document; uprev convert reads one document a file");
  EXPECT_EQ(Error(DataFormat::kYaml, "a: *nowhere\n"),
            "in:1:4: error: alias *nowhere names no anchor defined before it");
  EXPECT_EQ(Error(DataFormat::kYaml, "a: \"\\q\"\n"), "in:1:5: error: invalid YAML here");
  EXPECT_EQ(Error(DataFormat::kYaml, "a: 1\n  b: 2\n"), "in:2:4: error: invalid YAML here");
  EXPECT_EQ(Error(DataFormat::kYaml, "a: &x [*x]\n"),
            "in:1:8: error: alias *x names no anchor defined before it");
}

TEST(ConfigDocumentTest, EmitsYamlQuotingStringsThatWouldReadAsOtherTypes) {
  EXPECT_EQ(Rewrite(DataFormat::kJson,
                    R"({"words": ["yes", "No", "on", "null", "~", "true", "plain words"],
  "numbers": ["1.0", "12", "0x1F", "1_000", "1e3", ".inf", "0123", "1:30"],
  "dates": ["2024-01-01", "2001-12-14 21:59:43.10 -5"],
  "indicators": ["", " lead", "trail ", "a: b", "#x", "a #b", "- x", "---", "&a", "*a", "!t", "%x", "@x", "`x", "[x]", "{x}", "'q'", "\"q\"", "<<"],
  "text": ["line 1\nline 2\n", "no newline\nat end", "keep\n\n", " leading\nspace", "tab\tin", "nul\u0000", "\u2028"],
  "types": [null, true, -3, 2.50, 123456789012345678901234567890],
  "": {"nested": {"deep": [[1, 2], {"k": "v"}, []]}}})",
                    DataFormat::kYaml),
            R"(words:
  - "yes"
  - "No"
  - "on"
  - "null"
  - "~"
  - "true"
  - plain words
numbers:
  - "1.0"
  - "12"
  - "0x1F"
  - "1_000"
  - "1e3"
  - ".inf"
  - "0123"
  - "1:30"
dates:
  - "2024-01-01"
  - "2001-12-14 21:59:43.10 -5"
indicators:
  - ""
  - " lead"
  - "trail "
  - "a: b"
  - "#x"
  - "a #b"
  - "- x"
  - "---"
  - "&a"
  - "*a"
  - "!t"
  - "%x"
  - "@x"
  - "`x"
  - "[x]"
  - "{x}"
  - "'q'"
  - "\"q\""
  - "<<"
text:
  - |
    line 1
    line 2
  - |-
    no newline
    at end
  - |+
    keep

  - " leading\nspace"
  - "tab\tin"
  - "nul\0"
  - "\L"
types:
  - null
  - true
  - -3
  - 2.50
  - 123456789012345678901234567890
"":
  nested:
    deep:
      - - 1
        - 2
      - k: v
      - []
)");
}

TEST(ConfigDocumentTest, YamlCommentsAreWrittenWhereTheyWere) {
  EXPECT_EQ(Rewrite(DataFormat::kYaml, R"(# header
name: app  # the name
# about the list
list:
  - a  # first
  # before b
  - b
map:  # a map
  k: v
items:
  - x: 1
    # inside
    y: 2
  # last
# footer
)",
                    DataFormat::kYaml),
            R"(# header
name: app  # the name
# about the list
list:
  - a  # first
  # before b
  - b
map:  # a map
  k: v
items:
  - x: 1
    # inside
    "y": 2
# last
# footer
)");
}

// ---- TOML ----

TEST(ConfigDocumentTest, ReadsEveryTomlType) {
  EXPECT_EQ(Tree(DataFormat::kToml, R"(s = "basic \"q\" \u00e9 \U0001F600"
lit = 'C:\path'
ml = """
first \
   joined
last"""
mll = '''
raw \n'''
ints = [+1, -0, 1_000, 0xDEAD_beef, 0o755, 0b1101]
floats = [1.0, -3.5e-2, 6.626e-34, 1_000.000_1, inf, -inf, nan]
bools = [true, false]
dates = [1979-05-27T07:32:00Z, 1979-05-27 07:32:00.999, 1979-05-27, 07:32:00]
a.b.c = 1
inline = { x = 1, y.z = "w" }
[table]
k = "v"
[[aot]]
n = 1
[[aot]]
n = 2
[aot.sub]
m = 3
)"),
            R"(mapping
  "s": string "basic \"q\" é 😀"
  "lit": string "C:\\path"
  "ml": string "first joined\nlast"
  "mll": string "raw \\n"
  "ints": sequence
    - integer 1
    - integer 0
    - integer 1000
    - integer 3735928559
    - integer 493
    - integer 13
  "floats": sequence
    - float 1.0
    - float -3.5e-2
    - float 6.626e-34
    - float 1_000.000_1
    - float inf
    - float -inf
    - float nan
  "bools": sequence
    - boolean true
    - boolean false
  "dates": sequence
    - offset date-time 1979-05-27T07:32:00Z
    - local date-time 1979-05-27T07:32:00.999
    - local date 1979-05-27
    - local time 07:32:00
  "a": mapping
    "b": mapping
      "c": integer 1
  "inline": mapping
    "x": integer 1
    "y": mapping
      "z": string "w"
  "table": mapping
    "k": string "v"
  "aot": sequence
    - mapping
      "n": integer 1
    - mapping
      "n": integer 2
      "sub": mapping
        "m": integer 3
)");
}

TEST(ConfigDocumentTest, TomlErrorsNameTheirPlace) {
  EXPECT_EQ(Error(DataFormat::kToml, "a = 1\na = 2\n"),
            "in:2:1: error: key \"a\" is defined twice");
  EXPECT_EQ(Error(DataFormat::kToml, "[t]\nx = 1\n[t]\ny = 2\n"),
            "in:3:1: error: table [t] is defined twice");
  EXPECT_EQ(Error(DataFormat::kToml, "a = 9223372036854775808\n"),
            "in:1:5: error: integer 9223372036854775808 does not fit in 64 bits, as TOML requires");
  EXPECT_EQ(Error(DataFormat::kToml, "d = 1979-02-30\n"),
            "in:1:5: error: 1979-02-30 is not a valid date or time");
  EXPECT_EQ(Error(DataFormat::kToml, "a = \n"), "in:1:1: error: invalid TOML here");
  EXPECT_EQ(Error(DataFormat::kToml, "a = { x = 1 }\na.y = 2\n"),
            "in:2:1: error: key \"a\" is already defined as a value");
  EXPECT_EQ(Error(DataFormat::kToml, "a = [1]\n[[a]]\n"),
            "in:2:1: error: [[a]] appends to something that is no array of tables");
  EXPECT_EQ(Error(DataFormat::kToml, "a = 1\n[a.b]\n"),
            "in:2:2: error: key \"a\" is already defined as a value");
  EXPECT_EQ(Error(DataFormat::kToml, "s = \"\\q\"\n"), "in:1:6: error: invalid TOML here");
}

TEST(ConfigDocumentTest, EmitsTomlValuesBeforeTables) {
  EXPECT_EQ(Rewrite(DataFormat::kJson, R"({"server": {"host": "h", "tls": {"on": true}, "port": 80},
  "title": "T", "people": [{"name": "A", "email": "a@x"}, {"name": "B"}],
  "jobs": [{"id": 1, "steps": ["a", "b"], "env": {"K": "V"}}], "matrix": [[1, 2], ["x"]],
  "mixed": [1, "two", {"three": 3}], "key with space": "v", "empty": {}, "none": null,
  "long": ["aaaaaaaaaaaaaaaaaaaa", "bbbbbbbbbbbbbbbbbbbbbbb", "cccccccccccccccccccccc", "ddddddddd"],
  "text": "two\nlines", "big": 123456789012345678901234567890, "inf": 1e400})",
                    DataFormat::kToml),
            R"(title = "T"
people = [{ name = "A", email = "a@x" }, { name = "B" }]
matrix = [[1, 2], ["x"]]
mixed = [1, "two", { three = 3 }]
"key with space" = "v"
long = [
  "aaaaaaaaaaaaaaaaaaaa",
  "bbbbbbbbbbbbbbbbbbbbbbb",
  "cccccccccccccccccccccc",
  "ddddddddd",
]
text = """
two
lines"""
big = "123456789012345678901234567890"
inf = inf

[server]
host = "h"
port = 80

[server.tls]
on = true

[[jobs]]
id = 1
steps = ["a", "b"]

[jobs.env]
K = "V"

[empty]
lost 4:74: null (TOML has no null; the key is left out)
lost 6:25: integer 123456789012345678901234567890 does not fit in TOML's 64 bits (written as a string)
)");
}

TEST(ConfigDocumentTest, TomlCommentsAreWrittenWhereTheyWere) {
  EXPECT_EQ(Rewrite(DataFormat::kToml, R"(# header
name = "app"  # the name

# about deps
deps = [
  "a",  # first
  # before b
  "b",
]
inline = { k = 1 }  # kept on its line

[tool]  # the tool table
# inside
x = 1
# footer
)",
                    DataFormat::kToml),
            R"(# header
name = "app"  # the name
# about deps
deps = [
  "a",  # first
  # before b
  "b",
]
inline = { k = 1 }  # kept on its line

[tool]  # the tool table
# inside
x = 1
# footer
)");
}

// ---- INI ----

TEST(ConfigDocumentTest, ReadsIniAsConfigparserDoes) {
  EXPECT_EQ(Tree(DataFormat::kIni, R"(; leading comment
top = outside any section
[Section One]
key = value ; not a comment
Other: colon form
empty =
multi = first
    second

    after empty
    # a comment inside the value
    third
dangling =
    a
    b
[two]
  indented = still a key
x=1
)"),
            R"(mapping
  "top": string "outside any section"
  "Section One": mapping
    "key": string "value ; not a comment"
    "Other": string "colon form"
    "empty": string ""
    "multi": string "first\nsecond\n\nafter empty\nthird"
    "dangling": string "\na\nb"
  "two": mapping
    "indented": string "still a key"
    "x": string "1"
)");
}

TEST(ConfigDocumentTest, IniErrorsNameTheirPlace) {
  EXPECT_EQ(Error(DataFormat::kIni, "[a]\nno separator\n"),
            "in:2:1: error: expected 'key = value', 'key: value' or '[section]'");
  EXPECT_EQ(Error(DataFormat::kIni, "[a]\nk = 1\nK = 2\n"),
            "in:3:1: error: key \"K\" is given twice in this section (first at 2:1)");
  EXPECT_EQ(Error(DataFormat::kIni, "[a]\n[A]\n"),
            "in:2:1: error: section [A] is given twice (first at 1:1)");
  EXPECT_EQ(Error(DataFormat::kIni, "[a]\n= value\n"),
            "in:2:1: error: expected 'key = value', 'key: value' or '[section]'");
}

TEST(ConfigDocumentTest, EmitsIniSectionsOfText) {
  EXPECT_EQ(Rewrite(DataFormat::kYaml, R"(# settings
db:
  host: localhost  # where
  port: 5432
  pool:
    size: 4
  tags: [a, b]
  opts: [{x: 1}]
  note: |
    two
    lines
  none: null
  "bad=key": 1
  padded: " x "
  commented: "a\n# b"
top: 1
)",
                    DataFormat::kIni),
            R"(# settings
top = 1

[db]
# where
host = localhost
port = 5432
tags =
    a
    b
opts = [{"x": 1}]
note = two
    lines
none =
padded = x
commented = a
    # b

[db.pool]
size = 4
lost 16:1: key "top" outside any section is written above the first section (Python's configparser refuses that)
lost 16:1: integer 1 becomes text (INI values are text)
lost 4:3: integer 5432 becomes text (INI values are text)
lost 7:3: a sequence becomes lines of text (INI values are text)
lost 8:3: a sequence becomes its JSON text (INI values are text)
lost 9:3: the white space around "two\nlines\n" (INI strips it)
lost 12:3: null becomes an empty value (INI values are text)
lost 13:3: key "bad=key" cannot be an INI key (left out)
lost 14:3: the white space around " x " (INI strips it)
lost 15:3: line "# b" of a value would read as a comment (INI has no escape)
lost 5:3: table "pool" nested in section [db] becomes section [db.pool] (INI has one level of sections)
lost 6:5: integer 4 becomes text (INI values are text)
)");
}

TEST(ConfigDocumentTest, CrlfLineEndingsReadAsNewlines) {
  EXPECT_EQ(Tree(DataFormat::kToml, "a = \"\"\"\r\nx\r\ny\"\"\"\r\nb = 1 # c\r\n"),
            "mapping\n  \"a\": string \"x\\ny\"\n  \"b\": integer 1\n");
  EXPECT_EQ(Tree(DataFormat::kYaml, "a: |\r\n  x\r\n  y\r\nb: \"p\r\n  q\"\r\n"),
            "mapping\n  \"a\": string \"x\\ny\\n\"\n  \"b\": string \"p q\"\n");
  EXPECT_EQ(Tree(DataFormat::kIni, "[s]\r\nk = a\r\n  b\r\n"),
            "mapping\n  \"s\": mapping\n    \"k\": string \"a\\nb\"\n");
  EXPECT_EQ(Tree(DataFormat::kJson, "{\"a\":\r\n 1} // c\r\n"), "mapping\n  \"a\": integer 1\n");
}

}  // namespace
}  // namespace uprev
