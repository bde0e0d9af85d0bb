#include "rewriters/config_syntax.h"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <charconv>
#include <cmath>
#include <cstring>

namespace uprev {

// ---- UTF-8 ----

uint32_t NextCodePoint(std::string_view text, size_t* i) {
  auto byte = [&](size_t k) { return static_cast<unsigned char>(text[k]); };
  unsigned char c = byte(*i);
  int extra = c < 0x80 ? 0 : (c & 0xE0) == 0xC0 ? 1 : (c & 0xF0) == 0xE0 ? 2 : 3;
  uint32_t cp = extra == 0 ? c : c & (0x3F >> extra);
  for (int k = 1; k <= extra && *i + k < text.size(); ++k) cp = (cp << 6) | (byte(*i + k) & 0x3F);
  *i += extra + 1;
  return cp;
}

// ---- positions and messages ----

LineIndex::LineIndex(std::string_view text) : text_(text), starts_{0} {
  for (size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '\n') starts_.push_back(i + 1);
  }
}

Position LineIndex::At(size_t offset) const {
  offset = std::min(offset, text_.size());
  size_t line = std::upper_bound(starts_.begin(), starts_.end(), offset) - starts_.begin();
  return Position{static_cast<uint32_t>(line),
                  static_cast<uint32_t>(offset - starts_[line - 1] + 1)};
}

bool LineIndex::StartsLine(size_t offset) const {
  size_t line_start = starts_[At(offset).line - 1];
  for (size_t i = line_start; i < offset; ++i) {
    if (text_[i] != ' ' && text_[i] != '\t') return false;
  }
  return true;
}

Status ConfigError(std::string_view path, Position pos, std::string_view what) {
  return Status::Invalid(fmt::format("{}:{}:{}: error: {}", path, pos.line, pos.col, what));
}

std::string QuoteForMessage(std::string_view text) {
  std::string out = "\"";
  size_t i = 0;
  while (i < text.size()) {
    if (i >= 40) {
      out += "...";
      break;
    }
    char c = text[i];
    if (c == '\n') {
      out += "\\n";
    } else if (c == '\t') {
      out += "\\t";
    } else if (c == '"' || c == '\\') {
      out += '\\';
      out += c;
    } else if (static_cast<unsigned char>(c) < 0x20 || c == 0x7F) {
      out += fmt::format("\\x{:02x}", static_cast<unsigned char>(c));
    } else {
      size_t start = i;
      uint32_t cp = NextCodePoint(text, &i);
      // C1 controls and line separators would not show.
      if ((cp >= 0x80 && cp <= 0x9F) || cp == 0x2028 || cp == 0x2029 || cp == 0xFEFF) {
        out += fmt::format("\\u{:04x}", cp);
      } else {
        out.append(text.substr(start, i - start));
      }
      continue;
    }
    ++i;
  }
  return out + "\"";
}

std::string DescribeComment(const ValueComment& comment) {
  std::string_view text = comment.text;
  size_t b = text.find_first_not_of(" \t\r\n");
  text = b == std::string_view::npos ? std::string_view() : text.substr(b);
  while (!text.empty() && std::strchr(" \t\r\n", text.back())) text.remove_suffix(1);
  return "comment " + QuoteForMessage(text);
}

std::string DescribeValue(const ValueNode& node) {
  switch (node.kind) {
    case ValueKind::kNull:
      return "null";
    case ValueKind::kBool:
      return node.boolean ? "true" : "false";
    case ValueKind::kInteger:
      return node.IsBigInteger() ? node.text : std::to_string(node.integer);
    case ValueKind::kFloat:
      if (std::isnan(node.real)) return "nan";
      if (std::isinf(node.real)) return node.real < 0 ? "-inf" : "inf";
      return node.text.empty() ? FormatFloat(node.real) : node.text;
    case ValueKind::kString:
      return QuoteForMessage(node.text);
    case ValueKind::kDateTime:
      return node.text;
    case ValueKind::kSequence:
      return "a sequence";
    case ValueKind::kMapping:
      return "a mapping";
  }
  return "";
}

// ---- numbers ----

namespace {

int DigitValue(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return 99;
}

// `decimal` (digits, most significant first) times `base` plus `digit`.
void MultiplyAdd(std::string* decimal, int base, int digit) {
  int carry = digit;
  for (size_t k = decimal->size(); k-- > 0;) {
    int v = ((*decimal)[k] - '0') * base + carry;
    (*decimal)[k] = static_cast<char>('0' + v % 10);
    carry = v / 10;
  }
  while (carry > 0) {
    decimal->insert(decimal->begin(), static_cast<char>('0' + carry % 10));
    carry /= 10;
  }
}

bool IsDigit(char c) { return c >= '0' && c <= '9'; }

// Digits with single underscores between them (TOML) or without any.
size_t ScanDigits(std::string_view s, size_t i, bool underscores) {
  size_t start = i;
  while (i < s.size() && (IsDigit(s[i]) || (underscores && s[i] == '_' && i > start &&
                                            i + 1 < s.size() && IsDigit(s[i + 1])))) {
    ++i;
  }
  return i;
}

// [sign] int [. digits] [e [sign] digits] with a fraction or an exponent.
// `json`: no '+', no leading zeros; `toml`: underscores, no leading zeros;
// otherwise (YAML) either part may be empty but not both.
bool IsFloatSyntax(std::string_view s, bool json, bool toml) {
  size_t i = 0;
  if (i < s.size() && (s[i] == '-' || (!json && s[i] == '+'))) ++i;
  size_t int_start = i;
  i = ScanDigits(s, i, toml);
  size_t int_len = i - int_start;
  if ((json || toml) && (int_len == 0 || (s[int_start] == '0' && int_len > 1))) return false;
  bool fraction = false, exponent = false;
  if (i < s.size() && s[i] == '.') {
    size_t frac_start = ++i;
    i = ScanDigits(s, i, toml);
    if ((json || toml) && i == frac_start) return false;
    if (int_len == 0 && i == frac_start) return false;
    fraction = true;
  } else if (int_len == 0) {
    return false;
  }
  if (i < s.size() && (s[i] == 'e' || s[i] == 'E')) {
    ++i;
    if (i < s.size() && (s[i] == '-' || s[i] == '+')) ++i;
    size_t exp_start = i;
    i = ScanDigits(s, i, toml);
    if (i == exp_start) return false;
    exponent = true;
  }
  return i == s.size() && (fraction || exponent);
}

}  // namespace

ValueNode IntegerFromDigits(std::string_view digits, int base, bool negative) {
  std::string decimal = "0";
  for (char c : digits) MultiplyAdd(&decimal, base, DigitValue(c));
  size_t nonzero = decimal.find_first_not_of('0');
  decimal = nonzero == std::string::npos ? "0" : decimal.substr(nonzero);
  std::string signed_text = (negative && decimal != "0" ? "-" : "") + decimal;
  int64_t value = 0;
  auto [end, ec] =
      std::from_chars(signed_text.data(), signed_text.data() + signed_text.size(), value);
  if (ec == std::errc() && end == signed_text.data() + signed_text.size()) {
    return ValueNode::Integer(value);
  }
  return ValueNode::BigInteger(signed_text);
}

std::string FormatFloat(double value) {
  std::array<char, 64> buf{};
  auto [end, ec] = std::to_chars(buf.data(), buf.data() + buf.size(), value);
  std::string text(buf.data(), end);
  if (text.find_first_of(".e") == std::string::npos) text += ".0";
  return text;
}

bool IsJsonFloatText(std::string_view text) { return IsFloatSyntax(text, true, false); }
bool IsTomlFloatText(std::string_view text) { return IsFloatSyntax(text, false, true); }
bool IsYamlFloatText(std::string_view text) { return IsFloatSyntax(text, false, false); }

// ---- date-times ----

namespace {

struct DateTimeFields {
  int year = 0, month = 0, day = 0;
  int hour = 0, minute = 0, second = 0;
  std::string fraction;  // digits after the point
  std::string offset;    // "Z" or "+05:00"; empty for local
  bool has_date = false, has_time = false;
};

class DateTimeScanner {
 public:
  explicit DateTimeScanner(std::string_view s) : s_(s) {}
  bool AtEnd() const { return i_ == s_.size(); }
  char Peek() const { return i_ < s_.size() ? s_[i_] : '\0'; }
  bool Eat(char c) {
    if (Peek() != c) return false;
    ++i_;
    return true;
  }
  // Reads min..max digits into *out.
  bool Number(int min, int max, int* out) {
    int n = 0, value = 0;
    while (n < max && IsDigit(Peek())) value = value * 10 + (s_[i_++] - '0'), ++n;
    *out = value;
    return n >= min;
  }
  std::string Digits() {
    size_t start = i_;
    while (IsDigit(Peek())) ++i_;
    return std::string(s_.substr(start, i_ - start));
  }
  void SkipBlanks() {
    while (Peek() == ' ' || Peek() == '\t') ++i_;
  }
  size_t position() const { return i_; }

 private:
  std::string_view s_;
  size_t i_ = 0;
};

bool ScanTime(DateTimeScanner* in, bool short_hour, DateTimeFields* f) {
  if (!in->Number(short_hour ? 1 : 2, 2, &f->hour) || !in->Eat(':') ||
      !in->Number(2, 2, &f->minute) || !in->Eat(':') || !in->Number(2, 2, &f->second)) {
    return false;
  }
  if (in->Eat('.')) {
    f->fraction = in->Digits();
    if (f->fraction.empty() && !short_hour) return false;  // only YAML allows "12:00:00."
  }
  f->has_time = true;
  return true;
}

bool ScanOffset(DateTimeScanner* in, DateTimeSyntax syntax, DateTimeFields* f) {
  if (syntax == DateTimeSyntax::kYaml) in->SkipBlanks();
  if (in->AtEnd()) return true;
  if (in->Eat('Z') || (syntax != DateTimeSyntax::kCanonical && in->Eat('z'))) {
    f->offset.assign(1, 'Z');  // not = "Z": GCC 12 warns wrongly (-Wrestrict)
    return in->AtEnd();
  }
  char sign = in->Peek();
  if (sign != '+' && sign != '-') return false;
  in->Eat(sign);
  int hours = 0, minutes = 0;
  bool yaml = syntax == DateTimeSyntax::kYaml;
  if (!in->Number(yaml ? 1 : 2, 2, &hours)) return false;
  if (in->Eat(':')) {
    if (!in->Number(2, 2, &minutes)) return false;
  } else if (!yaml) {
    return false;
  }
  if (hours > 23 || minutes > 59) return false;
  f->offset = fmt::format("{}{:02}:{:02}", sign, hours, minutes);
  return in->AtEnd();
}

bool ScanDateTime(std::string_view text, DateTimeSyntax syntax, DateTimeFields* f) {
  DateTimeScanner in(text);
  bool yaml = syntax == DateTimeSyntax::kYaml;
  if (text.size() >= 3 && IsDigit(text[0]) && IsDigit(text[1]) && text[2] == ':') {
    return !yaml && ScanTime(&in, false, f) && in.AtEnd();
  }
  if (!in.Number(4, 4, &f->year) || !in.Eat('-')) return false;
  // YAML's date-only form has two-digit fields; with a time they may be one.
  bool short_fields = yaml && text.size() != 10;
  if (!in.Number(short_fields ? 1 : 2, 2, &f->month) || !in.Eat('-') ||
      !in.Number(short_fields ? 1 : 2, 2, &f->day)) {
    return false;
  }
  f->has_date = true;
  if (in.AtEnd()) return true;
  char sep = in.Peek();
  bool sep_ok = sep == 'T' ||
                (syntax != DateTimeSyntax::kCanonical && (sep == 't' || sep == ' ')) ||
                (yaml && sep == '\t');
  if (!sep_ok) return false;
  in.Eat(sep);
  if (yaml && (sep == ' ' || sep == '\t')) in.SkipBlanks();
  if (!ScanTime(&in, yaml, f)) return false;
  return ScanOffset(&in, syntax, f);
}

bool ValidFields(const DateTimeFields& f) {
  if (f.has_date) {
    static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (f.month < 1 || f.month > 12 || f.day < 1) return false;
    bool leap = (f.year % 4 == 0 && f.year % 100 != 0) || f.year % 400 == 0;
    int days = kDays[f.month - 1] + (f.month == 2 && leap ? 1 : 0);
    if (f.day > days) return false;
  }
  if (f.has_time && (f.hour > 23 || f.minute > 59 || f.second > 60)) return false;
  return true;
}

}  // namespace

std::optional<ValueNode> ParseDateTime(std::string_view text, DateTimeSyntax syntax) {
  DateTimeFields f;
  if (!ScanDateTime(text, syntax, &f) || !ValidFields(f)) return std::nullopt;
  std::string date = fmt::format("{:04}-{:02}-{:02}", f.year, f.month, f.day);
  std::string time = fmt::format("{:02}:{:02}:{:02}", f.hour, f.minute, f.second);
  if (!f.fraction.empty()) time += "." + f.fraction;
  if (!f.has_date) return ValueNode::DateTime(DateTimeKind::kLocalTime, time);
  if (!f.has_time) return ValueNode::DateTime(DateTimeKind::kLocalDate, date);
  if (f.offset.empty()) return ValueNode::DateTime(DateTimeKind::kLocalDateTime, date + "T" + time);
  return ValueNode::DateTime(DateTimeKind::kOffsetDateTime, date + "T" + time + f.offset);
}

// ---- YAML plain scalars ----

namespace {

bool OneOf(std::string_view text, std::initializer_list<std::string_view> words) {
  return std::find(words.begin(), words.end(), text) != words.end();
}

bool AllDigits(std::string_view s, int base) {
  return !s.empty() &&
         std::all_of(s.begin(), s.end(), [&](char c) { return DigitValue(c) < base; });
}

std::optional<ValueNode> YamlInteger(std::string_view text) {
  if (text.size() > 2 && text[0] == '0' && (text[1] == 'x' || text[1] == 'o')) {
    int base = text[1] == 'x' ? 16 : 8;
    if (AllDigits(text.substr(2), base)) return IntegerFromDigits(text.substr(2), base, false);
    return std::nullopt;
  }
  bool negative = !text.empty() && text[0] == '-';
  std::string_view digits = text.substr(!text.empty() && (text[0] == '-' || text[0] == '+'));
  if (!AllDigits(digits, 10)) return std::nullopt;
  return IntegerFromDigits(digits, 10, negative);
}

}  // namespace

ValueNode ResolveYamlPlain(std::string_view text) {
  if (OneOf(text, {"", "~", "null", "Null", "NULL"})) return ValueNode::Null();
  if (OneOf(text, {"true", "True", "TRUE"})) return ValueNode::Bool(true);
  if (OneOf(text, {"false", "False", "FALSE"})) return ValueNode::Bool(false);
  if (std::optional<ValueNode> integer = YamlInteger(text)) return *integer;
  if (IsYamlFloatText(text)) {
    return ValueNode::Float(std::strtod(std::string(text).c_str(), nullptr), std::string(text));
  }
  std::string_view unsigned_text = text.substr(!text.empty() && (text[0] == '-' || text[0] == '+'));
  if (OneOf(unsigned_text, {".inf", ".Inf", ".INF"})) {
    double inf = std::numeric_limits<double>::infinity();
    return ValueNode::Float(text[0] == '-' ? -inf : inf);
  }
  if (OneOf(text, {".nan", ".NaN", ".NAN"})) {
    return ValueNode::Float(std::numeric_limits<double>::quiet_NaN());
  }
  if (std::optional<ValueNode> date = ParseDateTime(text, DateTimeSyntax::kYaml)) return *date;
  return ValueNode::String(std::string(text));
}

bool IsYamlPlainSafe(std::string_view text) {
  if (text.empty() || ResolveYamlPlain(text).kind != ValueKind::kString) return false;
  // YAML 1.1 words and numbers (PyYAML reads `yes` as true and 0123 as 83).
  if (OneOf(text, {"y", "Y", "yes", "Yes", "YES", "n", "N", "no", "No", "NO", "on", "On", "ON",
                   "off", "Off", "OFF", "=", "<<"})) {
    return false;
  }
  // Anything that starts like a number (1st, -1, .5, ..) or with an indicator.
  char first = text[0];
  char second = text.size() > 1 ? text[1] : '\0';
  if (IsDigit(first) || (std::strchr("-+.", first) && (IsDigit(second) || second == '.'))) {
    return false;
  }
  bool hidden_file = first == '.' && second != '\0';  // `.env` is fine; `.` alone is not
  if (std::strchr("-?:,[]{}#&*!|>'\"%@`. ", first) && !hidden_file) return false;
  if (text.back() == ' ' || text.back() == ':') return false;
  if (text.find(": ") != std::string_view::npos || text.find('#') != std::string_view::npos) {
    return false;
  }
  size_t i = 0;
  while (i < text.size()) {
    uint32_t cp = NextCodePoint(text, &i);
    bool printable = (cp >= 0x20 && cp < 0x7F) ||
                     (cp >= 0xA0 && cp != 0x2028 && cp != 0x2029 && cp != 0xFEFF && cp < 0xFFFE);
    if (!printable || cp == ',' || cp == '[' || cp == ']' || cp == '{' || cp == '}') return false;
  }
  return true;
}

// ---- comments ----

std::vector<std::string> CommentTextLines(std::string_view text) {
  std::vector<std::string> lines(1);
  size_t i = 0;
  while (i < text.size()) {
    size_t start = i;
    uint32_t cp = NextCodePoint(text, &i);
    if (cp == '\n') {
      if (!lines.back().empty() && lines.back().back() == ' ' && text[start - 1] == '\r') {
        lines.back().pop_back();  // CRLF
      }
      lines.emplace_back();
    } else if ((cp < 0x20 && cp != '\t') || cp == 0x7F || cp == 0x85 || cp == 0x2028 ||
               cp == 0x2029) {
      lines.back().push_back(' ');
    } else {
      lines.back().append(text.substr(start, i - start));
    }
  }
  return lines;
}

std::string CommentTextOneLine(std::string_view text) {
  std::string out;
  for (const std::string& line : CommentTextLines(text)) out += (out.empty() ? "" : " ") + line;
  return out;
}

namespace {

struct Anchor {
  ValueNode* node;
  Position head;
  Position end;
};

bool Before(const Position& a, const Position& b) {
  return a.line < b.line || (a.line == b.line && a.col < b.col);
}

void CollectAnchors(ValueNode* node, std::vector<Anchor>* out) {
  if (node->pos.line > 0) out->push_back({node, node->pos, node->end});
  for (ValueNode& item : node->items) CollectAnchors(&item, out);
  for (ValueEntry& entry : node->entries) CollectAnchors(&entry.value, out);
}

// The node a comment at the end of a line trails: of the nodes starting on
// that line before it, the outermost that also ends there, else the
// innermost; failing that the outermost node that ends there.
ValueNode* TrailedNode(const std::vector<Anchor>& anchors, const Position& at) {
  ValueNode* innermost = nullptr;
  for (const Anchor& a : anchors) {
    if (a.head.line != at.line || !Before(a.head, at)) continue;
    if (a.end.line == at.line) return a.node;
    innermost = a.node;
  }
  if (innermost) return innermost;
  for (const Anchor& a : anchors) {
    if (a.end.line == at.line && !Before(at, a.end)) return a.node;
  }
  return nullptr;
}

}  // namespace

void AttachComments(std::vector<SourceComment> comments, ValueNode* root) {
  if (comments.empty()) return;
  std::vector<Anchor> anchors;
  CollectAnchors(root, &anchors);
  std::stable_sort(anchors.begin(), anchors.end(),
                   [](const Anchor& a, const Anchor& b) { return Before(a.head, b.head); });
  for (SourceComment& c : comments) {
    if (!c.own_line) {
      if (ValueNode* node = TrailedNode(anchors, c.comment.pos)) {
        if (!node->comments.trailing) {
          node->comments.trailing = std::move(c.comment);
          continue;
        }
      }
    }
    auto next = std::find_if(anchors.begin(), anchors.end(),
                             [&](const Anchor& a) { return Before(c.comment.pos, a.head); });
    if (next == anchors.end()) {
      root->comments.after.push_back(std::move(c.comment));
    } else {
      next->node->comments.before.push_back(std::move(c.comment));
    }
  }
}

}  // namespace uprev
