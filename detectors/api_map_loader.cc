#include "detectors/api_map_loader.h"

#include <algorithm>
#include <cctype>
#include <map>
#include <set>

#include <fmt/format.h>

namespace uprev {
namespace {

bool IsWordChar(char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '_'; }

bool IsIdentifier(std::string_view s) {
  return !s.empty() && !std::isdigit(static_cast<unsigned char>(s[0])) &&
         std::all_of(s.begin(), s.end(), IsWordChar);
}

// `a.b.c` (Python) or `a::b::c` (C++): identifiers joined by `separator`.
bool IsQualifiedName(std::string_view s, std::string_view separator) {
  while (true) {
    size_t at = s.find(separator);
    if (!IsIdentifier(s.substr(0, at))) return false;
    if (at == std::string_view::npos) return true;
    s.remove_prefix(at + separator.size());
  }
}

std::string_view Trim(std::string_view s) {
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.front()))) s.remove_prefix(1);
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back()))) s.remove_suffix(1);
  return s;
}

// Splits `text` at each `separator` outside brackets and string literals.
// Returns false when the brackets or quotes do not balance.
bool SplitTopLevel(std::string_view text, char separator, std::vector<std::string_view>* parts) {
  std::vector<char> open;
  size_t start = 0;
  for (size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    if (c == '"' || c == '\'') {
      size_t j = i + 1;
      while (j < text.size() && text[j] != c) j += text[j] == '\\' ? 2 : 1;
      if (j >= text.size()) return false;
      i = j;
    } else if (c == '(' || c == '[' || c == '{') {
      open.push_back(c == '(' ? ')' : c == '[' ? ']' : '}');
    } else if (c == ')' || c == ']' || c == '}') {
      if (open.empty() || open.back() != c) return false;
      open.pop_back();
    } else if (c == separator && open.empty()) {
      parts->push_back(text.substr(start, i - start));
      start = i + 1;
    }
  }
  if (!open.empty()) return false;
  parts->push_back(text.substr(start));
  return true;
}

// The first top-level `=` of `text` that is an assignment (not `==`, `<=`,
// `>=`, `!=`), or npos.
size_t AssignmentAt(std::string_view text) {
  int depth = 0;
  for (size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    if (c == '(' || c == '[' || c == '{' || c == '<') ++depth;
    if (c == ')' || c == ']' || c == '}' || c == '>') --depth;
    if (c != '=' || depth != 0) continue;
    bool compare = (i + 1 < text.size() && text[i + 1] == '=') ||
                   (i > 0 && std::string_view("=<>!").find(text[i - 1]) != std::string_view::npos);
    if (!compare) return i;
  }
  return std::string_view::npos;
}

// The `$name` placeholders of `templ`, in order, with repeats.
std::vector<std::string> Placeholders(std::string_view templ) {
  std::vector<std::string> out;
  for (size_t i = 0; i < templ.size(); ++i) {
    if (templ[i] != '$') continue;
    size_t j = i + 1;
    while (j < templ.size() && IsWordChar(templ[j])) ++j;
    if (j > i + 1) out.emplace_back(templ.substr(i + 1, j - i - 1));
    i = j - 1;
  }
  return out;
}

bool IsPython(const ApiMap& map) { return map.language == "python"; }

std::string_view Separator(const ApiMap& map) { return IsPython(map) ? "." : "::"; }

Status ParseParams(const Locator& loc, const ApiMap& map, const YAML::Node& node,
                   ApiSymbol* symbol) {
  if (!node.IsSequence()) return loc.Error(node, "'params' must be a list of parameters");
  symbol->has_params = true;
  bool keyword_only = false;
  bool seen_default = false;
  for (const YAML::Node& item : node) {
    if (!item.IsScalar()) return loc.Error(item, "a parameter must be a string");
    std::string_view text = Trim(item.Scalar());
    if (IsPython(map) && text == "*") {
      if (keyword_only) return loc.Error(item, "'*' appears twice");
      keyword_only = true;
      continue;
    }
    if (IsPython(map) && text == "/") {
      if (keyword_only || symbol->params.empty()) {
        return loc.Error(item, "'/' must follow the positional-only parameters");
      }
      for (ApiParam& p : symbol->params) p.positional_only = true;
      continue;
    }
    if (!text.empty() && text[0] == '*') {
      return loc.Error(item, "'*args' and '**kwargs' parameters cannot be mapped; map such a "
                             "function with 'rename' (same parameters in v2)");
    }
    ApiParam param;
    size_t eq = AssignmentAt(text);
    std::string_view declaration = Trim(text.substr(0, eq));
    if (eq != std::string_view::npos) {
      std::string_view value = Trim(text.substr(eq + 1));
      if (value.empty()) return loc.Error(item, "the default after '=' is empty");
      param.default_value = std::string(value);
      seen_default = true;
    } else if (seen_default && !keyword_only) {
      return loc.Error(item, fmt::format("parameter '{}' without a default follows one with a "
                                         "default", declaration));
    }
    if (IsPython(map)) {
      size_t colon = declaration.find(':');  // an annotation
      param.name = std::string(Trim(declaration.substr(0, colon)));
    } else {
      // The name is the last word, before any array bounds: `const char* names[]`.
      size_t end = declaration.find('[');
      if (end == std::string_view::npos) end = declaration.size();
      while (end > 0 && std::isspace(static_cast<unsigned char>(declaration[end - 1]))) --end;
      size_t begin = end;
      while (begin > 0 && IsWordChar(declaration[begin - 1])) --begin;
      param.name = std::string(declaration.substr(begin, end - begin));
      if (param.name == "root" || param.name == kCalleeBinding) {
        return loc.Error(item, fmt::format("'{}' is a name uprev binds in C++ rules; rename the "
                                           "parameter", param.name));
      }
      if (Trim(declaration.substr(0, begin)).empty()) {
        return loc.Error(item, fmt::format("C++ parameter '{}' needs a type and a name",
                                           declaration));
      }
    }
    if (!IsIdentifier(param.name)) {
      return loc.Error(item, fmt::format("'{}' does not declare a parameter name", text));
    }
    for (const ApiParam& p : symbol->params) {
      if (p.name == param.name) {
        return loc.Error(item, fmt::format("parameter '{}' appears twice", param.name));
      }
    }
    param.declaration = std::string(declaration);
    param.keyword_only = keyword_only;
    symbol->params.push_back(std::move(param));
  }
  return Status::Ok();
}

const ApiParam* FindParam(const ApiSymbol& symbol, std::string_view name) {
  for (const ApiParam& p : symbol.params) {
    if (p.name == name) return &p;
  }
  return nullptr;
}

// Reads `call` into callee and arguments and checks its placeholders.
Status ParseCall(const Locator& loc, const ApiMap& map, const YAML::Node& node,
                 ApiSymbol* symbol) {
  if (!node.IsScalar()) return loc.Error(node, "'call' must be a string");
  std::string_view text = Trim(node.Scalar());
  size_t open = text.find('(');
  if (open == std::string_view::npos || text.back() != ')') {
    return loc.Error(node, "'call' must be a call: CALLEE(ARGUMENTS)");
  }
  std::string_view callee = Trim(text.substr(0, open));
  std::string prefix = map.to + std::string(Separator(map));
  if (!IsQualifiedName(callee, Separator(map)) || callee.substr(0, prefix.size()) != prefix) {
    return loc.Error(node, fmt::format("the callee of 'call' must be a name under '{}', written "
                                       "in full ({}name)", map.to, prefix));
  }
  std::vector<std::string_view> parts;
  std::string_view inside = text.substr(open + 1, text.size() - open - 2);
  if (!SplitTopLevel(inside, ',', &parts)) {
    return loc.Error(node, "the brackets or quotes of 'call' do not balance");
  }
  if (parts.size() == 1 && Trim(parts[0]).empty()) parts.clear();
  for (std::string_view part : parts) {
    part = Trim(part);
    if (part.empty()) return loc.Error(node, "'call' has an empty argument");
    ApiCallArgument argument;
    size_t eq = IsPython(map) ? AssignmentAt(part) : std::string_view::npos;
    if (eq != std::string_view::npos && IsIdentifier(Trim(part.substr(0, eq)))) {
      argument.keyword = std::string(Trim(part.substr(0, eq)));
      argument.value = std::string(Trim(part.substr(eq + 1)));
    } else {
      argument.value = std::string(part);
    }
    symbol->arguments.push_back(std::move(argument));
  }
  symbol->call = std::string(text);
  symbol->callee = std::string(callee);
  for (const std::string& name : Placeholders(text)) {
    if (!FindParam(*symbol, name)) {
      return loc.Error(node, fmt::format("'${}' is not a parameter of {}", name, symbol->name));
    }
  }
  return Status::Ok();
}

Status ParseSymbol(const Locator& loc, const ApiMap& map, const YAML::Node& node,
                   ApiSymbol* symbol) {
  Status keys = CheckKeys(loc, node, "an api-map symbol",
                          {"function", "class", "constant", "rename", "params", "call", "result",
                           "result-type", "same-defaults", "message", "confidence", "review",
                           "tests"});
  if (!keys.ok()) return keys;
  int kinds = 0;
  for (auto [key, kind] : {std::pair{"function", ApiSymbolKind::kFunction},
                           std::pair{"class", ApiSymbolKind::kClass},
                           std::pair{"constant", ApiSymbolKind::kConstant}}) {
    if (!node[key]) continue;
    ++kinds;
    auto name = ScalarOf(loc, node[key], key);
    if (!name.ok()) return name.status();
    if (!IsIdentifier(*name)) return loc.Error(node[key], fmt::format("'{}' is not a name", *name));
    symbol->kind = kind;
    symbol->name = *name;
  }
  if (kinds != 1) {
    return loc.Error(node, "an api-map symbol names one v1 'function', 'class' or 'constant'");
  }
  symbol->line = static_cast<uint32_t>(node.Mark().line + 1);
  std::string_view sep = Separator(map);
  symbol->v1_name = map.from + std::string(sep) + symbol->name;
  bool python = IsPython(map);
  if (!python && symbol->kind == ApiSymbolKind::kFunction && !node["params"]) {
    return loc.Error(node, fmt::format("{}: a C++ function needs 'params' and 'call' (the shim "
                                       "declares it)", symbol->v1_name));
  }
  if (!python && symbol->kind != ApiSymbolKind::kFunction && node["params"]) {
    return loc.Error(node["params"], fmt::format("{}: C++ classes and constants are renamed "
                                                 "('rename'), not re-shaped", symbol->v1_name));
  }
  if (node["rename"]) {
    if (node["params"] || node["call"] || node["result"]) {
      return loc.Error(node["rename"], "'rename' keeps the shape; it does not go with 'params', "
                                       "'call' or 'result'");
    }
    auto rename = ScalarOf(loc, node["rename"], "rename");
    if (!rename.ok()) return rename.status();
    if (!IsQualifiedName(*rename, sep)) {
      return loc.Error(node["rename"], fmt::format("'{}' is not a name under '{}'", *rename, map.to));
    }
    symbol->rename = *rename;
    symbol->v2_name = map.to + std::string(sep) + *rename;
  } else {
    if (!node["params"] || !node["call"]) {
      return loc.Error(node, fmt::format("{} needs 'rename', or 'params' and 'call'",
                                         symbol->v1_name));
    }
    if (symbol->kind == ApiSymbolKind::kConstant) {
      return loc.Error(node["params"], "a constant takes no 'params'; use 'rename'");
    }
    Status s = ParseParams(loc, map, node["params"], symbol);
    if (s.ok()) s = ParseCall(loc, map, node["call"], symbol);
    if (!s.ok()) return s;
    symbol->v2_name = symbol->callee;
  }
  if (const YAML::Node r = node["result"]) {
    if (symbol->kind != ApiSymbolKind::kFunction) {
      return loc.Error(r, "only a function's call has a 'result'");
    }
    auto result = ScalarOf(loc, r, "result");
    if (!result.ok()) return result.status();
    std::vector<std::string> names = Placeholders(*result);
    if (std::find(names.begin(), names.end(), "result") == names.end()) {
      return loc.Error(r, "'result' says how the v1 result comes from '$result', the v2 one");
    }
    for (const std::string& name : names) {
      if (name != "result" && !FindParam(*symbol, name)) {
        return loc.Error(r, fmt::format("'${}' is not a parameter of {}", name, symbol->name));
      }
    }
    symbol->result = *result;
  }
  if (const YAML::Node t = node["result-type"]) {
    if (python) return loc.Error(t, "'result-type' is for C++ functions");
    auto type = ScalarOf(loc, t, "result-type");
    if (!type.ok()) return type.status();
    symbol->result_type = *type;
  } else if (!python && symbol->kind == ApiSymbolKind::kFunction) {
    return loc.Error(node, fmt::format("{} needs 'result-type' (the v1 function's return type)",
                                       symbol->v1_name));
  }
  if (const YAML::Node d = node["same-defaults"]) {
    auto names = StringList(loc, d, "same-defaults");
    if (!names.ok()) return names.status();
    for (const std::string& name : *names) {
      const ApiParam* p = FindParam(*symbol, name);
      if (!p || !p->default_value) {
        return loc.Error(d, fmt::format("'{}' is not a parameter with a default", name));
      }
      // Only an argument that is exactly `$name` can be left out: keyword
      // in Python, the last ones in C++.
      bool found = false;
      for (size_t i = 0; i < symbol->arguments.size(); ++i) {
        const ApiCallArgument& a = symbol->arguments[i];
        if (a.value != "$" + name) continue;
        found = python ? !a.keyword.empty() : true;
      }
      if (!found) {
        return loc.Error(d, fmt::format("'{}' can be left out only where 'call' passes it as {}",
                                        name, python ? "`keyword=$" + name + "`"
                                                     : "a trailing `$" + name + "`"));
      }
    }
    symbol->same_defaults = *names;
  }
  symbol->message = fmt::format("{} is deprecated: use {}{}", symbol->v1_name, symbol->v2_name,
                                map.guide.empty() ? "" : " (" + map.guide + ")");
  if (node["message"]) {
    auto message = ScalarOf(loc, node["message"], "message");
    if (!message.ok()) return message.status();
    symbol->message = *message;
  }
  if (const YAML::Node c = node["confidence"]) {
    auto confidence = c.IsScalar() ? ParseConfidence(c.Scalar()) : std::nullopt;
    if (!confidence || *confidence == Confidence::kManual) {
      return loc.Error(c, "an api-map symbol's confidence is safe or review");
    }
    symbol->confidence = *confidence;
  }
  if (node["review"]) {
    auto review = ScalarOf(loc, node["review"], "review");
    if (!review.ok()) return review.status();
    symbol->review = *review;
  }
  return Status::Ok();
}

Result<std::string> Field(const Locator& loc, const YAML::Node& node, const char* key,
                          bool required) {
  if (!node[key]) {
    if (required) return loc.Error(node, fmt::format("an api-map needs '{}'", key));
    return std::string();
  }
  return ScalarOf(loc, node[key], key);
}

Result<std::shared_ptr<ApiMap>> ParseApiMap(const Locator& loc, const YAML::Node& node) {
  Status keys = CheckKeys(loc, node, "an api-map",
                          {"language", "from", "to", "from-header", "to-header", "guide",
                           "symbols"});
  if (!keys.ok()) return keys;
  auto map = std::make_shared<ApiMap>();
  auto language = Field(loc, node, "language", true);
  if (!language.ok()) return language.status();
  const Language* found = FindLanguage(*language);
  if (!found || (found->name != "python" && found->name != "cpp")) {
    return loc.Error(node["language"], "an api-map is for python or cpp");
  }
  map->language = std::string(found->name);
  bool python = IsPython(*map);
  for (auto [key, out] : {std::pair{"from", &map->from}, std::pair{"to", &map->to}}) {
    auto value = Field(loc, node, key, true);
    if (!value.ok()) return value.status();
    if (!IsQualifiedName(*value, Separator(*map))) {
      return loc.Error(node[key], fmt::format("'{}' is not a {}", *value,
                                              python ? "module name" : "namespace"));
    }
    *out = *value;
  }
  for (auto [key, out] : {std::pair{"from-header", &map->from_header},
                          std::pair{"to-header", &map->to_header}}) {
    auto value = Field(loc, node, key, !python);
    if (!value.ok()) return value.status();
    if (python && !value->empty()) return loc.Error(node[key], fmt::format("'{}' is for C++", key));
    *out = *value;
  }
  auto guide = Field(loc, node, "guide", false);
  if (!guide.ok()) return guide.status();
  map->guide = *guide;
  const YAML::Node symbols = node["symbols"];
  if (!symbols || !symbols.IsSequence() || symbols.size() == 0) {
    return loc.Error(node, "an api-map needs a list 'symbols'");
  }
  std::set<std::string> names;
  for (const YAML::Node& s : symbols) {
    ApiSymbol symbol;
    Status status = ParseSymbol(loc, *map, s, &symbol);
    if (!status.ok()) return status;
    if (!names.insert(symbol.name).second) {
      return loc.Error(s, fmt::format("{} is mapped twice", symbol.v1_name));
    }
    map->symbols.push_back(std::move(symbol));
  }
  return map;
}

std::string RuleIdOf(std::string_view name) {
  std::string id;
  for (char c : name) id.push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(c))));
  return id;
}

// A quoted string for clang-query text.
std::string Quoted(std::string_view s) { return fmt::format("\"{}\"", s); }

// The Clang matcher of calls to `symbol`: every argument bound by its
// parameter's name, defaults included (their kind is CXXDefaultArgExpr),
// and the function called as kCalleeBinding, whose declaration tells
// overloads of one arity apart.
std::string CallMatcher(const ApiSymbol& symbol) {
  std::string out = fmt::format("callExpr(callee(functionDecl(hasName({}), parameterCountIs({}))"
                                ".bind(\"{}\")), argumentCountIs({})",
                                Quoted("::" + symbol.v1_name), symbol.params.size(),
                                kCalleeBinding, symbol.params.size());
  for (size_t i = 0; i < symbol.params.size(); ++i) {
    out += fmt::format(", hasArgument({}, expr().bind(\"{}\"))", i, symbol.params[i].name);
  }
  return out + ")";
}

// The v2 expression a call becomes, as `rules show` prints it: the call
// template inside the `result` template.
std::string ShownFix(const ApiSymbol& symbol) {
  if (!symbol.has_params) return symbol.v2_name;
  if (symbol.result.empty()) return symbol.call;
  std::string out;
  const std::string& r = symbol.result;
  for (size_t i = 0; i < r.size(); ++i) {
    bool whole = r.compare(i, 7, "$result") == 0 && (i + 7 == r.size() || !IsWordChar(r[i + 7]));
    if (whole) {
      out += symbol.call;
      i += 6;
    } else {
      out.push_back(r[i]);
    }
  }
  return out;
}

YAML::Node BaseRule(const ApiMap& map, const ApiSymbol& symbol, const std::string& id) {
  YAML::Node rule;
  rule["id"] = id;
  rule["language"] = map.language;
  rule["message"] = symbol.message;
  return rule;
}

// A test for a derived rule that the pack cannot write itself.
void AddTest(YAML::Node* rule, const std::string& code, int findings) {
  YAML::Node test;
  test["code"] = code;
  test["findings"] = findings;
  (*rule)["tests"].push_back(test);
}

std::vector<YAML::Node> DeriveRules(const ApiMap& map, const ApiSymbol& symbol,
                                    const YAML::Node& node) {
  std::vector<YAML::Node> out;
  std::string id = RuleIdOf(symbol.name);
  YAML::Node rule = BaseRule(map, symbol, id);
  if (symbol.confidence == Confidence::kReview) {
    rule["confidence"] = "review";
    rule["review"] = symbol.review.empty() ? "the api-map marks this move for review" : symbol.review;
  } else if (!symbol.review.empty()) {
    rule["review"] = symbol.review;
  }
  if (node["tests"]) rule["tests"] = node["tests"];
  if (!IsPython(map)) {
    std::string v1 = Quoted("::" + symbol.v1_name);
    if (symbol.kind == ApiSymbolKind::kClass) {
      // Each written use once: `geo::v1::Point` is an elaborated type
      // around the `Point` it names; only the outer one is the use.
      rule["matcher"] = fmt::format("typeLoc(loc(qualType(hasDeclaration(namedDecl(hasName({}))))), "
                                    "unless(hasParent(typeLoc(loc(elaboratedType())))))", v1);
    } else if (symbol.kind == ApiSymbolKind::kConstant) {
      rule["matcher"] = fmt::format("declRefExpr(to(namedDecl(hasName({}))))", v1);
    } else {
      rule["matcher"] = CallMatcher(symbol);
    }
    rule["triggers"].push_back(symbol.name);
    rule["fix"] = ShownFix(symbol);
    rule["imports"]["add"].push_back("\"" + map.to_header + "\"");
    out.push_back(rule);
    return out;
  }
  rule["imports"]["add"].push_back(map.to);
  rule["imports"]["remove"].push_back(map.from);
  if (!symbol.has_params) {
    rule["pattern"] = symbol.v1_name;
    rule["fix"] = symbol.v2_name;
    out.push_back(rule);
    return out;
  }
  rule["pattern"] = symbol.v1_name + "($$$ARGS)";
  rule["fix"] = ShownFix(symbol);
  out.push_back(rule);
  // Where the name is used other than by calling it (passed as a callback,
  // subclassed), the v2 name would need other arguments: a human moves it;
  // until then the shim keeps it working.
  YAML::Node reference = BaseRule(map, symbol, id + "-reference");
  reference["message"] = fmt::format(
      "{} is used other than by calling it; {} takes other arguments, so move this use by hand "
      "(the shim keeps it working until then){}",
      symbol.v1_name, symbol.v2_name, map.guide.empty() ? "" : " (" + map.guide + ")");
  YAML::Node patterns;
  patterns.push_back(YAML::Node());
  patterns[0]["pattern"] = symbol.v1_name;
  patterns.push_back(YAML::Node());
  patterns[1]["not-inside"] = symbol.v1_name + "($$$ARGS)";
  reference["patterns"] = patterns;
  std::string import = fmt::format("import {}\n", map.from);
  AddTest(&reference, import + fmt::format("use = {}\n", symbol.v1_name), 1);
  AddTest(&reference, import + fmt::format("{}()\n", symbol.v1_name), 0);
  out.push_back(reference);
  return out;
}

}  // namespace

Status LoadApiMap(Locator& loc, const YAML::Node& node, RulePack* pack,
                  const std::function<Result<Rule>(const YAML::Node&)>& parse_rule) {
  auto map = ParseApiMap(loc, node);
  if (!map.ok()) return map.status();
  std::shared_ptr<const ApiMap> shared = *map;
  pack->api_map = shared;
  std::set<std::string> ids;
  const YAML::Node symbols = node["symbols"];
  for (size_t i = 0; i < shared->symbols.size(); ++i) {
    const ApiSymbol& symbol = shared->symbols[i];
    YAML::Node symbol_node = symbols[i];
    loc.set_fallback(symbol_node);
    for (const YAML::Node& derived : DeriveRules(*shared, symbol, symbol_node)) {
      auto rule = parse_rule(derived);
      if (!rule.ok()) return rule.status();
      if (!ids.insert(rule->id).second) {
        return loc.Error(symbol_node, fmt::format("rule id '{}' derived from {} is taken by "
                                                  "another symbol", rule->id, symbol.v1_name));
      }
      if (rule->id == RuleIdOf(symbol.name)) {
        rule->api_call = std::shared_ptr<const ApiSymbol>(shared, &symbol);
      }
      rule->line = symbol.line;
      pack->rules.push_back(std::move(*rule));
    }
  }
  loc.set_fallback(YAML::Node());  // no fallback
  return Status::Ok();
}

}  // namespace uprev
