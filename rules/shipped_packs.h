// The rule packs shipped with uprev, compiled into the binary from
// rules/*.yaml (see rules/CMakeLists.txt).
#ifndef UPREV_RULES_SHIPPED_PACKS_H_
#define UPREV_RULES_SHIPPED_PACKS_H_

#include <string_view>
#include <vector>

namespace uprev {

struct ShippedPack {
  std::string_view name;      // "python-3.12"
  std::string_view path;      // "rules/python-3.12.yaml", for messages
  std::string_view contents;  // the YAML text
};

const std::vector<ShippedPack>& ShippedPacks();
// The shipped pack named `name`; nullptr when there is none.
const ShippedPack* FindShippedPack(std::string_view name);

}  // namespace uprev

#endif  // UPREV_RULES_SHIPPED_PACKS_H_
