#include "rewriters/qualified_names.h"

#include <algorithm>
#include <cctype>

namespace uprev {
namespace {

bool IsStart(char c) { return std::isalpha(static_cast<unsigned char>(c)) || c == '_'; }
bool IsWord(char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '_'; }

// `prefix` is `name` or a leading run of its segments.
bool IsSegmentPrefix(std::string_view prefix, std::string_view name) {
  return name == prefix || (name.size() > prefix.size() && name.substr(0, prefix.size()) == prefix &&
                            name[prefix.size()] == '.');
}

// How the file writes `name`, and the imports that needs. `used` collects
// the rule's modules that some name of the template starts with.
std::string Write(const std::string& name, const std::vector<ImportBinding>& bindings,
                  const std::vector<std::string>& modules, std::vector<std::string>* imports,
                  std::vector<bool>* used) {
  for (size_t i = 0; i < modules.size(); ++i) {
    if (IsSegmentPrefix(modules[i], name)) (*used)[i] = true;
  }
  // A binding whose symbol is a prefix of the name: the longest wins.
  const ImportBinding* best = nullptr;
  for (const ImportBinding& b : bindings) {
    if (IsSegmentPrefix(b.qualified, name) &&
        (!best || b.qualified.size() > best->qualified.size())) {
      best = &b;
    }
  }
  if (best) {
    // `import collections` does not load `collections.abc`: a submodule
    // the rule names below the binding is imported too.
    for (const std::string& module : modules) {
      if (IsSegmentPrefix(module, name) && module.size() > best->qualified.size()) {
        imports->push_back(module);
      }
    }
    return best->name + name.substr(best->qualified.size());
  }
  // The file imports from a module that holds the name: import it from
  // there too, unless the file already uses that local name for something else.
  const ImportBinding* from = nullptr;
  for (const ImportBinding& b : bindings) {
    if (!b.from.empty() && IsSegmentPrefix(b.from, name) && name != b.from &&
        (!from || b.from.size() > from->from.size())) {
      from = &b;
    }
  }
  if (from) {
    std::string rest = name.substr(from->from.size() + 1);
    std::string head = rest.substr(0, rest.find('.'));
    bool taken = std::any_of(bindings.begin(), bindings.end(), [&](const ImportBinding& b) {
      return b.name == head && b.qualified != from->from + "." + head;
    });
    if (!taken) {
      imports->push_back(from->from + ":" + head);
      return rest;
    }
  }
  for (const std::string& module : modules) {
    if (IsSegmentPrefix(module, name)) {
      imports->push_back(module);
      break;
    }
  }
  return name;
}

}  // namespace

WrittenNames WriteQualifiedNames(std::string_view templ, const std::vector<ImportBinding>& bindings,
                                 const std::vector<std::string>& modules) {
  WrittenNames out;
  // An import statement names modules, not symbols to write through imports.
  std::string_view trimmed = templ.substr(std::min(templ.size(), templ.find_first_not_of(" \t\n")));
  if (trimmed.substr(0, 7) == "import " || trimmed.substr(0, 5) == "from ") {
    out.text = std::string(templ);
    out.imports = modules;
    return out;
  }
  std::vector<bool> used(modules.size(), false);
  char quote = 0;
  for (size_t i = 0; i < templ.size();) {
    char c = templ[i];
    if (quote) {
      out.text.push_back(c);
      if (c == '\\' && i + 1 < templ.size()) out.text.push_back(templ[++i]);
      if (c == quote) quote = 0;
      ++i;
      continue;
    }
    if (c == '\'' || c == '"') quote = c;
    bool starts = IsStart(c) && (i == 0 || (!IsWord(templ[i - 1]) && templ[i - 1] != '.' &&
                                            templ[i - 1] != '$'));
    if (c == '$' || !starts) {
      // Metavariables and what follows a non-start (x.y after `)`) stay.
      size_t j = i + 1;
      if (c == '$') {
        while (j < templ.size() && (templ[j] == '$' || IsWord(templ[j]))) ++j;
      } else if (IsWord(c)) {
        while (j < templ.size() && IsWord(templ[j])) ++j;
      }
      out.text.append(templ.substr(i, j - i));
      i = j;
      continue;
    }
    size_t j = i;
    int segments = 0;
    while (j < templ.size() && IsStart(templ[j])) {
      while (j < templ.size() && IsWord(templ[j])) ++j;
      ++segments;
      if (j + 1 < templ.size() && templ[j] == '.' && IsStart(templ[j + 1])) {
        ++j;
      } else {
        break;
      }
    }
    std::string name(templ.substr(i, j - i));
    out.text += segments >= 2 ? Write(name, bindings, modules, &out.imports, &used) : name;
    i = j;
  }
  // A module the template never names is imported as the rule says.
  for (size_t k = 0; k < modules.size(); ++k) {
    if (!used[k]) out.imports.push_back(modules[k]);
  }
  std::sort(out.imports.begin(), out.imports.end());
  out.imports.erase(std::unique(out.imports.begin(), out.imports.end()), out.imports.end());
  return out;
}

}  // namespace uprev
