#include "detectors/js_symbols.h"

#include <algorithm>
#include <cctype>

namespace uprev {
namespace {

std::string_view Type(TSNode node) { return ts_node_type(node); }

bool IsScope(TSNode node) {
  std::string_view type = Type(node);
  return type == "function_declaration" || type == "function_expression" || type == "function" ||
         type == "arrow_function" || type == "method_definition" ||
         type == "generator_function_declaration";
}

// The module a string node names, as patterns spell it: `node:url` -> url.
std::string ModuleName(TSNode string, std::string_view source) {
  std::string_view quoted = NodeText(string, source);
  std::string name(quoted.size() >= 2 ? quoted.substr(1, quoted.size() - 2) : quoted);
  if (name.rfind("node:", 0) == 0) name = name.substr(5);
  return name;
}

// The module of `require('m')`, or "" when `value` is not such a call.
std::string RequiredModule(TSNode value, std::string_view source) {
  if (ts_node_is_null(value) || Type(value) != "call_expression") return "";
  TSNode function = ts_node_child_by_field_name(value, "function", 8);
  if (ts_node_is_null(function) || NodeText(function, source) != "require") return "";
  TSNode args = ts_node_child_by_field_name(value, "arguments", 9);
  if (ts_node_is_null(args) || ts_node_named_child_count(args) != 1) return "";
  TSNode arg = ts_node_named_child(args, 0);
  return Type(arg) == "string" ? ModuleName(arg, source) : "";
}

void AddPatternNames(TSNode pattern, std::string_view source, std::set<std::string>* names) {
  WalkTree(pattern, [&](TSNode n) {
    std::string_view type = Type(n);
    if (type == "identifier" || type == "shorthand_property_identifier_pattern") {
      names->insert(std::string(NodeText(n, source)));
    }
    if (type == "pair_pattern") {  // `{key: name}` binds name only
      TSNode value = ts_node_child_by_field_name(n, "value", 5);
      if (!ts_node_is_null(value)) AddPatternNames(value, source, names);
      return Walk::kSkipChildren;
    }
    if (type == "assignment_pattern") {  // `x = default` binds x only
      TSNode left = ts_node_child_by_field_name(n, "left", 4);
      if (!ts_node_is_null(left)) AddPatternNames(left, source, names);
      return Walk::kSkipChildren;
    }
    return Walk::kDescend;
  });
}

}  // namespace

std::vector<std::string_view> JsChain(TSNode node, std::string_view source) {
  std::string_view type = Type(node);
  if (type == "identifier") return {NodeText(node, source)};
  if (type != "member_expression") return {};
  std::vector<std::string_view> chain = JsChain(ts_node_child_by_field_name(node, "object", 6), source);
  TSNode property = ts_node_child_by_field_name(node, "property", 8);
  if (chain.empty() || ts_node_is_null(property) || Type(property) != "property_identifier") return {};
  chain.push_back(NodeText(property, source));
  return chain;
}

JsSymbols::JsSymbols(TSNode root, std::string_view source) : source_(source) {
  WalkTree(root, [&](TSNode node) {
    std::string_view type = Type(node);
    if (type == "import_statement") {
      TSNode from = ts_node_child_by_field_name(node, "source", 6);
      if (ts_node_is_null(from)) return Walk::kSkipChildren;
      std::string module = ModuleName(from, source);
      WalkTree(node, [&](TSNode n) {
        std::string_view t = Type(n);
        if (t == "import_specifier") {
          TSNode name = ts_node_child_by_field_name(n, "name", 4);
          TSNode alias = ts_node_child_by_field_name(n, "alias", 5);
          std::string imported(NodeText(name, source));
          std::string local = ts_node_is_null(alias) ? imported : std::string(NodeText(alias, source));
          bindings_.push_back({local, module + "." + imported, module});
          return Walk::kSkipChildren;
        }
        if (t == "namespace_import" || (t == "identifier" && Type(ts_node_parent(n)) == "import_clause")) {
          TSNode id = t == "identifier" ? n : ts_node_named_child(n, 0);
          bindings_.push_back({std::string(NodeText(id, source)), module, ""});
          return Walk::kSkipChildren;
        }
        return Walk::kDescend;
      });
      return Walk::kSkipChildren;
    }
    if (type == "variable_declarator") {
      std::string module = RequiredModule(ts_node_child_by_field_name(node, "value", 5), source);
      TSNode name = ts_node_child_by_field_name(node, "name", 4);
      if (module.empty() || ts_node_is_null(name)) return Walk::kDescend;
      if (Type(name) == "identifier") {
        bindings_.push_back({std::string(NodeText(name, source)), module, ""});
      } else if (Type(name) == "object_pattern") {
        uint32_t count = ts_node_named_child_count(name);
        for (uint32_t i = 0; i < count; ++i) {
          TSNode p = ts_node_named_child(name, i);
          if (Type(p) == "shorthand_property_identifier_pattern") {
            std::string n(NodeText(p, source));
            bindings_.push_back({n, module + "." + n, module});
          } else if (Type(p) == "pair_pattern") {
            TSNode key = ts_node_child_by_field_name(p, "key", 3);
            TSNode value = ts_node_child_by_field_name(p, "value", 5);
            if (!ts_node_is_null(value) && Type(value) == "identifier") {
              bindings_.push_back({std::string(NodeText(value, source)),
                                   module + "." + std::string(NodeText(key, source)), module});
            }
          }
        }
      }
      return Walk::kSkipChildren;
    }
    return Walk::kDescend;
  });
}

const std::set<std::string>& JsSymbols::LocalNames(TSNode scope) {
  uintptr_t key = reinterpret_cast<uintptr_t>(scope.id);
  auto cached = locals_.find(key);
  if (cached != locals_.end()) return cached->second;
  std::set<std::string>& names = locals_[key];
  if (IsScope(scope)) {
    TSNode params = ts_node_child_by_field_name(scope, "parameters", 10);
    if (ts_node_is_null(params)) params = ts_node_child_by_field_name(scope, "parameter", 9);
    if (!ts_node_is_null(params)) AddPatternNames(params, source_, &names);
  }
  WalkTree(scope, [&](TSNode n) {
    if (ts_node_eq(n, scope)) return Walk::kDescend;
    std::string_view type = Type(n);
    if (IsScope(n) || type == "class_declaration") {
      TSNode name = ts_node_child_by_field_name(n, "name", 4);
      if (!ts_node_is_null(name) && type != "method_definition") {
        names.insert(std::string(NodeText(name, source_)));
      }
      return Walk::kSkipChildren;  // another scope
    }
    if (type == "variable_declarator") {
      // `const x = require('m')` is the import itself, not a shadow.
      if (!RequiredModule(ts_node_child_by_field_name(n, "value", 5), source_).empty()) {
        return Walk::kSkipChildren;
      }
      TSNode name = ts_node_child_by_field_name(n, "name", 4);
      if (!ts_node_is_null(name)) AddPatternNames(name, source_, &names);
    }
    if (type == "import_statement") return Walk::kSkipChildren;
    return Walk::kDescend;
  });
  return names;
}

bool JsSymbols::Shadowed(TSNode node, const std::string& name) {
  TSNode root = node;
  for (TSNode up = ts_node_parent(node); !ts_node_is_null(up); up = ts_node_parent(up)) {
    if (Type(up) == "import_statement") return true;
    if (IsScope(up) && LocalNames(up).count(name)) return true;
    root = up;
  }
  return LocalNames(root).count(name) > 0;
}

std::optional<std::string> JsSymbols::Resolve(TSNode node) {
  if (IsChainTail(node)) return std::nullopt;
  std::vector<std::string_view> chain = JsChain(node, source_);
  if (chain.empty()) return std::nullopt;
  std::string root(chain[0]);
  if (Shadowed(node, root)) return std::nullopt;
  const ImportBinding* binding = FindBinding(bindings_, root);
  // A module a pattern cannot name (`react-dom`, `@scope/x`) is matched by
  // the spelling of the pattern itself (`ReactDOM.render`).
  bool nameable = binding && std::all_of(binding->qualified.begin(), binding->qualified.end(),
                                         [](char c) {
                                           return std::isalnum(static_cast<unsigned char>(c)) ||
                                                  c == '_' || c == '$' || c == '.';
                                         });
  return Qualify(nameable ? binding->qualified : root, chain);
}

}  // namespace uprev
