// GoSymbols: import-aware matching for Go. A package is known in a pattern
// by its usual name (`ioutil.ReadAll`); in a file it may be imported under
// another (`iou "io/ioutil"`). Parameters and variables of the enclosing
// function with the package's name shadow it.
#ifndef UPREV_DETECTORS_GO_SYMBOLS_H_
#define UPREV_DETECTORS_GO_SYMBOLS_H_

#include <map>
#include <set>

#include "detectors/symbol_resolver.h"

namespace uprev {

class GoSymbols : public SymbolResolver {
 public:
  GoSymbols(TSNode root, std::string_view source);
  const std::vector<ImportBinding>& bindings() const override { return bindings_; }
  std::optional<std::string> Resolve(TSNode node) override;

 private:
  bool Shadowed(TSNode node, const std::string& name);
  std::string_view source_;
  std::vector<ImportBinding> bindings_;  // local name -> package name
  std::map<uintptr_t, std::set<std::string>> locals_;
};

// `pkg.Name` (a selector on an identifier, or a qualified type) or a lone
// identifier, as segments.
std::vector<std::string_view> GoChain(TSNode node, std::string_view source);

// The name a package is known by when imported without a name: the last
// path element, without a major-version element (`/v2`) or a `.vN` suffix.
std::string GoPackageName(std::string_view path);

}  // namespace uprev

#endif  // UPREV_DETECTORS_GO_SYMBOLS_H_
