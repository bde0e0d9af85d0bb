// An upgrade run (`uprev run`): findings at a base revision become change
// sets, each one commit on the base on its own branch
// `uprev/<run-id>/<change-set>`, optionally verified, all recorded in a
// journal that `--resume` continues. The working tree, the index and the
// user's branches are never touched.
#ifndef UPREV_RUNS_UPGRADE_RUN_H_
#define UPREV_RUNS_UPGRADE_RUN_H_

#include <string>
#include <vector>

#include "core/status.h"
#include "detectors/rule_set.h"
#include "engine/batch.h"
#include "reports/run_report.h"
#include "runs/change_set_plan.h"
#include "runs/run_record.h"

namespace uprev {

struct RunOptions {
  std::string repo = ".";
  std::string base;  // a revision; empty: HEAD, which must be a clean branch
  SplitMode split = SplitMode::kPack;
  std::string verify;  // a shell command run in each change set's tree
  int verify_timeout_seconds = 1800;
  std::string resume;  // a run id
  bool dry_run = false;
  BatchOptions batch;
  // Where compile_commands.json is (-p); empty: the work tree's root or build/.
  std::string database_dir;
};

struct RunResult {
  RunRecord record;
  Plan plan;
  std::string record_dir;  // .git/uprev/runs/<run-id>
  bool verification_failed = false;
  std::vector<std::string> notes;  // about C/C++: no database, units not compiled
  RunReport report;                // what the run's reports are rendered from
};

Result<RunResult> ExecuteRun(const RuleSet& rules, const RunOptions& options);

// The report of run `run_id` of the repository at `repo_path`, as stored in
// its folder (report.json) with the change sets brought up to date from its
// journal (reverts, dropped branches). "RUN_ID: error: no such run" when the
// run is unknown.
Result<RunReport> LoadRunReport(const std::string& repo_path, const std::string& run_id);

// What `uprev status` shows of one change set.
struct ChangeSetState {
  bool branch_exists = false;
  bool merged = false;  // its tip is an ancestor of HEAD
};

struct RunStatus {
  RunRecord record;
  std::vector<ChangeSetState> states;  // one per record.change_sets
};

// Every run recorded in the repository at `repo`, oldest first, or the one
// named `run_id`.
Result<std::vector<RunStatus>> ListRuns(const std::string& repo, const std::string& run_id);

struct RevertResult {
  std::vector<std::string> deleted;   // branches of unmerged change sets
  std::vector<std::string> reverted;  // change sets merged into HEAD, reverted
};

// `uprev revert RUN_ID[/CHANGESET]`.
Result<RevertResult> RevertRun(const std::string& repo, const std::string& target);

}  // namespace uprev

#endif  // UPREV_RUNS_UPGRADE_RUN_H_
