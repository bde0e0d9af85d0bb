#include "detectors/config_tree.h"

#include <algorithm>
#include <cassert>
#include <cctype>

namespace uprev {
namespace {

std::string_view Type(TSNode node) { return ts_node_type(node); }

// The children that are not comments, in order.
std::vector<TSNode> Children(TSNode node) {
  std::vector<TSNode> out;
  uint32_t count = ts_node_child_count(node);
  for (uint32_t i = 0; i < count; ++i) {
    TSNode child = ts_node_child(node, i);
    if (!ts_node_is_extra(child)) out.push_back(child);
  }
  return out;
}

bool IsScalarLeaf(std::string_view type) {
  return type == "plain_scalar" || type == "double_quote_scalar" || type == "single_quote_scalar" ||
         type == "block_scalar" || type == "string" || type == "quoted_key";
}

// Where `node` ends without the comments and line breaks at its end (a YAML
// block mapping runs over the comment lines after its last pair, a block
// scalar at the end of the file over the empty lines after it).
uint32_t ContentEnd(TSNode node, std::string_view text) {
  std::string_view type = Type(node);
  if (type == "block_scalar") {
    uint32_t begin = ts_node_start_byte(node), end = ts_node_end_byte(node);
    while (end > begin + 1 && std::isspace(static_cast<unsigned char>(text[end - 1]))) --end;
    return end;
  }
  if (IsScalarLeaf(type)) return ts_node_end_byte(node);
  std::vector<TSNode> children = Children(node);
  if (children.empty()) return ts_node_end_byte(node);
  return ContentEnd(children.back(), text);
}

// Folds the line break at `*i` (YAML flow scalars): trailing blanks of the
// line go, one break becomes a space, n+1 breaks become n newlines, and the
// next line's leading blanks go.
void FoldBreak(std::string_view raw, size_t* i, std::string* out) {
  while (!out->empty() && IsBlankChar(out->back())) out->pop_back();
  int breaks = 0;
  while (*i < raw.size() && (raw[*i] == '\n' || raw[*i] == '\r' || IsBlankChar(raw[*i]))) {
    if (raw[*i] == '\n') ++breaks;
    ++*i;
  }
  if (breaks <= 1) {
    out->push_back(' ');
  } else {
    out->append(breaks - 1, '\n');
  }
}

// The `digits` hex digits at `at`, if they are there.
std::optional<uint32_t> HexAt(std::string_view raw, size_t at, int digits) {
  if (at + digits > raw.size()) return std::nullopt;
  uint32_t value = 0;
  for (int k = 0; k < digits; ++k) {
    char c = raw[at + k];
    if (!std::isxdigit(static_cast<unsigned char>(c))) return std::nullopt;
    value = value * 16 +
            static_cast<uint32_t>(std::isdigit(static_cast<unsigned char>(c))
                                      ? c - '0'
                                      : std::tolower(static_cast<unsigned char>(c)) - 'a' + 10);
  }
  return value;
}

// Decodes backslash escapes (YAML double-quoted, JSON and TOML basic
// strings); `fold` folds line breaks as YAML does.
std::string Unescape(std::string_view raw, bool fold) {
  std::string out;
  for (size_t i = 0; i < raw.size();) {
    char c = raw[i];
    if (c == '\n' && fold) {
      FoldBreak(raw, &i, &out);
      continue;
    }
    if (c != '\\' || i + 1 >= raw.size()) {
      out.push_back(c);
      ++i;
      continue;
    }
    char e = raw[i + 1];
    i += 2;
    int hex = e == 'x' ? 2 : e == 'u' ? 4 : e == 'U' ? 8 : 0;
    std::optional<uint32_t> cp = hex ? HexAt(raw, i, hex) : std::nullopt;
    if (cp) {
      i += hex;
      // A UTF-16 surrogate pair (JSON).
      if (*cp >= 0xD800 && *cp < 0xDC00 && raw.substr(i, 2) == "\\u") {
        std::optional<uint32_t> low = HexAt(raw, i + 2, 4);
        if (low && *low >= 0xDC00 && *low < 0xE000) {
          *cp = 0x10000 + ((*cp - 0xD800) << 10) + (*low - 0xDC00);
          i += 6;
        }
      }
      AppendUtf8(*cp, &out);
      continue;
    }
    switch (e) {
      case 'n':
        out.push_back('\n');
        break;
      case 't':
      case '\t':
        out.push_back('\t');
        break;
      case 'r':
        out.push_back('\r');
        break;
      case 'b':
        out.push_back('\b');
        break;
      case 'f':
        out.push_back('\f');
        break;
      case '0':
        out.push_back('\0');
        break;
      case 'e':
        out.push_back('\x1b');
        break;
      case '\n':
      case '\r':  // an escaped line break joins the lines
        while (i < raw.size() && (raw[i] == '\n' || IsBlankChar(raw[i]))) ++i;
        break;
      default:
        out.push_back(e);  // \" \\ \/ and the rest as themselves
    }
  }
  return out;
}

std::string FoldPlain(std::string_view raw, bool single_quoted) {
  std::string out;
  for (size_t i = 0; i < raw.size();) {
    if (raw[i] == '\n') {
      FoldBreak(raw, &i, &out);
    } else if (single_quoted && raw[i] == '\'' && i + 1 < raw.size() && raw[i + 1] == '\'') {
      out.push_back('\'');
      i += 2;
    } else {
      out.push_back(raw[i++]);
    }
  }
  return out;
}

// Where a block scalar with the keep indicator (`|+`) ends: its trailing
// empty lines are part of its value, so the range takes them in, up to
// the line break before the next line with content.
uint32_t KeptEnd(std::string_view text, uint32_t end) {
  while (true) {
    size_t nl = text.find('\n', end);
    if (nl == std::string_view::npos) return end;
    size_t eol = text.find('\n', nl + 1);
    if (eol == std::string_view::npos) return end;
    std::string_view line = text.substr(nl + 1, eol - nl - 1);
    if (line.find_first_not_of(" \t\r") != std::string_view::npos) return end;
    end = static_cast<uint32_t>(eol);
  }
}

// The content of a YAML block scalar (`|` keeps line breaks, `>` folds them).
std::string DecodeBlockScalar(std::string_view raw) {
  size_t header_end = raw.find('\n');
  if (header_end == std::string_view::npos) return "";
  std::string_view header = raw.substr(0, header_end);
  bool literal = header[0] == '|';
  char chomp = header.find('-') != std::string_view::npos   ? '-'
               : header.find('+') != std::string_view::npos ? '+'
                                                            : ' ';
  std::vector<std::string_view> lines;
  for (size_t at = header_end + 1; at <= raw.size();) {
    size_t nl = raw.find('\n', at);
    if (nl == std::string_view::npos) nl = raw.size();
    lines.push_back(raw.substr(at, nl - at));
    at = nl + 1;
  }
  size_t indent = std::string_view::npos;
  for (std::string_view line : lines) {
    size_t first = line.find_first_not_of(' ');
    if (first != std::string_view::npos) indent = std::min(indent, first);
  }
  if (indent == std::string_view::npos) indent = 0;
  std::string out;
  bool previous_plain = false;
  for (size_t n = 0; n < lines.size(); ++n) {
    std::string_view line = lines[n].size() > indent ? lines[n].substr(indent) : "";
    if (n > 0) {
      bool plain = !line.empty() && line[0] != ' ';
      out.push_back(!literal && previous_plain && plain ? ' ' : '\n');
    }
    out.append(line);
    previous_plain = !line.empty() && line[0] != ' ';
  }
  if (chomp != '-') out.push_back('\n');
  return out;
}

std::string DecodeTomlString(std::string_view raw, ScalarStyle* style) {
  auto strip_first_newline = [](std::string_view s) {
    if (!s.empty() && s[0] == '\n') return s.substr(1);
    if (s.substr(0, 2) == "\r\n") return s.substr(2);
    return s;
  };
  if (raw.substr(0, 3) == "\"\"\"" && raw.size() >= 6) {
    *style = ScalarStyle::kMultiBasic;
    return Unescape(strip_first_newline(raw.substr(3, raw.size() - 6)), false);
  }
  if (raw.substr(0, 3) == "'''" && raw.size() >= 6) {
    *style = ScalarStyle::kMultiLiteral;
    return std::string(strip_first_newline(raw.substr(3, raw.size() - 6)));
  }
  if (raw.size() < 2) return std::string(raw);
  if (raw[0] == '\'') {
    *style = ScalarStyle::kSingle;
    return std::string(raw.substr(1, raw.size() - 2));
  }
  *style = ScalarStyle::kDouble;
  return Unescape(raw.substr(1, raw.size() - 2), false);
}

// Builds the nodes of one document.
class Builder {
 public:
  Builder(ConfigDocument* doc) : doc_(doc), text_(doc->text()) {}

  ConfigNode* Yaml(TSNode node, uint32_t indicator_end);
  ConfigNode* Json(TSNode node);
  ConfigNode* TomlDocument(TSNode document);

 private:
  std::string_view Text(TSNode node) const { return NodeText(node, text_); }
  std::string_view Slice(ByteRange r) const { return text_.substr(r.begin, r.size()); }
  ConfigNode* Null(uint32_t at) {
    ConfigNode* n = doc_->NewNode();
    n->kind = ConfigNode::Kind::kNull;
    n->range = ByteRange{at, at};
    n->typed = true;
    return n;
  }
  ConfigNode* Scalar(ByteRange range, std::string text, ScalarStyle style, bool typed) {
    ConfigNode* n = doc_->NewNode();
    n->kind = ConfigNode::Kind::kScalar;
    n->range = range;
    n->text = std::move(text);
    n->style = style;
    n->typed = typed;
    return n;
  }
  void AddElement(ConfigNode* list, ConfigEntry entry, ByteRange element) {
    entry.sites.push_back(ConfigSite{element, list, list->elements.size()});
    list->elements.push_back(element);
    list->commas.push_back(std::nullopt);
    list->entries.push_back(std::move(entry));
  }

  ConfigNode* YamlContent(TSNode node);
  ConfigNode* YamlContainer(TSNode node, bool mapping, bool flow);
  ConfigEntry YamlPair(TSNode pair, ByteRange* key_content);
  std::string YamlKeyText(TSNode key, ByteRange* range);

  ConfigNode* TomlValue(TSNode node);
  struct KeySegment {
    std::string key;
    ByteRange range;
  };
  void TomlKeys(TSNode key, std::vector<KeySegment>* out) const;
  size_t FindOrAdd(ConfigNode* mapping, const std::string& key);
  void TomlPair(ConfigNode* table, TSNode pair, ConfigSite site);
  void TomlTable(ConfigNode* root, TSNode table, bool array_element);

  ConfigDocument* doc_;
  std::string_view text_;
};

// ---- YAML ----

ConfigNode* Builder::Yaml(TSNode node, uint32_t indicator_end) {
  std::string_view type = Type(node);
  if (type != "block_node" && type != "flow_node") return YamlContent(node);
  std::string anchor;
  uint32_t props_end = indicator_end;
  std::optional<TSNode> content;
  for (TSNode child : Children(node)) {
    std::string_view t = Type(child);
    if (t == "anchor") {
      std::vector<TSNode> name = Children(child);
      anchor = std::string(name.empty() ? "" : Text(name.back()));
      props_end = ts_node_end_byte(child);
    } else if (t == "tag") {
      props_end = ts_node_end_byte(child);
    } else {
      content = child;
    }
  }
  ConfigNode* n = content ? YamlContent(*content) : Null(props_end);
  if (!anchor.empty()) {
    n->anchor = anchor;
    doc_->AddAnchor(anchor, n);
  }
  if (content &&
      (n->kind == ConfigNode::Kind::kMapping || n->kind == ConfigNode::Kind::kSequence) &&
      !n->flow && LineStartOf(text_, ts_node_start_byte(*content)) > props_end) {
    n->empty_value_at = props_end;
  }
  return n;
}

ConfigNode* Builder::YamlContent(TSNode node) {
  std::string_view type = Type(node);
  ByteRange range = NodeRange(node);
  if (type == "block_mapping") return YamlContainer(node, true, false);
  if (type == "block_sequence") return YamlContainer(node, false, false);
  if (type == "flow_mapping") return YamlContainer(node, true, true);
  if (type == "flow_sequence") return YamlContainer(node, false, true);
  if (type == "plain_scalar") {
    std::vector<TSNode> kind = Children(node);
    bool typed = !kind.empty() && Type(kind[0]) != "string_scalar";
    return Scalar(range, FoldPlain(Text(node), false), ScalarStyle::kPlain, typed);
  }
  std::string_view raw = Text(node);
  if (type == "double_quote_scalar" && raw.size() >= 2) {
    return Scalar(range, Unescape(raw.substr(1, raw.size() - 2), true), ScalarStyle::kDouble,
                  false);
  }
  if (type == "single_quote_scalar" && raw.size() >= 2) {
    return Scalar(range, FoldPlain(raw.substr(1, raw.size() - 2), true), ScalarStyle::kSingle,
                  false);
  }
  if (type == "block_scalar") {
    range.end = ContentEnd(node, text_);
    std::string_view header = Slice(range).substr(0, Slice(range).find('\n'));
    if (header.find('+') != std::string_view::npos) range.end = KeptEnd(text_, range.end);
    return Scalar(range, DecodeBlockScalar(Slice(range)), ScalarStyle::kBlock, false);
  }
  ConfigNode* n = doc_->NewNode();
  n->range = range;
  if (type == "alias") {
    std::vector<TSNode> name = Children(node);
    n->kind = ConfigNode::Kind::kAlias;
    n->text = std::string(name.empty() ? "" : Text(name.back()));
    doc_->AddAlias(n->text, range);
  }
  return n;
}

// The decoded text of a key and the range of its scalar (without tags).
std::string Builder::YamlKeyText(TSNode key, ByteRange* range) {
  ConfigNode* n = Yaml(key, ts_node_start_byte(key));
  *range = n->range;
  if (n->kind == ConfigNode::Kind::kScalar) return n->text;
  return std::string(Text(key));
}

ConfigEntry Builder::YamlPair(TSNode pair, ByteRange* key_content) {
  ConfigEntry entry;
  std::optional<TSNode> key, value;
  uint32_t colon_end = ts_node_start_byte(pair);
  bool colon = false;
  for (TSNode child : Children(pair)) {
    if (!ts_node_is_named(child)) {
      if (Type(child) == ":") {
        colon = true;
        colon_end = ts_node_end_byte(child);
      }
      continue;
    }
    (colon ? value : key) = child;
  }
  if (key) {
    entry.key = YamlKeyText(*key, key_content);
    entry.key_ranges.push_back(*key_content);
  }
  entry.value = value ? Yaml(*value, colon_end) : Null(colon_end);
  return entry;
}

ConfigNode* Builder::YamlContainer(TSNode node, bool mapping, bool flow) {
  ConfigNode* n = doc_->NewNode();
  n->kind = mapping ? ConfigNode::Kind::kMapping : ConfigNode::Kind::kSequence;
  n->range = NodeRange(node);
  n->flow = flow;
  for (TSNode child : Children(node)) {
    std::string_view t = Type(child);
    ByteRange element{ts_node_start_byte(child), ContentEnd(child, text_)};
    if (!ts_node_is_named(child)) {
      if (t == "{" || t == "[") n->open = NodeRange(child);
      if (t == "}" || t == "]") n->close = NodeRange(child);
      if (t == "," && !n->commas.empty()) n->commas.back() = ts_node_start_byte(child);
      continue;
    }
    ConfigEntry entry;
    ByteRange key;
    if (t == "block_mapping_pair" || (t == "flow_pair" && mapping)) {
      entry = YamlPair(child, &key);
    } else if (t == "block_sequence_item") {
      std::vector<TSNode> parts = Children(child);
      uint32_t dash_end = ts_node_start_byte(child) + 1;
      entry.value = parts.size() > 1 ? Yaml(parts[1], dash_end) : Null(dash_end);
    } else if (t == "flow_node" && mapping) {  // `{a, b}`: keys with no value
      entry.key = YamlKeyText(child, &key);
      entry.key_ranges.push_back(key);
      entry.value = Null(ts_node_end_byte(child));
    } else if (t == "flow_node") {
      entry.value = Yaml(child, ts_node_start_byte(child));
    } else {  // a single-pair mapping in a flow sequence
      entry.value = doc_->NewNode();
      entry.value->range = NodeRange(child);
    }
    AddElement(n, std::move(entry), element);
  }
  return n;
}

// ---- JSON ----

ConfigNode* Builder::Json(TSNode node) {
  std::string_view type = Type(node);
  ByteRange range = NodeRange(node);
  std::string_view raw = Text(node);
  if (type == "string" && raw.size() >= 2) {
    return Scalar(range, Unescape(raw.substr(1, raw.size() - 2), false), ScalarStyle::kDouble,
                  false);
  }
  if (type == "number" || type == "true" || type == "false" || type == "null") {
    return Scalar(range, std::string(raw), ScalarStyle::kPlain, true);
  }
  ConfigNode* n = doc_->NewNode();
  n->range = range;
  if (type != "object" && type != "array") return n;
  bool object = type == "object";
  n->kind = object ? ConfigNode::Kind::kMapping : ConfigNode::Kind::kSequence;
  n->flow = true;
  for (TSNode child : Children(node)) {
    std::string_view t = Type(child);
    if (!ts_node_is_named(child)) {
      if (t == "{" || t == "[") n->open = NodeRange(child);
      if (t == "}" || t == "]") n->close = NodeRange(child);
      if (t == "," && !n->commas.empty()) n->commas.back() = ts_node_start_byte(child);
      continue;
    }
    ConfigEntry entry;
    if (object && t == "pair") {
      std::vector<TSNode> parts = Children(child);  // key, ':', value
      ConfigNode* key = Json(parts[0]);
      entry.key = key->text;
      entry.key_ranges.push_back(key->range);
      entry.value = parts.size() > 2 ? Json(parts[2]) : Null(ts_node_end_byte(child));
    } else {
      entry.value = Json(child);
    }
    AddElement(n, std::move(entry), NodeRange(child));
  }
  return n;
}

// ---- TOML ----

void Builder::TomlKeys(TSNode key, std::vector<KeySegment>* out) const {
  std::string_view type = Type(key);
  if (type == "dotted_key") {
    for (TSNode child : Children(key)) {
      if (ts_node_is_named(child)) TomlKeys(child, out);
    }
    return;
  }
  std::string_view raw = Text(key);
  ScalarStyle style;
  out->push_back(KeySegment{type == "quoted_key" ? DecodeTomlString(raw, &style) : std::string(raw),
                            NodeRange(key)});
}

size_t Builder::FindOrAdd(ConfigNode* mapping, const std::string& key) {
  for (size_t i = 0; i < mapping->entries.size(); ++i) {
    if (mapping->entries[i].key == key) return i;
  }
  ConfigEntry entry;
  entry.key = key;
  mapping->entries.push_back(std::move(entry));
  return mapping->entries.size() - 1;
}

ConfigNode* Builder::TomlValue(TSNode node) {
  std::string_view type = Type(node);
  ByteRange range = NodeRange(node);
  if (type == "string") {
    ScalarStyle style = ScalarStyle::kDouble;
    std::string text = DecodeTomlString(Text(node), &style);
    return Scalar(range, std::move(text), style, false);
  }
  if (type != "array" && type != "inline_table") {
    return Scalar(range, std::string(Text(node)), ScalarStyle::kPlain, true);
  }
  ConfigNode* n = doc_->NewNode();
  bool table = type == "inline_table";
  n->kind = table ? ConfigNode::Kind::kMapping : ConfigNode::Kind::kSequence;
  n->range = range;
  n->flow = true;
  for (TSNode child : Children(node)) {
    std::string_view t = Type(child);
    if (!ts_node_is_named(child)) {
      if (t == "{" || t == "[") n->open = NodeRange(child);
      if (t == "}" || t == "]") n->close = NodeRange(child);
      if (t == "," && !n->commas.empty()) n->commas.back() = ts_node_start_byte(child);
      continue;
    }
    ByteRange element = NodeRange(child);
    if (table) {
      ConfigSite site{element, n, n->elements.size()};
      n->elements.push_back(element);
      n->commas.push_back(std::nullopt);
      TomlPair(n, child, site);
    } else {
      ConfigEntry entry;
      entry.value = TomlValue(child);
      AddElement(n, std::move(entry), element);
    }
  }
  return n;
}

// Adds `pair` (`a.b = v`) to `table`: every key of a dotted key is an entry
// the pair defines.
void Builder::TomlPair(ConfigNode* table, TSNode pair, ConfigSite site) {
  std::vector<TSNode> parts = Children(pair);
  if (parts.empty()) return;
  std::vector<KeySegment> keys;
  TomlKeys(parts[0], &keys);
  ConfigNode* node = table;
  for (size_t i = 0; i < keys.size(); ++i) {
    size_t index = FindOrAdd(node, keys[i].key);
    ConfigEntry& entry = node->entries[index];
    entry.key_ranges.push_back(keys[i].range);
    entry.sites.push_back(site);
    if (i + 1 == keys.size()) {
      entry.value = parts.size() > 2 ? TomlValue(parts[2]) : Null(ts_node_end_byte(pair));
      return;
    }
    if (!entry.value) {
      entry.value = doc_->NewNode();
      entry.value->kind = ConfigNode::Kind::kMapping;
      entry.value->range = site.range;
    }
    if (entry.value->kind != ConfigNode::Kind::kMapping) return;
    node = entry.value;
  }
}

// Adds a [table] or [[array]] section and its pairs under `root`.
void Builder::TomlTable(ConfigNode* root, TSNode table, bool array_element) {
  std::vector<TSNode> parts = Children(table);
  std::vector<KeySegment> keys;
  std::vector<TSNode> pairs;
  for (TSNode child : parts) {
    if (!ts_node_is_named(child)) continue;
    if (Type(child) == "pair") {
      pairs.push_back(child);
    } else if (pairs.empty()) {
      TomlKeys(child, &keys);
    }
  }
  if (keys.empty()) return;
  uint32_t content_end = ContentEnd(table, text_);
  ConfigSite site{ByteRange{ts_node_start_byte(table), content_end}, nullptr, 0};
  ByteRange section{ts_node_start_byte(table), LineEndAfter(text_, content_end - 1)};
  ConfigNode* node = root;
  for (size_t i = 0; i < keys.size(); ++i) {
    size_t index = FindOrAdd(node, keys[i].key);
    ConfigEntry& entry = node->entries[index];
    entry.key_ranges.push_back(keys[i].range);
    entry.sites.push_back(site);
    bool last = i + 1 == keys.size();
    if (!entry.value) {
      entry.value = doc_->NewNode();
      entry.value->kind =
          last && array_element ? ConfigNode::Kind::kSequence : ConfigNode::Kind::kMapping;
      entry.value->range = site.range;
    }
    ConfigNode* value = entry.value;
    if (last && array_element) {
      if (value->kind != ConfigNode::Kind::kSequence) return;
      ConfigEntry item;
      item.value = doc_->NewNode();
      item.value->kind = ConfigNode::Kind::kMapping;
      item.value->range = site.range;
      item.value->section = section;
      item.sites.push_back(site);
      value->entries.push_back(std::move(item));
      node = value->entries.back().value;
    } else if (value->kind == ConfigNode::Kind::kSequence && !value->entries.empty()) {
      node = value->entries.back().value;  // [a.b] after [[a]]: the last element of a
    } else if (value->kind == ConfigNode::Kind::kMapping) {
      node = value;
      if (last) node->section = section;
    } else {
      return;
    }
  }
  for (TSNode pair : pairs) {
    TomlPair(node, pair, ConfigSite{NodeRange(pair), nullptr, 0});
  }
}

ConfigNode* Builder::TomlDocument(TSNode document) {
  ConfigNode* root = doc_->NewNode();
  root->kind = ConfigNode::Kind::kMapping;
  root->range = NodeRange(document);
  root->toml_root = true;
  std::optional<uint32_t> insert_at;
  for (TSNode child : Children(document)) {
    std::string_view t = Type(child);
    if (t == "pair") {
      TomlPair(root, child, ConfigSite{NodeRange(child), nullptr, 0});
      insert_at = LineEndAfter(text_, ts_node_end_byte(child) - 1);
    } else if (t == "table" || t == "table_array_element") {
      if (!insert_at) insert_at = LineStartOf(text_, ts_node_start_byte(child));
      TomlTable(root, child, t == "table_array_element");
    }
  }
  uint32_t end = insert_at.value_or(static_cast<uint32_t>(text_.size()));
  root->section = ByteRange{0, end};
  return root;
}

}  // namespace

std::optional<ConfigFormat> ConfigFormatOf(const Language& language) {
  if (language.name == "yaml") return ConfigFormat::kYaml;
  if (language.name == "json") return ConfigFormat::kJson;
  if (language.name == "toml") return ConfigFormat::kToml;
  return std::nullopt;
}

const ConfigNode* ConfigDocument::Anchor(std::string_view name) const {
  auto it = anchors_.find(name);
  return it == anchors_.end() ? nullptr : it->second;
}

uint32_t LineStartOf(std::string_view text, uint32_t offset) {
  while (offset > 0 && text[offset - 1] != '\n') --offset;
  return offset;
}

uint32_t LineEndAfter(std::string_view text, uint32_t offset) {
  size_t nl = text.find('\n', offset);
  return nl == std::string_view::npos ? static_cast<uint32_t>(text.size())
                                      : static_cast<uint32_t>(nl + 1);
}

bool StartsLine(std::string_view text, uint32_t offset) {
  for (uint32_t i = LineStartOf(text, offset); i < offset; ++i) {
    if (!IsBlankChar(text[i])) return false;
  }
  return true;
}

uint32_t ColumnOf(std::string_view text, uint32_t offset) {
  return offset - LineStartOf(text, offset);
}

std::vector<ConfigDocument> BuildConfigDocuments(const SyntaxTree& tree) {
  std::vector<ConfigDocument> docs;
  std::optional<ConfigFormat> format = ConfigFormatOf(tree.language());
  assert(format && "BuildConfigDocuments needs a YAML, JSON or TOML tree");
  std::string_view text = tree.text();
  TSNode root = tree.root();
  if (*format != ConfigFormat::kYaml) {
    ConfigDocument& doc =
        docs.emplace_back(*format, text, ByteRange{0, static_cast<uint32_t>(text.size())});
    Builder builder(&doc);
    doc.SetHasError(ts_node_has_error(root));
    if (*format == ConfigFormat::kToml) {
      doc.SetRoot(builder.TomlDocument(root));
    } else {
      std::vector<TSNode> values = Children(root);
      if (!values.empty()) doc.SetRoot(builder.Json(values[0]));
    }
    return docs;
  }
  for (TSNode document : Children(root)) {
    if (Type(document) != "document") continue;
    uint32_t begin = LineStartOf(text, ts_node_start_byte(document));
    uint32_t end = ts_node_end_byte(document);
    if (end > begin) end = LineEndAfter(text, end - 1);
    ConfigDocument& doc = docs.emplace_back(ConfigFormat::kYaml, text, ByteRange{begin, end});
    doc.SetHasError(ts_node_has_error(document));
    Builder builder(&doc);
    for (TSNode child : Children(document)) {
      std::string_view t = Type(child);
      if (t == "block_node" || t == "flow_node") {
        doc.SetRoot(builder.Yaml(child, ts_node_start_byte(child)));
      }
    }
  }
  return docs;
}

}  // namespace uprev
