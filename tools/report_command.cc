// `uprev report RUN_ID [--format F] [--out FILE]`, and the report folder
// that `uprev run` writes: every report of a run rendered from its
// RunReport (report.json in the run's folder).
#include <cstdio>
#include <map>

#include <fmt/format.h>

#include "core/file_system.h"
#include "reports/finding_sink.h"
#include "reports/run_report.h"
#include "runs/upgrade_run.h"
#include "tools/arg_parser.h"
#include "tools/commands.h"

namespace uprev {
namespace {

// Report name -> file name in the report folder.
const std::map<std::string, std::string>& ReportFiles() {
  static const std::map<std::string, std::string> kFiles = {
      {"html", "review-queue.html"},
      {"md", "review-queue.md"},
      {"migration-plan", "migration-plan.md"},
      {"validation-report", "validation-report.md"},
      {"rollback-plan", "rollback-plan.md"},
      {"json", "findings.json"},
      {"sarif", "findings.sarif"},
  };
  return kFiles;
}

std::string Render(const RunReport& report, const std::string& format) {
  if (format == "html") return RenderReviewQueueHtml(report);
  if (format == "md") return RenderReviewQueueMarkdown(report);
  if (format == "migration-plan") return RenderMigrationPlan(report);
  if (format == "validation-report") return RenderValidationReport(report);
  if (format == "rollback-plan") return RenderRollbackPlan(report);
  return MakeSink(format)->Render(report.findings, report.stats);
}

}  // namespace

Status WriteRunReports(const RunReport& report, const std::string& dir) {
  RealFileSystem disk;
  for (const auto& [format, file] : ReportFiles()) {
    if (Status s = disk.WriteFileAtomic(dir + "/" + file, Render(report, format)); !s.ok()) {
      return s;
    }
  }
  return Status::Ok();
}

int RunReportCommand(const Args& args) {
  ArgParser parser("report");
  std::string format = "html", out, repo = ".";
  parser.Option("--format", &format);
  parser.Option("--out", &out);
  parser.Option("--repo", &repo);
  std::vector<std::string> ids;
  if (Status s = parser.Parse(args, &ids); !s.ok()) return Fail(s);
  if (ids.size() != 1) {
    return Fail(Status::Invalid("uprev report: error: name one run: uprev report RUN_ID "
                                "[--format F] [--out FILE]"));
  }
  if (!ReportFiles().count(format)) {
    return Fail(Status::Invalid(fmt::format(
        "uprev report: error: unknown --format '{}'; expected html, md, migration-plan, "
        "validation-report, rollback-plan, json or sarif", format)));
  }
  Result<RunReport> report = LoadRunReport(repo, ids[0]);
  if (!report.ok()) return Fail(report.status());
  std::string text = Render(*report, format);
  if (out.empty()) {
    std::fwrite(text.data(), 1, text.size(), stdout);
    return 0;
  }
  if (Status s = RealFileSystem().WriteFileAtomic(out, text); !s.ok()) return Fail(s);
  return 0;
}

}  // namespace uprev
