#include "rewriters/api_shim.h"

#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <utility>
#include <vector>

#include "rewriters/fix_template.h"

namespace uprev {
namespace {

// Longer C++ signatures and Python `__all__` lines are laid out over
// several lines, as clang-format would with the project's column limit.
constexpr size_t kColumnLimit = 100;

bool IsIdentifierChar(char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '_'; }

// A string literal that reads back as `text`, in Python or C++ (the two
// agree on these escapes).
std::string Quoted(std::string_view text) {
  std::string out = "\"";
  for (char c : text) {
    if (c == '"' || c == '\\') out.push_back('\\');
    out.push_back(c);
  }
  out.push_back('"');
  return out;
}

// Python: every `module.x` (and `module` alone) in `text` outside string
// literals becomes `_v2.x`, the alias the shim imports v2 under. A longer
// name that merely ends the same way (`my_orders.v2`, `a.orders.v2`) and a
// `$placeholder` are left alone.
std::string WriteThroughAlias(std::string_view text, std::string_view module) {
  std::string out;
  for (size_t i = 0; i < text.size();) {
    char c = text[i];
    if (c == '"' || c == '\'') {  // copy the literal whole
      size_t j = i + 1;
      while (j < text.size() && text[j] != c) j += text[j] == '\\' ? 2 : 1;
      j = std::min(j + 1, text.size());
      out.append(text.substr(i, j - i));
      i = j;
      continue;
    }
    bool starts =
        i == 0 || !(IsIdentifierChar(text[i - 1]) || text[i - 1] == '.' || text[i - 1] == '$');
    size_t end = i + module.size();
    if (starts && text.compare(i, module.size(), module) == 0 &&
        (end == text.size() || !IsIdentifierChar(text[end]))) {
      out.append("_v2");
      i = end;
      continue;
    }
    out.push_back(c);
    ++i;
  }
  return out;
}

// How a symbol's templates are turned into code: `$param` becomes the
// parameter (the shim's v1 function has the same parameter names), and in
// Python v2 names go through the `_v2` alias.
class TemplateWriter {
 public:
  TemplateWriter(const ApiMap& map, const ApiSymbol& symbol)
      : python_(map.language == "python"), module_(map.to) {
    for (const ApiParam& p : symbol.params) texts_.emplace_back(p.name, p.name);
  }

  std::string Write(std::string_view templ) const {
    std::string text = python_ ? WriteThroughAlias(templ, module_) : std::string(templ);
    return RenderFixWithTexts(text, texts_);
  }

  // The v2 call, from the callee and the arguments of the `call` template.
  std::string Call(const ApiSymbol& symbol) const {
    return fmt::format("{}({})", Write(symbol.callee), Arguments(symbol));
  }

  std::string Arguments(const ApiSymbol& symbol) const {
    std::vector<std::string> parts;
    for (const ApiCallArgument& a : symbol.arguments) {
      parts.push_back(a.keyword.empty() ? Write(a.value) : a.keyword + "=" + Write(a.value));
    }
    return fmt::format("{}", fmt::join(parts, ", "));
  }

  // The v1 result: the `result` template over the v2 call, or the call.
  std::string Result(const ApiSymbol& symbol) const {
    std::string call = Call(symbol);
    if (symbol.result.empty()) return call;
    // `$result` first: it wins over a parameter of the same name, as the
    // loader reads it.
    std::vector<std::pair<std::string, std::string>> texts = {{"result", call}};
    texts.insert(texts.end(), texts_.begin(), texts_.end());
    std::string text = python_ ? WriteThroughAlias(symbol.result, module_) : symbol.result;
    return RenderFixWithTexts(text, texts);
  }

 private:
  bool python_;
  std::string module_;
  std::vector<std::pair<std::string, std::string>> texts_;
};

std::string QualifiedV1Name(const ApiMap& map, const ApiSymbol& symbol) {
  if (!symbol.v1_name.empty()) return symbol.v1_name;
  return map.from + (map.language == "python" ? "." : "::") + symbol.name;
}

// ---------------------------------------------------------------- Python

// Names the shim itself defines at module level; a v1 name among them
// would be shadowed or would break the shim.
constexpr std::string_view kPythonShimNames[] = {"warnings",    "importlib", "_v2",
                                                 "_deprecated", "_RENAMED",  "_v2_attr",
                                                 "__getattr__", "__dir__",   "__all__"};

Status CheckPythonSymbol(const ApiMap& map, const ApiSymbol& symbol) {
  std::string v1 = QualifiedV1Name(map, symbol);
  if (std::find(std::begin(kPythonShimNames), std::end(kPythonShimNames), symbol.name) !=
      std::end(kPythonShimNames)) {
    return Status::Invalid(
        fmt::format("{}: the shim needs the name '{}' for itself", v1, symbol.name));
  }
  if (!symbol.has_params) {
    if (symbol.rename.empty()) {
      return Status::Invalid(fmt::format("{}: needs 'rename', or 'params' and 'call'", v1));
    }
    return Status::Ok();
  }
  if (symbol.kind == ApiSymbolKind::kConstant) {
    return Status::Invalid(fmt::format("{}: a constant takes no 'params'; use 'rename'", v1));
  }
  if (symbol.callee.empty()) {
    return Status::Invalid(fmt::format("{}: 'params' need a 'call'", v1));
  }
  if (symbol.kind == ApiSymbolKind::kClass && !symbol.result.empty()) {
    return Status::Invalid(fmt::format("{}: a class's constructor call has no 'result'", v1));
  }
  // A parameter must not hide what the shim's body refers to.
  for (const ApiParam& p : symbol.params) {
    bool method = symbol.kind == ApiSymbolKind::kClass;
    if (p.name == "_v2" || p.name == "_deprecated" ||
        (method && (p.name == "self" || p.name == "super"))) {
      return Status::Invalid(
          fmt::format("{}: the shim cannot name a parameter '{}'; it needs that name", v1, p.name));
    }
  }
  return Status::Ok();
}

bool HasDottedRename(const std::vector<const ApiSymbol*>& renamed) {
  return std::any_of(renamed.begin(), renamed.end(),
                     [](const ApiSymbol* s) { return s->rename.find('.') != std::string::npos; });
}

// The v1 parameter list, with the `/` and `*` markers the loader folded
// into the parameters put back. A default that names something in v2
// (`unit=geo.v2.Unit.KM`) goes through the alias too: the shim does not
// bind `geo`.
std::string PythonParams(const ApiMap& map, const std::vector<ApiParam>& params, bool with_self) {
  std::vector<std::string> parts;
  if (with_self) parts.emplace_back("self");
  bool star = false;
  for (size_t i = 0; i < params.size(); ++i) {
    const ApiParam& p = params[i];
    if (p.keyword_only && !star) {
      parts.emplace_back("*");
      star = true;
    }
    std::string part = p.declaration;
    if (p.default_value) {
      // PEP 8: `x=1`, but `x: int = 1` once annotated.
      bool annotated = p.declaration.find(':') != std::string::npos;
      part += (annotated ? " = " : "=") + WriteThroughAlias(*p.default_value, map.to);
    }
    parts.push_back(std::move(part));
    bool last_positional =
        p.positional_only && (i + 1 == params.size() || !params[i + 1].positional_only);
    if (last_positional) parts.emplace_back("/");
  }
  return fmt::format("{}", fmt::join(parts, ", "));
}

std::string PythonFunction(const ApiMap& map, const ApiSymbol& symbol) {
  TemplateWriter writer(map, symbol);
  return fmt::format(
      "def {}({}):\n"
      "    \"\"\"Deprecated: use {}.\"\"\"\n"
      "    _deprecated({}, {})\n"
      "    return {}\n",
      symbol.name, PythonParams(map, symbol.params, false), symbol.v2_name,
      Quoted(QualifiedV1Name(map, symbol)), Quoted(symbol.v2_name), writer.Result(symbol));
}

// A subclass rather than a factory function, so that `isinstance` checks
// and subclassing in v1 code keep working.
std::string PythonClass(const ApiMap& map, const ApiSymbol& symbol) {
  TemplateWriter writer(map, symbol);
  return fmt::format(
      "class {}({}):\n"
      "    \"\"\"Deprecated: use {}.\"\"\"\n"
      "\n"
      "    def __init__({}):\n"
      "        _deprecated({}, {})\n"
      "        super().__init__({})\n",
      symbol.name, writer.Write(symbol.callee), symbol.v2_name,
      PythonParams(map, symbol.params, true), Quoted(QualifiedV1Name(map, symbol)),
      Quoted(symbol.v2_name), writer.Arguments(symbol));
}

// Renamed names are not module attributes: a PEP 562 `__getattr__` serves
// them, so that `v1.Name is v2.NewName` holds (identity, `isinstance`,
// `except` clauses all keep working) and only the lookup itself warns,
// whether it is `v1.Name` or `from v1 import Name`.
std::string PythonRenamed(const ApiMap& map, const std::vector<const ApiSymbol*>& renamed) {
  bool dotted = HasDottedRename(renamed);
  std::string out = "_RENAMED = {\n";
  for (const ApiSymbol* s : renamed) {
    out += fmt::format("    {}: {},\n", Quoted(s->name), Quoted(s->rename));
  }
  out += "}\n\n\n";
  if (dotted) {
    out +=
        "def _v2_attr(path):\n"
        "    # A dotted v2 name may go through a submodule nothing has imported yet.\n"
        "    obj = _v2\n"
        "    for part in path.split(\".\"):\n"
        "        if not hasattr(obj, part) and hasattr(obj, \"__path__\"):\n"
        "            importlib.import_module(f\"{obj.__name__}.{part}\")\n"
        "        obj = getattr(obj, part)\n"
        "    return obj\n\n\n";
  }
  out += fmt::format(
      "def __getattr__(name):\n"
      "    if name in _RENAMED:\n"
      "        _deprecated(f\"{}.{{name}}\", f\"{}.{{_RENAMED[name]}}\")\n"
      "        return {}\n"
      "    raise AttributeError(f\"module {{__name__!r}} has no attribute {{name!r}}\")\n"
      "\n\n"
      "def __dir__():\n"
      "    return sorted(list(globals()) + list(_RENAMED))\n",
      map.from, map.to, dotted ? "_v2_attr(_RENAMED[name])" : "getattr(_v2, _RENAMED[name])");
  return out;
}

std::string PythonPreamble(const ApiMap& map, std::string_view pack,
                           const std::vector<std::string>& names, bool importlib) {
  std::string guide = map.guide.empty() ? "" : "; see " + map.guide;
  std::vector<std::string> quoted;
  for (const std::string& name : names) quoted.push_back(Quoted(name));
  std::string all = fmt::format("__all__ = [{}]\n", fmt::join(quoted, ", "));
  if (all.size() - 1 > kColumnLimit)
    all = fmt::format("__all__ = [\n    {},\n]\n", fmt::join(quoted, ",\n    "));
  return fmt::format(
      "# Generated by `uprev shim` from the api-map pack {}. Do not edit;\n"
      "# regenerate it when the pack changes.\n"
      "\"\"\"{} on top of {}: every v1 name still works and warns.\n"
      "\n"
      "Move the callers with `uprev fix --rules {}`{}.\n"
      "\"\"\"\n"
      "{}import warnings\n"
      "\n"
      "import {} as _v2\n"
      "\n"
      "{}"
      "\n\n"
      "def _deprecated(old, new, stacklevel=3):\n"
      "    # 3: _deprecated, the v1 function, __init__ or __getattr__, then its caller.\n"
      "    warnings.warn(f\"{{old}} is deprecated; use {{new}}\", DeprecationWarning, "
      "stacklevel=stacklevel)\n",
      pack, map.from, map.to, pack, guide, importlib ? "import importlib\n" : "", map.to, all);
}

Result<std::string> WritePythonShim(const ApiMap& map, std::string_view pack) {
  std::vector<std::string> names;
  std::vector<const ApiSymbol*> renamed;
  std::vector<std::string> blocks;
  for (const ApiSymbol& symbol : map.symbols) {
    Status s = CheckPythonSymbol(map, symbol);
    if (!s.ok()) return s;
    names.push_back(symbol.name);
    if (!symbol.has_params) {
      renamed.push_back(&symbol);
    } else if (symbol.kind == ApiSymbolKind::kClass) {
      blocks.push_back(PythonClass(map, symbol));
    } else {
      blocks.push_back(PythonFunction(map, symbol));
    }
  }
  std::sort(names.begin(), names.end());
  bool dotted = HasDottedRename(renamed);
  if (!renamed.empty()) blocks.push_back(PythonRenamed(map, renamed));
  std::string out = PythonPreamble(map, pack, names, dotted);
  for (const std::string& block : blocks) out += "\n\n" + block;
  return out;
}

// ------------------------------------------------------------------- C++

Status CheckCppSymbol(const ApiMap& map, const ApiSymbol& symbol) {
  std::string v1 = QualifiedV1Name(map, symbol);
  if (!symbol.rename.empty()) {
    if (symbol.kind == ApiSymbolKind::kFunction) {
      return Status::Invalid(fmt::format("{}: a C++ function needs 'params' and 'call'", v1));
    }
    return Status::Ok();
  }
  if (symbol.kind != ApiSymbolKind::kFunction || !symbol.has_params) {
    return Status::Invalid(
        fmt::format("{}: C++ classes and constants are renamed ('rename'), not re-shaped", v1));
  }
  if (symbol.callee.empty()) return Status::Invalid(fmt::format("{}: 'params' need a 'call'", v1));
  if (symbol.result_type.empty()) {
    return Status::Invalid(
        fmt::format("{}: needs 'result-type' (the v1 function's return type)", v1));
  }
  for (const ApiCallArgument& a : symbol.arguments) {
    if (!a.keyword.empty()) {
      return Status::Invalid(
          fmt::format("{}: C++ calls have no keyword argument '{}='", v1, a.keyword));
    }
  }
  return Status::Ok();
}

// A header as `#include` spells it: "geo/v2.h", or as the pack wrote it
// when it already has its quotes or angle brackets.
std::string IncludeSpelling(std::string_view header) {
  if (header.front() == '<' || header.front() == '"') return std::string(header);
  return Quoted(header);
}

// "geo/v1.h" -> "GEO_V1_H_", as the style guide spells include guards.
std::string IncludeGuard(std::string_view header) {
  if (header.front() == '<' || header.front() == '"') header = header.substr(1, header.size() - 2);
  std::string guard;
  for (char c : header) {
    guard.push_back(
        IsIdentifierChar(c) ? static_cast<char>(std::toupper(static_cast<unsigned char>(c))) : '_');
  }
  return guard + "_";
}

// The declaration line(s) up to the opening brace: on one line when it
// fits, else the attribute on its own line, else one parameter a line.
std::string CppSignature(const ApiSymbol& symbol) {
  std::vector<std::string> params;
  for (const ApiParam& p : symbol.params) {
    params.push_back(p.declaration + (p.default_value ? " = " + *p.default_value : ""));
  }
  std::string attribute = fmt::format("[[deprecated({})]]", Quoted("use " + symbol.v2_name));
  std::string head = fmt::format("inline {} {}(", symbol.result_type, symbol.name);
  std::string one_line = fmt::format("{}{}) {{", head, fmt::join(params, ", "));
  if (attribute.size() + 1 + one_line.size() <= kColumnLimit) return attribute + " " + one_line;
  if (one_line.size() <= kColumnLimit) return attribute + "\n" + one_line;
  return fmt::format("{}\n{}\n    {}) {{", attribute, head, fmt::join(params, ",\n    "));
}

std::string CppFunction(const ApiMap& map, const ApiSymbol& symbol) {
  std::string expression = TemplateWriter(map, symbol).Result(symbol);
  bool returns = symbol.result_type != "void";
  return fmt::format("{}\n  {}{};\n}}\n", CppSignature(symbol), returns ? "return " : "",
                     expression);
}

Result<std::string> WriteCppShim(const ApiMap& map, std::string_view pack) {
  if (map.from_header.empty() || map.to_header.empty()) {
    return Status::Invalid(fmt::format(
        "{}: a C++ shim needs the v1 and the v2 header ('from-header', 'to-header')", map.from));
  }
  // Types first (the functions may name them), then constants, then
  // functions, each in the pack's order.
  std::vector<std::string> types, constants, functions;
  for (const ApiSymbol& symbol : map.symbols) {
    Status s = CheckCppSymbol(map, symbol);
    if (!s.ok()) return s;
    std::string deprecated = fmt::format("[[deprecated({})]]", Quoted("use " + symbol.v2_name));
    if (symbol.kind == ApiSymbolKind::kClass) {
      types.push_back(fmt::format("using {} {} = {};\n", symbol.name, deprecated, symbol.v2_name));
    } else if (symbol.kind == ApiSymbolKind::kConstant) {
      constants.push_back(fmt::format("{} inline constexpr auto {} = {};\n", deprecated,
                                      symbol.name, symbol.v2_name));
    } else {
      functions.push_back(CppFunction(map, symbol));
    }
  }
  std::vector<std::string> blocks;
  for (const auto* group : {&types, &constants}) {
    if (!group->empty()) blocks.push_back(fmt::format("{}", fmt::join(*group, "")));
  }
  for (const std::string& f : functions) blocks.push_back(f);
  std::string body = fmt::format("{}", fmt::join(blocks, "\n"));
  if (!types.empty()) {
    // The shim's own uses of its deprecated types do not warn; the
    // callers' uses are outside this region and do.
    body = "#pragma GCC diagnostic push\n"
           "#pragma GCC diagnostic ignored \"-Wdeprecated-declarations\"\n\n" +
           body + "\n#pragma GCC diagnostic pop\n";
  }
  std::string guide = map.guide.empty() ? "" : "; see " + map.guide;
  std::string guard = IncludeGuard(map.from_header);
  return fmt::format(
      "// Generated by `uprev shim` from the api-map pack {}. Do not edit;\n"
      "// regenerate it when the pack changes.\n"
      "// {} on top of {}: every v1 name still works and warns\n"
      "// (-Wdeprecated-declarations).\n"
      "// Move the callers with `uprev fix --rules {}`{}.\n"
      "#ifndef {}\n"
      "#define {}\n"
      "\n"
      "#include {}\n"
      "\n"
      "namespace {} {{\n"
      "\n"
      "{}"
      "\n"
      "}}  // namespace {}\n"
      "\n"
      "#endif  // {}\n",
      pack, map.from, map.to, pack, guide, guard, guard, IncludeSpelling(map.to_header), map.from,
      body, map.from, guard);
}

}  // namespace

Result<std::string> WriteApiShim(const ApiMap& map, std::string_view pack) {
  std::string_view language = map.language;
  if (language == "python") return WritePythonShim(map, pack);
  if (language == "cpp") return WriteCppShim(map, pack);
  return Status::Invalid(
      fmt::format("uprev shim writes Python modules and C++ headers; the api-map is for '{}'",
                  language.empty() ? "no language" : language));
}

}  // namespace uprev
