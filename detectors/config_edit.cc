#include "detectors/config_edit.h"

#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <set>

namespace uprev {
namespace {

using Kind = ConfigNode::Kind;

std::string_view Slice(const ConfigDocument& doc, ByteRange r) {
  return doc.text().substr(r.begin, r.size());
}

bool RegexMatches(std::string_view text, const char* pattern) {
  static thread_local std::vector<std::pair<const char*, std::regex>> cache;
  for (auto& [p, re] : cache) {
    if (p == pattern) return std::regex_match(text.begin(), text.end(), re);
  }
  cache.emplace_back(pattern, std::regex(pattern, std::regex::ECMAScript));
  return std::regex_match(text.begin(), text.end(), cache.back().second);
}

// ---- spelling scalars and keys ----

// What a YAML 1.1 or 1.2 reader might take for something else than a string
// when written plain (quoted to stay a string).
bool YamlReadsAsNonString(std::string_view s) {
  if (IsYamlCoreNonString(s)) return true;
  return RegexMatches(s, "y|Y|n|N|yes|Yes|YES|no|No|NO|on|On|ON|off|Off|OFF") ||
         RegexMatches(s,
                      "[-+]?(0b[01_]+|0[0-7_]+|[0-9][0-9_]*|[0-9][0-9_]*(\\.[0-9_]*)?"
                      "([eE][-+]?[0-9]+)?|[0-9]+(:[0-5]?[0-9])+(\\.[0-9_]*)?)") ||
         RegexMatches(s, "[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}([Tt ].*)?") || s == "<<" || s == "=";
}

bool YamlPlainSafe(std::string_view s, bool flow) {
  if (s.empty() || IsBlankChar(s.front()) || IsBlankChar(s.back())) return false;
  static constexpr std::string_view kIndicators = "-?:,[]{}#&*!|>'\"%@`";
  if (kIndicators.find(s[0]) != std::string_view::npos) {
    bool allowed = (s[0] == '-' || s[0] == '?' || s[0] == ':') && s.size() > 1 &&
                   !IsBlankChar(s[1]) && !(flow && s[0] == ':');
    if (!allowed) return false;
  }
  if (s.substr(0, 3) == "---" || s.substr(0, 3) == "...") return false;
  if (s.back() == ':') return false;
  if (s.find(": ") != std::string_view::npos || s.find(" #") != std::string_view::npos)
    return false;
  if (flow && s.find_first_of(",[]{}") != std::string_view::npos) return false;
  return std::none_of(s.begin(), s.end(),
                      [](char c) { return static_cast<unsigned char>(c) < 0x20 && c != '\t'; });
}

std::string Escaped(std::string_view s, bool yaml) {
  std::string out;
  for (char c : s) {
    unsigned char u = static_cast<unsigned char>(c);
    switch (c) {
      case '"':
        out += "\\\"";
        break;
      case '\\':
        out += "\\\\";
        break;
      case '\n':
        out += "\\n";
        break;
      case '\t':
        out += "\\t";
        break;
      case '\r':
        out += "\\r";
        break;
      default:
        if (u < 0x20 || u == 0x7f) {
          out += yaml ? fmt::format("\\x{:02x}", u) : fmt::format("\\u{:04x}", u);
        } else {
          out.push_back(c);
        }
    }
  }
  return out;
}

std::string Quoted(std::string_view s, bool yaml) { return "\"" + Escaped(s, yaml) + "\""; }

// A YAML single-quoted scalar, or double-quoted when it cannot be one.
std::string YamlSingle(std::string_view s) {
  if (std::any_of(s.begin(), s.end(),
                  [](char c) { return static_cast<unsigned char>(c) < 0x20; })) {
    return Quoted(s, true);
  }
  std::string out = "'";
  for (char c : s) {
    out.push_back(c);
    if (c == '\'') out.push_back('\'');
  }
  return out + "'";
}

// A YAML block scalar for `s`, its lines at `indent`: folded (`>`) when
// `style` is and `s` is one line, else literal (`|`). Trailing empty lines
// are written with the keep indicator (`|+`) only when `keep`: the old
// scalar was one, so its range covers the empty lines after it. "" when the
// text needs what this does not write (a first line that starts with a
// space, trailing empty lines without `keep`).
std::string YamlBlock(std::string_view s, uint32_t indent, char style, bool keep) {
  if (s.empty() || s[0] == ' ' || s[0] == '\n') return "";
  std::string_view body = s;
  bool one_line = s.find('\n') >= s.size() - 1;
  std::string header = style == '>' && one_line ? ">" : "|";
  if (body.back() != '\n') {
    header += "-";
  } else {
    body.remove_suffix(1);
    if (!body.empty() && body.back() == '\n') {
      if (!keep) return "";
      header = "|+";
    }
  }
  std::string out = header;
  for (size_t at = 0; at <= body.size();) {
    size_t nl = body.find('\n', at);
    if (nl == std::string_view::npos) nl = body.size();
    std::string_view line = body.substr(at, nl - at);
    out += "\n";
    if (!line.empty()) out += std::string(indent, ' ') + std::string(line);
    at = nl + 1;
  }
  return out;
}

// The indentation of a YAML block scalar's content (that of its header's
// line and 2 when it has none).
uint32_t BlockIndent(std::string_view text, ByteRange block) {
  std::string_view written = text.substr(block.begin, block.size());
  size_t nl = written.find('\n');
  while (nl != std::string_view::npos) {
    size_t first = written.find_first_not_of(' ', nl + 1);
    if (first == std::string_view::npos) break;
    if (written[first] != '\n') return static_cast<uint32_t>(first - nl - 1);
    nl = first;
  }
  uint32_t line = LineStartOf(text, block.begin), indent = 0;
  while (text[line + indent] == ' ') ++indent;
  return indent + 2;
}

// The line break the document uses.
std::string_view NewlineOf(std::string_view text) {
  return text.find("\r\n") != std::string_view::npos ? "\r\n" : "\n";
}

bool IsJsonLiteral(std::string_view s) {
  return s == "true" || s == "false" || s == "null" ||
         RegexMatches(s, "-?(0|[1-9][0-9]*)(\\.[0-9]+)?([eE][-+]?[0-9]+)?");
}

bool IsTomlLiteral(std::string_view s) {
  return s == "true" || s == "false" ||
         RegexMatches(s,
                      "[-+]?(0|[1-9](_?[0-9])*)(\\.[0-9](_?[0-9])*)?([eE][-+]?[0-9](_?[0-9])*)?") ||
         RegexMatches(s, "0x[0-9a-fA-F](_?[0-9a-fA-F])*|0o[0-7](_?[0-7])*|0b[01](_?[01])*") ||
         RegexMatches(s, "[-+]?(inf|nan)") ||
         RegexMatches(s,
                      "[0-9]{4}-[0-9]{2}-[0-9]{2}([Tt ][0-9]{2}:[0-9]{2}:[0-9]{2}(\\.[0-9]+)?"
                      "([Zz]|[-+][0-9]{2}:[0-9]{2})?)?|[0-9]{2}:[0-9]{2}:[0-9]{2}(\\.[0-9]+)?");
}

std::string TomlScalar(std::string_view s, ScalarStyle old) {
  bool has_quote = s.find('\'') != std::string_view::npos;
  bool has_break = s.find_first_of("\n\r") != std::string_view::npos;
  if (old == ScalarStyle::kSingle && !has_quote && !has_break) return "'" + std::string(s) + "'";
  if (old == ScalarStyle::kMultiLiteral && s.find("'''") == std::string_view::npos) {
    return "'''" + std::string(s) + "'''";
  }
  if (old == ScalarStyle::kMultiBasic) {
    std::string out;
    for (char c : s) {
      if (c == '\\' || c == '"') out.push_back('\\');
      out.push_back(c);
    }
    return "\"\"\"" + out + "\"\"\"";
  }
  return Quoted(s, false);
}

// How `text` is written in place of the scalar `old` (`typed`: it may be
// written bare as a number, boolean or null).
std::string WriteScalar(const ConfigDocument& doc, const ConfigNode& old, const std::string& text,
                        bool typed, bool flow) {
  switch (doc.format()) {
    case ConfigFormat::kJson:
      return typed && IsJsonLiteral(text) ? text : Quoted(text, false);
    case ConfigFormat::kToml:
      return typed && IsTomlLiteral(text) ? text : TomlScalar(text, old.style);
    case ConfigFormat::kYaml:
      break;
  }
  if (old.style == ScalarStyle::kDouble) return Quoted(text, true);
  if (old.style == ScalarStyle::kSingle) return YamlSingle(text);
  if (old.style == ScalarStyle::kBlock) {
    std::string_view written = doc.text().substr(old.range.begin, old.range.size());
    bool keep = written.substr(0, written.find('\n')).find('+') != std::string_view::npos;
    std::string block =
        YamlBlock(text, BlockIndent(doc.text(), old.range), doc.text()[old.range.begin], keep);
    if (!block.empty()) return block;
  }
  bool plain = YamlPlainSafe(text, flow) && (typed || !YamlReadsAsNonString(text));
  return plain ? text : Quoted(text, true);
}

std::string WriteKey(ConfigFormat format, std::string_view old, const std::string& key, bool flow) {
  char quote = old.empty() ? ' ' : old[0];
  switch (format) {
    case ConfigFormat::kJson:
      return Quoted(key, false);
    case ConfigFormat::kToml:
      if (quote == '\'' && key.find_first_of("'\n") == std::string::npos) return "'" + key + "'";
      if (quote != '"' && RegexMatches(key, "[A-Za-z0-9_-]+")) return key;
      return Quoted(key, false);
    case ConfigFormat::kYaml:
      break;
  }
  if (quote == '"') return Quoted(key, true);
  if (quote == '\'') return YamlSingle(key);
  return YamlPlainSafe(key, flow) && !YamlReadsAsNonString(key) ? key : Quoted(key, true);
}

// ---- anchors ----

void AnchorsIn(const ConfigNode* node, std::set<std::string>* out) {
  if (!node) return;
  if (!node->anchor.empty()) out->insert(node->anchor);
  for (const ConfigEntry& e : node->entries) AnchorsIn(e.value, out);
}

// An anchor defined in `entry`'s value that an alias outside `keep_out` uses.
std::string AnchorUsedOutside(const ConfigDocument& doc, const ConfigEntry& entry,
                              const std::vector<ByteRange>& inside) {
  std::set<std::string> anchors;
  AnchorsIn(entry.value, &anchors);
  for (const auto& [name, range] : doc.aliases()) {
    if (!anchors.count(name)) continue;
    bool in = std::any_of(inside.begin(), inside.end(),
                          [&](const ByteRange& r) { return r.Contains(range); });
    if (!in) return name;
  }
  return "";
}

// ---- deleting ----

bool RestIsBlankOrComment(const ConfigDocument& doc, uint32_t at) {
  std::string_view text = doc.text();
  while (at < text.size() && IsBlankChar(text[at])) ++at;
  if (at >= text.size() || text[at] == '\n' || text[at] == '\r') return true;
  if (doc.format() == ConfigFormat::kJson)
    return text.substr(at, 2) == "//" || text.substr(at, 2) == "/*";
  return text[at] == '#';
}

// Deletes element `i` of a bracketed list, with its comma.
void DeleteFromList(const ConfigDocument& doc, const ConfigNode& list, size_t i,
                    std::vector<Edit>* out) {
  std::string_view text = doc.text();
  ByteRange e = list.elements[i];
  size_t n = list.elements.size();
  if (n == 1 && !list.open.empty() && !list.close.empty()) {
    out->push_back(Edit{ByteRange{list.open.end, list.close.begin}, ""});
    return;
  }
  if (std::optional<uint32_t> comma = list.commas[i]) {
    if (StartsLine(text, e.begin) && RestIsBlankOrComment(doc, *comma + 1)) {
      out->push_back(Edit{ByteRange{LineStartOf(text, e.begin), LineEndAfter(text, *comma)}, ""});
      return;
    }
    uint32_t next = i + 1 < n ? list.elements[i + 1].begin : *comma + 1;
    if (i + 1 >= n) {
      while (next < text.size() && IsBlankChar(text[next])) ++next;
    }
    out->push_back(Edit{ByteRange{e.begin, next}, ""});
    return;
  }
  std::optional<uint32_t> before = i > 0 ? list.commas[i - 1] : std::nullopt;
  if (!before) {
    out->push_back(Edit{e, ""});
    return;
  }
  if (StartsLine(text, e.begin) && RestIsBlankOrComment(doc, e.end)) {
    out->push_back(Edit{ByteRange{*before, *before + 1}, ""});
    out->push_back(Edit{ByteRange{LineStartOf(text, e.begin), LineEndAfter(text, e.end - 1)}, ""});
    return;
  }
  out->push_back(Edit{ByteRange{*before, e.end}, ""});
}

// Deletes element `i` of a YAML block mapping or sequence: its lines, or,
// when it shares its line with a `- `, up to the next element (`{}` when it
// was the only one).
void DeleteFromBlock(const ConfigDocument& doc, const ConfigNode& list, size_t i,
                     std::vector<Edit>* out) {
  std::string_view text = doc.text();
  ByteRange e = list.elements[i];
  std::string_view empty = list.kind == Kind::kMapping ? "{}" : "[]";
  if (!StartsLine(text, e.begin)) {
    if (i + 1 < list.elements.size()) {
      out->push_back(Edit{ByteRange{e.begin, list.elements[i + 1].begin}, ""});
    } else {
      out->push_back(Edit{e, std::string(empty)});
    }
    return;
  }
  uint32_t begin = LineStartOf(text, e.begin);
  uint32_t end = LineEndAfter(text, e.end - 1);
  // Comment lines indented deeper than the element belong to it.
  uint32_t column = ColumnOf(text, e.begin);
  while (end < doc.extent().end) {
    uint32_t first = end;
    while (first < text.size() && IsBlankChar(text[first])) ++first;
    if (first >= text.size() || text[first] != '#' || first - end <= column) break;
    end = LineEndAfter(text, first);
  }
  if (list.elements.size() == 1 && list.empty_value_at) {
    out->push_back(
        Edit{ByteRange{*list.empty_value_at, *list.empty_value_at}, " " + std::string(empty)});
  }
  out->push_back(Edit{ByteRange{begin, end}, ""});
}

// Deletes a TOML pair's lines, or a [table] section (and the blank line after
// it when one comes before it too).
void DeleteLines(const ConfigDocument& doc, ByteRange range, std::vector<Edit>* out) {
  std::string_view text = doc.text();
  uint32_t begin = LineStartOf(text, range.begin);
  uint32_t end = LineEndAfter(text, range.end - 1);
  auto blank_line_at = [&](uint32_t at) {
    uint32_t i = at;
    while (i < text.size() && IsBlankChar(text[i])) ++i;
    return i < text.size() && text[i] == '\n';
  };
  bool section = text[range.begin] == '[';
  bool blank_before = begin == 0 || blank_line_at(LineStartOf(text, begin - 1));
  if (section && blank_before && blank_line_at(end)) end = LineEndAfter(text, end);
  out->push_back(Edit{ByteRange{begin, end}, ""});
}

// Re-indents the lines after the first by `delta` columns.
std::string Reindent(std::string_view text, int delta) {
  std::string out;
  for (size_t i = 0; i < text.size(); ++i) {
    out.push_back(text[i]);
    if (text[i] != '\n' || delta == 0) continue;
    if (delta > 0) {
      if (i + 1 < text.size() && text[i + 1] != '\n') out.append(delta, ' ');
    } else {
      for (int k = 0; k < -delta && i + 1 < text.size() && text[i + 1] == ' '; ++k) ++i;
    }
  }
  return out;
}

bool IsContainer(const ConfigNode* n) {
  return n && (n->kind == Kind::kMapping || n->kind == Kind::kSequence || n->kind == Kind::kOther);
}

}  // namespace

bool IsYamlCoreNonString(std::string_view s) {
  return s.empty() || RegexMatches(s, "~|null|Null|NULL|true|True|TRUE|false|False|FALSE") ||
         RegexMatches(s, "[-+]?[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+") ||
         RegexMatches(s, "[-+]?(\\.[0-9]+|[0-9]+(\\.[0-9]*)?)([eE][-+]?[0-9]+)?") ||
         RegexMatches(s, "[-+]?\\.(inf|Inf|INF)|\\.nan|\\.NaN|\\.NAN");
}

ConfigStep SetValue(const ConfigDocument& doc, const ResolvedEntry& at, const ConfigValue& value) {
  const ConfigNode* v = at.entry->value;
  std::string path = PathText(at.concrete);
  if (!v || IsContainer(v)) return ConfigStep{{}, fmt::format("'{}' is not a scalar", path)};
  if (v->kind == Kind::kAlias) {
    return ConfigStep{{},
                      fmt::format("'{}' is the alias *{}, left unchanged: set the anchored "
                                  "value or replace the alias",
                                  path, v->text)};
  }
  if (!v->anchor.empty() && !AnchorUsedOutside(doc, *at.entry, {}).empty()) {
    return ConfigStep{{},
                      fmt::format("'{}' is anchored (&{}) and aliases repeat it, left "
                                  "unchanged",
                                  path, v->anchor)};
  }
  bool flow = at.parent && at.parent->flow;
  std::string spelling = WriteScalar(doc, *v, value.text, value.typed, flow);
  if (v->kind == Kind::kNull) {
    if (doc.format() != ConfigFormat::kYaml) return ConfigStep{{}, ""};
    return ConfigStep{{Edit{v->range, " " + spelling}}, ""};
  }
  if (spelling == Slice(doc, v->range)) return ConfigStep{};
  return ConfigStep{{Edit{v->range, spelling}}, ""};
}

ConfigStep ReplaceValue(const ConfigDocument& doc, const ResolvedEntry& at, const std::regex& regex,
                        const std::string& with) {
  const ConfigNode* v = at.entry->value;
  if (!v) return ConfigStep{};
  if (v->kind == Kind::kAlias) {
    const ConfigNode* anchored = doc.Anchor(v->text);
    if (anchored && anchored->kind == Kind::kScalar && std::regex_search(anchored->text, regex)) {
      return ConfigStep{{},
                        fmt::format("'{}' is the alias *{} of a value to rewrite, left "
                                    "unchanged",
                                    PathText(at.concrete), v->text)};
    }
    return ConfigStep{};
  }
  if (v->kind != Kind::kScalar || !std::regex_search(v->text, regex)) return ConfigStep{};
  std::string text = std::regex_replace(v->text, regex, with);
  if (text == v->text) return ConfigStep{};
  if (!v->anchor.empty() && !AnchorUsedOutside(doc, *at.entry, {}).empty()) {
    return ConfigStep{{},
                      fmt::format("'{}' is anchored (&{}) and aliases repeat it, left "
                                  "unchanged",
                                  PathText(at.concrete), v->anchor)};
  }
  std::string spelling = WriteScalar(doc, *v, text, v->typed, at.parent && at.parent->flow);
  if (spelling == Slice(doc, v->range)) return ConfigStep{};
  return ConfigStep{{Edit{v->range, spelling}}, ""};
}

ConfigStep RenameKey(const ConfigDocument& doc, const ResolvedEntry& at, const std::string& name) {
  const ConfigEntry& entry = *at.entry;
  if (entry.key == name || entry.key_ranges.empty()) return ConfigStep{};
  for (const ConfigEntry& sibling : at.parent->entries) {
    if (&sibling != &entry && sibling.key == name) {
      std::vector<KeySegment> target = at.concrete;
      target.back().key = name;
      return ConfigStep{{},
                        fmt::format("'{}' already exists, '{}' left unchanged", PathText(target),
                                    PathText(at.concrete))};
    }
  }
  ConfigStep step;
  for (const ByteRange& range : entry.key_ranges) {
    step.edits.push_back(
        Edit{range, WriteKey(doc.format(), Slice(doc, range), name, at.parent->flow)});
  }
  std::sort(step.edits.begin(), step.edits.end(),
            [](const Edit& a, const Edit& b) { return a.range.begin < b.range.begin; });
  return step;
}

ConfigStep DeleteEntry(const ConfigDocument& doc, const ResolvedEntry& at) {
  const ConfigEntry& entry = *at.entry;
  std::vector<ConfigSite> sites = entry.sites;
  std::sort(sites.begin(), sites.end(), [](const ConfigSite& a, const ConfigSite& b) {
    return a.range.begin < b.range.begin ||
           (a.range.begin == b.range.begin && a.range.end > b.range.end);
  });
  std::vector<ConfigSite> outer;
  for (const ConfigSite& s : sites) {
    if (outer.empty() || !outer.back().range.Contains(s.range)) outer.push_back(s);
  }
  std::vector<ByteRange> ranges;
  for (const ConfigSite& s : outer) ranges.push_back(s.range);
  std::string anchor = AnchorUsedOutside(doc, entry, ranges);
  if (!anchor.empty()) {
    return ConfigStep{{},
                      fmt::format("'{}' defines the anchor &{} that an alias uses elsewhere, "
                                  "left in place",
                                  PathText(at.concrete), anchor)};
  }
  ConfigStep step;
  for (const ConfigSite& s : outer) {
    if (!s.list) {
      DeleteLines(doc, s.range, &step.edits);
    } else if (s.list->flow) {
      DeleteFromList(doc, *s.list, s.index, &step.edits);
    } else {
      DeleteFromBlock(doc, *s.list, s.index, &step.edits);
    }
  }
  std::sort(step.edits.begin(), step.edits.end(),
            [](const Edit& a, const Edit& b) { return a.range.begin < b.range.begin; });
  for (size_t i = 1; i < step.edits.size(); ++i) {
    if (step.edits[i - 1].range.Overlaps(step.edits[i].range)) {
      return ConfigStep{{},
                        fmt::format("'{}' is written in several places that cannot be "
                                    "deleted apart",
                                    PathText(at.concrete))};
    }
  }
  return step;
}

TakenValue TakeValue(const ConfigDocument& doc, const ResolvedEntry& at) {
  const ConfigEntry& entry = *at.entry;
  std::string path = PathText(at.concrete);
  if (entry.key_ranges.empty() || entry.sites.size() != 1) {
    return TakenValue{"", 0, fmt::format("'{}' is not one key and value to move", path)};
  }
  const ConfigSite& site = entry.sites[0];
  std::string_view text = doc.text();
  ByteRange key = entry.key_ranges.back();
  TakenValue out;
  out.column = ColumnOf(text, site.range.begin);
  uint32_t end = site.range.end;
  switch (doc.format()) {
    case ConfigFormat::kYaml: {
      std::set<std::string> anchors;
      AnchorsIn(entry.value, &anchors);
      for (const auto& alias : doc.aliases()) {
        if (anchors.count(alias.first)) {
          return TakenValue{"", 0,
                            fmt::format("'{}' defines the anchor &{} that an alias uses; "
                                        "moving it could put it after the alias",
                                        path, alias.first)};
        }
      }
      out.column = ColumnOf(text, key.begin);
      if (!site.list->flow) end = LineEndAfter(text, end - 1);
      while (end > key.end && (text[end - 1] == '\n' || text[end - 1] == '\r')) --end;
      break;
    }
    case ConfigFormat::kToml:
      if (site.list || text[site.range.begin] == '[') {
        return TakenValue{"", 0,
                          fmt::format("'{}' is not a `key = value` line of a table; "
                                      "uprev moves only those in TOML",
                                      path)};
      }
      break;
    case ConfigFormat::kJson:
      break;
  }
  out.text = std::string(text.substr(key.end, end - key.end));
  return out;
}

std::string InsertProblem(const ConfigDocument& doc, const ConfigNode* parent,
                          std::string_view parent_path) {
  std::string where = parent_path.empty() ? "the document" : fmt::format("'{}'", parent_path);
  if (!parent) return fmt::format("{} does not exist", where);
  if (parent->kind != Kind::kMapping) return fmt::format("{} is not a mapping", where);
  switch (doc.format()) {
    case ConfigFormat::kYaml:
      if (parent->flow || parent->elements.empty()) {
        return fmt::format(
            "{} is written in flow style ({{...}}); uprev adds keys to block "
            "mappings only",
            where);
      }
      return "";
    case ConfigFormat::kToml:
      if (parent->flow) return fmt::format("{} is an inline table", where);
      if (!parent->section) return fmt::format("{} has no [table] header of its own", where);
      return "";
    case ConfigFormat::kJson:
      return "";
  }
  return "";
}

ConfigStep InsertEntry(const ConfigDocument& doc, const ConfigNode& parent, const std::string& key,
                       const TakenValue& value) {
  std::string_view text = doc.text();
  ConfigStep step;
  if (doc.format() == ConfigFormat::kToml) {
    uint32_t at = parent.section->end;
    std::string newline(NewlineOf(text));
    std::string line = WriteKey(ConfigFormat::kToml, "", key, false) + value.text + newline;
    if (at > 0 && text[at - 1] != '\n') line = newline + line;
    step.edits.push_back(Edit{ByteRange{at, at}, line});
    return step;
  }
  if (doc.format() == ConfigFormat::kYaml) {
    uint32_t column = ColumnOf(text, parent.elements[0].begin);
    uint32_t at = LineEndAfter(text, parent.elements.back().end - 1);
    std::string line =
        std::string(column, ' ') + WriteKey(ConfigFormat::kYaml, "", key, false) +
        Reindent(value.text, static_cast<int>(column) - static_cast<int>(value.column)) +
        std::string(NewlineOf(text));
    if (at > 0 && text[at - 1] != '\n') line = std::string(NewlineOf(text)) + line;
    step.edits.push_back(Edit{ByteRange{at, at}, line});
    return step;
  }
  std::string member = WriteKey(ConfigFormat::kJson, "", key, true);
  if (parent.elements.empty()) {
    step.edits.push_back(Edit{ByteRange{parent.open.end, parent.open.end}, member + value.text});
    return step;
  }
  ByteRange last = parent.elements.back();
  uint32_t column = ColumnOf(text, last.begin);
  std::string separator = StartsLine(text, last.begin)
                              ? std::string(NewlineOf(text)) +
                                    std::string(text.substr(LineStartOf(text, last.begin), column))
                              : " ";
  std::string moved =
      Reindent(value.text, static_cast<int>(column) - static_cast<int>(value.column));
  step.edits.push_back(Edit{ByteRange{last.end, last.end}, "," + separator + member + moved});
  return step;
}

}  // namespace uprev
