// The model as TOML 1.0: in each table its values first (scalars, arrays,
// inline tables), then its sub-tables and arrays of tables, so that every
// key lands in the table it belongs to. Arrays of small flat tables are
// written inline (`authors = [{ name = "A" }]`), others as [[tables]].
#include <fmt/format.h>

#include <cmath>

#include "rewriters/config_document.h"
#include "rewriters/config_syntax.h"

namespace uprev {
namespace {

constexpr size_t kLineWidth = 80;

void AppendBasicString(std::string_view s, bool multi_line, std::string* out) {
  *out += multi_line ? "\"\"\"\n" : "\"";
  for (char c : s) {
    switch (c) {
      case '"':
        *out += "\\\"";
        break;
      case '\\':
        *out += "\\\\";
        break;
      case '\b':
        *out += "\\b";
        break;
      case '\t':
        *out += multi_line ? "\t" : "\\t";
        break;
      case '\n':
        *out += multi_line ? "\n" : "\\n";
        break;
      case '\f':
        *out += "\\f";
        break;
      case '\r':
        *out += "\\r";
        break;
      default:
        if (static_cast<unsigned char>(c) < 0x20 || c == 0x7F) {
          *out += fmt::format("\\u{:04x}", static_cast<unsigned char>(c));
        } else {
          out->push_back(c);
        }
    }
  }
  *out += multi_line ? "\"\"\"" : "\"";
}

std::string KeyText(std::string_view key) {
  bool bare = !key.empty() && key.find_first_not_of(
                                  "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"
                                  "0123456789_-") == std::string_view::npos;
  if (bare) return std::string(key);
  std::string out;
  AppendBasicString(key, false, &out);
  return out;
}

enum class Form { kDropped, kValue, kTable, kArrayOfTables };

class TomlWriter {
 public:
  explicit TomlWriter(std::vector<ConversionLoss>* losses) : losses_(losses) {}

  std::string Write(const ValueNode& root) {
    if (root.kind != ValueKind::kMapping) {
      if (root.kind == ValueKind::kNull) {
        Lose(root.pos, "the document, null (TOML has no null; written as an empty document)");
      } else {
        Lose(root.pos, fmt::format("the document, a {} (a TOML document is a table)",
                                   ValueKindName(root.kind)));
      }
      return "";
    }
    CommentLines(root.comments.before, "");
    if (root.comments.trailing) CommentLines({*root.comments.trailing}, "");
    Body(root, "");
    CommentLines(root.comments.after, "");
    return std::move(out_);
  }

 private:
  void Lose(const Position& pos, std::string what) { losses_->push_back({pos, std::move(what)}); }

  void LoseComments(const ValueNode& n, std::string_view where) {
    auto lose = [&](const ValueComment& c) {
      Lose(c.pos, fmt::format("{} ({})", DescribeComment(c), where));
    };
    for (const ValueComment& c : n.comments.before) lose(c);
    if (n.comments.trailing) lose(*n.comments.trailing);
    for (const ValueComment& c : n.comments.after) lose(c);
  }

  void CommentLines(const std::vector<ValueComment>& comments, const std::string& indent) {
    for (const ValueComment& c : comments) {
      for (const std::string& line : CommentTextLines(c.text)) out_ += indent + "#" + line + "\n";
    }
  }

  static std::string Trailing(const ValueNode& n) {
    return n.comments.trailing ? "  #" + CommentTextOneLine(n.comments.trailing->text) : "";
  }

  // Arrays of flat tables with no comments are written inline when short.
  static bool InlineTables(const ValueNode& seq) {
    for (const ValueNode& item : seq.items) {
      if (!item.comments.empty()) return false;
      size_t width = 4;
      for (const ValueEntry& e : item.entries) {
        if (!e.value.IsScalar() || !e.value.comments.empty()) return false;
        width += e.key.size() + e.value.text.size() + 8;
      }
      if (width > 60) return false;
    }
    return true;
  }

  static bool HasComments(const ValueNode& n) {
    if (!n.comments.empty()) return true;
    for (const ValueNode& item : n.items) {
      if (HasComments(item)) return true;
    }
    for (const ValueEntry& e : n.entries) {
      if (HasComments(e.value)) return true;
    }
    return false;
  }

  static Form FormOf(const ValueNode& v) {
    if (v.kind == ValueKind::kNull) return Form::kDropped;
    if (v.kind == ValueKind::kMapping) {
      // Its own comments go around its line; comments inside need a table.
      ValueNode shell = v;
      shell.comments.before.clear();
      shell.comments.trailing.reset();
      return v.prefer_inline && !HasComments(shell) ? Form::kValue : Form::kTable;
    }
    if (v.kind != ValueKind::kSequence || v.items.empty()) return Form::kValue;
    for (const ValueNode& item : v.items) {
      if (item.kind != ValueKind::kMapping) return Form::kValue;
    }
    return InlineTables(v) ? Form::kValue : Form::kArrayOfTables;
  }

  void LoseNull(const ValueNode& n, std::string_view what) {
    Lose(n.pos, fmt::format("null (TOML has no null; the {} is left out)", what));
    LoseComments(n, "its value is left out");
  }

  std::string Key(const ValueEntry& e) {
    if (e.key_kind != ValueKind::kString) {
      Lose(e.value.pos, fmt::format("{} key {} becomes the string {}", ValueKindName(e.key_kind),
                                    e.key, QuoteForMessage(e.key)));
    }
    return KeyText(e.key);
  }

  std::string Scalar(const ValueNode& n, bool top) {
    switch (n.kind) {
      case ValueKind::kBool:
        return n.boolean ? "true" : "false";
      case ValueKind::kInteger: {
        if (!n.IsBigInteger()) return std::to_string(n.integer);
        Lose(n.pos, fmt::format("integer {} does not fit in TOML's 64 bits (written as a string)",
                                n.text));
        std::string out;
        AppendBasicString(n.text, false, &out);
        return out;
      }
      case ValueKind::kFloat:
        if (std::isnan(n.real)) return "nan";
        if (std::isinf(n.real)) return n.real < 0 ? "-inf" : "inf";
        return IsTomlFloatText(n.text) ? n.text : FormatFloat(n.real);
      case ValueKind::kDateTime:
        return n.text;
      case ValueKind::kString: {
        std::string out;
        AppendBasicString(n.text, top && n.text.find('\n') != std::string::npos, &out);
        return out;
      }
      default:
        return "";
    }
  }

  // A value on one line: scalars, arrays, inline tables. Comments inside
  // it cannot be written.
  std::string Inline(const ValueNode& n) {
    if (n.kind == ValueKind::kSequence) {
      std::string out = "[";
      for (const ValueNode& item : n.items) {
        if (item.kind == ValueKind::kNull) {
          LoseNull(item, "item");
          continue;
        }
        LoseComments(item, "inside a one-line TOML array or inline table");
        out += (out.size() > 1 ? ", " : "") + Inline(item);
      }
      return out + "]";
    }
    if (n.kind == ValueKind::kMapping) {
      if (n.entries.empty()) return "{}";
      std::string out = "{ ";
      bool first = true;
      for (const ValueEntry& e : n.entries) {
        if (e.value.kind == ValueKind::kNull) {
          LoseNull(e.value, "key");
          continue;
        }
        LoseComments(e.value, "TOML inline tables hold no comments");
        out += (first ? "" : ", ") + Key(e) + " = " + Inline(e.value);
        first = false;
      }
      return first ? "{}" : out + " }";
    }
    return Scalar(n, false);
  }

  static bool HasItemComments(const ValueNode& seq) {
    if (!seq.comments.after.empty()) return true;
    for (const ValueNode& item : seq.items) {
      if (!item.comments.before.empty() || item.comments.trailing) return true;
    }
    return false;
  }

  // A key's array over several lines, one item a line, comments kept.
  std::string MultiLineArray(const ValueNode& n, const std::string& trailing) {
    std::string out = "[" + trailing + "\n";
    for (const ValueNode& item : n.items) {
      if (item.kind == ValueKind::kNull) {
        LoseNull(item, "item");
        continue;
      }
      std::swap(out, out_);
      CommentLines(item.comments.before, "  ");
      std::swap(out, out_);
      ValueNode bare = item;
      bare.comments = ValueComments();
      for (const ValueComment& c : item.comments.after) {
        Lose(c.pos, fmt::format("{} (inside a one-line TOML value)", DescribeComment(c)));
      }
      out += "  " + Inline(bare) + "," + Trailing(item) + "\n";
    }
    std::swap(out, out_);
    CommentLines(n.comments.after, "  ");
    std::swap(out, out_);
    return out + "]";
  }

  void KeyValue(const ValueEntry& e) {
    const ValueNode& v = e.value;
    CommentLines(v.comments.before, "");
    std::string key = Key(e) + " = ";
    if (v.kind == ValueKind::kSequence) {
      ValueNode bare = v;
      bare.comments = ValueComments();
      bool multi = HasItemComments(v);
      if (!multi) {
        std::vector<ConversionLoss> probe;
        std::swap(probe, *losses_);
        multi = key.size() + Inline(bare).size() > kLineWidth;
        std::swap(probe, *losses_);
      }
      if (multi) {
        out_ += key + MultiLineArray(bare, Trailing(v)) + "\n";
        CommentLines(v.comments.after, "");
        return;
      }
      out_ += key + Inline(bare) + Trailing(v) + "\n";
      return;
    }
    if (v.kind == ValueKind::kMapping) {
      ValueNode bare = v;
      bare.comments = ValueComments();
      out_ += key + Inline(bare) + Trailing(v) + "\n";
    } else {
      out_ += key + Scalar(v, true) + Trailing(v) + "\n";
    }
    CommentLines(v.comments.after, "");
  }

  void Header(const std::string& header, const ValueNode& n) {
    if (!out_.empty()) out_ += "\n";
    CommentLines(n.comments.before, "");
    out_ += header + Trailing(n) + "\n";
  }

  void Body(const ValueNode& table, const std::string& path) {
    for (const ValueEntry& e : table.entries) {
      Form form = FormOf(e.value);
      if (form == Form::kDropped) LoseNull(e.value, "key");
      if (form == Form::kValue) KeyValue(e);
    }
    for (const ValueEntry& e : table.entries) {
      Form form = FormOf(e.value);
      if (form != Form::kTable && form != Form::kArrayOfTables) continue;
      std::string sub = (path.empty() ? "" : path + ".") + Key(e);
      if (form == Form::kTable) {
        SubTable(e.value, sub);
        continue;
      }
      CommentLines(e.value.comments.before, "");
      if (e.value.comments.trailing) CommentLines({*e.value.comments.trailing}, "");
      for (const ValueNode& item : e.value.items) {
        Header("[[" + sub + "]]", item);
        Body(item, sub);
        CommentLines(item.comments.after, "");
      }
      CommentLines(e.value.comments.after, "");
    }
  }

  void SubTable(const ValueNode& t, const std::string& path) {
    bool has_values = false, has_tables = false;
    for (const ValueEntry& e : t.entries) {
      Form form = FormOf(e.value);
      has_values = has_values || form == Form::kValue;
      has_tables = has_tables || form == Form::kTable || form == Form::kArrayOfTables;
    }
    if (has_values || !has_tables || !t.comments.empty()) Header("[" + path + "]", t);
    Body(t, path);
    CommentLines(t.comments.after, "");
  }

  std::vector<ConversionLoss>* losses_;
  std::string out_;
};

}  // namespace

std::string EmitToml(const ValueNode& root, std::vector<ConversionLoss>* losses) {
  return TomlWriter(losses).Write(root);
}

}  // namespace uprev
