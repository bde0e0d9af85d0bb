#include "detectors/symbol_resolver.h"

#include "detectors/go_symbols.h"
#include "detectors/java_symbols.h"
#include "detectors/js_symbols.h"
#include "detectors/python_symbols.h"

namespace uprev {
namespace {

bool IsJavaScriptFamily(const Language& language) {
  return language.name == "javascript" || language.name == "typescript" || language.name == "tsx";
}

}  // namespace

std::unique_ptr<SymbolResolver> MakeSymbolResolver(const Language& language, TSNode root,
                                                   std::string_view source) {
  if (language.name == "python") return std::make_unique<PythonSymbols>(root, source);
  if (language.name == "go") return std::make_unique<GoSymbols>(root, source);
  if (IsJavaScriptFamily(language)) return std::make_unique<JsSymbols>(root, source);
  if (language.name == "java") return std::make_unique<JavaSymbols>(root, source);
  return nullptr;
}

std::vector<std::string_view> QualifiedChain(const Language& language, TSNode node,
                                             std::string_view source) {
  if (language.name == "python") return PythonChain(node, source);
  if (language.name == "go") return GoChain(node, source);
  if (IsJavaScriptFamily(language)) return JsChain(node, source);
  if (language.name == "java") return JavaChain(node, source);
  return {};
}

}  // namespace uprev
