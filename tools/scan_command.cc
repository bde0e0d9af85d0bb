#include <cstdio>
#include <cstdlib>

#include <fmt/format.h>

#include "core/file_system.h"
#include "reports/finding_sink.h"
#include "tools/commands.h"
#include "tools/source_selection.h"

namespace uprev {

int RunScan(const Args& args) {
  ArgParser parser("scan");
  SelectionFlags selection_flags;
  DeclareSelectionFlags(&parser, &selection_flags);
  std::string format = "text", fail_on = "warning", baseline;
  bool staged = false;
  parser.Option("--format", &format);
  parser.Option("--fail-on", &fail_on);
  parser.Option("--baseline", &baseline);
  parser.Flag("--staged", &staged);
  std::vector<std::string> paths;
  if (Status s = parser.Parse(args, &paths); !s.ok()) return Fail(s);
  std::unique_ptr<FindingSink> sink = MakeSink(format);
  if (!sink) {
    return Fail(Status::Invalid(fmt::format(
        "uprev scan: error: unknown --format '{}'; expected text, json, sarif or github",
        format)));
  }
  std::optional<Severity> threshold = ParseSeverity(fail_on);
  if (!threshold) {
    return Fail(Status::Invalid(fmt::format(
        "uprev scan: error: --fail-on takes info, warning or error, not '{}'", fail_on)));
  }
  if (staged || !baseline.empty()) {
    return Fail(Status::Invalid(fmt::format(
        "uprev scan: error: {} is not available in this version yet",
        staged ? "--staged" : "--baseline")));
  }
  Result<Selection> selection = Select("scan", selection_flags, paths);
  if (!selection.ok()) return Fail(selection.status());
  RealFileSystem disk;
  ClangScan clang = ScanWithClang(*selection, disk);
  ScanResult result =
      ScanFiles(*selection->rules, disk, selection->files, selection->batch, &clang.by_path);
  result.stats.units = clang.units;
  result.stats.units_parsed = clang.parsed;
  // Golden tests need byte-stable output; UPREV_TEST_CLOCK reports 0 s.
  if (std::getenv("UPREV_TEST_CLOCK")) result.stats.seconds = 0.0;
  std::string out = sink->Render(result.findings, result.stats);
  std::fwrite(out.data(), 1, out.size(), stdout);
  // Skipped files (binary, not UTF-8, unreadable) are reported; the scan goes on.
  for (const SkippedFile& s : result.stats.skipped) {
    std::fprintf(stderr, "%s: note: skipped: %s\n", s.path.c_str(), s.reason.c_str());
  }
  for (const Finding& f : result.findings) {
    if (f.severity >= *threshold) return 1;
  }
  return 0;
}

}  // namespace uprev
