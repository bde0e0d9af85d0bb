#include "detectors/go_symbols.h"

#include <algorithm>
#include <cctype>

namespace uprev {
namespace {

std::string_view Type(TSNode node) { return ts_node_type(node); }

bool IsFunction(TSNode node) {
  std::string_view type = Type(node);
  return type == "function_declaration" || type == "method_declaration" || type == "func_literal";
}

}  // namespace

std::string GoPackageName(std::string_view path) {
  auto last = [](std::string_view p) { return p.substr(p.rfind('/') + 1); };
  std::string_view name = last(path);
  bool major = name.size() >= 2 && name[0] == 'v' &&
               std::all_of(name.begin() + 1, name.end(), [](char c) { return std::isdigit(static_cast<unsigned char>(c)); });
  if (major && path.rfind('/') != std::string_view::npos) name = last(path.substr(0, path.rfind('/')));
  size_t dot = name.find(".v");
  if (dot != std::string_view::npos) name = name.substr(0, dot);
  return std::string(name);
}

std::vector<std::string_view> GoChain(TSNode node, std::string_view source) {
  std::string_view type = Type(node);
  if (type == "identifier" || type == "type_identifier") return {NodeText(node, source)};
  TSNode left, right;
  if (type == "selector_expression") {
    left = ts_node_child_by_field_name(node, "operand", 7);
    right = ts_node_child_by_field_name(node, "field", 5);
  } else if (type == "qualified_type") {
    left = ts_node_child_by_field_name(node, "package", 7);
    right = ts_node_child_by_field_name(node, "name", 4);
  } else {
    return {};
  }
  if (ts_node_is_null(left) || ts_node_is_null(right)) return {};
  std::string_view left_type = Type(left);
  if (left_type != "identifier" && left_type != "package_identifier") return {};
  return {NodeText(left, source), NodeText(right, source)};
}

GoSymbols::GoSymbols(TSNode root, std::string_view source) : source_(source) {
  WalkTree(root, [&](TSNode node) {
    std::string_view type = Type(node);
    if (type == "import_spec") {
      TSNode path = ts_node_child_by_field_name(node, "path", 4);
      TSNode name = ts_node_child_by_field_name(node, "name", 4);
      std::string_view quoted = NodeText(path, source);
      std::string import_path(quoted.substr(1, quoted.size() >= 2 ? quoted.size() - 2 : 0));
      std::string package = GoPackageName(import_path);
      std::string local = ts_node_is_null(name) ? package : std::string(NodeText(name, source));
      if (local != "_" && local != ".") bindings_.push_back({local, package, ""});
      return Walk::kSkipChildren;
    }
    // Imports come first in a Go file; nothing below a declaration is one.
    return type == "source_file" || type == "import_declaration" || type == "import_spec_list"
               ? Walk::kDescend
               : Walk::kSkipChildren;
  });
}

bool GoSymbols::Shadowed(TSNode node, const std::string& name) {
  for (TSNode up = ts_node_parent(node); !ts_node_is_null(up); up = ts_node_parent(up)) {
    if (Type(up) == "import_declaration") return true;
    if (!IsFunction(up)) continue;
    uintptr_t key = reinterpret_cast<uintptr_t>(up.id);
    auto it = locals_.find(key);
    if (it == locals_.end()) {
      std::set<std::string> names;
      WalkTree(up, [&](TSNode n) {
        std::string_view type = Type(n);
        if (type == "parameter_declaration" || type == "variadic_parameter_declaration" ||
            type == "var_spec" || type == "const_spec") {
          // Their `name` fields: every identifier child before the type.
          uint32_t count = ts_node_named_child_count(n);
          for (uint32_t i = 0; i < count; ++i) {
            TSNode c = ts_node_named_child(n, i);
            if (Type(c) == "identifier") names.insert(std::string(NodeText(c, source_)));
          }
        } else if (type == "short_var_declaration" || type == "range_clause") {
          TSNode left = ts_node_child_by_field_name(n, "left", 4);
          if (!ts_node_is_null(left)) {
            uint32_t count = ts_node_named_child_count(left);
            for (uint32_t i = 0; i < count; ++i) {
              TSNode c = ts_node_named_child(left, i);
              if (Type(c) == "identifier") names.insert(std::string(NodeText(c, source_)));
            }
          }
        }
        return Walk::kDescend;
      });
      it = locals_.emplace(key, std::move(names)).first;
    }
    if (it->second.count(name)) return true;
  }
  return false;
}

std::optional<std::string> GoSymbols::Resolve(TSNode node) {
  return ResolveThroughImports(node, GoChain(node, source_), bindings_,
                               [this](TSNode n, const std::string& name) { return Shadowed(n, name); });
}

}  // namespace uprev
