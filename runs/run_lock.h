// RunLock: one uprev run writes to a repository at a time. The lock is a
// file created with O_EXCL that holds the owner's pid; a lock whose process
// is gone (a run killed with SIGKILL) is taken over.
#ifndef UPREV_RUNS_RUN_LOCK_H_
#define UPREV_RUNS_RUN_LOCK_H_

#include <string>

#include "core/status.h"

namespace uprev {

class RunLock {
 public:
  static Result<RunLock> Acquire(const std::string& path);
  RunLock(RunLock&& other) noexcept : path_(std::move(other.path_)) { other.path_.clear(); }
  RunLock& operator=(RunLock&&) = delete;
  ~RunLock();

 private:
  explicit RunLock(std::string path) : path_(std::move(path)) {}
  std::string path_;
};

}  // namespace uprev

#endif  // UPREV_RUNS_RUN_LOCK_H_
