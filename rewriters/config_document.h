// ValueNode: the typed model of a JSON, YAML, TOML or INI file that
// `uprev convert` reads and writes. Parsers build it with every node's
// source position and the comments around it; emitters write it back in a
// format and list what that format cannot hold (a ConversionLoss each).
// (detectors/config_tree.h's ConfigNode is another thing: the syntax tree
// that config rules edit in place. This is the data, without the syntax.)
//
// Readers: JSON (RFC 8259, plus `//` and `/* */` comments as in JSONC),
// YAML 1.2 (core schema, plus YAML 1.1 timestamps; tree-sitter-yaml),
// TOML 1.0 (tree-sitter-toml) and INI (as Python's configparser reads it,
// keys keeping their case). No reader throws; bad input is a
// Status::Invalid "PATH:LINE:COL: error: ...".
#ifndef UPREV_REWRITERS_CONFIG_DOCUMENT_H_
#define UPREV_REWRITERS_CONFIG_DOCUMENT_H_

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/source_file.h"
#include "core/status.h"

namespace uprev {

enum class DataFormat { kJson, kYaml, kToml, kIni };

// "json", "yaml", "toml", "ini".
std::string_view DataFormatName(DataFormat format);
// A format by name: json, yaml (yml), toml, ini (cfg); nullopt when unknown.
std::optional<DataFormat> DataFormatNamed(std::string_view name);
// A format from a file's extension: .json .yaml .yml .toml .ini .cfg.
std::optional<DataFormat> DataFormatForPath(std::string_view path);

enum class ValueKind { kNull, kBool, kInteger, kFloat, kString, kDateTime, kSequence, kMapping };

// TOML's four date-time types; YAML timestamps are the first three.
enum class DateTimeKind { kOffsetDateTime, kLocalDateTime, kLocalDate, kLocalTime };

// "null", "boolean", "integer", "float", "string", "date-time",
// "sequence", "mapping"; DateTimeKind gives "offset date-time" and so on.
std::string_view ValueKindName(ValueKind kind);
std::string_view DateTimeKindName(DateTimeKind kind);

// A comment's text without its marker (`#`, `;`, `//`): "# note" is " note".
struct ValueComment {
  std::string text;
  Position pos;
};

struct ValueComments {
  std::vector<ValueComment> before;      // whole lines above the node (or its key)
  std::optional<ValueComment> trailing;  // at the end of the node's first line
  std::vector<ValueComment> after;       // below the last item (collections, the root)
  bool empty() const { return before.empty() && !trailing && after.empty(); }
};

struct ValueEntry;

struct ValueNode {
  ValueKind kind = ValueKind::kNull;
  bool boolean = false;
  int64_t integer = 0;
  double real = 0;
  // kString: the value. kInteger: empty, or the decimal digits of an
  // integer beyond int64 (a big integer). kFloat: the source text when the
  // reader had one (emitters reuse it where the target's syntax allows).
  // kDateTime: the RFC 3339 text ("1979-05-27T07:32:00-07:00").
  std::string text;
  DateTimeKind date_kind = DateTimeKind::kLocalDate;
  std::vector<ValueNode> items;     // kSequence
  std::vector<ValueEntry> entries;  // kMapping, in source order
  // Where the node starts; for a mapping's value, where its key starts.
  // Line 0: no place in the source (a table TOML made implicitly).
  Position pos;
  Position end;  // where it ends
  ValueComments comments;
  // A mapping written inline in the source (a TOML inline table, a YAML
  // flow mapping): TOML keeps it inline when it holds no comments. Style,
  // not data: SameData ignores it.
  bool prefer_inline = false;

  static ValueNode Null();
  static ValueNode Bool(bool value);
  static ValueNode Integer(int64_t value);
  static ValueNode BigInteger(std::string digits);
  static ValueNode Float(double value, std::string source_text = "");
  static ValueNode String(std::string value);
  static ValueNode DateTime(DateTimeKind kind, std::string text);
  static ValueNode Sequence();
  static ValueNode Mapping();

  bool IsBigInteger() const { return kind == ValueKind::kInteger && !text.empty(); }
  bool IsScalar() const { return kind != ValueKind::kSequence && kind != ValueKind::kMapping; }
  // The value of `key` in a mapping, or nullptr.
  const ValueNode* Find(std::string_view key) const;
  ValueNode* Find(std::string_view key);
  // Appends `key: value` to a mapping and returns the stored value.
  ValueNode& Add(std::string key, ValueNode value);
};

struct ValueEntry {
  std::string key;
  // YAML keys may be other scalars (`1: one`); `key` is then their text.
  ValueKind key_kind = ValueKind::kString;
  ValueNode value;
};

// Equal data: kinds, values (floats by value, NaN equal to NaN), key kinds
// and key order. Positions, comments and float source texts are ignored.
bool SameData(const ValueNode& a, const ValueNode& b);

// One line per node ("mapping", "  a: integer 1"), for tests and messages.
std::string DescribeTree(const ValueNode& node);

// Something a reader or an emitter could not carry: where it was in the
// source, and what ("comment \"# x\" (JSON has no comments)").
struct ConversionLoss {
  Position pos;
  std::string what;
};

// A file read into the model, with what reading it already lost (YAML
// aliases expanded, tags dropped, a JSON key given twice).
struct ValueDocument {
  ValueNode root;
  std::vector<ConversionLoss> losses;
};

// The deepest nesting a reader accepts; deeper input is an error, not a
// stack overflow.
inline constexpr int kMaxValueDepth = 256;

Result<ValueDocument> ParseConfig(DataFormat format, std::string_view path, std::string_view text);
Result<ValueDocument> ParseJson(std::string_view path, std::string_view text);
Result<ValueDocument> ParseYaml(std::string_view path, std::string_view text);
Result<ValueDocument> ParseToml(std::string_view path, std::string_view text);
Result<ValueDocument> ParseIni(std::string_view path, std::string_view text);

// Emitters write `root` and append to `losses` what the format cannot hold
// (each emitter's comment lists them). TOML and INI take a mapping root
// (a null root writes nothing); ConvertConfig checks that first.
std::string EmitConfig(DataFormat format, const ValueNode& root,
                       std::vector<ConversionLoss>* losses);
// 2-space indentation, UTF-8 kept as is.
std::string EmitJson(const ValueNode& root, std::vector<ConversionLoss>* losses);
// Block style; strings that would read back as another type are quoted.
std::string EmitYaml(const ValueNode& root, std::vector<ConversionLoss>* losses);
// Values before tables; arrays of tables where items are tables.
std::string EmitToml(const ValueNode& root, std::vector<ConversionLoss>* losses);
// One level of sections; values as text.
std::string EmitIni(const ValueNode& root, std::vector<ConversionLoss>* losses);

}  // namespace uprev

#endif  // UPREV_REWRITERS_CONFIG_DOCUMENT_H_
