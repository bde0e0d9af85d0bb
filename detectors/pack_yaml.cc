#include "detectors/pack_yaml.h"

#include <algorithm>
#include <set>

#include <fmt/format.h>

namespace uprev {

Status Locator::ErrorInScalar(const YAML::Node& node, uint32_t offset, std::string_view message) const {
  YAML::Mark mark = node.Mark();
  if (mark.is_null()) return Error(mark, message);  // a derived node: its origin's position
  std::string_view value = node.Scalar();
  offset = std::min<uint32_t>(offset, static_cast<uint32_t>(value.size()));
  uint32_t line_in_value = static_cast<uint32_t>(std::count(value.begin(), value.begin() + offset, '\n'));
  size_t last_nl = value.rfind('\n', offset == 0 ? 0 : offset - 1);
  uint32_t col_in_line = line_in_value == 0 ? offset : offset - static_cast<uint32_t>(last_nl) - 1;
  char indicator = mark.pos >= 0 && static_cast<size_t>(mark.pos) < contents_.size()
                       ? contents_[mark.pos] : ' ';
  if (indicator == '|' || indicator == '>') {
    uint32_t first_line = static_cast<uint32_t>(mark.line + 2);
    return Error(first_line + line_in_value, IndentOfLine(first_line) + col_in_line + 1, message);
  }
  uint32_t quote = indicator == '"' || indicator == '\'' ? 1 : 0;
  if (line_in_value == 0) {
    return Error(static_cast<uint32_t>(mark.line + 1),
                 static_cast<uint32_t>(mark.column + 1) + quote + col_in_line, message);
  }
  return Error(static_cast<uint32_t>(mark.line + 1) + line_in_value, col_in_line + 1, message);
}

uint32_t Locator::IndentOfLine(uint32_t line) const {
  size_t pos = 0;
  for (uint32_t l = 1; l < line && pos != std::string_view::npos; ++l) {
    pos = contents_.find('\n', pos);
    if (pos != std::string_view::npos) ++pos;
  }
  if (pos == std::string_view::npos) return 0;
  uint32_t indent = 0;
  while (pos + indent < contents_.size() && contents_[pos + indent] == ' ') ++indent;
  return indent;
}

bool IsRuleId(std::string_view id) {
  if (id.empty() || !(std::islower(static_cast<unsigned char>(id[0])) ||
                      std::isdigit(static_cast<unsigned char>(id[0])))) {
    return false;
  }
  return std::all_of(id.begin(), id.end(), [](char c) {
    return std::islower(static_cast<unsigned char>(c)) ||
           std::isdigit(static_cast<unsigned char>(c)) || c == '-' || c == '.' || c == '_';
  });
}

Status CheckKeys(const Locator& loc, const YAML::Node& node, std::string_view what,
                 const std::vector<std::string_view>& allowed) {
  if (!node.IsMap()) return loc.Error(node, fmt::format("{} must be a mapping", what));
  std::set<std::string> seen;
  for (auto it = node.begin(); it != node.end(); ++it) {
    std::string key = it->first.IsScalar() ? it->first.Scalar() : "";
    if (std::find(allowed.begin(), allowed.end(), key) == allowed.end()) {
      return loc.Error(it->first, fmt::format("unknown key '{}' in {}; expected one of: {}", key,
                                              what, fmt::join(allowed, ", ")));
    }
    if (!seen.insert(key).second) {
      return loc.Error(it->first, fmt::format("duplicate key '{}' in {}", key, what));
    }
  }
  return Status::Ok();
}

Result<std::string> ScalarOf(const Locator& loc, const YAML::Node& node, std::string_view key) {
  if (!node.IsScalar()) return loc.Error(node, fmt::format("'{}' must be a string", key));
  return node.Scalar();
}

Result<std::vector<std::string>> StringList(const Locator& loc, const YAML::Node& node,
                                            std::string_view key) {
  std::vector<std::string> out;
  if (node.IsScalar()) {
    out.push_back(node.Scalar());
    return out;
  }
  if (!node.IsSequence()) return loc.Error(node, fmt::format("'{}' must be a list of strings", key));
  for (const YAML::Node& item : node) {
    if (!item.IsScalar()) return loc.Error(item, fmt::format("'{}' must be a list of strings", key));
    out.push_back(item.Scalar());
  }
  return out;
}


}  // namespace uprev
