// The `uprev` commands. Each takes the words after its name and returns the
// process exit code (SPEC "Exit codes"); tools/ is the only place that maps
// failures to exit codes.
#ifndef UPREV_TOOLS_COMMANDS_H_
#define UPREV_TOOLS_COMMANDS_H_

#include <string>
#include <vector>

#include "core/status.h"

namespace uprev {

using Args = std::vector<std::string>;

int RunScan(const Args& args);
int RunFix(const Args& args);
int RunRules(const Args& args);
int RunRun(const Args& args);
int RunStatusCommand(const Args& args);
int RunRevert(const Args& args);
int RunReportCommand(const Args& args);
int RunConvert(const Args& args);
int RunShim(const Args& args);

struct RunReport;
// Writes every report of a run into `dir`: review-queue.html and .md,
// migration-plan.md, validation-report.md, rollback-plan.md, findings.json
// and findings.sarif.
Status WriteRunReports(const RunReport& report, const std::string& dir);

// Prints `status`'s message to stderr and returns its exit code: 2 for
// invalid input, 3 for I/O and internal errors.
int Fail(const Status& status);

}  // namespace uprev

#endif  // UPREV_TOOLS_COMMANDS_H_
