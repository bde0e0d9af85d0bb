// RunReport: what the reports of one upgrade run are made from, as plain
// data (runs/ and tools/ fill it; reports/ only renders). It is stored as
// `report.json` in the run's folder, so `uprev report RUN_ID` renders any
// report again without re-scanning.
#ifndef UPREV_REPORTS_RUN_REPORT_H_
#define UPREV_REPORTS_RUN_REPORT_H_

#include <cstdint>
#include <map>
#include <string>
#include <utility>
#include <vector>

#include "core/finding.h"
#include "core/status.h"

namespace uprev {

// One thing a human must decide: a review-level fix, a fix the engine
// demoted (conflict, broken parse, macro), or a manual finding.
struct ReviewItem {
  Finding finding;
  std::string owner;  // from CODEOWNERS ("@alice", "@acme/py-team"), "" when unowned
  // The suggested change as a unified diff (`--- a/path` ... with 3 lines of
  // context), "" when there is no fix (manual findings).
  std::string diff;
};

struct ChangeSetReport {
  std::string name;  // "python-3.12", "alice", "all", "review"
  bool review = false;
  std::string branch;  // "uprev/<run>/<name>"; "" when dropped
  std::string commit;
  std::vector<std::string> files;
  std::map<std::string, int> fixes;  // rule -> fixes
  std::vector<std::string> packs;
  std::string verification;  // "", "passed", "failed"
  int verify_exit = 0;
  std::string verify_output;
  std::string dropped;  // why the branch was deleted
  // Validation of the change set's files: every fixed file still parses (no
  // more syntax errors than before), and fixing the result again changes
  // nothing.
  bool reparsed = true;
  bool idempotent = true;
  std::vector<std::string> validation_notes;  // file: what failed
};

struct RunReport {
  std::string id;
  std::string repo;      // the work tree
  std::string base;      // commit id
  std::string base_ref;  // "refs/heads/main"
  int64_t time = 0;      // seconds since the epoch
  std::string split;     // pack, rule, owner, none
  std::string verify;    // the --verify command, "" when none
  std::vector<std::pair<std::string, std::string>> packs;  // name, hash
  std::vector<ChangeSetReport> change_sets;  // the review set last
  std::vector<ReviewItem> review_items;      // sorted by path, position
  std::vector<Finding> findings;             // every finding at the base
  ScanStats stats;
};

// report.json: the run report as JSON, and back.
std::string RunReportToJson(const RunReport& report);
Result<RunReport> RunReportFromJson(const std::string& path, const std::string& text);

// The reports of a run, each one self-contained text.
std::string RenderReviewQueueHtml(const RunReport& report);     // review-queue.html
std::string RenderReviewQueueMarkdown(const RunReport& report); // review-queue.md
std::string RenderMigrationPlan(const RunReport& report);       // migration-plan.md
std::string RenderValidationReport(const RunReport& report);    // validation-report.md
std::string RenderRollbackPlan(const RunReport& report);        // rollback-plan.md

}  // namespace uprev

#endif  // UPREV_REPORTS_RUN_REPORT_H_
