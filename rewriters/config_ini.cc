// INI as Python's configparser reads it (its defaults): `[section]`
// headers, `key = value` or `key: value`, whole-line `#` and `;` comments
// (no inline comments), values continued on more-indented lines, empty
// lines kept inside a value, duplicate sections and keys refused. Unlike
// configparser, keys keep their case (duplicates are still found ignoring
// it) and keys before the first section are read into the root.
#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <cstring>

#include "rewriters/config_document.h"
#include "rewriters/config_syntax.h"

namespace uprev {
namespace {

std::string_view TrimBlanks(std::string_view s) {
  size_t b = s.find_first_not_of(" \t");
  if (b == std::string_view::npos) return {};
  return s.substr(b, s.find_last_not_of(" \t") - b + 1);
}

std::string Lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

class IniReader {
 public:
  IniReader(std::string_view path, std::string_view text) : path_(path), text_(text) {
    root_.pos = root_.end = Position{0, 0};
  }

  Result<ValueDocument> Read() {
    size_t start = 0;
    for (uint32_t line_no = 1; start < text_.size() || line_no == 1; ++line_no) {
      size_t nl = text_.find('\n', start);
      std::string_view line = text_.substr(start, nl == std::string_view::npos ? nl : nl - start);
      if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
      if (Status s = Line(line, line_no); !s.ok()) return s;
      if (nl == std::string_view::npos) break;
      start = nl + 1;
    }
    FinishOption();
    for (ValueComment& c : pending_) root_.comments.after.push_back(std::move(c));
    return ValueDocument{std::move(root_), {}};
  }

 private:
  ValueNode* Section() { return section_ ? &root_.entries[*section_].value : &root_; }

  Status Line(std::string_view line, uint32_t line_no) {
    std::string_view stripped = TrimBlanks(line);
    uint32_t indent = static_cast<uint32_t>(line.find_first_not_of(" \t"));
    if (!stripped.empty() && (stripped[0] == '#' || stripped[0] == ';')) {
      ValueComment c{std::string(stripped.substr(1)), Position{line_no, indent + 1}};
      if (option_ && indent > option_indent_) {  // inside a continued value
        Section()->entries[*option_].value.comments.before.push_back(std::move(c));
      } else {
        pending_.push_back(std::move(c));
      }
      return Status::Ok();
    }
    if (stripped.empty()) {
      if (option_) value_lines_.emplace_back();
      return Status::Ok();
    }
    if (option_ && indent > option_indent_) {
      value_lines_.emplace_back(stripped);
      last_line_ = Position{line_no, static_cast<uint32_t>(line.size()) + 1};
      return Status::Ok();
    }
    FinishOption();
    size_t close = stripped.rfind(']');
    if (stripped[0] == '[' && close != std::string_view::npos && close > 1) {
      return StartSection(std::string(stripped.substr(1, close - 1)),
                          Position{line_no, indent + 1});
    }
    return StartOption(stripped, line_no, indent, line);
  }

  Status StartSection(std::string name, Position pos) {
    for (size_t k = 0; k < root_.entries.size(); ++k) {
      const ValueEntry& e = root_.entries[k];
      if (Lower(e.key) == Lower(name)) {
        return ConfigError(path_, pos,
                           fmt::format("section [{}] is given twice (first at {}:{})", name,
                                       e.value.pos.line, e.value.pos.col));
      }
    }
    ValueNode section = ValueNode::Mapping();
    section.pos = section.end = pos;
    section.comments.before = std::move(pending_);
    pending_.clear();
    root_.Add(std::move(name), std::move(section));
    section_ = root_.entries.size() - 1;
    return Status::Ok();
  }

  Status StartOption(std::string_view stripped, uint32_t line_no, uint32_t indent,
                     std::string_view line) {
    Position pos{line_no, indent + 1};
    size_t sep = stripped.find_first_of("=:");
    std::string key(TrimBlanks(stripped.substr(0, sep)));
    if (sep == std::string_view::npos || key.empty()) {
      return ConfigError(path_, pos, "expected 'key = value', 'key: value' or '[section]'");
    }
    ValueNode* section = Section();
    for (const ValueEntry& e : section->entries) {
      if (Lower(e.key) == Lower(key)) {
        return ConfigError(path_, pos,
                           fmt::format("key {} is given twice in this section "
                                       "(first at {}:{})",
                                       QuoteForMessage(key), e.value.pos.line, e.value.pos.col));
      }
    }
    ValueNode value = ValueNode::String("");
    value.pos = pos;
    value.comments.before = std::move(pending_);
    pending_.clear();
    section->Add(std::move(key), std::move(value));
    option_ = section->entries.size() - 1;
    option_indent_ = indent;
    value_lines_ = {std::string(TrimBlanks(stripped.substr(sep + 1)))};
    last_line_ = Position{line_no, static_cast<uint32_t>(line.size()) + 1};
    return Status::Ok();
  }

  // The value is its lines joined, without trailing white space.
  void FinishOption() {
    if (!option_) return;
    std::string text;
    for (size_t k = 0; k < value_lines_.size(); ++k) text += (k ? "\n" : "") + value_lines_[k];
    size_t end = text.find_last_not_of(" \t\n");
    text.erase(end == std::string::npos ? 0 : end + 1);
    ValueNode& value = Section()->entries[*option_].value;
    value.text = std::move(text);
    value.end = last_line_;
    ValueNode* section = Section();
    if (section != &root_) section->end = last_line_;
    option_.reset();
    value_lines_.clear();
  }

  std::string_view path_;
  std::string_view text_;
  ValueNode root_ = ValueNode::Mapping();
  std::optional<size_t> section_;  // index in root_.entries
  std::optional<size_t> option_;   // index in the section's entries
  uint32_t option_indent_ = 0;
  std::vector<std::string> value_lines_;
  Position last_line_;
  std::vector<ValueComment> pending_;
};

// ---- emitter ----

class IniWriter {
 public:
  explicit IniWriter(std::vector<ConversionLoss>* losses) : losses_(losses) {}

  std::string Write(const ValueNode& root) {
    if (root.kind != ValueKind::kMapping) {
      if (root.kind == ValueKind::kNull) {
        Lose(root.pos, "the document, null (INI has no null; written as an empty file)");
      } else {
        Lose(root.pos, fmt::format("the document, a {} (an INI file is sections of keys)",
                                   ValueKindName(root.kind)));
      }
      return "";
    }
    Comments(root.comments.before);
    if (root.comments.trailing) Comments({*root.comments.trailing});
    std::vector<std::string> keys;
    for (const ValueEntry& e : root.entries) {
      if (e.value.kind == ValueKind::kMapping) continue;
      Lose(e.value.pos, fmt::format("key {} outside any section is written above the first "
                                    "section (Python's configparser refuses that)",
                                    QuoteForMessage(e.key)));
      Option(e, &keys);
    }
    for (const ValueEntry& e : root.entries) {
      if (e.value.kind == ValueKind::kMapping) Section(e.key, e.value);
    }
    Comments(root.comments.after);
    return std::move(out_);
  }

 private:
  void Lose(const Position& pos, std::string what) { losses_->push_back({pos, std::move(what)}); }

  void Comments(const std::vector<ValueComment>& comments) {
    for (const ValueComment& c : comments) {
      for (const std::string& line : CommentTextLines(c.text)) out_ += "#" + line + "\n";
    }
  }

  void Section(const std::string& name, const ValueNode& table) {
    if (name.find_first_of("\r\n") != std::string::npos || name.empty()) {
      Lose(table.pos,
           fmt::format("section {} (no INI section can have that name)", QuoteForMessage(name)));
      return;
    }
    if (!out_.empty()) out_ += "\n";
    Comments(table.comments.before);
    if (table.comments.trailing) Comments({*table.comments.trailing});
    out_ += "[" + name + "]\n";
    std::vector<std::string> keys;
    for (const ValueEntry& e : table.entries) {
      if (e.value.kind != ValueKind::kMapping) Option(e, &keys);
    }
    Comments(table.comments.after);
    for (const ValueEntry& e : table.entries) {
      if (e.value.kind != ValueKind::kMapping) continue;
      std::string nested = name + "." + e.key;
      Lose(e.value.pos, fmt::format("table {} nested in section [{}] becomes section [{}] (INI "
                                    "has one level of sections)",
                                    QuoteForMessage(e.key), name, nested));
      Section(nested, e.value);
    }
  }

  bool KeyFits(const ValueEntry& e, std::vector<std::string>* keys) {
    const std::string& k = e.key;
    bool bad = k.empty() || k.find_first_of("=:\r\n") != std::string::npos || k[0] == '[' ||
               k[0] == '#' || k[0] == ';' || k != TrimBlanks(k);
    if (bad) {
      Lose(e.value.pos, fmt::format("key {} cannot be an INI key (left out)", QuoteForMessage(k)));
      return false;
    }
    if (std::find(keys->begin(), keys->end(), Lower(k)) != keys->end()) {
      Lose(e.value.pos, fmt::format("key {} differs from another key only in case, which INI "
                                    "ignores (left out)",
                                    QuoteForMessage(k)));
      return false;
    }
    keys->push_back(Lower(k));
    return true;
  }

  // The text of a string value, listing what INI cannot keep of it.
  std::string StringValue(const ValueNode& n) {
    const std::string& s = n.text;
    if (!s.empty() &&
        (s != TrimBlanks(s) || s.back() == '\n' || s.find('\r') != std::string::npos)) {
      Lose(n.pos, fmt::format("the white space around {} (INI strips it)", QuoteForMessage(s)));
    }
    std::string_view body = s;
    while (!body.empty() && std::strchr(" \t\r\n", body.back())) body.remove_suffix(1);
    while (!body.empty() && std::strchr(" \t", body.front())) body.remove_prefix(1);
    std::string out;
    size_t start = 0;
    for (bool first = true;; first = false) {
      size_t nl = body.find('\n', start);
      std::string_view line = TrimBlanks(body.substr(start, nl - start));
      if (!first && !line.empty() && (line[0] == '#' || line[0] == ';')) {
        Lose(n.pos, fmt::format("line {} of a value would read as a comment (INI has no escape)",
                                QuoteForMessage(line)));
      }
      if (!first && line != body.substr(start, nl - start)) {
        Lose(n.pos, "the white space at the ends of lines inside a value (INI strips it)");
      }
      out += (first ? "" : line.empty() ? "\n" : "\n    ") + std::string(line);
      if (nl == std::string::npos) break;
      start = nl + 1;
    }
    return out;
  }

  std::string ValueText(const ValueNode& n) {
    if (n.kind == ValueKind::kString) return StringValue(n);
    if (n.kind == ValueKind::kNull) {
      Lose(n.pos, "null becomes an empty value (INI values are text)");
      return "";
    }
    if (n.IsScalar()) {
      std::string text = n.kind == ValueKind::kFloat && n.text.empty() ? DescribeValue(n)
                         : n.kind == ValueKind::kFloat                 ? n.text
                                                                       : DescribeValue(n);
      std::string kind(n.kind == ValueKind::kDateTime ? DateTimeKindName(n.date_kind)
                                                      : ValueKindName(n.kind));
      Lose(n.pos, fmt::format("{} {} becomes text (INI values are text)", kind, text));
      return text;
    }
    bool lines = std::all_of(n.items.begin(), n.items.end(), [](const ValueNode& item) {
      return item.IsScalar() && item.kind != ValueKind::kNull &&
             item.text.find('\n') == std::string::npos && item.text == TrimBlanks(item.text) &&
             !(item.kind == ValueKind::kString && item.text.empty());
    });
    if (!lines || n.items.empty()) {
      std::string compact = OneLineJson(n);
      Lose(n.pos, "a sequence becomes its JSON text (INI values are text)");
      return compact;
    }
    Lose(n.pos, "a sequence becomes lines of text (INI values are text)");
    std::string out;
    for (const ValueNode& item : n.items) {
      out += "\n    " + (item.kind == ValueKind::kString ? item.text : DescribeValue(item));
    }
    return out;
  }

  void Option(const ValueEntry& e, std::vector<std::string>* keys) {
    if (!KeyFits(e, keys)) return;
    Comments(e.value.comments.before);
    if (e.value.comments.trailing) Comments({*e.value.comments.trailing});
    std::string value = ValueText(e.value);
    out_ += e.key + " =" + (value.empty() || value[0] == '\n' ? "" : " ") + value + "\n";
    Comments(e.value.comments.after);
  }

  std::vector<ConversionLoss>* losses_;
  std::string out_;
};

}  // namespace

Result<ValueDocument> ParseIni(std::string_view path, std::string_view text) {
  return IniReader(path, text).Read();
}

std::string EmitIni(const ValueNode& root, std::vector<ConversionLoss>* losses) {
  return IniWriter(losses).Write(root);
}

}  // namespace uprev
