// Shims for `api-map` packs: the v1 module or header rewritten on top of
// v2, so that code not yet moved (`uprev fix`) keeps working while every use
// of a v1 name warns. See README "API maps".
#ifndef UPREV_REWRITERS_API_SHIM_H_
#define UPREV_REWRITERS_API_SHIM_H_

#include <string>
#include <string_view>

#include "core/api_map.h"
#include "core/status.h"

namespace uprev {

// The text of the compatibility module for `map`: a Python module (to be
// installed as the v1 module) or a C++ header (to be installed as the v1
// header) that keeps every v1 name working on top of v2 and warns when
// one is used. `pack` names the pack in the generated header comment.
//
// Python: a re-shaped function becomes a `def` with the v1 parameters that
// calls v2; a re-shaped class a subclass of the v2 class whose constructor
// takes the v1 parameters; a renamed name of any kind is served by a module
// `__getattr__` (PEP 562), so it is the v2 object itself. Each warns with a
// DeprecationWarning that points at the caller's line.
// C++: each function becomes an inline `[[deprecated]]` function in the v1
// namespace; other kinds of symbol are Invalid.
Result<std::string> WriteApiShim(const ApiMap& map, std::string_view pack);

}  // namespace uprev

#endif  // UPREV_REWRITERS_API_SHIM_H_
