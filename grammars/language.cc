#include "grammars/language.h"

extern "C" {
const TSLanguage* tree_sitter_python();
const TSLanguage* tree_sitter_javascript();
const TSLanguage* tree_sitter_typescript();
const TSLanguage* tree_sitter_tsx();
const TSLanguage* tree_sitter_java();
const TSLanguage* tree_sitter_go();
const TSLanguage* tree_sitter_c();
const TSLanguage* tree_sitter_cpp();
const TSLanguage* tree_sitter_json();
const TSLanguage* tree_sitter_yaml();
const TSLanguage* tree_sitter_toml();
}

namespace uprev {
namespace {

constexpr std::string_view kPrefix = "uprev_mv_";
constexpr std::string_view kSequencePrefix = "uprev_mvs_";
constexpr std::string_view kQuotedPrefix = "\"uprev_mv_";
constexpr std::string_view kQuotedSequencePrefix = "\"uprev_mvs_";

std::vector<Language> MakeRegistry() {
  // .h is C++: tree-sitter-cpp parses C headers too, and C++ projects are
  // where header rules matter (README: "Languages").
  std::vector<Language> registry = {
      {"python", {"py"}, {".py", ".pyi"}, tree_sitter_python, kPrefix,
       kSequencePrefix, {"python"}, "#", "", /*import_management=*/true},
      {"javascript", {"js", "jsx"}, {".js", ".mjs", ".cjs", ".jsx"},
       tree_sitter_javascript, kPrefix, kSequencePrefix,
       {"javascript", "typescript", "tsx"}, "//", "", true},
      {"typescript", {"ts"}, {".ts", ".mts", ".cts"}, tree_sitter_typescript,
       kPrefix, kSequencePrefix, {"typescript", "tsx"}, "//", "", true},
      {"tsx", {}, {".tsx"}, tree_sitter_tsx, kPrefix, kSequencePrefix, {"tsx"},
       "//", "", true},
      {"java", {}, {".java"}, tree_sitter_java, kPrefix, kSequencePrefix,
       {"java"}, "//", "", true},
      {"go", {"golang"}, {".go"}, tree_sitter_go, kPrefix, kSequencePrefix,
       {"go"}, "//", "", true},
      {"c", {}, {".c"}, tree_sitter_c, kPrefix, kSequencePrefix, {"c"}, "//", "", true},
      {"cpp", {"c++", "cxx"},
       {".cc", ".cpp", ".cxx", ".c++", ".h", ".hh", ".hpp", ".hxx", ".h++", ".ipp", ".inl"},
       tree_sitter_cpp, kPrefix, kSequencePrefix, {"cpp"}, "//", "", true},
      {"json", {}, {".json"}, tree_sitter_json, kQuotedPrefix, kQuotedSequencePrefix,
       {"json"}, "", "\""},
      {"yaml", {"yml"}, {".yaml", ".yml"}, tree_sitter_yaml, kPrefix,
       kSequencePrefix, {"yaml"}, "#"},
      {"toml", {}, {".toml"}, tree_sitter_toml, kQuotedPrefix, kQuotedSequencePrefix,
       {"toml"}, "#", "\""},
  };
  return registry;
}

}  // namespace

const std::vector<Language>& AllLanguages() {
  static const std::vector<Language> registry = MakeRegistry();
  return registry;
}

const Language* FindLanguage(std::string_view name) {
  for (const Language& lang : AllLanguages()) {
    if (lang.name == name) return &lang;
    for (std::string_view alias : lang.aliases) {
      if (alias == name) return &lang;
    }
  }
  return nullptr;
}

const Language* LanguageForPath(std::string_view path) {
  size_t slash = path.rfind('/');
  std::string_view base = slash == std::string_view::npos ? path : path.substr(slash + 1);
  size_t dot = base.rfind('.');
  if (dot == std::string_view::npos || dot == 0) return nullptr;
  std::string_view ext = base.substr(dot);
  for (const Language& lang : AllLanguages()) {
    for (std::string_view e : lang.extensions) {
      if (e == ext) return &lang;
    }
  }
  return nullptr;
}

std::string LanguageNames() {
  std::string out;
  for (const Language& lang : AllLanguages()) {
    if (!out.empty()) out += ", ";
    out += lang.name;
  }
  return out;
}

}  // namespace uprev
