// Property tests of `uprev convert`: seeded random documents go
// JSON -> YAML -> JSON and TOML -> JSON -> TOML and come back with the same
// data (SameData) and the same JSON text; the only losses on the way are
// the ones each direction must list (TOML dates become JSON strings, and
// come back as dates with a note each).
#include <gtest/gtest.h>

#include <cmath>
#include <cstdlib>
#include <cstring>
#include <limits>
#include <random>

#include "rewriters/config_convert.h"
#include "rewriters/config_document.h"
#include "rewriters/config_syntax.h"

namespace uprev {
namespace {

// 500 documents a direction; UPREV_ROUND_TRIP_DOCUMENTS=N runs more.
uint32_t Documents() {
  const char* n = std::getenv("UPREV_ROUND_TRIP_DOCUMENTS");
  return n ? static_cast<uint32_t>(std::strtoul(n, nullptr, 10)) : 500;
}

// Strings that other formats read as something else, or that need quoting.
const char* const kTrickyStrings[] = {
    "yes",
    "no",
    "on",
    "off",
    "y",
    "n",
    "Y",
    "NO",
    "null",
    "Null",
    "~",
    "true",
    "False",
    "1",
    "-1",
    "+1",
    "0123",
    "1_000",
    "1.0",
    "1e3",
    ".5",
    "1.",
    "0x1F",
    "0o17",
    "0b101",
    ".inf",
    "-.inf",
    ".nan",
    "nan",
    "inf",
    "1:30",
    "",
    " ",
    "  ",
    " lead",
    "trail ",
    "a: b",
    "a:b",
    "a #b",
    "#x",
    "- x",
    "-x",
    "-",
    "?",
    "? x",
    ":",
    "---",
    "...",
    "<<",
    "=",
    "[x]",
    "{x: 1}",
    "&a",
    "*a",
    "!tag",
    "!!str",
    "%x",
    "@x",
    "`x",
    "'",
    "\"",
    "\\",
    "\\n",
    "\n",
    "\n\n",
    "a\n",
    "a\n\n",
    "\na",
    " a\nb",
    "a\n b",
    "a\n\nb\n",
    "a  \nb",
    "\ta",
    "a\tb",
    "a\r\nb",
    "x\n  y\n",
    "\xC3\xA9t\xC3\xA9",
    "\xE6\x97\xA5\xE6\x9C\xAC",
    "\xF0\x9F\x98\x80",
    "a\xE2\x80\xA8"
    "b",
    "\xC2\x85",
    "\xEF\xBB\xBF"
    "bom",
    "\xC2\xA0nbsp",
    "\x01",
    "\x7F",
    "a\x1B",
    "key = value",
    "[section]",
    "; semi",
    "\"\"\"",
    "'''",
    "a\"\"\"b",
};
// Only where JSON -> TOML does not read them as dates (the JSON direction).
const char* const kDateLikeStrings[] = {"2024-01-01", "12:30:00", "2001-12-14T21:59:43Z",
                                        "2001-12-14 21:59:43.10 -5"};

class DocumentGenerator {
 public:
  DocumentGenerator(uint32_t seed, bool toml) : rng_(seed), toml_(toml) {}

  ValueNode Document() {
    if (toml_ || Chance(70)) return Mapping(0);
    return Value(0);
  }

 private:
  int Uniform(int lo, int hi) { return std::uniform_int_distribution<int>(lo, hi)(rng_); }
  bool Chance(int percent) { return Uniform(1, 100) <= percent; }

  std::string Char() {
    static const char* const kPieces[] = {"a",
                                          "b",
                                          "z",
                                          "Q",
                                          "0",
                                          "7",
                                          " ",
                                          " ",
                                          "-",
                                          "_",
                                          ".",
                                          ":",
                                          "#",
                                          "'",
                                          "\"",
                                          "\\",
                                          ",",
                                          "[",
                                          "]",
                                          "{",
                                          "}",
                                          "&",
                                          "*",
                                          "!",
                                          "|",
                                          ">",
                                          "%",
                                          "@",
                                          "`",
                                          "?",
                                          "=",
                                          ";",
                                          "\t",
                                          "\n",
                                          "\n",
                                          "\r",
                                          "\x01",
                                          "\x1F",
                                          "\x7F",
                                          "\xC3\xA9",
                                          "\xE6\x97\xA5",
                                          "\xF0\x9F\x98\x80",
                                          "\xE2\x80\xA8",
                                          "\xC2\x85",
                                          "\xEF\xBB\xBF",
                                          "\xC2\xA0"};
    if (Chance(60)) return std::string(1, "abcdefghijklmnopqrstuvwxyz"[Uniform(0, 25)]);
    return kPieces[Uniform(0, std::size(kPieces) - 1)];
  }

  std::string String() {
    for (;;) {
      std::string s;
      if (Chance(25)) {
        s = kTrickyStrings[Uniform(0, std::size(kTrickyStrings) - 1)];
      } else if (!toml_ && Chance(3)) {
        s = kDateLikeStrings[Uniform(0, std::size(kDateLikeStrings) - 1)];
      } else {
        int n = Uniform(0, 12);
        for (int k = 0; k < n; ++k) s += Char();
      }
      // JSON -> TOML reads exact RFC 3339 strings as dates (with a note).
      if (toml_ && ParseDateTime(s, DateTimeSyntax::kCanonical)) continue;
      return s;
    }
  }

  ValueNode Integer() {
    switch (Uniform(0, 4)) {
      case 0:
        return ValueNode::Integer(Uniform(-100, 100));
      case 1:
        return ValueNode::Integer(std::numeric_limits<int64_t>::max() - Uniform(0, 2));
      case 2:
        return ValueNode::Integer(std::numeric_limits<int64_t>::min() + Uniform(0, 2));
      case 3:
        return ValueNode::Integer(static_cast<int64_t>(rng_()) * static_cast<int64_t>(rng_()));
      default:
        if (toml_) return ValueNode::Integer(Uniform(-1000000, 1000000));
        return Chance(50) ? ValueNode::BigInteger("123456789012345678901234567890")
                          : ValueNode::BigInteger("-9223372036854775809");
    }
  }

  ValueNode Float() {
    static const char* const kTexts[] = {"1e3",      "1.5E-7", "-0.0",    "0.1",     "1e+300",
                                         "2.5e-308", "100.0",  "3.14159", "-2.0e10", "5e-324"};
    if (Chance(40)) {
      const char* text = kTexts[Uniform(0, std::size(kTexts) - 1)];
      return ValueNode::Float(std::strtod(text, nullptr), text);
    }
    double value = 0;
    if (Chance(50)) {
      value = Uniform(-4000, 4000) / 8.0;
    } else {
      uint64_t bits = (static_cast<uint64_t>(rng_()) << 32) | rng_();
      std::memcpy(&value, &bits, sizeof value);
      if (!std::isfinite(value)) value = 1.0 / 3.0;
    }
    return ValueNode::Float(value, FormatFloat(value));
  }

  ValueNode DateTime() {
    std::string date =
        std::to_string(Uniform(1000, 2999)) + "-" + Two(Uniform(1, 12)) + "-" + Two(Uniform(1, 28));
    std::string time = Two(Uniform(0, 23)) + ":" + Two(Uniform(0, 59)) + ":" + Two(Uniform(0, 59));
    if (Chance(30)) time += "." + std::to_string(Uniform(0, 999999));
    switch (Uniform(0, 3)) {
      case 0:
        return ValueNode::DateTime(DateTimeKind::kLocalDate, date);
      case 1:
        return ValueNode::DateTime(DateTimeKind::kLocalTime, time);
      case 2:
        return ValueNode::DateTime(DateTimeKind::kLocalDateTime, date + "T" + time);
      default: {
        std::string offset =
            Chance(40) ? "Z"
                       : (Chance(50) ? "+" : "-") + Two(Uniform(0, 23)) + ":" + Two(Uniform(0, 59));
        return ValueNode::DateTime(DateTimeKind::kOffsetDateTime, date + "T" + time + offset);
      }
    }
  }

  static std::string Two(int n) { return (n < 10 ? "0" : "") + std::to_string(n); }

  ValueNode Scalar() {
    switch (Uniform(0, toml_ ? 5 : 4)) {
      case 0:
        return toml_ ? ValueNode::Bool(Chance(50)) : ValueNode::Null();
      case 1:
        return ValueNode::Bool(Chance(50));
      case 2:
        return Integer();
      case 3:
        return Float();
      case 4:
        return ValueNode::String(String());
      default:
        return DateTime();
    }
  }

  ValueNode Mapping(int depth) {
    ValueNode map = ValueNode::Mapping();
    int n = Uniform(0, depth == 0 ? 6 : 4);
    for (int k = 0; k < n; ++k) {
      std::string key = String();
      if (map.Find(key)) continue;
      map.Add(key, Value(depth + 1));
    }
    return map;
  }

  ValueNode Sequence(int depth) {
    ValueNode seq = ValueNode::Sequence();
    int n = Uniform(0, 4);
    // Arrays of tables, the TOML shape that needs [[headers]].
    bool tables = toml_ && Chance(30);
    for (int k = 0; k < n; ++k) seq.items.push_back(tables ? Mapping(depth + 1) : Value(depth + 1));
    return seq;
  }

  ValueNode Value(int depth) {
    if (depth >= 4) return Scalar();
    int roll = Uniform(0, 9);
    if (roll < 2) return Mapping(depth);
    if (roll < 4) return Sequence(depth);
    return Scalar();
  }

  std::mt19937 rng_;
  bool toml_;
};

size_t CountDates(const ValueNode& n) {
  size_t count = n.kind == ValueKind::kDateTime ? 1 : 0;
  for (const ValueNode& item : n.items) count += CountDates(item);
  for (const ValueEntry& e : n.entries) count += CountDates(e.value);
  return count;
}

// SameData, with mappings compared as sets of keys.
bool SameDataAnyKeyOrder(const ValueNode& a, const ValueNode& b) {
  if (a.kind != ValueKind::kMapping || b.kind != ValueKind::kMapping) {
    if (a.kind != b.kind || a.items.size() != b.items.size()) return false;
    if (a.kind != ValueKind::kSequence) return SameData(a, b);
    for (size_t k = 0; k < a.items.size(); ++k) {
      if (!SameDataAnyKeyOrder(a.items[k], b.items[k])) return false;
    }
    return true;
  }
  if (a.entries.size() != b.entries.size()) return false;
  for (const ValueEntry& e : a.entries) {
    const ValueNode* other = b.Find(e.key);
    if (!other || !SameDataAnyKeyOrder(e.value, *other)) return false;
  }
  return true;
}

std::string Join(const std::vector<std::string>& lines) {
  std::string out;
  for (const std::string& l : lines) out += l + "\n";
  return out;
}

TEST(ConfigRoundTripTest, JsonToYamlToJsonKeepsEveryDocument) {
  for (uint32_t seed = 1; seed <= Documents(); ++seed) {
    ValueNode generated = DocumentGenerator(seed, false).Document();
    std::vector<ConversionLoss> losses;
    std::string json = EmitJson(generated, &losses);
    ASSERT_TRUE(losses.empty()) << "seed " << seed;
    Result<ValueDocument> parsed = ParseJson("a.json", json);
    ASSERT_TRUE(parsed.ok()) << "seed " << seed << ": " << parsed.status().message() << "\n"
                             << json;
    ASSERT_TRUE(SameData(generated, parsed->root)) << "seed " << seed << "\n" << json;

    Result<Conversion> yaml = ConvertConfig("a.json", json, DataFormat::kJson, {DataFormat::kYaml});
    ASSERT_TRUE(yaml.ok()) << "seed " << seed << ": " << yaml.status().message();
    ASSERT_EQ(Join(yaml->losses) + Join(yaml->notes), "") << "seed " << seed;
    Result<Conversion> back =
        ConvertConfig("a.yaml", yaml->text, DataFormat::kYaml, {DataFormat::kJson});
    ASSERT_TRUE(back.ok()) << "seed " << seed << ": " << back.status().message() << "\n"
                           << yaml->text;
    ASSERT_EQ(Join(back->losses) + Join(back->notes), "") << "seed " << seed << "\n" << yaml->text;
    ASSERT_EQ(back->text, json) << "seed " << seed << "\nYAML:\n" << yaml->text;
    Result<ValueDocument> reparsed = ParseYaml("a.yaml", yaml->text);
    ASSERT_TRUE(reparsed.ok());
    ASSERT_TRUE(SameData(parsed->root, reparsed->root)) << "seed " << seed << "\n" << yaml->text;
  }
}

TEST(ConfigRoundTripTest, TomlToJsonToTomlKeepsEveryDocument) {
  for (uint32_t seed = 1; seed <= Documents(); ++seed) {
    ValueNode generated = DocumentGenerator(seed, true).Document();
    std::vector<ConversionLoss> losses;
    std::string toml = EmitToml(generated, &losses);
    ASSERT_TRUE(losses.empty()) << "seed " << seed;
    Result<ValueDocument> parsed = ParseToml("a.toml", toml);
    ASSERT_TRUE(parsed.ok()) << "seed " << seed << ": " << parsed.status().message() << "\n"
                             << toml;
    // TOML puts a table's values before its sub-tables: the order may change.
    ASSERT_TRUE(SameDataAnyKeyOrder(generated, parsed->root)) << "seed " << seed << "\n" << toml;
    size_t dates = CountDates(parsed->root);

    Result<Conversion> json = ConvertConfig("a.toml", toml, DataFormat::kToml, {DataFormat::kJson});
    ASSERT_TRUE(json.ok()) << "seed " << seed << ": " << json.status().message();
    // Each date becomes a string, and says so; nothing else is lost.
    ASSERT_EQ(json->losses.size(), dates) << "seed " << seed << "\n" << Join(json->losses);
    for (const std::string& line : json->losses) {
      EXPECT_NE(line.find("becomes a string (JSON has no date-time type)"), std::string::npos)
          << line;
    }
    Result<Conversion> back =
        ConvertConfig("a.json", json->text, DataFormat::kJson, {DataFormat::kToml});
    ASSERT_TRUE(back.ok()) << "seed " << seed << ": " << back.status().message() << "\n"
                           << json->text;
    ASSERT_EQ(Join(back->losses), "") << "seed " << seed << "\n" << json->text;
    ASSERT_EQ(back->notes.size(), dates) << "seed " << seed << "\n" << Join(back->notes);
    Result<ValueDocument> reparsed = ParseToml("b.toml", back->text);
    ASSERT_TRUE(reparsed.ok()) << "seed " << seed << ": " << reparsed.status().message() << "\n"
                               << back->text;
    ASSERT_TRUE(SameData(parsed->root, reparsed->root)) << "seed " << seed << "\nTOML 1:\n"
                                                        << toml << "\nTOML 2:\n"
                                                        << back->text;
    ASSERT_EQ(back->text, toml) << "seed " << seed;
    std::vector<ConversionLoss> ignored;
    ASSERT_EQ(EmitJson(reparsed->root, &ignored), json->text) << "seed " << seed;
  }
}

}  // namespace
}  // namespace uprev
