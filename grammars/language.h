// The language registry: every language uprev parses, its file extensions,
// its tree-sitter grammar, and how a metavariable is spelled inside it.
#ifndef UPREV_GRAMMARS_LANGUAGE_H_
#define UPREV_GRAMMARS_LANGUAGE_H_

#include <string>
#include <string_view>
#include <vector>

struct TSLanguage;

namespace uprev {

struct Language {
  std::string_view name;  // canonical: "python", "javascript", "tsx", ...
  std::vector<std::string_view> aliases;     // "py", "js", "c++", ...
  std::vector<std::string_view> extensions;  // with the dot: ".py"
  const TSLanguage* (*grammar)();
  // Metavariables are rewritten into identifiers before a pattern is parsed,
  // because `$` is not legal in most languages' identifiers (Python, Go, C,
  // C++); where it is (JavaScript, TypeScript, Java) the same spelling keeps
  // one code path. `$X` -> prefix + "X", `$$$X` -> sequence prefix + "X".
  std::string_view metavar_prefix;
  std::string_view sequence_prefix;
  // The languages whose files a rule written for this language also applies
  // to (a javascript rule runs on TypeScript and TSX too), itself first.
  std::vector<std::string_view> applies_to;
  // Line comment introducer, for suppression comments and generated text.
  std::string_view line_comment;
  // Closes a metavariable where an identifier is no legal value: JSON and
  // TOML spell `$X` as a string, `"uprev_mv_X"`, so the prefix opens a quote.
  std::string_view metavar_suffix;
  // Whether fixes may add and remove imports (`imports:` in rules).
  bool import_management = false;
};

// The language named `name` or one of its aliases; nullptr when unknown.
const Language* FindLanguage(std::string_view name);
// The language of a file, from its extension; nullptr when none.
const Language* LanguageForPath(std::string_view path);
const std::vector<Language>& AllLanguages();
// "python, javascript, ..." for error messages.
std::string LanguageNames();

}  // namespace uprev

#endif  // UPREV_GRAMMARS_LANGUAGE_H_
