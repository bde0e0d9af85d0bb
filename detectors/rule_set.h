// RuleSet: every loaded rule, indexed so that one walk of a syntax tree
// serves all rules that can apply to a file.
#ifndef UPREV_DETECTORS_RULE_SET_H_
#define UPREV_DETECTORS_RULE_SET_H_

#include <string_view>
#include <vector>

#include "core/import_binding.h"
#include "core/match.h"
#include "detectors/config_rule.h"
#include "detectors/rule.h"
#include "grammars/syntax_tree.h"

namespace uprev {

class RuleSet {
 public:
  explicit RuleSet(std::vector<RulePack> packs);

  const std::vector<RulePack>& packs() const { return packs_; }
  // All rules; Match::rule indexes this.
  const std::vector<const Rule*>& rules() const { return rules_; }
  // The subset with only the rules in `ids`, for running one rule alone.
  RuleSet Only(const std::vector<std::string>& ids) const;

  // Rules that can apply to a file of `language` with `text`: their language
  // covers it and the text passes their prefilter.
  std::vector<int> ActiveRules(const Language& language, std::string_view text) const;

  // The `matcher:` rules, which Clang runs on translation units.
  std::vector<int> AstMatcherRules() const;

  // Every match of the `active` rules in `tree`, sorted by position. With
  // `imports`, also the file's import bindings (Python). `config:` rules
  // among `active` are left to FindConfigMatches.
  std::vector<Match> FindMatches(const SyntaxTree& tree, const std::vector<int>& active,
                                 std::vector<ImportBinding>* imports = nullptr) const;

  // The matches of the `config:` rules among `active` in `tree` (YAML, JSON
  // or TOML), rule by rule, each in document order.
  struct ConfigRuleMatch {
    int rule;  // indexes rules()
    ConfigMatch match;
  };
  std::vector<ConfigRuleMatch> FindConfigMatches(const SyntaxTree& tree,
                                                 const std::vector<int>& active) const;

 private:
  std::vector<RulePack> packs_;
  std::vector<const Rule*> rules_;
};

// Whether `word` occurs in `text` not as part of a longer identifier (the
// prefilter's test).
bool TextContainsWord(std::string_view text, std::string_view word);

}  // namespace uprev

#endif  // UPREV_DETECTORS_RULE_SET_H_
