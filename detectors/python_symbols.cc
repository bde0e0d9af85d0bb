#include "detectors/python_symbols.h"

#include <algorithm>

namespace uprev {
namespace {

std::string_view Type(TSNode node) { return ts_node_type(node); }

// Calls `visit(field, child)` for every named child of `node`.
template <typename Visit>
void ForEachField(TSNode node, Visit visit) {
  TSTreeCursor cursor = ts_tree_cursor_new(node);
  if (ts_tree_cursor_goto_first_child(&cursor)) {
    do {
      TSNode child = ts_tree_cursor_current_node(&cursor);
      const char* field = ts_tree_cursor_current_field_name(&cursor);
      if (ts_node_is_named(child)) visit(std::string_view(field ? field : ""), child);
    } while (ts_tree_cursor_goto_next_sibling(&cursor));
  }
  ts_tree_cursor_delete(&cursor);
}

void AddImport(TSNode statement, std::string_view source, std::vector<ImportBinding>* out) {
  if (Type(statement) == "import_statement") {
    ForEachField(statement, [&](std::string_view field, TSNode child) {
      if (field != "name") return;
      if (Type(child) == "aliased_import") {
        TSNode name = ts_node_child_by_field_name(child, "name", 4);
        TSNode alias = ts_node_child_by_field_name(child, "alias", 5);
        out->push_back({std::string(NodeText(alias, source)), std::string(NodeText(name, source)), ""});
      } else {
        // `import a.b.c` binds `a`; `a.b.c.x` then resolves through it.
        std::string_view dotted = NodeText(child, source);
        std::string root(dotted.substr(0, dotted.find('.')));
        out->push_back({root, root, ""});
      }
    });
    return;
  }
  TSNode module = ts_node_child_by_field_name(statement, "module_name", 11);
  if (ts_node_is_null(module) || Type(module) == "relative_import") return;  // local code
  std::string from(NodeText(module, source));
  ForEachField(statement, [&](std::string_view field, TSNode child) {
    if (field != "name") return;
    if (Type(child) == "aliased_import") {
      TSNode name = ts_node_child_by_field_name(child, "name", 4);
      TSNode alias = ts_node_child_by_field_name(child, "alias", 5);
      out->push_back({std::string(NodeText(alias, source)),
                      from + "." + std::string(NodeText(name, source)), from});
    } else {
      std::string name(NodeText(child, source));
      out->push_back({name, from + "." + name, from});
    }
  });
}

// Names bound by an assignment target: `a`, `a, b`, `[a, *b]`.
void CollectTargets(TSNode target, std::string_view source, std::set<std::string>* names) {
  std::string_view type = Type(target);
  if (type == "identifier") {
    names->insert(std::string(NodeText(target, source)));
  } else if (type == "pattern_list" || type == "tuple_pattern" || type == "list_pattern" ||
             type == "list_splat_pattern" || type == "parenthesized_expression" ||
             type == "expression_list" || type == "tuple" || type == "list") {
    uint32_t count = ts_node_named_child_count(target);
    for (uint32_t i = 0; i < count; ++i) CollectTargets(ts_node_named_child(target, i), source, names);
  }
}

void CollectParameters(TSNode parameters, std::string_view source, std::set<std::string>* names) {
  uint32_t count = ts_node_named_child_count(parameters);
  for (uint32_t i = 0; i < count; ++i) {
    TSNode p = ts_node_named_child(parameters, i);
    std::string_view type = Type(p);
    TSNode name = p;
    if (type == "default_parameter" || type == "typed_default_parameter") {
      name = ts_node_child_by_field_name(p, "name", 4);
    } else if (type != "identifier") {
      name = ts_node_named_child(p, 0);  // typed_parameter, *args, **kwargs
    }
    if (!ts_node_is_null(name) && Type(name) == "identifier") {
      names->insert(std::string(NodeText(name, source)));
    }
  }
}

bool IsScope(TSNode node) {
  std::string_view type = Type(node);
  return type == "function_definition" || type == "lambda";
}

bool IsComprehension(TSNode node) {
  std::string_view type = Type(node);
  return type == "list_comprehension" || type == "set_comprehension" ||
         type == "dictionary_comprehension" || type == "generator_expression";
}

// The names a comprehension's `for` clauses bind; they are local to it.
std::set<std::string> ComprehensionNames(TSNode comprehension, std::string_view source) {
  std::set<std::string> names;
  uint32_t count = ts_node_named_child_count(comprehension);
  for (uint32_t i = 0; i < count; ++i) {
    TSNode clause = ts_node_named_child(comprehension, i);
    if (Type(clause) != "for_in_clause") continue;
    TSNode left = ts_node_child_by_field_name(clause, "left", 4);
    if (!ts_node_is_null(left)) CollectTargets(left, source, &names);
  }
  return names;
}

}  // namespace

std::vector<std::string_view> PythonChain(TSNode node, std::string_view source) {
  std::string_view type = Type(node);
  if (type == "identifier") return {NodeText(node, source)};
  if (type != "attribute") return {};
  std::vector<std::string_view> chain =
      PythonChain(ts_node_child_by_field_name(node, "object", 6), source);
  TSNode attribute = ts_node_child_by_field_name(node, "attribute", 9);
  if (chain.empty() || ts_node_is_null(attribute)) return {};
  chain.push_back(NodeText(attribute, source));
  return chain;
}

PythonSymbols::PythonSymbols(TSNode root, std::string_view source) : source_(source) {
  WalkTree(root, [&](TSNode node) {
    std::string_view type = Type(node);
    if (type == "import_statement" || type == "import_from_statement") {
      AddImport(node, source, &bindings_);
      return Walk::kSkipChildren;
    }
    return ts_node_child_count(node) > 0 ? Walk::kDescend : Walk::kSkipChildren;
  });
}

const std::set<std::string>& PythonSymbols::LocalNames(TSNode scope) {
  uintptr_t key = reinterpret_cast<uintptr_t>(scope.id);
  auto cached = locals_.find(key);
  if (cached != locals_.end()) return cached->second;
  std::set<std::string>& names = locals_[key];
  if (IsScope(scope)) {
    TSNode parameters = ts_node_child_by_field_name(scope, "parameters", 10);
    if (!ts_node_is_null(parameters)) CollectParameters(parameters, source_, &names);
  }
  WalkTree(scope, [&](TSNode node) {
    if (ts_node_eq(node, scope)) return Walk::kDescend;
    std::string_view type = Type(node);
    if (type == "function_definition" || type == "class_definition") {
      TSNode name = ts_node_child_by_field_name(node, "name", 4);
      if (!ts_node_is_null(name)) names.insert(std::string(NodeText(name, source_)));
      return Walk::kSkipChildren;  // their bodies are other scopes
    }
    if (type == "lambda" || type == "parameters") return Walk::kSkipChildren;
    if (type == "assignment" || type == "augmented_assignment" || type == "for_statement") {
      TSNode left = ts_node_child_by_field_name(node, "left", 4);
      if (!ts_node_is_null(left)) CollectTargets(left, source_, &names);
    } else if (type == "named_expression") {
      TSNode name = ts_node_child_by_field_name(node, "name", 4);
      if (!ts_node_is_null(name)) names.insert(std::string(NodeText(name, source_)));
    } else if (type == "as_pattern_target") {
      CollectTargets(ts_node_named_child(node, 0), source_, &names);
    }
    return Walk::kDescend;
  });
  return names;
}

bool PythonSymbols::Shadowed(TSNode node, const std::string& name) {
  TSNode root = node;
  for (TSNode up = ts_node_parent(node); !ts_node_is_null(up); up = ts_node_parent(up)) {
    std::string_view type = Type(up);
    // A name inside an import statement is the import itself, not a use.
    if (type == "import_statement" || type == "import_from_statement") return true;
    if (IsScope(up) && LocalNames(up).count(name)) return true;
    if (IsComprehension(up) && ComprehensionNames(up, source_).count(name)) return true;
    root = up;
  }
  return LocalNames(root).count(name) > 0;
}

std::optional<std::string> PythonSymbols::Resolve(TSNode node) {
  return ResolveThroughImports(node, PythonChain(node, source_), bindings_,
                               [this](TSNode n, const std::string& name) { return Shadowed(n, name); });
}

}  // namespace uprev
