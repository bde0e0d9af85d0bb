// PythonSymbols: what names mean in one Python file, for import-aware
// matching: the bindings of its imports, and which names a function or the
// module rebinds (a parameter, an assignment, a def), which shadow them.
#ifndef UPREV_DETECTORS_PYTHON_SYMBOLS_H_
#define UPREV_DETECTORS_PYTHON_SYMBOLS_H_

#include <map>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "detectors/symbol_resolver.h"

namespace uprev {

class PythonSymbols : public SymbolResolver {
 public:
  PythonSymbols(TSNode root, std::string_view source);

  const std::vector<ImportBinding>& bindings() const override { return bindings_; }

  // The qualified name `node` stands for when it is a dotted chain of
  // identifiers (`np.float_`, `utcnow`) whose first name is imported and not
  // shadowed where `node` is; the chain's own text when its first name is
  // not imported at all; nothing when the first name is shadowed, `node` is
  // part of an import statement, or `node` is not such a chain.
  std::optional<std::string> Resolve(TSNode node) override;

 private:
  bool Shadowed(TSNode node, const std::string& name);
  const std::set<std::string>& LocalNames(TSNode scope);

  std::string_view source_;
  std::vector<ImportBinding> bindings_;
  std::map<uintptr_t, std::set<std::string>> locals_;  // scope node id -> names
};

// The dotted chain of plain identifiers `node` is (`a.b.c`), as segments;
// empty when it is anything else.
std::vector<std::string_view> PythonChain(TSNode node, std::string_view source);

}  // namespace uprev

#endif  // UPREV_DETECTORS_PYTHON_SYMBOLS_H_
