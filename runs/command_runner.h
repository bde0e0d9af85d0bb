// Runs a shell command in a folder with a time limit and captures its
// output: what `--verify CMD` does for each change set.
#ifndef UPREV_RUNS_COMMAND_RUNNER_H_
#define UPREV_RUNS_COMMAND_RUNNER_H_

#include <string>

#include "core/status.h"

namespace uprev {

struct CommandResult {
  int exit = 0;            // the exit status; 128+N when killed by signal N
  bool timed_out = false;
  std::string output;      // stdout and stderr interleaved, the last 64 KiB
};

// `sh -c command` in `directory`, stdin from /dev/null, killed (with its
// process group) after `timeout_seconds`.
Result<CommandResult> RunCommand(const std::string& command, const std::string& directory,
                                 int timeout_seconds);

}  // namespace uprev

#endif  // UPREV_RUNS_COMMAND_RUNNER_H_
