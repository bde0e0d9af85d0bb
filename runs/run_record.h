// The run record under .git/uprev/runs/<run-id>/: a journal of JSON lines,
// appended and fsynced as the run proceeds, is the truth; RunRecord is what
// replaying it gives. A crash can only leave a torn last line, which replay
// ignores, so `uprev run --resume` picks up from the last whole event.
#ifndef UPREV_RUNS_RUN_RECORD_H_
#define UPREV_RUNS_RUN_RECORD_H_

#include <cstdint>
#include <map>
#include <string>
#include <utility>
#include <vector>

#include "core/status.h"

namespace uprev {

struct ChangeSetRecord {
  std::string name;
  bool review = false;
  std::vector<std::string> files;
  std::map<std::string, int> fixes;  // rule -> fixes applied
  std::vector<std::string> packs;
  std::string tree;
  std::string commit;  // the tip; kept after its branch is deleted
  std::string branch;  // "uprev/<run>/<name>" once created
  std::string verification;  // "", "passed", "failed"
  int verify_exit = 0;
  std::string verify_output;
  std::string dropped;   // why the branch was deleted, if it was
  std::string reverted;  // the revert commit, when it was merged and reverted
};

struct RunRecord {
  std::string id;
  std::string base;      // commit id
  std::string base_ref;  // "refs/heads/main", or the revision given
  int64_t time = 0;      // the time of every commit of the run
  std::string split;
  std::string verify;
  std::vector<std::pair<std::string, std::string>> packs;  // name, content hash
  bool planned = false;
  std::vector<ChangeSetRecord> change_sets;
  size_t findings = 0;
  size_t review_items = 0;
  bool done = false;

  ChangeSetRecord* Find(const std::string& name);
};

// Appends events to a run's journal, each one fsynced before it returns.
class RunJournal {
 public:
  // Opens (creating) the journal in `dir`, which it creates too.
  static Result<RunJournal> Open(const std::string& dir);
  RunJournal(RunJournal&& other) noexcept;
  RunJournal& operator=(RunJournal&&) = delete;
  ~RunJournal();

  Status Start(const RunRecord& run);
  Status Planned(const RunRecord& run);  // change sets with files and fixes
  Status Committed(const std::string& change_set, const std::string& tree,
                   const std::string& commit);
  Status Branched(const std::string& change_set, const std::string& branch);
  Status Verified(const std::string& change_set, bool passed, int exit, const std::string& output);
  Status Dropped(const std::string& change_set, const std::string& why);
  Status Reverted(const std::string& change_set, const std::string& revert_commit);
  Status Done();

  const std::string& dir() const { return dir_; }

 private:
  RunJournal(std::string dir, int fd) : dir_(std::move(dir)), fd_(fd) {}
  Status Append(const std::string& line);
  std::string dir_;
  int fd_ = -1;
};

// Replays the journal in `dir`.
Result<RunRecord> ReadRunRecord(const std::string& dir);

}  // namespace uprev

#endif  // UPREV_RUNS_RUN_RECORD_H_
