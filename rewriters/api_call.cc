#include "rewriters/api_call.h"

#include <algorithm>
#include <cctype>
#include <functional>
#include <optional>
#include <regex>

#include <fmt/format.h>

#include "grammars/syntax_tree.h"

namespace uprev {
namespace {

bool IsWordChar(char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '_'; }

// `templ` with each `$name` replaced by `replace(name)`.
std::string ReplacePlaceholders(std::string_view templ,
                                const std::function<std::string(std::string_view)>& replace) {
  std::string out;
  for (size_t i = 0; i < templ.size(); ++i) {
    size_t j = i + 1;
    while (templ[i] == '$' && j < templ.size() && IsWordChar(templ[j])) ++j;
    if (templ[i] != '$' || j == i + 1) {
      out.push_back(templ[i]);
      continue;
    }
    out += replace(templ.substr(i + 1, j - i - 1));
    i = j - 1;
  }
  return out;
}

size_t ParamIndex(const ApiSymbol& symbol, std::string_view name) {
  for (size_t i = 0; i < symbol.params.size(); ++i) {
    if (symbol.params[i].name == name) return i;
  }
  return symbol.params.size();
}

// What the call site passes for one parameter.
struct Supplied {
  std::optional<std::string> text;  // nullopt: left to the default
  bool simple = true;               // a name or literal: evaluating it twice, or not at all, is harmless
  int order = -1;                   // where it stands among the call's arguments
};

bool InList(const std::vector<std::string>& list, std::string_view name) {
  return std::find(list.begin(), list.end(), name) != list.end();
}

// Fills the template of `symbol` with `supplied` (one per parameter), and
// checks that no argument with side effects is evaluated a different
// number of times or, when `ordered`, in another order.
ApiCallRewrite Build(const ApiSymbol& symbol, const std::vector<Supplied>& supplied, bool ordered,
                     const std::function<bool(std::string_view)>& needs_parens) {
  ApiCallRewrite out;
  std::string args;
  for (const ApiCallArgument& a : symbol.arguments) {
    if (a.value.size() > 1 && a.value[0] == '$') {
      size_t i = ParamIndex(symbol, std::string_view(a.value).substr(1));
      if (i < supplied.size() && !supplied[i].text && InList(symbol.same_defaults, symbol.params[i].name)) {
        continue;  // v2 has the same default: leave it out as the call did
      }
    }
    bool whole = a.value.size() > 1 && a.value[0] == '$' &&
                 ParamIndex(symbol, std::string_view(a.value).substr(1)) < symbol.params.size();
    std::string value = ReplacePlaceholders(a.value, [&](std::string_view name) {
      size_t i = ParamIndex(symbol, name);
      if (i == symbol.params.size()) return "$" + std::string(name);
      return fmt::format("${}{}", whole ? 'P' : 'Q', i);
    });
    if (!args.empty()) args += ", ";
    args += a.keyword.empty() ? value : a.keyword + "=" + value;
  }
  std::string call = symbol.callee + "(" + args + ")";
  out.templ = symbol.result.empty()
                  ? call
                  : ReplacePlaceholders(symbol.result, [&](std::string_view name) {
                      if (name == "result") return call;
                      size_t i = ParamIndex(symbol, name);
                      return i == symbol.params.size() ? "$" + std::string(name)
                                                       : fmt::format("$Q{}", i);
                    });
  // Where each parameter is used in the result, in order.
  std::vector<std::pair<size_t, size_t>> uses;  // (position, parameter)
  ReplacePlaceholders(out.templ, [&](std::string_view name) {
    if (name.size() > 1 && (name[0] == 'P' || name[0] == 'Q') &&
        std::all_of(name.begin() + 1, name.end(), [](char c) { return std::isdigit(c) != 0; })) {
      uses.emplace_back(uses.size(), std::stoul(std::string(name.substr(1))));
    }
    return std::string();
  });
  std::vector<size_t> evaluated;  // the call site's argument orders, in the v2 call's order
  for (size_t i = 0; i < symbol.params.size(); ++i) {
    const Supplied& s = supplied[i];
    std::string text = s.text ? *s.text : *symbol.params[i].default_value;
    out.values.emplace_back(fmt::format("P{}", i), needs_parens(text) ? "(" + text + ")" : text);
    out.values.emplace_back(fmt::format("Q{}", i), s.simple ? text : "(" + text + ")");
    size_t count = std::count_if(uses.begin(), uses.end(), [&](auto& u) { return u.second == i; });
    if (!s.simple && count != 1) {
      out.review = fmt::format("the argument `{}` has effects and v2 would evaluate it {}",
                               text, count == 0 ? "not at all" : "more than once");
    }
  }
  for (const auto& [position, param] : uses) {
    const Supplied& s = supplied[param];
    if (!s.simple && std::find(evaluated.begin(), evaluated.end(), s.order) == evaluated.end()) {
      evaluated.push_back(s.order);
    }
  }
  if (ordered && out.review.empty() && !std::is_sorted(evaluated.begin(), evaluated.end())) {
    out.review = "the v2 call evaluates the arguments that have effects in another order";
  }
  if (!out.review.empty()) {
    out.templ.clear();
    out.values.clear();
  }
  return out;
}

ApiCallRewrite Refused(std::string why) {
  ApiCallRewrite out;
  out.review = std::move(why);
  return out;
}

// Python expressions that can be evaluated any number of times, in any
// order, with the same result and no effect.
bool IsSimplePython(TSNode node) {
  std::string_view type = ts_node_type(node);
  if (type == "identifier" || type == "integer" || type == "float" || type == "true" ||
      type == "false" || type == "none") {
    return true;
  }
  if (type == "string") {
    for (uint32_t i = 0; i < ts_node_named_child_count(node); ++i) {
      if (std::string_view(ts_node_type(ts_node_named_child(node, i))) == "interpolation") {
        return false;
      }
    }
    return true;
  }
  if (type == "attribute") return IsSimplePython(ts_node_child_by_field_name(node, "object", 6));
  if (type == "unary_operator") {
    std::string_view operand = ts_node_type(ts_node_child_by_field_name(node, "argument", 8));
    return operand == "integer" || operand == "float";
  }
  return false;
}

const ApiParam* PositionalParam(const ApiSymbol& symbol, size_t index) {
  size_t seen = 0;
  for (const ApiParam& p : symbol.params) {
    if (p.keyword_only) break;
    if (seen++ == index) return &p;
  }
  return nullptr;
}

}  // namespace

ApiCallRewrite MapPythonCall(const ApiSymbol& symbol, std::string_view call) {
  static const Language* python = FindLanguage("python");
  std::string text(call);
  SyntaxTree tree = SyntaxTree::Parse(*python, text);
  TSNode statement = ts_node_named_child(tree.root(), 0);
  TSNode node = ts_node_named_child(statement, 0);
  if (tree.HasError() || ts_node_named_child_count(tree.root()) != 1 ||
      std::string_view(ts_node_type(node)) != "call") {
    return Refused("the call does not parse on its own");
  }
  TSNode list = ts_node_child_by_field_name(node, "arguments", 9);
  if (std::string_view(ts_node_type(list)) != "argument_list") {
    return Refused("a generator argument is not mapped");
  }
  std::vector<Supplied> supplied(symbol.params.size());
  size_t positional = 0;
  int order = 0;
  for (uint32_t i = 0; i < ts_node_named_child_count(list); ++i, ++order) {
    TSNode arg = ts_node_named_child(list, i);
    std::string_view type = ts_node_type(arg);
    if (type == "comment") return Refused("a comment inside the call would be lost");
    if (type == "list_splat" || type == "dictionary_splat") {
      return Refused(fmt::format("`{}` unpacks arguments: which parameters it fills is known only "
                                 "when the program runs", NodeText(arg, text)));
    }
    const ApiParam* param = nullptr;
    TSNode value = arg;
    if (type == "keyword_argument") {
      std::string_view name = NodeText(ts_node_child_by_field_name(arg, "name", 4), text);
      value = ts_node_child_by_field_name(arg, "value", 5);
      size_t index = ParamIndex(symbol, name);
      if (index == symbol.params.size()) {
        return Refused(fmt::format("{} has no parameter '{}'", symbol.v1_name, name));
      }
      param = &symbol.params[index];
      if (param->positional_only) {
        return Refused(fmt::format("'{}' is positional-only in {}", name, symbol.v1_name));
      }
    } else {
      param = PositionalParam(symbol, positional++);
      if (!param) {
        return Refused(fmt::format("{} takes {} positional arguments", symbol.v1_name,
                                   positional - 1));
      }
    }
    Supplied& s = supplied[ParamIndex(symbol, param->name)];
    if (s.text) return Refused(fmt::format("'{}' is passed twice", param->name));
    s.text = std::string(NodeText(value, text));
    s.simple = IsSimplePython(value);
    s.order = order;
  }
  for (size_t i = 0; i < symbol.params.size(); ++i) {
    if (!supplied[i].text && !symbol.params[i].default_value) {
      return Refused(fmt::format("'{}' is not passed (the call fails in v1 too)",
                                 symbol.params[i].name));
    }
  }
  // A whole Python argument never needs parentheses.
  return Build(symbol, supplied, true, [](std::string_view) { return false; });
}

ApiCallRewrite MapCppCall(const ApiSymbol& symbol,
                          const std::vector<std::optional<std::string>>& arguments) {
  // C++ evaluates arguments in no fixed order, so moving them is no change;
  // evaluating one twice or not at all is.
  static const std::regex kSimple(
      R"(^\s*(-?[0-9][0-9A-Za-z.']*|[A-Za-z_][A-Za-z_0-9]*(::[A-Za-z_][A-Za-z_0-9]*)*|"[^"\\]*"|'[^'\\]*')\s*$)");
  if (arguments.size() != symbol.params.size()) {
    return Refused(fmt::format("{} is called with {} arguments", symbol.v1_name, arguments.size()));
  }
  std::vector<Supplied> supplied(arguments.size());
  for (size_t i = 0; i < arguments.size(); ++i) {
    supplied[i].text = arguments[i];
    supplied[i].order = static_cast<int>(i);
    supplied[i].simple = !arguments[i] || std::regex_match(*arguments[i], kSimple);
    if (!arguments[i] && !symbol.params[i].default_value) {
      return Refused(fmt::format("no argument for '{}'", symbol.params[i].name));
    }
  }
  // Clang gives an argument's text without its parentheses: a comma
  // expression needs them back.
  auto needs_parens = [](std::string_view text) {
    int depth = 0;
    for (char c : text) {
      if (c == '(' || c == '[' || c == '{') ++depth;
      if (c == ')' || c == ']' || c == '}') --depth;
      if (c == ',' && depth == 0) return true;
    }
    return false;
  };
  return Build(symbol, supplied, false, needs_parens);
}

namespace {

// C++ tokens: identifiers and numbers whole, every other character alone;
// white space only separates.
std::vector<std::string> Tokens(std::string_view text) {
  std::vector<std::string> out;
  for (size_t i = 0; i < text.size();) {
    if (std::isspace(static_cast<unsigned char>(text[i]))) {
      ++i;
    } else if (IsWordChar(text[i])) {
      size_t j = i;
      while (j < text.size() && IsWordChar(text[j])) ++j;
      out.emplace_back(text.substr(i, j - i));
      i = j;
    } else {
      out.emplace_back(1, text[i++]);
    }
  }
  return out;
}

// The parameters of the function `name` declared by `declaration`, each
// without its default; nullopt when the list cannot be found.
std::optional<std::vector<std::string_view>> DeclaredParameters(std::string_view declaration,
                                                                std::string_view name) {
  size_t at = 0;
  while ((at = declaration.find(name, at)) != std::string_view::npos) {
    size_t open = declaration.find_first_not_of(" \t\n", at + name.size());
    bool word = at > 0 && IsWordChar(declaration[at - 1]);
    if (!word && open != std::string_view::npos && declaration[open] == '(') {
      std::vector<std::string_view> params;
      int depth = 0;
      size_t start = open + 1;
      for (size_t i = open + 1; i < declaration.size(); ++i) {
        char c = declaration[i];
        if (c == '(' || c == '[' || c == '{' || c == '<') ++depth;
        if ((c == ')' && depth == 0) || (c == ',' && depth == 0)) {
          std::string_view p = declaration.substr(start, i - start);
          params.push_back(p.substr(0, p.find('=')));
          if (c == ')') return params;
          start = i + 1;
          continue;
        }
        if (c == ')' || c == ']' || c == '}' || c == '>') --depth;
      }
      return std::nullopt;
    }
    at += name.size();
  }
  return std::nullopt;
}

}  // namespace

std::string CppOverloadMismatch(const ApiSymbol& symbol, std::string_view declaration) {
  std::optional<std::vector<std::string_view>> declared =
      DeclaredParameters(declaration, symbol.name);
  std::string mapped;
  for (const ApiParam& p : symbol.params) mapped += (mapped.empty() ? "" : ", ") + p.declaration;
  std::string why = fmt::format("the function called may be another overload of {}: its "
                                "declaration does not have the parameters the api-map gives ({})",
                                symbol.v1_name, mapped);
  if (!declared) return why;
  if (declared->size() == 1 && Tokens((*declared)[0]).empty()) declared->clear();
  if (declared->size() != symbol.params.size()) return why;
  for (size_t i = 0; i < declared->size(); ++i) {
    // The map's type: its declaration without the parameter's name.
    std::vector<std::string> type = Tokens(symbol.params[i].declaration);
    auto name = std::find(type.rbegin(), type.rend(), symbol.params[i].name);
    if (name != type.rend()) type.erase(std::next(name).base());
    std::vector<std::string> got = Tokens((*declared)[i]);
    bool same = got == type;
    // The declaration may name the parameter (any name) or not.
    for (size_t k = 0; !same && k < got.size(); ++k) {
      if (!IsWordChar(got[k][0]) || std::isdigit(static_cast<unsigned char>(got[k][0]))) continue;
      std::vector<std::string> unnamed = got;
      unnamed.erase(unnamed.begin() + static_cast<long>(k));
      same = unnamed == type;
    }
    if (!same) return why;
  }
  return "";
}

}  // namespace uprev
