// Builds the RunReport of an upgrade run (reports/run_report.h): the run
// record's change sets with their validation (every changed file still
// parses; the rules that made a change set find nothing more to fix in its
// output), and the review queue with owners and each item's suggested diff.
#ifndef UPREV_RUNS_RUN_REPORT_BUILDER_H_
#define UPREV_RUNS_RUN_REPORT_BUILDER_H_

#include <functional>
#include <string>
#include <vector>

#include "core/file_system.h"
#include "detectors/rule_set.h"
#include "reports/run_report.h"
#include "runs/change_set_plan.h"
#include "runs/run_record.h"

namespace uprev {

// A file's owners as CODEOWNERS lists them ("@alice @acme/web"), "" when none.
using OwnersOfPath = std::function<std::string(const std::string& path)>;

// `rescan` makes the Clang matcher rules' findings on a change set's texts,
// so that its idempotence check covers them too; without it only the
// tree-sitter rules are checked.
RunReport BuildRunReport(const RunRecord& record, const Plan& plan, const RuleSet& rules,
                         const FileSystem& base, const OwnersOfPath& owners,
                         const std::string& workdir, const RescanFindings* rescan = nullptr);

// Brings the change sets of `report` up to date with `record` (a later
// revert, a dropped branch), keeping the validation results.
void RefreshChangeSets(const RunRecord& record, RunReport* report);

}  // namespace uprev

#endif  // UPREV_RUNS_RUN_REPORT_BUILDER_H_
