// TOML 1.0 into the model, from tree-sitter-toml's tree: tables, arrays of
// tables, dotted keys, inline tables, the four string forms, integers in
// every base (int64 only, as TOML requires), floats, date-times, comments.
// Keys defined twice and tables redefined are errors, as the spec says.
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
Position StartOf(TSNode n) { return PointPosition(ts_node_start_point(n)); }
Position EndOf(TSNode n) { return PointPosition(ts_node_end_point(n)); }

// Where a syntax error is: the innermost of the first ERROR nodes (an
// invalid escape is an ERROR inside the string's ERROR), or a MISSING token.
Position InnermostError(TSNode error) {
  for (uint32_t k = 0; k < ts_node_child_count(error); ++k) {
    TSNode c = ts_node_child(error, k);
    if (ts_node_is_missing(c)) return StartOf(c);
    if (Is(c, "ERROR")) return InnermostError(c);
  }
  return StartOf(error);
}

Position ErrorPosition(TSNode root) {
  Position at{1, 1};
  WalkTree(root, [&](TSNode n) {
    if (ts_node_is_missing(n) || Is(n, "ERROR")) {
      at = ts_node_is_missing(n) ? StartOf(n) : InnermostError(n);
      return Walk::kStop;
    }
    return ts_node_has_error(n) ? Walk::kDescend : Walk::kSkipChildren;
  });
  return at;
}

// The escape after a backslash at body[i] (\b \t \n \f \r \" \\ \uXXXX
// \UXXXXXXXX): appends it and returns the offset after it, or npos.
size_t DecodeEscape(std::string_view body, size_t i, std::string* out) {
  char e = i + 1 < body.size() ? body[i + 1] : '\0';
  static constexpr std::pair<char, char> kSimple[] = {
      {'b', '\b'}, {'t', '\t'}, {'n', '\n'}, {'f', '\f'}, {'r', '\r'}, {'"', '"'}, {'\\', '\\'}};
  for (auto [k, v] : kSimple) {
    if (e == k) {
      out->push_back(v);
      return i + 2;
    }
  }
  int digits = e == 'u' ? 4 : e == 'U' ? 8 : 0;
  if (digits == 0 || i + 2 + digits > body.size()) return std::string_view::npos;
  uint32_t cp = 0;
  for (int k = 0; k < digits; ++k) {
    char h = body[i + 2 + k];
    int v = h >= '0' && h <= '9'   ? h - '0'
            : h >= 'a' && h <= 'f' ? h - 'a' + 10
            : h >= 'A' && h <= 'F' ? h - 'A' + 10
                                   : -1;
    if (v < 0) return std::string_view::npos;
    cp = cp * 16 + static_cast<uint32_t>(v);
  }
  if (cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return std::string_view::npos;
  AppendUtf8(cp, out);
  return i + 2 + digits;
}

// How a table came to be, which decides what may extend it later.
enum class TableOrigin {
  kImplicit,  // a step of a longer header: [a.b] makes a
  kHeader,    // [a]
  kDotted,    // a.b = 1 makes a
  kInline,    // a = {...}: closed
  kArray,     // [[a]]: an array of tables
};

std::string_view Unquote(std::string_view s, size_t quote) {
  return s.substr(quote, s.size() - 2 * quote);
}

class TomlReader {
 public:
  TomlReader(std::string_view path, std::string_view text)
      : path_(path), text_(text), lines_(text) {}

  Result<ValueDocument> Read();

 private:
  Status Error(TSNode at, std::string_view what) const {
    return ConfigError(path_, StartOf(at), what);
  }
  std::string_view Text(TSNode n) const { return NodeText(n, text_); }

  Status KeyParts(TSNode key, std::vector<std::pair<std::string, TSNode>>* parts);
  Status Header(TSNode table, bool array, ValueNode** current, std::string* current_path);
  Status Step(ValueNode** node, std::string* path, const std::string& key, TSNode at, bool header);
  Status Pair(TSNode pair, ValueNode* table, const std::string& table_path, int depth);
  Status Value(TSNode value, int depth, ValueNode* out);
  Status String(TSNode node, std::string* out);
  Status Integer(TSNode node, ValueNode* out);
  Status Float(TSNode node, ValueNode* out);
  Status Array(TSNode node, int depth, ValueNode* out);
  Status InlineTable(TSNode node, int depth, ValueNode* out);

  std::string_view path_;
  std::string_view text_;
  LineIndex lines_;
  ValueNode root_ = ValueNode::Mapping();
  std::map<std::string, TableOrigin> origins_;  // by key path ("a\x1f" "b")
};

Result<ValueDocument> TomlReader::Read() {
  SyntaxTree tree = SyntaxTree::Parse(*FindLanguage("toml"), text_);
  if (tree.HasError()) return ConfigError(path_, ErrorPosition(tree.root()), "invalid TOML here");
  std::vector<SourceComment> comments;
  WalkTree(tree.root(), [&](TSNode n) {
    if (!Is(n, "comment")) return Walk::kDescend;
    comments.push_back({ValueComment{std::string(Text(n).substr(1)), StartOf(n)},
                        lines_.StartsLine(ts_node_start_byte(n))});
    return Walk::kSkipChildren;
  });
  root_.pos = root_.end = Position{0, 0};  // comments go to keys, or after everything
  TSNode document = tree.root();
  for (uint32_t k = 0; k < ts_node_named_child_count(document); ++k) {
    TSNode child = ts_node_named_child(document, k);
    ValueNode* table = &root_;
    std::string table_path;
    bool header = Is(child, "table") || Is(child, "table_array_element");
    if (header) {
      if (Status s = Header(child, Is(child, "table_array_element"), &table, &table_path);
          !s.ok()) {
        return s;
      }
    }
    uint32_t first = header ? 0 : k, count = header ? ts_node_named_child_count(child) : k + 1;
    for (uint32_t j = first; j < count; ++j) {
      TSNode pair = header ? ts_node_named_child(child, j) : child;
      if (!Is(pair, "pair")) continue;
      if (Status s = Pair(pair, table, table_path, 1); !s.ok()) return s;
      table->end = EndOf(pair);
    }
  }
  ValueDocument doc{std::move(root_), {}};
  AttachComments(std::move(comments), &doc.root);
  return doc;
}

Status TomlReader::KeyParts(TSNode key, std::vector<std::pair<std::string, TSNode>>* parts) {
  if (Is(key, "dotted_key")) {
    for (uint32_t k = 0; k < ts_node_named_child_count(key); ++k) {
      if (Status s = KeyParts(ts_node_named_child(key, k), parts); !s.ok()) return s;
    }
    return Status::Ok();
  }
  std::string part;
  if (Is(key, "quoted_key")) {
    std::string_view t = Text(key);
    if (t[0] == '\'') {
      part = std::string(Unquote(t, 1));
    } else if (Status s = String(key, &part); !s.ok()) {
      return s;
    }
  } else {
    part = std::string(Text(key));
  }
  parts->push_back({std::move(part), key});
  if (parts->size() > kMaxValueDepth) return Error(key, "the document nests too deeply");
  return Status::Ok();
}

// Moves `*node` to its child `key` (the last table of an array of tables),
// making an implicit table when there is none.
Status TomlReader::Step(ValueNode** node, std::string* path, const std::string& key, TSNode at,
                        bool header) {
  *path += key + "\x1f";
  ValueNode* child = (*node)->Find(key);
  auto origin = origins_.find(*path);
  if (!child) {
    ValueNode table = ValueNode::Mapping();
    table.pos = Position{0, 0};
    child = &(*node)->Add(key, std::move(table));
    origins_[*path] = header ? TableOrigin::kImplicit : TableOrigin::kDotted;
  } else if (origin != origins_.end() && origin->second == TableOrigin::kArray) {
    *path += std::to_string(child->items.size() - 1) + "\x1f";
    child = &child->items.back();
  } else if (child->kind != ValueKind::kMapping || origin == origins_.end() ||
             origin->second == TableOrigin::kInline ||
             (!header && origin->second == TableOrigin::kHeader)) {
    return Error(at, fmt::format("key {} is already defined as a value", QuoteForMessage(key)));
  }
  *node = child;
  return Status::Ok();
}

Status TomlReader::Header(TSNode table, bool array, ValueNode** current, std::string* path) {
  TSNode key = ts_node_named_child(table, 0);
  std::vector<std::pair<std::string, TSNode>> parts;
  if (Status s = KeyParts(key, &parts); !s.ok()) return s;
  ValueNode* node = &root_;
  for (size_t k = 0; k + 1 < parts.size(); ++k) {
    if (Status s = Step(&node, path, parts[k].first, parts[k].second, true); !s.ok()) return s;
  }
  const std::string& last = parts.back().first;
  *path += last + "\x1f";
  ValueNode* existing = node->Find(last);
  auto origin = origins_.find(*path);
  ValueNode fresh = ValueNode::Mapping();
  fresh.pos = StartOf(table);
  fresh.end = EndOf(key);
  if (array) {
    if (!existing) {
      existing = &node->Add(last, ValueNode::Sequence());
      existing->pos = StartOf(table);
      origins_[*path] = TableOrigin::kArray;
    } else if (origin == origins_.end() || origin->second != TableOrigin::kArray) {
      return Error(
          table, fmt::format("[[{}]] appends to something that is no array of tables", Text(key)));
    }
    *path += std::to_string(existing->items.size()) + "\x1f";
    existing->items.push_back(std::move(fresh));
    existing->end = EndOf(key);
    *current = &existing->items.back();
    return Status::Ok();
  }
  if (!existing) {
    *current = &node->Add(last, std::move(fresh));
  } else if (origin != origins_.end() && origin->second == TableOrigin::kImplicit) {
    existing->pos = fresh.pos;
    existing->end = fresh.end;
    *current = existing;
  } else {
    return Error(table, fmt::format("table [{}] is defined twice", Text(key)));
  }
  origins_[*path] = TableOrigin::kHeader;
  return Status::Ok();
}

Status TomlReader::Pair(TSNode pair, ValueNode* table, const std::string& table_path, int depth) {
  TSNode key = ts_node_named_child(pair, 0);
  TSNode value = {};
  for (uint32_t k = 1; k < ts_node_named_child_count(pair); ++k) {
    TSNode c = ts_node_named_child(pair, k);
    if (!Is(c, "comment")) value = c;
  }
  std::vector<std::pair<std::string, TSNode>> parts;
  if (Status s = KeyParts(key, &parts); !s.ok()) return s;
  std::string path = table_path;
  ValueNode* node = table;
  for (size_t k = 0; k + 1 < parts.size(); ++k) {
    if (Status s = Step(&node, &path, parts[k].first, parts[k].second, false); !s.ok()) return s;
  }
  const std::string& last = parts.back().first;
  if (node->Find(last)) {
    return Error(parts.back().second,
                 fmt::format("key {} is defined twice", QuoteForMessage(last)));
  }
  ValueNode parsed;
  if (Status s = Value(value, depth, &parsed); !s.ok()) return s;
  parsed.pos = StartOf(key);
  parsed.end = EndOf(value);
  if (parsed.kind == ValueKind::kMapping) origins_[path + last + "\x1f"] = TableOrigin::kInline;
  node->Add(last, std::move(parsed));
  return Status::Ok();
}

Status TomlReader::Value(TSNode value, int depth, ValueNode* out) {
  if (depth > kMaxValueDepth) return Error(value, "the document nests too deeply");
  if (Is(value, "string")) {
    std::string s;
    if (Status st = String(value, &s); !st.ok()) return st;
    *out = ValueNode::String(std::move(s));
  } else if (Is(value, "integer")) {
    if (Status s = Integer(value, out); !s.ok()) return s;
  } else if (Is(value, "float")) {
    if (Status s = Float(value, out); !s.ok()) return s;
  } else if (Is(value, "boolean")) {
    *out = ValueNode::Bool(Text(value) == "true");
  } else if (Is(value, "offset_date_time") || Is(value, "local_date_time") ||
             Is(value, "local_date") || Is(value, "local_time")) {
    std::optional<ValueNode> date = ParseDateTime(Text(value), DateTimeSyntax::kToml);
    if (!date) return Error(value, fmt::format("{} is not a valid date or time", Text(value)));
    *out = std::move(*date);
  } else if (Is(value, "array")) {
    if (Status s = Array(value, depth, out); !s.ok()) return s;
  } else if (Is(value, "inline_table")) {
    if (Status s = InlineTable(value, depth, out); !s.ok()) return s;
  } else {
    return Error(value, "a value is missing");
  }
  out->pos = StartOf(value);
  out->end = EndOf(value);
  return Status::Ok();
}

Status TomlReader::String(TSNode node, std::string* out) {
  std::string_view raw = Text(node);
  bool multi = raw.size() >= 6 && (raw.substr(0, 3) == "\"\"\"" || raw.substr(0, 3) == "'''");
  bool literal = raw[0] == '\'';
  std::string_view body = Unquote(raw, multi ? 3 : 1);
  if (multi && !body.empty() && body[0] == '\n') body.remove_prefix(1);
  if (multi && body.substr(0, 2) == "\r\n") body.remove_prefix(2);
  size_t base = ts_node_start_byte(node) + static_cast<size_t>(body.data() - raw.data());
  for (size_t i = 0; i < body.size(); ++i) {
    unsigned char c = static_cast<unsigned char>(body[i]);
    bool allowed =
        c == '\t' ||
        (multi && (c == '\n' || (c == '\r' && i + 1 < body.size() && body[i + 1] == '\n')));
    if ((c < 0x20 || c == 0x7F) && !allowed) {
      return ConfigError(path_, lines_.At(base + i),
                         "a control character in a string must be escaped");
    }
    if (c == '\r' && allowed) continue;  // CRLF in a multi-line string is a newline
    if (literal || c != '\\') {
      out->push_back(static_cast<char>(c));
      continue;
    }
    size_t j = i + 1;
    while (multi && j < body.size() && (body[j] == ' ' || body[j] == '\t')) ++j;
    if (multi && j < body.size() &&
        (body[j] == '\n' || body[j] == '\r')) {  // line-ending backslash
      while (j < body.size() && std::strchr(" \t\r\n", body[j])) ++j;
      i = j - 1;
      continue;
    }
    size_t next = DecodeEscape(body, i, out);
    if (next == std::string_view::npos) {
      return ConfigError(path_, lines_.At(base + i), "unknown escape sequence in a string");
    }
    i = next - 1;
  }
  return Status::Ok();
}

Status TomlReader::Integer(TSNode node, ValueNode* out) {
  std::string_view t = Text(node);
  bool negative = t[0] == '-';
  std::string_view body = t.substr(t[0] == '-' || t[0] == '+');
  int base = 10;
  if (body.size() > 2 && body[0] == '0' && std::strchr("xob", body[1])) {
    base = body[1] == 'x' ? 16 : body[1] == 'o' ? 8 : 2;
    body.remove_prefix(2);
  }
  std::string digits;
  for (char c : body) {
    if (c != '_') digits.push_back(c);
  }
  *out = IntegerFromDigits(digits, base, negative);
  if (out->IsBigInteger()) {
    return Error(node, fmt::format("integer {} does not fit in 64 bits, as TOML requires", t));
  }
  return Status::Ok();
}

Status TomlReader::Float(TSNode node, ValueNode* out) {
  std::string_view t = Text(node);
  std::string_view unsigned_text = t.substr(t[0] == '-' || t[0] == '+');
  if (unsigned_text == "inf" || unsigned_text == "nan") {
    double v = unsigned_text == "inf" ? std::numeric_limits<double>::infinity()
                                      : std::numeric_limits<double>::quiet_NaN();
    *out = ValueNode::Float(t[0] == '-' ? -v : v);
    return Status::Ok();
  }
  if (!IsTomlFloatText(t)) return Error(node, fmt::format("{} is not a valid TOML float", t));
  std::string digits;
  for (char c : t) {
    if (c != '_') digits.push_back(c);
  }
  *out = ValueNode::Float(std::strtod(digits.c_str(), nullptr), std::string(t));
  return Status::Ok();
}

Status TomlReader::Array(TSNode node, int depth, ValueNode* out) {
  *out = ValueNode::Sequence();
  for (uint32_t k = 0; k < ts_node_named_child_count(node); ++k) {
    TSNode item = ts_node_named_child(node, k);
    if (Is(item, "comment")) continue;
    ValueNode value;
    if (Status s = Value(item, depth + 1, &value); !s.ok()) return s;
    out->items.push_back(std::move(value));
  }
  return Status::Ok();
}

Status TomlReader::InlineTable(TSNode node, int depth, ValueNode* out) {
  *out = ValueNode::Mapping();
  out->prefer_inline = true;
  // Dotted keys inside an inline table make tables only it can extend.
  std::string path = fmt::format("\x1e{}\x1f", ts_node_start_byte(node));
  for (uint32_t k = 0; k < ts_node_named_child_count(node); ++k) {
    TSNode pair = ts_node_named_child(node, k);
    if (!Is(pair, "pair")) continue;
    if (Status s = Pair(pair, out, path, depth + 1); !s.ok()) return s;
  }
  return Status::Ok();
}

}  // namespace

Result<ValueDocument> ParseToml(std::string_view path, std::string_view text) {
  return TomlReader(path, text).Read();
}

}  // namespace uprev
