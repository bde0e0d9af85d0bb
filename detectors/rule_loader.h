// Reading rule packs: YAML in, compiled RulePack out, every key checked.
// Errors name the file, line and column: "FILE:LINE:COL: error: ...".
#ifndef UPREV_DETECTORS_RULE_LOADER_H_
#define UPREV_DETECTORS_RULE_LOADER_H_

#include <string>
#include <string_view>

#include "core/status.h"
#include "detectors/rule.h"

namespace uprev {

// Parses and compiles the pack in `contents`, read from `path` (used in
// messages). Nothing is matched before every rule of the pack compiled.
Result<RulePack> ParseRulePack(const std::string& path, std::string_view contents);

// FNV-1a 64 of `bytes`, as 16 hex digits: the content hash of packs.
std::string ContentHash(std::string_view bytes);

}  // namespace uprev

#endif  // UPREV_DETECTORS_RULE_LOADER_H_
