// uprev: finds deprecated APIs with rule packs and rewrites them.
#include <cstdio>
#include <string>
#include <vector>

#include <fmt/format.h>

#include "tools/commands.h"

namespace uprev {
namespace {

constexpr const char* kUsage = R"(usage: uprev COMMAND [ARGS]

commands:
  scan  [PATH...] [--rules PACK]... [--lang L]... [--format text|json|sarif|github|md]
        [--fail-on info|warning|error] [--jobs N] [-p DIR] [--staged] [--baseline FILE]
        [--no-cache]
  fix   [PATH...] [--rules PACK]... [--lang L]... [--dry-run] [--include-review] [--jobs N]
        [-p DIR]
  rules list [PACK]... | test [PACK]... | show RULE_ID [--rules PACK]...
  run   [--repo DIR] [--rules PACK]... [--base REV] [--split pack|rule|owner|none]
        [--verify CMD] [--verify-timeout SECONDS] [--resume RUN_ID] [--report DIR]
        [--dry-run] [--jobs N] [-p DIR]
  status [RUN_ID] [--repo DIR]
  revert RUN_ID[/CHANGESET] [--repo DIR]
  report RUN_ID [--format html|md|migration-plan|validation-report|rollback-plan|json|sarif]
         [--out FILE] [--repo DIR]
  convert FILE --to json|yaml|toml|ini|pyproject [--from json|yaml|toml|ini] [--out FILE]
  shim  --rules PACK [--lang python|cpp] [--out FILE]

PACK is a rule file, a folder of rule files, or a shipped pack name; with no
--rules every shipped pack applies. Exit codes: 0 success / nothing at or
above --fail-on; 1 findings at or above it (scan), failing rule tests, a
change set that failed verification (run), or something a conversion could
not carry over (convert); 2 bad usage, a bad rule file or input that does not
parse; 3 an I/O or internal error.
)";

int Main(int argc, char** argv) {
  std::vector<std::string> args(argv + 1, argv + argc);
  if (args.empty() || args[0] == "help" || args[0] == "--help" || args[0] == "-h") {
    std::fputs(kUsage, args.empty() ? stderr : stdout);
    return args.empty() ? 2 : 0;
  }
  if (args[0] == "--version") {
    std::puts("uprev " UPREV_VERSION);
    return 0;
  }
  std::string command = args[0];
  args.erase(args.begin());
  if (command == "scan") return RunScan(args);
  if (command == "fix") return RunFix(args);
  if (command == "rules") return RunRules(args);
  if (command == "run") return RunRun(args);
  if (command == "status") return RunStatusCommand(args);
  if (command == "revert") return RunRevert(args);
  if (command == "report") return RunReportCommand(args);
  if (command == "convert") return RunConvert(args);
  if (command == "shim") return RunShim(args);
  return Fail(Status::Invalid(
      fmt::format("uprev: error: unknown command '{}'; see 'uprev help'", command)));
}

}  // namespace
}  // namespace uprev

int main(int argc, char** argv) { return uprev::Main(argc, argv); }
