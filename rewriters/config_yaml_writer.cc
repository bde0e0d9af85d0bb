// The model as block-style YAML: 2-space indentation, sequences indented
// under their key, strings plain only where they read back as the same
// string (also under YAML 1.1: `yes`, `0123`), multi-line strings as
// literal block scalars where that is exact, else double-quoted.
#include <fmt/format.h>

#include <cmath>

#include "rewriters/config_document.h"
#include "rewriters/config_syntax.h"

namespace uprev {
namespace {

// YAML's named escapes for the characters that have one.
const char* NamedEscape(uint32_t cp) {
  static constexpr std::pair<uint32_t, const char*> kEscapes[] = {
      {'"', "\\\""}, {'\\', "\\\\"}, {0, "\\0"},      {'\a', "\\a"},  {'\b', "\\b"},
      {'\t', "\\t"}, {'\n', "\\n"},  {'\v', "\\v"},   {'\f', "\\f"},  {'\r', "\\r"},
      {0x1B, "\\e"}, {0x85, "\\N"},  {0x2028, "\\L"}, {0x2029, "\\P"}};
  for (auto [c, escape] : kEscapes) {
    if (c == cp) return escape;
  }
  return nullptr;
}

void AppendDoubleQuoted(std::string_view s, std::string* out) {
  out->push_back('"');
  size_t i = 0;
  while (i < s.size()) {
    size_t start = i;
    uint32_t cp = NextCodePoint(s, &i);
    if (const char* escape = NamedEscape(cp)) {
      *out += escape;
    } else if (cp < 0x20 || (cp >= 0x7F && cp <= 0x9F)) {
      *out += fmt::format("\\x{:02x}", cp);
    } else if (cp == 0xFEFF || cp == 0xFFFE || cp == 0xFFFF) {
      *out += fmt::format("\\u{:04x}", cp);
    } else {
      out->append(s.substr(start, i - start));
    }
  }
  out->push_back('"');
}

// Whether `s` can be a literal block scalar (`|`) that reads back exactly:
// several lines, only printable characters and tabs, and a first line with
// text (it sets the indentation) that starts with no blank. Empty lines
// may come before it.
bool FitsLiteralBlock(std::string_view s) {
  size_t first = s.find_first_not_of('\n');
  if (s.find('\n') == std::string_view::npos || first == std::string_view::npos) return false;
  if (s[first] == ' ' || s[first] == '\t') return false;
  size_t i = 0;
  while (i < s.size()) {
    uint32_t cp = NextCodePoint(s, &i);
    bool printable = cp == '\n' || cp == '\t' || (cp >= 0x20 && cp < 0x7F) ||
                     (cp >= 0xA0 && cp != 0x2028 && cp != 0x2029 && cp != 0xFEFF && cp < 0xFFFE);
    if (!printable) return false;
  }
  return true;
}

class YamlWriter {
 public:
  explicit YamlWriter(std::vector<ConversionLoss>* losses) : losses_(losses) {}

  std::string Write(const ValueNode& root) {
    CommentLines(root.comments.before, 0);
    if (IsBlockCollection(root)) {
      if (root.comments.trailing)
        out_ += "#" + CommentTextOneLine(root.comments.trailing->text) + "\n";
      Block(root, 0);
    } else {
      Line(root, "", 0);
    }
    if (root.IsScalar()) CommentLines(root.comments.after, 0);
    return std::move(out_);
  }

 private:
  static bool IsBlockCollection(const ValueNode& n) {
    return !n.items.empty() || !n.entries.empty();
  }
  void CommentLines(const std::vector<ValueComment>& comments, int indent) {
    for (const ValueComment& c : comments) {
      for (const std::string& line : CommentTextLines(c.text)) {
        out_ += std::string(indent, ' ') + "#" + line + "\n";
      }
    }
  }

  std::string Trailing(const ValueNode& n) const {
    return n.comments.trailing ? "  #" + CommentTextOneLine(n.comments.trailing->text) : "";
  }

  // The text after `key: ` or `- ` for a node written on one line (scalars
  // and empty collections); a literal block scalar's header and lines.
  std::string ScalarText(const ValueNode& n, int indent) {
    switch (n.kind) {
      case ValueKind::kNull:
        return "null";
      case ValueKind::kBool:
        return n.boolean ? "true" : "false";
      case ValueKind::kInteger:
        return DescribeValue(n);
      case ValueKind::kFloat:
        if (std::isnan(n.real)) return ".nan";
        if (std::isinf(n.real)) return n.real < 0 ? "-.inf" : ".inf";
        return IsYamlFloatText(n.text) ? n.text : FormatFloat(n.real);
      case ValueKind::kDateTime:
        if (n.date_kind != DateTimeKind::kLocalTime) return n.text;
        losses_->push_back({n.pos, fmt::format("local time {} becomes a string (YAML has no "
                                               "time-of-day type)",
                                               n.text)});
        return "\"" + n.text + "\"";
      case ValueKind::kSequence:
        return "[]";
      case ValueKind::kMapping:
        return "{}";
      case ValueKind::kString:
        return StringText(n.text, indent);
    }
    return "";
  }

  std::string StringText(const std::string& s, int indent) {
    if (IsYamlPlainSafe(s)) return s;
    if (!FitsLiteralBlock(s)) {
      std::string quoted;
      AppendDoubleQuoted(s, &quoted);
      return quoted;
    }
    size_t body_end = s.find_last_not_of('\n') + 1;
    size_t breaks = s.size() - body_end;
    std::string text = breaks == 0 ? "|-" : breaks == 1 ? "|" : "|+";
    std::string pad(indent + 2, ' ');
    size_t start = 0;
    std::string_view body = std::string_view(s).substr(0, body_end);
    for (;;) {
      size_t nl = body.find('\n', start);
      std::string_view line = body.substr(start, nl - start);
      text += "\n" + (line.empty() ? std::string() : pad + std::string(line));
      if (nl == std::string_view::npos) break;
      start = nl + 1;
    }
    for (size_t k = 1; k < breaks; ++k) text += "\n";
    return text;
  }

  // `prefix` ("key: ", "- " or "") and a one-line value, at `indent`.
  void Line(const ValueNode& n, const std::string& prefix, int indent) {
    std::string text = ScalarText(n, indent);
    size_t nl = text.find('\n');
    if (nl == std::string::npos) {
      out_ += std::string(indent, ' ') + prefix + text + Trailing(n) + "\n";
    } else {  // a block scalar: the comment goes after its header
      out_ += std::string(indent, ' ') + prefix + text.substr(0, nl) + Trailing(n) +
              text.substr(nl) + "\n";
    }
    if (!n.IsScalar()) CommentLines(n.comments.after, indent + 2);
  }

  std::string KeyText(const ValueEntry& e) const {
    if (e.key_kind != ValueKind::kString || IsYamlPlainSafe(e.key)) return e.key;
    std::string quoted;
    AppendDoubleQuoted(e.key, &quoted);
    return quoted;
  }

  // Whether a collection item can start on its dash's line (`- a: 1`).
  static bool Compact(const ValueNode& n) {
    if (n.comments.trailing) return false;
    if (!n.items.empty()) return n.items[0].comments.before.empty();
    return n.entries[0].value.comments.before.empty();
  }

  void Item(const ValueNode& n, int indent) {
    CommentLines(n.comments.before, indent);
    if (!IsBlockCollection(n)) return Line(n, "- ", indent);
    if (!Compact(n)) {
      out_ += std::string(indent, ' ') + "-" + Trailing(n) + "\n";
      return Block(n, indent + 2);
    }
    size_t at = out_.size();
    Block(n, indent + 2);
    out_.replace(at, indent + 2, std::string(indent, ' ') + "- ");
  }

  void Entry(const ValueEntry& e, int indent) {
    const ValueNode& n = e.value;
    CommentLines(n.comments.before, indent);
    std::string key = KeyText(e) + ":";
    if (!IsBlockCollection(n)) return Line(n, key + " ", indent);
    out_ += std::string(indent, ' ') + key + Trailing(n) + "\n";
    Block(n, indent + 2);
  }

  // A non-empty collection's lines at `indent`, then its `after` comments.
  void Block(const ValueNode& n, int indent) {
    for (const ValueNode& item : n.items) Item(item, indent);
    for (const ValueEntry& e : n.entries) Entry(e, indent);
    CommentLines(n.comments.after, indent);
  }

  std::vector<ConversionLoss>* losses_;
  std::string out_;
};

}  // namespace

std::string EmitYaml(const ValueNode& root, std::vector<ConversionLoss>* losses) {
  return YamlWriter(losses).Write(root);
}

}  // namespace uprev
