#include "detectors/symbol_resolver.h"

#include <cstring>

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

const ImportBinding* FindBinding(const std::vector<ImportBinding>& bindings, std::string_view name) {
  for (auto it = bindings.rbegin(); it != bindings.rend(); ++it) {
    if (it->name == name) return &*it;
  }
  return nullptr;
}

std::string Qualify(std::string head, const std::vector<std::string_view>& chain) {
  for (size_t i = 1; i < chain.size(); ++i) {
    head += '.';
    head.append(chain[i]);
  }
  return head;
}

bool IsChainTail(TSNode node) {
  TSNode parent = ts_node_parent(node);
  if (ts_node_is_null(parent)) return false;
  std::string_view type = ts_node_type(parent);
  const char* field = type == "attribute"             ? "attribute"
                      : type == "member_expression"   ? "property"
                      : type == "selector_expression" ? "field"
                      : type == "qualified_type"      ? "name"
                      : type == "field_access"        ? "field"
                      : type == "scoped_identifier"   ? "name"
                      : type == "method_invocation"   ? "name"
                                                      : nullptr;
  if (type == "scoped_type_identifier") {
    return !ts_node_eq(ts_node_named_child(parent, 0), node);
  }
  if (!field) return false;
  TSNode tail = ts_node_child_by_field_name(parent, field, static_cast<uint32_t>(strlen(field)));
  return !ts_node_is_null(tail) && ts_node_eq(tail, node);
}

bool HasSymbolResolver(const Language& language) {
  return language.name == "python" || language.name == "go" || language.name == "java" ||
         IsJavaScriptFamily(language);
}

std::unique_ptr<SymbolResolver> MakeSymbolResolver(const Language& language, TSNode root,
                                                   std::string_view source) {
  if (language.name == "python") return std::make_unique<PythonSymbols>(root, source);
  if (language.name == "go") return std::make_unique<GoSymbols>(root, source);
  if (IsJavaScriptFamily(language)) return std::make_unique<JsSymbols>(root, source);
  if (language.name == "java") return std::make_unique<JavaSymbols>(root, source);
  return nullptr;
}

SymbolResolver* LazySymbolResolver::Get() const {
  if (!real_) real_ = MakeSymbolResolver(language_, root_, source_);
  return real_.get();
}

const std::vector<ImportBinding>& LazySymbolResolver::bindings() const {
  return Get()->bindings();
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
