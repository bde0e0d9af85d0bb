#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <map>

#include <fmt/format.h>

#include "core/file_system.h"
#include "reports/finding_sink.h"
#include "runs/upgrade_run.h"
#include "tools/arg_parser.h"
#include "tools/commands.h"
#include "tools/pack_loader.h"

namespace uprev {
namespace {

std::string Short(const std::string& id) { return id.substr(0, 12); }

void PrintPlan(const Plan& plan, const RunRecord& run) {
  std::printf("uprev run --dry-run: base %s (%s), split by %s\n", Short(run.base).c_str(),
              run.base_ref.c_str(), run.split.c_str());
  std::printf("%zu findings in %zu files; %zu review items\n", plan.findings.size(),
              plan.stats.files, plan.review_items.size());
  for (const PlannedChangeSet& set : plan.change_sets) {
    std::printf("\nchange set %s%s: %zu fixes in %zu files\n", set.name.c_str(),
                set.review ? " (review)" : "", set.fixes.size(), set.files.size());
    std::map<std::string, int> per_rule;
    for (const Finding& f : set.fixes) ++per_rule[f.rule];
    for (const auto& [rule, n] : per_rule) std::printf("  %-40s %d\n", rule.c_str(), n);
    for (const auto& [path, text] : set.files) std::printf("  %s\n", path.c_str());
  }
  if (!plan.review_items.empty()) std::printf("\nreview items:\n");
  for (const Finding& f : plan.review_items) {
    std::printf("  %s:%u:%u [%s] %s\n", f.path.c_str(), f.start.line, f.start.col, f.rule.c_str(),
                std::string(ConfidenceName(f.confidence)).c_str());
  }
}

void PrintRun(const RunResult& result) {
  const RunRecord& run = result.record;
  std::printf("uprev run %s: base %s (%s), split by %s\n", run.id.c_str(), Short(run.base).c_str(),
              run.base_ref.c_str(), run.split.c_str());
  for (const ChangeSetRecord& c : run.change_sets) {
    int fixes = 0;
    for (const auto& [rule, n] : c.fixes) fixes += n;
    std::string state = c.verification.empty() ? "" : "verification " + c.verification;
    if (!c.dropped.empty()) state += ", branch not kept";
    std::printf("  %-50s %3d fixes, %3zu files  %s\n",
                (c.branch.empty() ? "(no branch) " + c.name : c.branch).c_str(), fixes,
                c.files.size(), state.c_str());
  }
  if (run.change_sets.empty()) std::printf("  nothing to change\n");
  std::printf("%zu findings, %zu review items\n", run.findings, run.review_items);
  std::printf("run record: %s\n", result.record_dir.c_str());
}

}  // namespace

int RunRun(const Args& args) {
  ArgParser parser("run");
  RunOptions options;
  std::vector<std::string> packs;
  std::string split = "pack", jobs, timeout, report;
  parser.Option("--repo", &options.repo);
  parser.Repeated("--rules", &packs);
  parser.Option("--base", &options.base);
  parser.Option("--split", &split);
  parser.Option("--verify", &options.verify);
  parser.Option("--verify-timeout", &timeout);
  parser.Option("--resume", &options.resume);
  parser.Option("--report", &report);
  parser.Option("--jobs", &jobs);
  parser.Option("-p", &options.database_dir);
  parser.Flag("--dry-run", &options.dry_run);
  std::vector<std::string> extra;
  if (Status s = parser.Parse(args, &extra); !s.ok()) return Fail(s);
  if (!extra.empty()) {
    return Fail(Status::Invalid(fmt::format("uprev run: error: unexpected argument '{}'; the "
                                            "repository is given with --repo", extra[0])));
  }
  std::optional<SplitMode> mode = ParseSplitMode(split);
  if (!mode) {
    return Fail(Status::Invalid(fmt::format(
        "uprev run: error: --split takes pack, rule, owner or none, not '{}'", split)));
  }
  options.split = *mode;
  if (!jobs.empty()) options.batch.jobs = std::atoi(jobs.c_str());
  options.batch.progress = ::isatty(STDERR_FILENO) == 1;
  if (!timeout.empty()) options.verify_timeout_seconds = std::atoi(timeout.c_str());
  if (options.batch.jobs < 0 || options.verify_timeout_seconds <= 0) {
    return Fail(Status::Invalid("uprev run: error: --jobs and --verify-timeout take whole numbers"));
  }
  Result<std::vector<RulePack>> loaded = LoadPacks(packs);
  if (!loaded.ok()) return Fail(loaded.status());
  RuleSet rules(std::move(*loaded));
  Result<RunResult> result = ExecuteRun(rules, options);
  if (!result.ok()) return Fail(result.status());
  for (const std::string& note : result->notes) std::fprintf(stderr, "%s\n", note.c_str());
  if (options.dry_run) {
    PrintPlan(result->plan, result->record);
    return 0;
  }
  std::string report_dir = report.empty() ? result->record_dir + "/report" : report;
  std::filesystem::create_directories(report_dir);
  if (Status s = WriteRunReports(result->report, report_dir); !s.ok()) return Fail(s);
  PrintRun(*result);
  std::printf("report: %s\n", report_dir.c_str());
  return result->verification_failed ? 1 : 0;
}

int RunStatusCommand(const Args& args) {
  ArgParser parser("status");
  std::string repo = ".";
  parser.Option("--repo", &repo);
  std::vector<std::string> ids;
  if (Status s = parser.Parse(args, &ids); !s.ok()) return Fail(s);
  if (ids.size() > 1) return Fail(Status::Invalid("uprev status: error: expected at most one RUN_ID"));
  Result<std::vector<RunStatus>> runs = ListRuns(repo, ids.empty() ? "" : ids[0]);
  if (!runs.ok()) return Fail(runs.status());
  if (runs->empty()) std::printf("no uprev runs in this repository\n");
  for (const RunStatus& status : *runs) {
    const RunRecord& run = status.record;
    std::printf("%s  base %s (%s)  split %s  %s\n", run.id.c_str(), Short(run.base).c_str(),
                run.base_ref.c_str(), run.split.c_str(), run.done ? "done" : "interrupted");
    for (size_t i = 0; i < run.change_sets.size(); ++i) {
      const ChangeSetRecord& c = run.change_sets[i];
      const ChangeSetState& s = status.states[i];
      std::string where = s.merged                ? "merged"
                          : !c.reverted.empty()   ? "reverted"
                          : s.branch_exists       ? "branch " + c.branch
                          : c.commit.empty()      ? "not committed"
                                                  : "branch deleted";
      std::printf("  %-24s tip %s  %-40s %s\n", c.name.c_str(),
                  c.commit.empty() ? "-" : Short(c.commit).c_str(), where.c_str(),
                  c.verification.empty() ? "" : ("verification " + c.verification).c_str());
    }
  }
  return 0;
}

int RunRevert(const Args& args) {
  ArgParser parser("revert");
  std::string repo = ".";
  parser.Option("--repo", &repo);
  std::vector<std::string> targets;
  if (Status s = parser.Parse(args, &targets); !s.ok()) return Fail(s);
  if (targets.size() != 1) {
    return Fail(Status::Invalid("uprev revert: error: expected RUN_ID or RUN_ID/CHANGESET"));
  }
  Result<RevertResult> result = RevertRun(repo, targets[0]);
  if (!result.ok()) return Fail(result.status());
  for (const std::string& name : result->reverted) std::printf("reverted %s on the current branch\n", name.c_str());
  for (const std::string& branch : result->deleted) std::printf("deleted branch %s\n", branch.c_str());
  if (result->reverted.empty() && result->deleted.empty()) std::printf("nothing to revert\n");
  return 0;
}

}  // namespace uprev
