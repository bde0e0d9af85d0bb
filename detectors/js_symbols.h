// JsSymbols: import-aware matching for JavaScript and TypeScript. A module
// is known in a pattern by its specifier when that is an identifier (`url`,
// `fs`; `node:url` counts as `url`); a file may bind it with an ES import
// (default, namespace or named) or with `require` (whole or destructured).
// Parameters, declarations and functions of the same name in the enclosing
// function (or module) shadow it. A module whose specifier is no identifier
// (`react-dom`) is matched by the pattern's own spelling (`ReactDOM.render`).
#ifndef UPREV_DETECTORS_JS_SYMBOLS_H_
#define UPREV_DETECTORS_JS_SYMBOLS_H_

#include <map>
#include <set>

#include "detectors/symbol_resolver.h"

namespace uprev {

class JsSymbols : public SymbolResolver {
 public:
  JsSymbols(TSNode root, std::string_view source);
  const std::vector<ImportBinding>& bindings() const override { return bindings_; }
  std::optional<std::string> Resolve(TSNode node) override;

 private:
  bool Shadowed(TSNode node, const std::string& name);
  const std::set<std::string>& LocalNames(TSNode scope);
  std::string_view source_;
  std::vector<ImportBinding> bindings_;
  std::map<uintptr_t, std::set<std::string>> locals_;
};

// `a.b.c` member expressions on an identifier, or a lone identifier.
std::vector<std::string_view> JsChain(TSNode node, std::string_view source);

}  // namespace uprev

#endif  // UPREV_DETECTORS_JS_SYMBOLS_H_
