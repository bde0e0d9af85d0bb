// YAML into the model, from tree-sitter-yaml's tree: the core schema for
// plain scalars (plus YAML 1.1 timestamps), quoted and block scalars with
// their escapes and line folding, tags, anchors and aliases (expanded),
// merge keys (expanded) and comments.
#include <fmt/format.h>

#include <cstring>
#include <map>

#include "grammars/syntax_tree.h"
#include "rewriters/config_document.h"
#include "rewriters/config_syntax.h"

namespace uprev {
namespace {

bool Is(TSNode n, const char* type) {
  return !ts_node_is_null(n) && std::strcmp(ts_node_type(n), type) == 0;
}

Position PointPosition(TSPoint p) { return Position{p.row + 1, p.column + 1}; }

// Where a node's content ends: block collections end with their last item,
// not with comments that tree-sitter put inside them.
Position ContentEnd(TSNode n) {
  static constexpr const char* kBlock[] = {"block_node", "block_mapping", "block_sequence",
                                           "block_mapping_pair", "block_sequence_item"};
  bool block = false;
  for (const char* k : kBlock) block = block || Is(n, k);
  if (!block) return PointPosition(ts_node_end_point(n));
  for (uint32_t k = ts_node_child_count(n); k-- > 0;) {
    TSNode c = ts_node_child(n, k);
    if (!Is(c, "comment")) return ContentEnd(c);
  }
  return PointPosition(ts_node_end_point(n));
}

size_t CountNodes(const ValueNode& node) {
  size_t n = 1;
  for (const ValueNode& item : node.items) n += CountNodes(item);
  for (const ValueEntry& e : node.entries) n += CountNodes(e.value);
  return n;
}

// A copy made from an alias sits where the alias is.
void Relocate(ValueNode* node, Position at) {
  node->pos = node->end = at;
  node->comments = ValueComments();
  for (ValueNode& item : node->items) Relocate(&item, at);
  for (ValueEntry& e : node->entries) Relocate(&e.value, at);
}

std::string_view StripCr(std::string_view line) {
  if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
  return line;
}

std::vector<std::string_view> SplitLines(std::string_view text) {
  std::vector<std::string_view> lines;
  size_t start = 0;
  for (;;) {
    size_t nl = text.find('\n', start);
    if (nl == std::string_view::npos) {
      lines.push_back(StripCr(text.substr(start)));
      return lines;
    }
    lines.push_back(StripCr(text.substr(start, nl - start)));
    start = nl + 1;
  }
}

std::string_view Trim(std::string_view s) {
  size_t b = s.find_first_not_of(" \t");
  if (b == std::string_view::npos) return {};
  size_t e = s.find_last_not_of(" \t");
  return s.substr(b, e - b + 1);
}

// Plain and quoted scalars over several lines: each line break between
// text becomes a space, each empty line a newline.
void FoldBreak(int empty_lines, std::string* out) {
  if (empty_lines == 0) {
    out->push_back(' ');
  } else {
    out->append(static_cast<size_t>(empty_lines), '\n');
  }
}

std::string FoldPlain(std::string_view raw) {
  std::vector<std::string_view> lines = SplitLines(raw);
  std::string out(Trim(lines[0]));
  int empty = 0;
  for (size_t k = 1; k < lines.size(); ++k) {
    std::string_view line = Trim(lines[k]);
    if (line.empty()) {
      ++empty;
      continue;
    }
    FoldBreak(empty, &out);
    out.append(line);
    empty = 0;
  }
  return out;
}

class YamlReader {
 public:
  YamlReader(std::string_view path, std::string_view text)
      : path_(path), text_(text), lines_(text) {}

  Result<ValueDocument> Read();

 private:
  Status Error(TSNode at, std::string_view what) const {
    return ConfigError(path_, PointPosition(ts_node_start_point(at)), what);
  }
  void Lose(TSNode at, std::string what) {
    losses_.push_back({PointPosition(ts_node_start_point(at)), std::move(what)});
  }
  std::string_view Text(TSNode n) const { return NodeText(n, text_); }

  Status SyntaxError(TSNode root) const;
  Status ReadNode(TSNode node, Position head, int depth, ValueNode* out);
  Status ReadContent(TSNode content, TSNode tag, int depth, ValueNode* out);
  Status ReadAlias(TSNode alias, ValueNode* out);
  Status ReadScalar(TSNode scalar, TSNode tag, ValueNode* out);
  Status ApplyTag(TSNode tag, const std::string& text, bool plain, ValueNode* out);
  Status ReadMapping(TSNode mapping, int depth, ValueNode* out);
  Status ReadSequence(TSNode sequence, int depth, ValueNode* out);
  Status ReadKey(TSNode key, TSNode at, int depth, ValueEntry* entry);
  Status AddEntry(ValueEntry entry, TSNode at, ValueNode* mapping);
  Status Merge(const ValueNode& source, TSNode at, std::vector<ValueEntry>* merged);
  Status DecodeDoubleQuoted(TSNode node, std::string* out);
  std::string DecodeSingleQuoted(std::string_view raw) const;
  std::string DecodeBlockScalar(TSNode node) const;

  std::string_view path_;
  std::string_view text_;
  LineIndex lines_;
  std::map<std::string, ValueNode, std::less<>> anchors_;
  size_t expanded_ = 0;
  std::vector<ConversionLoss> losses_;
};

Result<ValueDocument> YamlReader::Read() {
  SyntaxTree tree = SyntaxTree::Parse(*FindLanguage("yaml"), text_);
  if (tree.HasError()) return SyntaxError(tree.root());
  ValueDocument doc;
  std::vector<TSNode> contents;
  std::vector<SourceComment> comments;
  WalkTree(tree.root(), [&](TSNode n) {
    if (Is(n, "comment")) {
      uint32_t start = ts_node_start_byte(n);
      comments.push_back(
          {ValueComment{std::string(Text(n).substr(1)), PointPosition(ts_node_start_point(n))},
           lines_.StartsLine(start)});
      return Walk::kSkipChildren;
    }
    if (Is(n, "document")) {
      for (uint32_t k = 0; k < ts_node_named_child_count(n); ++k) {
        TSNode c = ts_node_named_child(n, k);
        if (Is(c, "block_node") || Is(c, "flow_node")) contents.push_back(c);
      }
    }
    return Walk::kDescend;
  });
  if (contents.size() > 1) {
    return Error(contents[1], "a second YAML document; uprev convert reads one document a file");
  }
  TSNode content = contents.empty() ? TSNode{} : contents[0];
  if (ts_node_is_null(content)) {
    doc.root = ValueNode::Null();
  } else if (Status s = ReadNode(content, Position{0, 0}, 0, &doc.root); !s.ok()) {
    return s;
  }
  AttachComments(std::move(comments), &doc.root);
  doc.losses = std::move(losses_);
  return doc;
}

// tree-sitter-yaml wraps what it could read before a syntax error in an
// ERROR node: the error is where that node ends (or at a MISSING token).
Status YamlReader::SyntaxError(TSNode root) const {
  Position at{1, 1};
  WalkTree(root, [&](TSNode n) {
    if (ts_node_is_missing(n)) {
      at = PointPosition(ts_node_start_point(n));
      return Walk::kStop;
    }
    if (Is(n, "ERROR")) {
      at = PointPosition(ts_node_end_point(n));
      return Walk::kStop;
    }
    return ts_node_has_error(n) ? Walk::kDescend : Walk::kSkipChildren;
  });
  return ConfigError(path_, at, "invalid YAML here");
}

// A block_node or flow_node (null: an empty value): its anchor, tag and
// content.
Status YamlReader::ReadNode(TSNode node, Position head, int depth, ValueNode* out) {
  if (depth > kMaxValueDepth) return Error(node, "the document nests too deeply");
  if (ts_node_is_null(node)) {
    *out = ValueNode::Null();
    out->pos = out->end = head;
    return Status::Ok();
  }
  TSNode anchor = {}, tag = {}, content = {};
  for (uint32_t k = 0; k < ts_node_named_child_count(node); ++k) {
    TSNode c = ts_node_named_child(node, k);
    if (Is(c, "anchor")) {
      anchor = c;
    } else if (Is(c, "tag")) {
      tag = c;
    } else if (!Is(c, "comment")) {
      content = c;
    }
  }
  if (Status s = ReadContent(content, tag, depth, out); !s.ok()) return s;
  if (!Is(content, "alias")) {
    out->pos = head.line ? head : PointPosition(ts_node_start_point(node));
    out->end = ContentEnd(node);
  }
  if (!ts_node_is_null(anchor)) {
    anchors_[std::string(Text(anchor).substr(1))] = *out;
  }
  return Status::Ok();
}

Status YamlReader::ReadContent(TSNode content, TSNode tag, int depth, ValueNode* out) {
  if (ts_node_is_null(content)) {
    *out = ValueNode::Null();
    return ts_node_is_null(tag) ? Status::Ok() : ApplyTag(tag, "", true, out);
  }
  if (Is(content, "alias")) return ReadAlias(content, out);
  if (Is(content, "block_mapping") || Is(content, "flow_mapping")) {
    if (Status s = ReadMapping(content, depth, out); !s.ok()) return s;
  } else if (Is(content, "block_sequence") || Is(content, "flow_sequence")) {
    if (Status s = ReadSequence(content, depth, out); !s.ok()) return s;
  } else {
    return ReadScalar(content, tag, out);
  }
  if (!ts_node_is_null(tag)) {
    std::string_view t = Text(tag);
    bool matches = (out->kind == ValueKind::kMapping && (t == "!!map" || t == "!")) ||
                   (out->kind == ValueKind::kSequence && (t == "!!seq" || t == "!"));
    if (!matches) {
      Lose(tag, fmt::format("tag {} (dropped; the {} is kept)", t, ValueKindName(out->kind)));
    }
  }
  return Status::Ok();
}

Status YamlReader::ReadAlias(TSNode alias, ValueNode* out) {
  std::string_view name = Text(alias).substr(1);
  auto it = anchors_.find(name);
  if (it == anchors_.end()) {
    return Error(alias, fmt::format("alias *{} names no anchor defined before it", name));
  }
  expanded_ += CountNodes(it->second);
  if (expanded_ > 1000000) {
    return Error(alias, "aliases expand to more than 1000000 nodes");
  }
  *out = it->second;
  Relocate(out, PointPosition(ts_node_start_point(alias)));
  Lose(alias, fmt::format("alias *{} (expanded into a copy of &{})", name, name));
  return Status::Ok();
}

Status YamlReader::ReadScalar(TSNode scalar, TSNode tag, ValueNode* out) {
  std::string text;
  bool plain = false;
  if (Is(scalar, "plain_scalar")) {
    text = FoldPlain(Text(scalar));
    plain = true;
  } else if (Is(scalar, "double_quote_scalar")) {
    if (Status s = DecodeDoubleQuoted(scalar, &text); !s.ok()) return s;
  } else if (Is(scalar, "single_quote_scalar")) {
    text = DecodeSingleQuoted(Text(scalar));
  } else if (Is(scalar, "block_scalar")) {
    text = DecodeBlockScalar(scalar);
  } else {
    return Error(scalar, fmt::format("unexpected YAML node {}", ts_node_type(scalar)));
  }
  if (!ts_node_is_null(tag)) return ApplyTag(tag, text, plain, out);
  *out = plain ? ResolveYamlPlain(text) : ValueNode::String(std::move(text));
  return Status::Ok();
}

// `!!str 12` is a string, `!!int "12"` an integer; other tags are dropped
// (a loss) and the value read as if untagged.
Status YamlReader::ApplyTag(TSNode tag, const std::string& text, bool plain, ValueNode* out) {
  std::string_view t = Text(tag);
  if (t.substr(0, 2) == "!<" && t.size() > 3) t = t.substr(2, t.size() - 3);
  static constexpr std::string_view kLong = "tag:yaml.org,2002:";
  std::string name = t.substr(0, kLong.size()) == kLong ? "!!" + std::string(t.substr(kLong.size()))
                                                        : std::string(t);
  ValueNode resolved = ResolveYamlPlain(text);
  auto want = [&](bool ok, ValueNode value) {
    if (ok) {
      *out = std::move(value);
    } else {
      Lose(tag, fmt::format("tag {} on {} (dropped; the value is kept as written)", name,
                            QuoteForMessage(text)));
      *out = plain ? resolved : ValueNode::String(text);
    }
    return Status::Ok();
  };
  if (name == "!!str" || name == "!") return want(true, ValueNode::String(text));
  if (name == "!!null") return want(resolved.kind == ValueKind::kNull, ValueNode::Null());
  if (name == "!!bool") return want(resolved.kind == ValueKind::kBool, resolved);
  if (name == "!!int") return want(resolved.kind == ValueKind::kInteger, resolved);
  if (name == "!!float") {
    if (resolved.kind == ValueKind::kInteger && !resolved.IsBigInteger()) {
      return want(true, ValueNode::Float(static_cast<double>(resolved.integer)));
    }
    return want(resolved.kind == ValueKind::kFloat, resolved);
  }
  if (name == "!!timestamp") {
    std::optional<ValueNode> date = ParseDateTime(text, DateTimeSyntax::kYaml);
    return want(date.has_value(), date ? *date : ValueNode::Null());
  }
  Lose(tag, fmt::format("tag {} (dropped; the value is kept as written)", name));
  *out = plain ? resolved : ValueNode::String(text);
  return Status::Ok();
}

Status YamlReader::ReadKey(TSNode key, TSNode at, int depth, ValueEntry* entry) {
  ValueNode node;
  if (Status s = ReadNode(key, Position{0, 0}, depth + 1, &node); !s.ok()) return s;
  entry->key_kind = node.kind;
  if (node.kind == ValueKind::kString) {
    entry->key = std::move(node.text);
  } else if (node.IsScalar()) {
    entry->key = DescribeValue(node);
  } else {
    std::string compact = OneLineJson(node);
    entry->key = compact;
    entry->key_kind = ValueKind::kString;
    Lose(at, fmt::format("a {} as a key (written as the string {})", ValueKindName(node.kind),
                         QuoteForMessage(compact)));
  }
  return Status::Ok();
}

Status YamlReader::AddEntry(ValueEntry entry, TSNode at, ValueNode* mapping) {
  for (ValueEntry& old : mapping->entries) {
    if (old.key == entry.key && old.key_kind == entry.key_kind) {
      losses_.push_back(
          {old.value.pos, fmt::format("key {} is given again at {}:{}; this "
                                      "earlier value is dropped",
                                      QuoteForMessage(entry.key), ts_node_start_point(at).row + 1,
                                      ts_node_start_point(at).column + 1)});
      old.value = std::move(entry.value);
      return Status::Ok();
    }
  }
  mapping->entries.push_back(std::move(entry));
  return Status::Ok();
}

Status YamlReader::Merge(const ValueNode& source, TSNode at, std::vector<ValueEntry>* merged) {
  if (source.kind == ValueKind::kSequence) {
    for (const ValueNode& item : source.items) {
      if (Status s = Merge(item, at, merged); !s.ok()) return s;
    }
    return Status::Ok();
  }
  if (source.kind != ValueKind::kMapping) {
    return Error(at, "a merge key << takes a mapping or a sequence of mappings");
  }
  for (const ValueEntry& e : source.entries) {
    bool present = false;
    for (const ValueEntry& m : *merged) present = present || m.key == e.key;
    if (!present) merged->push_back(e);
  }
  return Status::Ok();
}

Status YamlReader::ReadMapping(TSNode mapping, int depth, ValueNode* out) {
  *out = ValueNode::Mapping();
  out->prefer_inline = Is(mapping, "flow_mapping");
  std::vector<ValueEntry> merged;
  TSNode merge_at = {};
  for (uint32_t k = 0; k < ts_node_named_child_count(mapping); ++k) {
    TSNode pair = ts_node_named_child(mapping, k);
    if (Is(pair, "comment")) continue;
    bool lone_key = Is(pair, "flow_node");  // {a, b}: keys with null values
    TSNode key = lone_key ? pair : ts_node_child_by_field_name(pair, "key", 3);
    TSNode value = lone_key ? TSNode{} : ts_node_child_by_field_name(pair, "value", 5);
    ValueEntry entry;
    if (Status s = ReadKey(key, pair, depth, &entry); !s.ok()) return s;
    Position head = PointPosition(ts_node_start_point(pair));
    if (Status s = ReadNode(value, head, depth + 1, &entry.value); !s.ok()) return s;
    bool merge = entry.key == "<<" && entry.key_kind == ValueKind::kString &&
                 !ts_node_is_null(key) && Is(ts_node_named_child(key, 0), "plain_scalar");
    if (merge) {
      merge_at = pair;
      if (Status s = Merge(entry.value, pair, &merged); !s.ok()) return s;
      continue;
    }
    if (Status s = AddEntry(std::move(entry), pair, out); !s.ok()) return s;
  }
  if (!ts_node_is_null(merge_at)) {
    Lose(merge_at, "merge key << (expanded into the keys it merges)");
    for (ValueEntry& e : merged) {
      if (!out->Find(e.key)) out->entries.push_back(std::move(e));
    }
  }
  return Status::Ok();
}

Status YamlReader::ReadSequence(TSNode sequence, int depth, ValueNode* out) {
  *out = ValueNode::Sequence();
  for (uint32_t k = 0; k < ts_node_named_child_count(sequence); ++k) {
    TSNode item = ts_node_named_child(sequence, k);
    if (Is(item, "comment")) continue;
    ValueNode value;
    if (Is(item, "flow_pair")) {  // [a: 1]: a one-pair mapping
      ValueEntry entry;
      TSNode key = ts_node_child_by_field_name(item, "key", 3);
      if (Status s = ReadKey(key, item, depth, &entry); !s.ok()) {
        return s;
      }
      Position head = PointPosition(ts_node_start_point(item));
      TSNode v = ts_node_child_by_field_name(item, "value", 5);
      if (Status s = ReadNode(v, head, depth + 1, &entry.value); !s.ok()) return s;
      value = ValueNode::Mapping();
      value.pos = head;
      value.end = PointPosition(ts_node_end_point(item));
      value.entries.push_back(std::move(entry));
    } else {
      TSNode node = Is(item, "block_sequence_item") ? ts_node_named_child(item, 0) : item;
      if (Is(node, "comment")) node = TSNode{};
      Position head =
          ts_node_is_null(node) ? PointPosition(ts_node_start_point(item)) : Position{0, 0};
      if (Status s = ReadNode(node, head, depth + 1, &value); !s.ok()) return s;
    }
    out->items.push_back(std::move(value));
  }
  return Status::Ok();
}

// ---- scalars ----

// Skips one line break (\n or \r\n) at `i`.
size_t SkipBreak(std::string_view raw, size_t i) {
  if (i < raw.size() && raw[i] == '\r') ++i;
  if (i < raw.size() && raw[i] == '\n') ++i;
  return i;
}

bool IsBreak(std::string_view raw, size_t i) {
  return i < raw.size() && (raw[i] == '\n' || raw[i] == '\r');
}

// After a line break inside a quoted scalar: skips the next lines' leading
// blanks and counts the empty lines on the way.
size_t SkipFoldedLines(std::string_view raw, size_t i, int* empty_lines) {
  *empty_lines = 0;
  for (;;) {
    while (i < raw.size() && (raw[i] == ' ' || raw[i] == '\t')) ++i;
    if (!IsBreak(raw, i)) return i;
    i = SkipBreak(raw, i);
    ++*empty_lines;
  }
}

// Folds white space in a quoted scalar: blanks before a break go, the break
// becomes a space (or the empty lines after it newlines). Returns the
// offset after what it consumed, or `i` when there is nothing to fold.
size_t FoldQuoted(std::string_view raw, size_t i, std::string* out) {
  size_t j = i;
  while (j < raw.size() && (raw[j] == ' ' || raw[j] == '\t')) ++j;
  if (!IsBreak(raw, j)) {
    out->append(raw.substr(i, j - i));
    return j;
  }
  int empty = 0;
  j = SkipFoldedLines(raw, SkipBreak(raw, j), &empty);
  FoldBreak(empty, out);
  return j;
}

int HexValue(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

// One escape after a backslash at raw[i]; returns the offset after it, or
// npos when it is no escape.
size_t DecodeEscape(std::string_view raw, size_t i, std::string* out) {
  char e = i + 1 < raw.size() ? raw[i + 1] : '\0';
  static constexpr std::pair<char, uint32_t> kSimple[] = {
      {'0', 0},  {'a', 7},   {'b', 8},    {'t', 9},    {'\t', 9},     {'n', 10},
      {'v', 11}, {'f', 12},  {'r', 13},   {'e', 27},   {' ', 32},     {'"', 34},
      {'/', 47}, {'\\', 92}, {'N', 0x85}, {'_', 0xA0}, {'L', 0x2028}, {'P', 0x2029}};
  for (auto [c, cp] : kSimple) {
    if (e == c) {
      AppendUtf8(cp, out);
      return i + 2;
    }
  }
  int digits = e == 'x' ? 2 : e == 'u' ? 4 : e == 'U' ? 8 : 0;
  if (digits == 0 || i + 2 + digits > raw.size()) return std::string_view::npos;
  uint32_t cp = 0;
  for (int k = 0; k < digits; ++k) {
    int v = HexValue(raw[i + 2 + k]);
    if (v < 0) return std::string_view::npos;
    cp = cp * 16 + static_cast<uint32_t>(v);
  }
  if (cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return std::string_view::npos;
  AppendUtf8(cp, out);
  return i + 2 + digits;
}

Status YamlReader::DecodeDoubleQuoted(TSNode node, std::string* out) {
  std::string_view raw = Text(node);
  raw = raw.substr(1, raw.size() >= 2 ? raw.size() - 2 : 0);
  size_t i = 0;
  while (i < raw.size()) {
    char c = raw[i];
    if (c == '\\' && IsBreak(raw, i + 1)) {  // an escaped line break joins the lines
      int empty = 0;
      i = SkipFoldedLines(raw, SkipBreak(raw, i + 1), &empty);
      out->append(static_cast<size_t>(empty), '\n');
    } else if (c == '\\') {
      size_t next = DecodeEscape(raw, i, out);
      if (next == std::string_view::npos) {
        uint32_t at = ts_node_start_byte(node) + 1 + static_cast<uint32_t>(i);
        return ConfigError(path_, lines_.At(at), "unknown escape sequence in a string");
      }
      i = next;
    } else if (c == ' ' || c == '\t' || IsBreak(raw, i)) {
      i = FoldQuoted(raw, i, out);
    } else {
      out->push_back(c);
      ++i;
    }
  }
  return Status::Ok();
}

std::string YamlReader::DecodeSingleQuoted(std::string_view raw) const {
  raw = raw.substr(1, raw.size() >= 2 ? raw.size() - 2 : 0);
  std::string out;
  size_t i = 0;
  while (i < raw.size()) {
    char c = raw[i];
    if (c == '\'' && i + 1 < raw.size() && raw[i + 1] == '\'') {
      out.push_back('\'');
      i += 2;
    } else if (c == ' ' || c == '\t' || IsBreak(raw, i)) {
      i = FoldQuoted(raw, i, &out);
    } else {
      out.push_back(c);
      ++i;
    }
  }
  return out;
}

// The indentation of the block that holds a block scalar: the column of
// its mapping pair or sequence item, -1 at the top of a document.
int ParentIndent(TSNode scalar) {
  TSNode holder = ts_node_parent(ts_node_parent(scalar));
  if (Is(holder, "block_mapping_pair") || Is(holder, "block_sequence_item")) {
    return static_cast<int>(ts_node_start_point(holder).column);
  }
  return -1;
}

struct BlockLine {
  std::string_view text;  // without the indentation; empty for an empty line
  bool empty = false;
  bool broken = true;  // ends with a line break
};

// The lines of a block scalar's content, from the line after its header to
// the first non-empty line indented less than the content.
std::vector<BlockLine> BlockLines(std::string_view text, size_t p, int indent, int parent) {
  std::vector<BlockLine> lines;
  while (p < text.size()) {
    size_t e = text.find('\n', p);
    bool broken = e != std::string_view::npos;
    if (!broken) e = text.size();
    std::string_view line = StripCr(text.substr(p, e - p));
    size_t spaces = line.find_first_not_of(' ');
    if (spaces == std::string_view::npos) spaces = line.size();
    bool blank = spaces == line.size();
    if (!blank) {
      if (indent < 0) {
        if (static_cast<int>(spaces) <= parent) break;
        indent = static_cast<int>(spaces);
      }
      if (static_cast<int>(spaces) < indent) break;
      if (spaces == 0 && (line.substr(0, 3) == "---" || line.substr(0, 3) == "...")) break;
    }
    if (blank && (indent < 0 || static_cast<int>(spaces) <= indent)) {
      lines.push_back({{}, true, broken});
    } else {
      lines.push_back({line.substr(static_cast<size_t>(indent)), false, broken});
    }
    p = e + 1;
  }
  return lines;
}

std::string YamlReader::DecodeBlockScalar(TSNode node) const {
  size_t i = ts_node_start_byte(node);
  bool folded = text_[i++] == '>';
  int chomp = 0, increment = 0;
  for (int k = 0; k < 2 && i < text_.size(); ++k, ++i) {
    char c = text_[i];
    if (c == '+' || c == '-') {
      chomp = c == '+' ? 1 : -1;
    } else if (c >= '1' && c <= '9') {
      increment = c - '0';
    } else {
      break;
    }
  }
  size_t header_end = text_.find('\n', i);
  if (header_end == std::string_view::npos) return "";
  int parent = ParentIndent(node);
  int indent = increment ? std::max(parent, 0) + increment - (parent < 0 ? 1 : 0) : -1;
  std::vector<BlockLine> lines = BlockLines(text_, header_end + 1, indent, parent);
  size_t first = 0, last = lines.size();
  while (first < lines.size() && lines[first].empty) ++first;
  for (size_t k = first; k < lines.size(); ++k) {
    if (!lines[k].empty) last = k;
  }
  if (first == lines.size()) return chomp == 1 ? std::string(lines.size(), '\n') : "";
  std::string out(first, '\n');
  auto normal = [](std::string_view t) { return !t.empty() && t[0] != ' ' && t[0] != '\t'; };
  size_t prev = first;
  out.append(lines[first].text);
  for (size_t k = first + 1; k <= last; ++k) {
    if (lines[k].empty) continue;
    int empty = static_cast<int>(k - prev - 1);
    if (folded && normal(lines[prev].text) && normal(lines[k].text)) {
      FoldBreak(empty, &out);
    } else {
      out.append(static_cast<size_t>(empty) + 1, '\n');
    }
    out.append(lines[k].text);
    prev = k;
  }
  if (chomp >= 0 && lines[last].broken) out.push_back('\n');
  if (chomp == 1) out.append(lines.size() - last - 1, '\n');
  return out;
}

}  // namespace

Result<ValueDocument> ParseYaml(std::string_view path, std::string_view text) {
  return YamlReader(path, text).Read();
}

}  // namespace uprev
