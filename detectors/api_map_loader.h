// Reading an `api-map` pack: the map itself (core/api_map.h) and the
// call-site rules derived from it, which then load like written rules.
#ifndef UPREV_DETECTORS_API_MAP_LOADER_H_
#define UPREV_DETECTORS_API_MAP_LOADER_H_

#include <yaml-cpp/yaml.h>

#include <functional>
#include <memory>

#include "core/status.h"
#include "core/api_map.h"
#include "detectors/pack_yaml.h"
#include "detectors/rule.h"

namespace uprev {

// Reads `node` (a pack's `api-map`) into `pack->api_map` and derives its
// rules into `pack->rules`. Each derived rule is a YAML rule node that
// `parse_rule` reads like a written one; errors in it are reported at the
// symbol it comes from.
Status LoadApiMap(Locator& loc, const YAML::Node& node, RulePack* pack,
                  const std::function<Result<Rule>(const YAML::Node&)>& parse_rule);

}  // namespace uprev

#endif  // UPREV_DETECTORS_API_MAP_LOADER_H_
