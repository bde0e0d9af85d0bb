// JSON: a recursive-descent reader (RFC 8259, plus `//` and `/* */`
// comments and trailing commas as in JSONC) and the 2-space emitter.
#include <fmt/format.h>

#include <cmath>
#include <cstdlib>

#include "rewriters/config_document.h"
#include "rewriters/config_syntax.h"

namespace uprev {
namespace {

class JsonReader {
 public:
  JsonReader(std::string_view path, std::string_view text)
      : path_(path), text_(text), lines_(text) {}

  Result<ValueDocument> Read() {
    ValueDocument doc;
    if (Status s = SkipSpace(); !s.ok()) return s;
    if (AtEnd()) return Error(i_, "the file holds no JSON value");
    if (Status s = ReadValue(0, lines_.At(i_), &doc.root); !s.ok()) return s;
    if (Status s = SkipSpace(); !s.ok()) return s;
    if (!AtEnd()) return Error(i_, "unexpected text after the JSON value");
    AttachComments(std::move(comments_), &doc.root);
    doc.losses = std::move(losses_);
    return doc;
  }

 private:
  bool AtEnd() const { return i_ >= text_.size(); }
  char Peek() const { return AtEnd() ? '\0' : text_[i_]; }

  Status Error(size_t offset, std::string_view what) const {
    return ConfigError(path_, lines_.At(offset), what);
  }

  // White space and comments; comments are kept for AttachComments.
  Status SkipSpace() {
    while (!AtEnd()) {
      char c = Peek();
      if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
        ++i_;
      } else if (text_.substr(i_, 2) == "//") {
        size_t end = text_.find('\n', i_);
        if (end == std::string_view::npos) end = text_.size();
        AddComment(i_, text_.substr(i_ + 2, end - i_ - 2));
        i_ = end;
      } else if (text_.substr(i_, 2) == "/*") {
        size_t end = text_.find("*/", i_ + 2);
        if (end == std::string_view::npos) return Error(i_, "a /* comment is not closed");
        AddComment(i_, text_.substr(i_ + 2, end - i_ - 2));
        i_ = end + 2;
      } else {
        break;
      }
    }
    return Status::Ok();
  }

  void AddComment(size_t offset, std::string_view body) {
    if (!body.empty() && body.back() == '\r') body.remove_suffix(1);
    comments_.push_back(
        {ValueComment{std::string(body), lines_.At(offset)}, lines_.StartsLine(offset)});
  }

  Status ReadValue(int depth, Position head, ValueNode* out) {
    if (depth > kMaxValueDepth) return Error(i_, "the document nests too deeply");
    size_t start = i_;
    Status s = Status::Ok();
    char c = Peek();
    if (c == '{') {
      s = ReadObject(depth, out);
    } else if (c == '[') {
      s = ReadArray(depth, out);
    } else if (c == '"') {
      std::string value;
      s = ReadString(&value);
      *out = ValueNode::String(std::move(value));
    } else if (c == '-' || (c >= '0' && c <= '9')) {
      s = ReadNumber(out);
    } else {
      s = ReadWord(out);
    }
    if (!s.ok()) return s;
    out->pos = head.line ? head : lines_.At(start);
    out->end = lines_.At(i_);
    return Status::Ok();
  }

  Status ReadWord(ValueNode* out) {
    for (auto [word, node] :
         {std::pair{"true", ValueNode::Bool(true)}, std::pair{"false", ValueNode::Bool(false)},
          std::pair{"null", ValueNode::Null()}}) {
      std::string_view w(word);
      if (text_.substr(i_, w.size()) == w) {
        i_ += w.size();
        *out = node;
        return Status::Ok();
      }
    }
    if (AtEnd()) return Error(i_, "a value is missing at the end of the file");
    return Error(i_, fmt::format("unexpected {} where a value should be",
                                 QuoteForMessage(text_.substr(i_, 1))));
  }

  Status ReadNumber(ValueNode* out) {
    size_t start = i_;
    bool negative = Peek() == '-';
    if (negative) ++i_;
    size_t digits_start = i_;
    while (Peek() >= '0' && Peek() <= '9') ++i_;
    std::string_view digits = text_.substr(digits_start, i_ - digits_start);
    if (digits.empty() || (digits.size() > 1 && digits[0] == '0')) {
      return Error(start, "a number needs digits without a leading zero");
    }
    bool is_float = false;
    if (Peek() == '.') {
      ++i_, is_float = true;
      if (!(Peek() >= '0' && Peek() <= '9')) return Error(i_, "digits must follow '.'");
      while (Peek() >= '0' && Peek() <= '9') ++i_;
    }
    if (Peek() == 'e' || Peek() == 'E') {
      ++i_, is_float = true;
      if (Peek() == '+' || Peek() == '-') ++i_;
      if (!(Peek() >= '0' && Peek() <= '9')) return Error(i_, "digits must follow the exponent");
      while (Peek() >= '0' && Peek() <= '9') ++i_;
    }
    std::string text(text_.substr(start, i_ - start));
    *out = is_float ? ValueNode::Float(std::strtod(text.c_str(), nullptr), text)
                    : IntegerFromDigits(digits, 10, negative);
    return Status::Ok();
  }

  Status ReadHex4(uint32_t* out) {
    *out = 0;
    for (int k = 0; k < 4; ++k, ++i_) {
      char c = Peek();
      int v = c >= '0' && c <= '9'   ? c - '0'
              : c >= 'a' && c <= 'f' ? c - 'a' + 10
              : c >= 'A' && c <= 'F' ? c - 'A' + 10
                                     : -1;
      if (v < 0) return Error(i_, "\\u needs four hex digits");
      *out = *out * 16 + v;
    }
    return Status::Ok();
  }

  Status ReadEscape(std::string* out) {
    size_t start = i_++;
    char c = Peek();
    ++i_;
    switch (c) {
      case '"':
      case '\\':
      case '/':
        out->push_back(c);
        return Status::Ok();
      case 'b':
        out->push_back('\b');
        return Status::Ok();
      case 'f':
        out->push_back('\f');
        return Status::Ok();
      case 'n':
        out->push_back('\n');
        return Status::Ok();
      case 'r':
        out->push_back('\r');
        return Status::Ok();
      case 't':
        out->push_back('\t');
        return Status::Ok();
      case 'u':
        break;
      default:
        return Error(start, "unknown escape sequence in a string");
    }
    uint32_t cp = 0;
    if (Status s = ReadHex4(&cp); !s.ok()) return s;
    if (cp >= 0xD800 && cp <= 0xDBFF && text_.substr(i_, 2) == "\\u") {
      i_ += 2;
      uint32_t low = 0;
      if (Status s = ReadHex4(&low); !s.ok()) return s;
      if (low < 0xDC00 || low > 0xDFFF) return Error(start, "a lone UTF-16 surrogate in \\u");
      cp = 0x10000 + ((cp - 0xD800) << 10) + (low - 0xDC00);
    } else if (cp >= 0xD800 && cp <= 0xDFFF) {
      return Error(start, "a lone UTF-16 surrogate in \\u");
    }
    AppendUtf8(cp, out);
    return Status::Ok();
  }

  Status ReadString(std::string* out) {
    size_t start = i_++;
    for (;;) {
      if (AtEnd()) return Error(start, "a string is not closed");
      char c = Peek();
      if (c == '"') break;
      if (static_cast<unsigned char>(c) < 0x20) {
        return Error(i_, "a control character in a string must be escaped");
      }
      if (c == '\\') {
        if (Status s = ReadEscape(out); !s.ok()) return s;
      } else {
        out->push_back(c);
        ++i_;
      }
    }
    ++i_;
    return Status::Ok();
  }

  // After an item: ',' (a trailing one is allowed) or the closing bracket.
  Status AfterItem(char close, bool* done) {
    if (Status s = SkipSpace(); !s.ok()) return s;
    if (Peek() == ',') {
      ++i_;
      if (Status s = SkipSpace(); !s.ok()) return s;
      *done = Peek() == close;
    } else if (Peek() == close) {
      *done = true;
    } else {
      return Error(i_, fmt::format("expected ',' or '{}'", close));
    }
    if (*done) ++i_;
    return Status::Ok();
  }

  Status ReadArray(int depth, ValueNode* out) {
    *out = ValueNode::Sequence();
    ++i_;
    if (Status s = SkipSpace(); !s.ok()) return s;
    if (Peek() == ']') return ++i_, Status::Ok();
    for (bool done = false; !done;) {
      ValueNode item;
      if (Status s = ReadValue(depth + 1, Position{0, 0}, &item); !s.ok()) return s;
      out->items.push_back(std::move(item));
      if (Status s = AfterItem(']', &done); !s.ok()) return s;
    }
    return Status::Ok();
  }

  Status ReadMember(int depth, ValueNode* object) {
    if (Peek() != '"') return Error(i_, "expected a string key");
    size_t key_offset = i_;
    std::string key;
    if (Status s = ReadString(&key); !s.ok()) return s;
    if (Status s = SkipSpace(); !s.ok()) return s;
    if (Peek() != ':') return Error(i_, "expected ':' after the key");
    ++i_;
    if (Status s = SkipSpace(); !s.ok()) return s;
    ValueNode value;
    Position head = lines_.At(key_offset);
    if (Status s = ReadValue(depth + 1, head, &value); !s.ok()) return s;
    if (ValueNode* old = object->Find(key)) {
      losses_.push_back({old->pos, fmt::format("key {} is given again at {}:{}; this earlier "
                                               "value is dropped",
                                               QuoteForMessage(key), head.line, head.col)});
      *old = std::move(value);
    } else {
      object->Add(std::move(key), std::move(value));
    }
    return Status::Ok();
  }

  Status ReadObject(int depth, ValueNode* out) {
    *out = ValueNode::Mapping();
    ++i_;
    if (Status s = SkipSpace(); !s.ok()) return s;
    if (Peek() == '}') return ++i_, Status::Ok();
    for (bool done = false; !done;) {
      if (Status s = ReadMember(depth, out); !s.ok()) return s;
      if (Status s = AfterItem('}', &done); !s.ok()) return s;
    }
    return Status::Ok();
  }

  std::string_view path_;
  std::string_view text_;
  LineIndex lines_;
  size_t i_ = 0;
  std::vector<SourceComment> comments_;
  std::vector<ConversionLoss> losses_;
};

// ---- emitter ----

void AppendJsonString(std::string_view s, std::string* out) {
  out->push_back('"');
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
      case '\f':
        *out += "\\f";
        break;
      case '\n':
        *out += "\\n";
        break;
      case '\r':
        *out += "\\r";
        break;
      case '\t':
        *out += "\\t";
        break;
      default:
        if (static_cast<unsigned char>(c) < 0x20) {
          *out += fmt::format("\\u{:04x}", static_cast<unsigned char>(c));
        } else {
          out->push_back(c);
        }
    }
  }
  out->push_back('"');
}

class JsonWriter {
 public:
  JsonWriter(std::vector<ConversionLoss>* losses, bool one_line)
      : losses_(losses), one_line_(one_line) {}

  std::string Write(const ValueNode& root) {
    Value(root, 0);
    if (!one_line_) out_ += "\n";
    return std::move(out_);
  }

 private:
  void Lose(const Position& pos, std::string what) { losses_->push_back({pos, std::move(what)}); }

  void LoseComments(const ValueNode& node) {
    auto lose = [&](const ValueComment& c) {
      Lose(c.pos, fmt::format("{} (JSON has no comments)", DescribeComment(c)));
    };
    for (const ValueComment& c : node.comments.before) lose(c);
    if (node.comments.trailing) lose(*node.comments.trailing);
    for (const ValueComment& c : node.comments.after) lose(c);
  }

  void Scalar(const ValueNode& node) {
    switch (node.kind) {
      case ValueKind::kNull:
        out_ += "null";
        break;
      case ValueKind::kBool:
        out_ += node.boolean ? "true" : "false";
        break;
      case ValueKind::kInteger:
        out_ += DescribeValue(node);
        break;
      case ValueKind::kFloat:
        if (!std::isfinite(node.real)) {
          std::string text = DescribeValue(node);
          Lose(node.pos, fmt::format("float {} becomes the string \"{}\" (JSON has no infinity "
                                     "or NaN)",
                                     text, text));
          AppendJsonString(text, &out_);
        } else {
          out_ += IsJsonFloatText(node.text) ? node.text : FormatFloat(node.real);
        }
        break;
      case ValueKind::kString:
        AppendJsonString(node.text, &out_);
        break;
      case ValueKind::kDateTime:
        Lose(node.pos, fmt::format("{} {} becomes a string (JSON has no date-time type)",
                                   DateTimeKindName(node.date_kind), node.text));
        AppendJsonString(node.text, &out_);
        break;
      default:
        break;
    }
  }

  void Value(const ValueNode& node, int indent) {
    LoseComments(node);
    // One line: no breaks, ", " between items; else 2-space indentation.
    std::string pad = one_line_ ? "" : std::string(2 * (indent + 1), ' ');
    std::string open_break = one_line_ ? "" : "\n",
                close_pad = one_line_ ? "" : std::string(2 * indent, ' ');
    auto separator = [&](size_t k, size_t n) {
      return k + 1 < n ? (one_line_ ? ", " : ",\n") : open_break;
    };
    if (node.kind == ValueKind::kSequence) {
      if (node.items.empty()) return void(out_ += "[]");
      out_ += "[" + open_break;
      for (size_t k = 0; k < node.items.size(); ++k) {
        out_ += pad;
        Value(node.items[k], indent + 1);
        out_ += separator(k, node.items.size());
      }
      out_ += close_pad + "]";
    } else if (node.kind == ValueKind::kMapping) {
      if (node.entries.empty()) return void(out_ += "{}");
      out_ += "{" + open_break;
      for (size_t k = 0; k < node.entries.size(); ++k) {
        const ValueEntry& e = node.entries[k];
        if (e.key_kind != ValueKind::kString) {
          Lose(e.value.pos, fmt::format("{} key {} becomes the string {}",
                                        ValueKindName(e.key_kind), e.key, QuoteForMessage(e.key)));
        }
        out_ += pad;
        AppendJsonString(e.key, &out_);
        out_ += ": ";
        Value(e.value, indent + 1);
        out_ += separator(k, node.entries.size());
      }
      out_ += close_pad + "}";
    } else {
      Scalar(node);
    }
  }

  std::vector<ConversionLoss>* losses_;
  bool one_line_;
  std::string out_;
};

}  // namespace

std::string OneLineJson(const ValueNode& node) {
  std::vector<ConversionLoss> ignored;
  return JsonWriter(&ignored, true).Write(node);
}

Result<ValueDocument> ParseJson(std::string_view path, std::string_view text) {
  return JsonReader(path, text).Read();
}

std::string EmitJson(const ValueNode& root, std::vector<ConversionLoss>* losses) {
  return JsonWriter(losses, false).Write(root);
}

}  // namespace uprev
