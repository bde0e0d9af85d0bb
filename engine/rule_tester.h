// Runs the tests written inside rule packs: each case runs its rule alone.
#ifndef UPREV_ENGINE_RULE_TESTER_H_
#define UPREV_ENGINE_RULE_TESTER_H_

#include <string>
#include <vector>

#include "detectors/rule_set.h"

namespace uprev {

struct RuleTestFailure {
  std::string location;  // "rules/x.yaml:12"
  std::string rule;
  std::string message;   // what was expected and what came out
};

struct RuleTestReport {
  size_t rules = 0;
  size_t cases = 0;
  size_t passed = 0;
  // Failed cases, and rules without any test case (one failure each).
  std::vector<RuleTestFailure> failures;
};

RuleTestReport TestRules(const RuleSet& rules);

}  // namespace uprev

#endif  // UPREV_ENGINE_RULE_TESTER_H_
