// Analysis of one source file: prefilter, parse once, match every applicable
// rule in one walk, turn matches into findings, apply suppressions.
#ifndef UPREV_ENGINE_ANALYZER_H_
#define UPREV_ENGINE_ANALYZER_H_

#include <vector>

#include "core/finding.h"
#include "core/source_file.h"
#include "detectors/rule_set.h"
#include "engine/suppression.h"

namespace uprev {

struct Analysis {
  std::vector<Finding> findings;  // sorted, suppressions applied
  std::vector<Suppression> suppressions;
  bool parsed = false;  // false when the prefilter ruled every rule out
};

// A finding of `rule` at `range` of `file`: the rule's fields, the position
// and the matched text; no fix.
Finding FindingAt(const Rule& rule, const SourceFile& file, ByteRange range);

// `file.language()` must name a registry language. `extra` are findings made
// elsewhere for this text (Clang matcher rules); they are suppressed and
// sorted with the file's own.
Analysis AnalyzeFile(const RuleSet& rules, const SourceFile& file,
                     const std::vector<Finding>* extra = nullptr);

// The rule id under which unused suppressions are reported.
inline constexpr std::string_view kUnusedSuppressionRule = "uprev-unused-suppression";
// Findings for the suppressions of `analysis` that matched nothing (and
// that name no rule outside `rules`).
std::vector<Finding> UnusedSuppressionFindings(const RuleSet& rules, const SourceFile& file,
                                               const Analysis& analysis);

}  // namespace uprev

#endif  // UPREV_ENGINE_ANALYZER_H_
