// Rule and RulePack: a rule file after it has been read, checked and
// compiled. Nothing here is a raw string that is interpreted later: patterns
// are compiled per language, metavariable names checked, regexes built.
#ifndef UPREV_DETECTORS_RULE_H_
#define UPREV_DETECTORS_RULE_H_

#include <memory>
#include <optional>
#include <regex>
#include <string>
#include <vector>

#include "core/finding.h"
#include "grammars/language.h"

namespace uprev {

struct CompiledMatcher;  // detectors/rule_matcher.h
struct AstMatcher;       // detectors/clang/ast_matcher.h
struct ConfigRule;       // detectors/config_rule.h
struct ApiMap;           // core/api_map.h
struct ApiSymbol;

// A case of a rule's `tests`.
struct RuleTest {
  std::string code;
  std::optional<std::string> fixed;
  std::optional<int> findings;  // `match: false` is findings == 0
  uint32_t line = 0;            // where the case starts in the pack file
};

struct MetavarConstraint {
  std::string name;
  std::optional<std::regex> regex;
  std::optional<std::regex> not_regex;
  std::vector<std::string> kinds;
  std::vector<std::string> in;
};

struct Rule {
  std::string id;
  std::string pack;
  const Language* language = nullptr;
  Severity severity = Severity::kWarning;
  Confidence confidence = Confidence::kSafe;
  std::string message;
  std::string review;
  std::optional<std::string> fix;
  ImportChanges imports;
  std::vector<MetavarConstraint> where;
  // One per language the rule applies to (see Language::applies_to).
  std::vector<std::shared_ptr<const CompiledMatcher>> matchers;
  // A file can only match when, for every group, it contains one of the
  // group's words (literal words of the pattern; the values an `in`
  // constraint allows). No groups: the rule runs on every file of its
  // language.
  std::vector<std::vector<std::string>> prefilter;
  // `matcher:` rules (C and C++) run through Clang on translation units
  // instead of tree-sitter; `matchers` is then empty. A unit is parsed for
  // them only when it, or a repository header it includes, contains one of
  // `triggers` (none: every unit).
  std::shared_ptr<const AstMatcher> ast_matcher;
  std::vector<std::string> triggers;
  // `config:` rules (YAML, JSON, TOML) edit by key path instead of matching
  // syntax; `matchers` is then empty and `prefilter` holds the values their
  // `where` compares.
  std::shared_ptr<const ConfigRule> config;
  // Rules derived from an `api-map`: the symbol they move. When it has
  // `params`, its v1 calls are mapped onto its v2 call (rewriters/api_call.h)
  // and `fix` is the v2 call template, shown by `rules show`.
  std::shared_ptr<const ApiSymbol> api_call;
  std::vector<RuleTest> tests;
  std::string file;  // the pack file and line the rule comes from
  uint32_t line = 0;
};

struct RulePack {
  std::string name;
  std::string description;
  std::string path;
  std::string hash;  // of the pack file's bytes (FNV-1a 64, hex)
  std::vector<Rule> rules;
  // An `api-map` pack's map; its `rules` are derived from it.
  std::shared_ptr<const ApiMap> api_map;
};

}  // namespace uprev

#endif  // UPREV_DETECTORS_RULE_H_
