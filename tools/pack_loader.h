// Resolves the `--rules PACK` arguments: a rule file, a folder of rule
// files, or the name of a shipped pack; none means every shipped pack.
#ifndef UPREV_TOOLS_PACK_LOADER_H_
#define UPREV_TOOLS_PACK_LOADER_H_

#include <string>
#include <vector>

#include "core/status.h"
#include "detectors/rule.h"

namespace uprev {

Result<std::vector<RulePack>> LoadPacks(const std::vector<std::string>& specs);

}  // namespace uprev

#endif  // UPREV_TOOLS_PACK_LOADER_H_
