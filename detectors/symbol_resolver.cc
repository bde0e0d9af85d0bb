#include "detectors/symbol_resolver.h"

#include "detectors/go_symbols.h"
#include "detectors/python_symbols.h"

namespace uprev {

std::unique_ptr<SymbolResolver> MakeSymbolResolver(const Language& language, TSNode root,
                                                   std::string_view source) {
  if (language.name == "python") return std::make_unique<PythonSymbols>(root, source);
  if (language.name == "go") return std::make_unique<GoSymbols>(root, source);
  return nullptr;
}

std::vector<std::string_view> QualifiedChain(const Language& language, TSNode node,
                                             std::string_view source) {
  if (language.name == "python") return PythonChain(node, source);
  if (language.name == "go") return GoChain(node, source);
  return {};
}

}  // namespace uprev
