// Call sites of an api-map symbol, rewritten to the symbol's v2 call: the
// call's arguments are bound to the v1 parameters (positional, keyword,
// defaults) and put where the v2 call template wants them. A call that
// cannot be moved safely gets the reason instead; it keeps working through
// the shim and goes to the review queue.
#ifndef UPREV_REWRITERS_API_CALL_H_
#define UPREV_REWRITERS_API_CALL_H_

#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/api_map.h"

namespace uprev {

struct ApiCallRewrite {
  // The v2 expression with the qualified names as the map writes them (so
  // that the caller can write them the way the file refers to them) and
  // placeholders for the call's arguments: `$P<i>` where parameter i is a
  // whole argument, `$Q<i>` inside a larger expression. `values` has the
  // text of each; a `$Q` value is parenthesized unless it is a name or a
  // literal. Render with RenderFixWithTexts.
  std::string templ;
  std::vector<std::pair<std::string, std::string>> values;
  // Why the call is not rewritten, or "" when it is.
  std::string review;
};

// `call` is the text of a Python call of `symbol` (`get_order(7, True)`),
// with the callee as written.
ApiCallRewrite MapPythonCall(const ApiSymbol& symbol, std::string_view call);

// `arguments[i]` is the text of the C++ call's argument for parameter i,
// or nullopt where the call leaves it to its default.
ApiCallRewrite MapCppCall(const ApiSymbol& symbol,
                          const std::vector<std::optional<std::string>>& arguments);

// Why the C++ function declared by `declaration` (its source text, as the
// call's callee) is not the v1 function `symbol` maps, or "" when its
// parameter types are the ones the map declares (names and defaults aside,
// spacing ignored): another overload with as many parameters is left alone.
std::string CppOverloadMismatch(const ApiSymbol& symbol, std::string_view declaration);

}  // namespace uprev

#endif  // UPREV_REWRITERS_API_CALL_H_
