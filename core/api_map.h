// ApiMap: an `api-map` pack after detectors/api_map_loader has read and
// checked it. It describes a move from an API v1 to v2 (Python modules, or
// C++ namespaces and their headers) symbol by symbol; the loader derives
// call-site rules from it, rewriters/api_call moves calls and
// rewriters/api_shim writes the compatibility module. See README "API maps".
#ifndef UPREV_CORE_API_MAP_H_
#define UPREV_CORE_API_MAP_H_

#include <optional>
#include <string>
#include <vector>

#include "core/finding.h"

namespace uprev {

// One v1 parameter, as the pack declares it in the language's own syntax:
// Python `order_id`, `include_items=False`; C++ `const Point& a`,
// `bool miles = false`. Python's `*` and `/` markers are not parameters:
// they set `keyword_only` / `positional_only` on the ones around them.
struct ApiParam {
  std::string declaration;  // as written, without the default
  std::string name;
  std::optional<std::string> default_value;  // as written
  bool keyword_only = false;
  bool positional_only = false;
};

// An argument of a `call` template: `name=value` or a positional `value`.
// `value` is template text over `$param`.
struct ApiCallArgument {
  std::string keyword;  // "" for a positional argument
  std::string value;
};

enum class ApiSymbolKind { kFunction, kClass, kConstant };

struct ApiSymbol {
  ApiSymbolKind kind = ApiSymbolKind::kFunction;
  std::string name;    // the v1 name, relative to `ApiMap::from`
  // A symbol is either renamed (same shape: `rename` is its v2 name,
  // relative to `ApiMap::to`) or re-shaped: `params` are its v1 parameters
  // and `call` the v2 call that does the same (for a class: its
  // constructor call).
  std::string rename;
  bool has_params = false;
  std::vector<ApiParam> params;
  std::string call;                  // the template as written, fully qualified
  std::string callee;                // its callee: "orders.v2.fetch_order"
  std::vector<ApiCallArgument> arguments;
  // The v1 result in terms of the v2 call's `$result` ("$result.order");
  // empty: the same value.
  std::string result;
  // C++: the v1 function's result type (`double`, `void`).
  std::string result_type;
  // Parameters whose v2 default equals the v1 one: a call that leaves them
  // out leaves out their `name=$param` argument too. Others are written
  // with their v1 default, so the call means the same whatever v2's
  // default is.
  std::vector<std::string> same_defaults;
  Confidence confidence = Confidence::kSafe;
  std::string review;
  std::string message;  // as derived or as the pack wrote it
  uint32_t line = 0;

  // The qualified v1 and v2 names, for messages: "orders.v1.get_order".
  std::string v1_name;
  std::string v2_name;
};

// The name C++ call rules bind the called function's declaration to.
inline constexpr const char* kCalleeBinding = "uprev_callee";

struct ApiMap {
  std::string language;  // "python" or "cpp"
  std::string from;  // Python module or C++ namespace of v1 ("geo::v1")
  std::string to;    // the same for v2
  std::string from_header;  // C++: the v1 header as included ("geo/v1.h")
  std::string to_header;    // C++: the v2 header
  std::string guide;        // where the move is described; cited in messages
  std::vector<ApiSymbol> symbols;
};

}  // namespace uprev

#endif  // UPREV_CORE_API_MAP_H_
