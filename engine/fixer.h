// The fixer: applies a file's fixes to a fixpoint. Each pass matches every
// rule, applies the fixes that do not overlap (outer ones first), adds and
// drops imports, and checks that the result still parses; a fix that breaks
// parsing is demoted to review and not written.
#ifndef UPREV_ENGINE_FIXER_H_
#define UPREV_ENGINE_FIXER_H_

#include <string>
#include <vector>

#include "core/finding.h"
#include "core/source_file.h"
#include "detectors/rule_set.h"

namespace uprev {

struct FixOptions {
  bool include_safe = true;       // apply safe fixes
  bool include_review = false;    // apply review-level fixes
  bool every_confidence = false;  // rule tests: apply every fix there is
  int max_passes = 3;
};

struct FixOutcome {
  std::string text;                // the file after all passes
  std::vector<Finding> applied;    // every fix written, pass by pass
  std::vector<Finding> conflicts;  // fixes still overlapping after the last pass
  std::vector<Finding> demoted;    // fixes whose result did not parse
  int passes = 0;
  bool changed() const { return !applied.empty(); }
};

// `extra`: findings made elsewhere for `file`'s text (Clang matcher rules),
// applied in the first pass with the file's own. They cannot be re-found on
// the changed text, so one that waits behind an enclosing fix is reported as
// a conflict; FixFilesWithRescan (engine/batch.h) then has Clang parse the
// output again and fixes once more.
FixOutcome FixFile(const RuleSet& rules, const SourceFile& file, const FixOptions& options,
                   const std::vector<Finding>* extra = nullptr);

}  // namespace uprev

#endif  // UPREV_ENGINE_FIXER_H_
