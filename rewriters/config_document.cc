#include "rewriters/config_document.h"

#include <cmath>
#include <cstring>

#include "rewriters/config_syntax.h"

namespace uprev {

std::string_view DataFormatName(DataFormat format) {
  switch (format) {
    case DataFormat::kJson:
      return "json";
    case DataFormat::kYaml:
      return "yaml";
    case DataFormat::kToml:
      return "toml";
    case DataFormat::kIni:
      return "ini";
  }
  return "";
}

std::optional<DataFormat> DataFormatNamed(std::string_view name) {
  if (name == "json") return DataFormat::kJson;
  if (name == "yaml" || name == "yml") return DataFormat::kYaml;
  if (name == "toml") return DataFormat::kToml;
  if (name == "ini" || name == "cfg") return DataFormat::kIni;
  return std::nullopt;
}

std::optional<DataFormat> DataFormatForPath(std::string_view path) {
  size_t slash = path.find_last_of('/');
  std::string_view name = slash == std::string_view::npos ? path : path.substr(slash + 1);
  size_t dot = name.find_last_of('.');
  if (dot == std::string_view::npos || dot == 0) return std::nullopt;
  return DataFormatNamed(name.substr(dot + 1));
}

std::string_view ValueKindName(ValueKind kind) {
  switch (kind) {
    case ValueKind::kNull:
      return "null";
    case ValueKind::kBool:
      return "boolean";
    case ValueKind::kInteger:
      return "integer";
    case ValueKind::kFloat:
      return "float";
    case ValueKind::kString:
      return "string";
    case ValueKind::kDateTime:
      return "date-time";
    case ValueKind::kSequence:
      return "sequence";
    case ValueKind::kMapping:
      return "mapping";
  }
  return "";
}

std::string_view DateTimeKindName(DateTimeKind kind) {
  switch (kind) {
    case DateTimeKind::kOffsetDateTime:
      return "offset date-time";
    case DateTimeKind::kLocalDateTime:
      return "local date-time";
    case DateTimeKind::kLocalDate:
      return "local date";
    case DateTimeKind::kLocalTime:
      return "local time";
  }
  return "";
}

// ---- ValueNode ----

namespace {

ValueNode Make(ValueKind kind) {
  ValueNode node;
  node.kind = kind;
  return node;
}

}  // namespace

ValueNode ValueNode::Null() { return Make(ValueKind::kNull); }

ValueNode ValueNode::Bool(bool value) {
  ValueNode node = Make(ValueKind::kBool);
  node.boolean = value;
  return node;
}

ValueNode ValueNode::Integer(int64_t value) {
  ValueNode node = Make(ValueKind::kInteger);
  node.integer = value;
  return node;
}

ValueNode ValueNode::BigInteger(std::string digits) {
  ValueNode node = Make(ValueKind::kInteger);
  node.text = std::move(digits);
  return node;
}

ValueNode ValueNode::Float(double value, std::string source_text) {
  ValueNode node = Make(ValueKind::kFloat);
  node.real = value;
  node.text = std::move(source_text);
  return node;
}

ValueNode ValueNode::String(std::string value) {
  ValueNode node = Make(ValueKind::kString);
  node.text = std::move(value);
  return node;
}

ValueNode ValueNode::DateTime(DateTimeKind kind, std::string text) {
  ValueNode node = Make(ValueKind::kDateTime);
  node.date_kind = kind;
  node.text = std::move(text);
  return node;
}

ValueNode ValueNode::Sequence() { return Make(ValueKind::kSequence); }
ValueNode ValueNode::Mapping() { return Make(ValueKind::kMapping); }

const ValueNode* ValueNode::Find(std::string_view key) const {
  for (const ValueEntry& e : entries) {
    if (e.key == key) return &e.value;
  }
  return nullptr;
}

ValueNode* ValueNode::Find(std::string_view key) {
  for (ValueEntry& e : entries) {
    if (e.key == key) return &e.value;
  }
  return nullptr;
}

ValueNode& ValueNode::Add(std::string key, ValueNode value) {
  entries.push_back(ValueEntry{std::move(key), ValueKind::kString, std::move(value)});
  return entries.back().value;
}

bool SameData(const ValueNode& a, const ValueNode& b) {
  if (a.kind != b.kind) return false;
  switch (a.kind) {
    case ValueKind::kNull:
      return true;
    case ValueKind::kBool:
      return a.boolean == b.boolean;
    case ValueKind::kInteger:
      return a.integer == b.integer && a.text == b.text;
    case ValueKind::kFloat:
      return (std::isnan(a.real) && std::isnan(b.real)) ||
             std::memcmp(&a.real, &b.real, sizeof a.real) == 0;
    case ValueKind::kString:
      return a.text == b.text;
    case ValueKind::kDateTime:
      return a.date_kind == b.date_kind && a.text == b.text;
    case ValueKind::kSequence:
      if (a.items.size() != b.items.size()) return false;
      for (size_t i = 0; i < a.items.size(); ++i) {
        if (!SameData(a.items[i], b.items[i])) return false;
      }
      return true;
    case ValueKind::kMapping:
      if (a.entries.size() != b.entries.size()) return false;
      for (size_t i = 0; i < a.entries.size(); ++i) {
        const ValueEntry& x = a.entries[i];
        const ValueEntry& y = b.entries[i];
        if (x.key != y.key || x.key_kind != y.key_kind || !SameData(x.value, y.value)) return false;
      }
      return true;
  }
  return false;
}

namespace {

void Describe(const ValueNode& node, const std::string& indent, std::string* out) {
  std::string kind(ValueKindName(node.kind));
  if (node.kind == ValueKind::kDateTime) kind = DateTimeKindName(node.date_kind);
  *out += kind;
  if (node.IsScalar() && node.kind != ValueKind::kNull) *out += " " + DescribeValue(node);
  *out += "\n";
  for (const ValueNode& item : node.items) {
    *out += indent + "- ";
    Describe(item, indent + "  ", out);
  }
  for (const ValueEntry& e : node.entries) {
    *out += indent + QuoteForMessage(e.key);
    if (e.key_kind != ValueKind::kString) {
      *out += " (" + std::string(ValueKindName(e.key_kind)) + " key)";
    }
    *out += ": ";
    Describe(e.value, indent + "  ", out);
  }
}

}  // namespace

std::string DescribeTree(const ValueNode& node) {
  std::string out;
  Describe(node, "  ", &out);
  return out;
}

// ---- dispatch ----

Result<ValueDocument> ParseConfig(DataFormat format, std::string_view path, std::string_view text) {
  if (!IsValidUtf8(text)) {
    return ConfigError(path, Position{1, 1}, "the file is not UTF-8 text");
  }
  // A UTF-8 byte order mark is not part of the document.
  if (text.substr(0, 3) == "\xEF\xBB\xBF") text.remove_prefix(3);
  switch (format) {
    case DataFormat::kJson:
      return ParseJson(path, text);
    case DataFormat::kYaml:
      return ParseYaml(path, text);
    case DataFormat::kToml:
      return ParseToml(path, text);
    case DataFormat::kIni:
      return ParseIni(path, text);
  }
  return Status::Internal("unknown config format");
}

std::string EmitConfig(DataFormat format, const ValueNode& root,
                       std::vector<ConversionLoss>* losses) {
  switch (format) {
    case DataFormat::kJson:
      return EmitJson(root, losses);
    case DataFormat::kYaml:
      return EmitYaml(root, losses);
    case DataFormat::kToml:
      return EmitToml(root, losses);
    case DataFormat::kIni:
      return EmitIni(root, losses);
  }
  return "";
}

}  // namespace uprev
