// What the config readers and emitters share (rewriters-internal): the text
// forms of scalars (numbers, date-times, YAML's plain scalars), UTF-8,
// positions, nesting limits and where comments attach.
#ifndef UPREV_REWRITERS_CONFIG_SYNTAX_H_
#define UPREV_REWRITERS_CONFIG_SYNTAX_H_

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/source_file.h"
#include "rewriters/config_document.h"

namespace uprev {

// ---- UTF-8 ----

// AppendUtf8 is in core/source_file.h.
// Decodes the code point at `*i` of valid UTF-8 and moves `*i` past it.
uint32_t NextCodePoint(std::string_view text, size_t* i);

// ---- positions and messages ----

// Byte offsets to 1-based line and byte column positions.
class LineIndex {
 public:
  explicit LineIndex(std::string_view text);
  Position At(size_t offset) const;
  // Whether only spaces and tabs precede `offset` on its line.
  bool StartsLine(size_t offset) const;

 private:
  std::string_view text_;
  std::vector<size_t> starts_;
};
// "PATH:LINE:COL: error: WHAT".
Status ConfigError(std::string_view path, Position pos, std::string_view what);
// `text` quoted for a message, shortened past 40 bytes: "abc...".
std::string QuoteForMessage(std::string_view text);
// A comment for messages: `comment "text"` (trimmed, without its marker).
std::string DescribeComment(const ValueComment& comment);
// A node for messages: `null`, `true`, `12`, `"text"`, `a sequence`.
std::string DescribeValue(const ValueNode& node);

// `node` as JSON on one line (`[1, "a"]`, `{"k": true}`), where a format
// can only hold it as text.
std::string OneLineJson(const ValueNode& node);

// ---- numbers ----

// An integer from digits (no sign, no underscores) in `base` (2, 8, 10,
// 16): Integer when it fits int64, else BigInteger with decimal digits.
ValueNode IntegerFromDigits(std::string_view digits, int base, bool negative);
// The shortest text that reads back as `value`, with ".0" when it would
// otherwise read as an integer. Finite values only.
std::string FormatFloat(double value);
// Whether `text` is a float in that format's syntax (not an integer).
bool IsJsonFloatText(std::string_view text);
bool IsTomlFloatText(std::string_view text);
bool IsYamlFloatText(std::string_view text);

// ---- date-times ----

enum class DateTimeSyntax {
  kToml,       // RFC 3339 as TOML 1.0 writes it: T, t or space; Z or z
  kYaml,       // YAML 1.1 timestamps (2001-12-14 21:59:43.10 -5)
  kCanonical,  // exactly what ValueNode::text holds (T, Z, two-digit fields)
};
// A DateTime node for `text`, or nullopt when it is none (or not a real
// date: 2023-02-30).
std::optional<ValueNode> ParseDateTime(std::string_view text, DateTimeSyntax syntax);

// ---- YAML plain scalars ----

// How YAML reads `text` unquoted: null, bool, integer, float, a timestamp,
// or a string.
ValueNode ResolveYamlPlain(std::string_view text);
// Whether a string may be written unquoted in YAML (block context, as a
// value or a key) and read back as the same string.
bool IsYamlPlainSafe(std::string_view text);

// ---- comments ----

// A comment's text as a writer puts it after its marker: split at line
// breaks, with control characters (no format allows them in comments) as
// spaces. CommentTextOneLine joins the lines with spaces.
std::vector<std::string> CommentTextLines(std::string_view text);
std::string CommentTextOneLine(std::string_view text);

struct SourceComment {
  ValueComment comment;
  bool own_line = false;  // nothing but white space before it on its line
};
// Attaches `comments` (in source order) to the nodes under `root`: one at
// the end of a line that holds a node's start (its key, for a mapping's
// value) trails that node; any other goes before the next node, or after
// the last one (into the root's `after`).
void AttachComments(std::vector<SourceComment> comments, ValueNode* root);

}  // namespace uprev

#endif  // UPREV_REWRITERS_CONFIG_SYNTAX_H_
