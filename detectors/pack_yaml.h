// Reading rule pack YAML: positions of errors ("FILE:LINE:COL: error: ...")
// and the checks every pack key goes through. Shared by the rule loader and
// the api-map loader.
#ifndef UPREV_DETECTORS_PACK_YAML_H_
#define UPREV_DETECTORS_PACK_YAML_H_

#include <yaml-cpp/yaml.h>

#include <string>
#include <string_view>
#include <vector>

#include <fmt/format.h>

#include "core/status.h"

namespace uprev {

// Turns yaml-cpp marks and offsets inside scalars into file positions.
class Locator {
 public:
  Locator(const std::string& path, std::string_view contents)
      : path_(path), contents_(contents) {}

  Status Error(const YAML::Mark& given, std::string_view message) const {
    const YAML::Mark& mark = given.is_null() ? fallback_ : given;
    return Error(static_cast<uint32_t>(mark.line + 1), static_cast<uint32_t>(mark.column + 1),
                 message);
  }
  Status Error(uint32_t line, uint32_t col, std::string_view message) const {
    return Status::Invalid(fmt::format("{}:{}:{}: error: {}", path_, line, col, message));
  }
  Status Error(const YAML::Node& node, std::string_view message) const {
    return Error(node.Mark(), message);
  }
  // The error at `offset` bytes into the value of the scalar `node`.
  Status ErrorInScalar(const YAML::Node& node, uint32_t offset, std::string_view message) const;
  // The position of a node that has no mark of its own (nodes built by
  // uprev, such as rules derived from an api-map) is this one's.
  void set_fallback(const YAML::Node& node) { fallback_ = node.Mark(); }

 private:
  uint32_t IndentOfLine(uint32_t line) const;

  const std::string& path_;
  std::string_view contents_;
  YAML::Mark fallback_ = YAML::Mark::null_mark();
};

// Rule ids: lower-case letters, digits, '-', '_' and '.'.
bool IsRuleId(std::string_view id);

// Checks that `node` is a map whose keys are all in `allowed`, unique.
Status CheckKeys(const Locator& loc, const YAML::Node& node, std::string_view what,
                 const std::vector<std::string_view>& allowed);

Result<std::string> ScalarOf(const Locator& loc, const YAML::Node& node, std::string_view key);
// A string or a list of strings.
Result<std::vector<std::string>> StringList(const Locator& loc, const YAML::Node& node,
                                            std::string_view key);

}  // namespace uprev

#endif  // UPREV_DETECTORS_PACK_YAML_H_
