#include "detectors/java_symbols.h"

#include <cctype>
#include <cstring>

namespace uprev {
namespace {

std::string_view Type(TSNode node) { return ts_node_type(node); }

std::vector<std::string_view> Pair(TSNode node, const char* left, const char* right,
                                   std::string_view source) {
  TSNode l = ts_node_child_by_field_name(node, left, static_cast<uint32_t>(strlen(left)));
  TSNode r = ts_node_child_by_field_name(node, right, static_cast<uint32_t>(strlen(right)));
  if (ts_node_is_null(r)) return {};
  std::vector<std::string_view> chain;
  if (!ts_node_is_null(l)) {
    chain = JavaChain(l, source);
    if (chain.empty()) return {};
  }
  std::string_view type = Type(r);
  if (type != "identifier" && type != "type_identifier") return {};
  chain.push_back(NodeText(r, source));
  return chain;
}

}  // namespace

std::vector<std::string_view> JavaChain(TSNode node, std::string_view source) {
  std::string_view type = Type(node);
  if (type == "identifier" || type == "type_identifier") return {NodeText(node, source)};
  if (type == "field_access") return Pair(node, "object", "field", source);
  if (type == "scoped_identifier" || type == "scoped_type_identifier") {
    if (type == "scoped_type_identifier") {
      // Its children are a chain of type identifiers, unnamed fields.
      std::vector<std::string_view> chain;
      uint32_t count = ts_node_named_child_count(node);
      for (uint32_t i = 0; i < count; ++i) {
        std::vector<std::string_view> part = JavaChain(ts_node_named_child(node, i), source);
        if (part.empty()) return {};
        chain.insert(chain.end(), part.begin(), part.end());
      }
      return chain;
    }
    return Pair(node, "scope", "name", source);
  }
  if (type == "method_invocation") return Pair(node, "object", "name", source);
  return {};
}

JavaSymbols::JavaSymbols(TSNode root, std::string_view source) : source_(source) {
  uint32_t count = ts_node_named_child_count(root);
  for (uint32_t i = 0; i < count; ++i) {
    TSNode decl = ts_node_named_child(root, i);
    if (Type(decl) != "import_declaration") continue;
    std::string text(NodeText(decl, source));
    bool is_static = text.find(" static ") != std::string::npos;
    bool on_demand = text.find(".*") != std::string::npos;
    std::string name;
    for (char c : text.substr(text.find("import") + 6)) {
      if (std::isalnum(static_cast<unsigned char>(c)) || c == '_' || c == '$' || c == '.') name += c;
    }
    if (is_static && name.rfind("static", 0) == 0) name = name.substr(6);
    if (on_demand) {
      if (!name.empty() && name.back() == '.') name.pop_back();
      (is_static ? static_on_demand_ : type_on_demand_).push_back(name);
      continue;
    }
    bindings_.push_back({name.substr(name.rfind('.') + 1), name, ""});
  }
}

std::optional<std::string> JavaSymbols::Resolve(TSNode node) {
  if (IsChainTail(node)) return std::nullopt;
  std::vector<std::string_view> chain = JavaChain(node, source_);
  if (chain.empty()) return std::nullopt;
  for (TSNode up = ts_node_parent(node); !ts_node_is_null(up); up = ts_node_parent(up)) {
    if (Type(up) == "import_declaration" || Type(up) == "package_declaration") return std::nullopt;
  }
  std::string root(chain[0]);
  const ImportBinding* binding = FindBinding(bindings_, root);
  return Qualify(binding ? binding->qualified : root, chain);
}

bool JavaSymbols::Matches(TSNode node, const std::string& qualified) {
  std::optional<std::string> resolved = Resolve(node);
  if (!resolved) return false;
  if (*resolved == qualified) return true;
  // An on-demand import may supply the first name: any of them will do,
  // as long as no single-type import already bound it.
  std::vector<std::string_view> chain = JavaChain(node, source_);
  if (FindBinding(bindings_, chain[0])) return false;
  bool bare_call = chain.size() == 1 && Type(node) == "method_invocation";
  const std::vector<std::string>& packages = bare_call ? static_on_demand_ : type_on_demand_;
  for (const std::string& package : packages) {
    if (package + "." + *resolved == qualified) return true;
  }
  return false;
}

}  // namespace uprev
