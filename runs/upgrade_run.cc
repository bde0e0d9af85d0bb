#include "runs/upgrade_run.h"

#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <random>

#include <fmt/format.h>

#include "changesets/codeowners.h"
#include "changesets/git_repository.h"
#include "core/crash_point.h"
#include "core/file_finder.h"
#include "core/file_system.h"
#include "grammars/language.h"
#include "runs/clang_in_runs.h"
#include "runs/run_report_builder.h"
#include "runs/command_runner.h"
#include "runs/run_lock.h"

namespace uprev {
namespace {

namespace fs = std::filesystem;

// Shared by every worktree of the repository.
std::string RunsDir(const GitRepository& repo) { return repo.common_dir() + "/uprev/runs"; }

std::string NewRunId(int64_t time) {
  std::random_device rd;
  std::time_t t = static_cast<std::time_t>(time);
  std::tm tm{};
  ::gmtime_r(&t, &tm);
  return fmt::format("{:04}{:02}{:02}-{:02}{:02}{:02}-{:04x}", tm.tm_year + 1900, tm.tm_mon + 1,
                     tm.tm_mday, tm.tm_hour, tm.tm_min, tm.tm_sec, rd() & 0xffff);
}

// Files of the base that uprev analyses: a known language, and not in a
// vendored or hidden folder (as `scan` skips them when walking; CI
// configuration such as .github/ is walked).
bool Analysable(const std::string& path) {
  if (!LanguageForPath(path)) return false;
  static const FindOptions kWalk;
  auto listed = [](const std::vector<std::string>& names, std::string_view name) {
    return std::find(names.begin(), names.end(), name) != names.end();
  };
  size_t start = 0;
  for (size_t slash; (slash = path.find('/', start)) != std::string::npos; start = slash + 1) {
    std::string_view part(path.data() + start, slash - start);
    bool hidden = !part.empty() && part[0] == '.' && !listed(kWalk.unhidden, part);
    if (part.empty() || hidden || listed(kWalk.skipped_folders, part)) return false;
  }
  return true;
}

// The base revision's files, read from git objects, never from the working tree.
struct BaseTree {
  MemoryFileSystem files;
  std::vector<std::string> paths;  // the analysable ones
  std::vector<std::string> all;    // every path, for CODEOWNERS lookup
};

Result<BaseTree> LoadBase(const GitRepository& repo, const std::string& commit) {
  Result<std::vector<TreeFile>> listed = repo.ListFiles(commit);
  if (!listed.ok()) return listed.status();
  BaseTree base;
  for (const TreeFile& f : *listed) {
    base.all.push_back(f.path);
    bool codeowners = f.path == ".github/CODEOWNERS" || f.path == "CODEOWNERS" ||
                      f.path == "docs/CODEOWNERS";
    if (!Analysable(f.path) && !codeowners) continue;
    Result<std::string> blob = repo.ReadBlob(f.blob);
    if (!blob.ok()) return blob.status();
    base.files.files()[f.path] = std::move(*blob);
    if (!codeowners) base.paths.push_back(f.path);
  }
  return base;
}

OwnerOf OwnersFrom(const BaseTree& base) {
  auto exists = [&](const std::string& path) {
    return std::find(base.all.begin(), base.all.end(), path) != base.all.end();
  };
  std::optional<std::string> path = FindCodeowners(exists);
  if (!path) return [](const std::string&) { return std::string("unowned"); };
  auto owners = std::make_shared<Codeowners>(
      Codeowners::Parse(*path, base.files.ReadFile(*path).value()));
  return [owners](const std::string& file) { return OwnerChangeSetName(owners->OwnersOf(file)); };
}

// Owners as CODEOWNERS writes them, for the review queue.
OwnersOfPath OwnerNamesFrom(const BaseTree& base) {
  auto exists = [&](const std::string& path) {
    return std::find(base.all.begin(), base.all.end(), path) != base.all.end();
  };
  std::optional<std::string> path = FindCodeowners(exists);
  if (!path) return [](const std::string&) { return std::string(); };
  auto owners = std::make_shared<Codeowners>(
      Codeowners::Parse(*path, base.files.ReadFile(*path).value()));
  return [owners](const std::string& file) {
    return fmt::format("{}", fmt::join(owners->OwnersOf(file), " "));
  };
}

std::string CommitMessage(const RunRecord& run, const PlannedChangeSet& set) {
  std::map<std::string, int> per_rule;
  std::map<std::string, std::string> messages;
  for (const Finding& f : set.fixes) {
    ++per_rule[f.rule];
    messages[f.rule] = f.message;
  }
  std::string title =
      set.review ? "review-level fixes (check each one)"
                 : fmt::format("{} {}", run.split == "none" ? "all" : run.split, set.name);
  std::string body = fmt::format("uprev: {}\n\n{} fix{} in {} file{}, made by `uprev run` at {} "
                                 "from the base {}.\n\n",
                                 title, set.fixes.size(), set.fixes.size() == 1 ? "" : "es",
                                 set.files.size(), set.files.size() == 1 ? "" : "s",
                                 run.id, run.base.substr(0, 12));
  for (const auto& [rule, count] : per_rule) {
    body += fmt::format("- {} ({}x): {}\n", rule, count, messages[rule]);
  }
  std::vector<std::string> packs(set.packs.begin(), set.packs.end());
  std::vector<std::string> rules(set.rules.begin(), set.rules.end());
  body += fmt::format("\nUprev-Run: {}\nUprev-Pack: {}\nUprev-Rules: {}\n", run.id,
                      fmt::join(packs, ", "), fmt::join(rules, ", "));
  return body;
}

ChangeSetRecord RecordOf(const PlannedChangeSet& set) {
  ChangeSetRecord c;
  c.name = set.name;
  c.review = set.review;
  for (const auto& [path, text] : set.files) c.files.push_back(path);
  for (const Finding& f : set.fixes) ++c.fixes[f.rule];
  c.packs.assign(set.packs.begin(), set.packs.end());
  return c;
}

// Checks a new run's base: HEAD on a branch with a clean tree, unless a
// revision was given.
Result<RunRecord> StartRecord(const GitRepository& repo, const RuleSet& rules,
                              const RunOptions& options) {
  RunRecord run;
  if (options.base.empty()) {
    Result<bool> detached = repo.HeadDetached();
    if (!detached.ok()) return detached.status();
    if (*detached) {
      return Status::Invalid(fmt::format(
          "{}: error: HEAD is detached; check out a branch, or name the base with --base REV",
          repo.workdir()));
    }
    Result<bool> dirty = repo.IsDirty();
    if (!dirty.ok()) return dirty.status();
    if (*dirty) {
      return Status::Invalid(fmt::format(
          "{}: error: the working tree has uncommitted changes; commit or stash them, or name "
          "the base with --base REV", repo.workdir()));
    }
    Result<std::string> head = repo.HeadRef();
    if (!head.ok()) return head.status();
    run.base_ref = *head;
  } else {
    run.base_ref = options.base;
  }
  Result<std::string> base = repo.ResolveCommit(options.base.empty() ? "HEAD" : options.base);
  if (!base.ok()) return base.status();
  run.base = *base;
  run.time = std::chrono::duration_cast<std::chrono::seconds>(
                 std::chrono::system_clock::now().time_since_epoch()).count();
  run.id = NewRunId(run.time);
  run.split = std::string(SplitModeName(options.split));
  run.verify = options.verify;
  for (const RulePack& pack : rules.packs()) run.packs.emplace_back(pack.name, pack.hash);
  return run;
}

// A resumed run must see the same packs it started with.
Status CheckSamePacks(const RunRecord& run, const RuleSet& rules) {
  std::vector<std::pair<std::string, std::string>> now;
  for (const RulePack& pack : rules.packs()) now.emplace_back(pack.name, pack.hash);
  if (now == run.packs) return Status::Ok();
  return Status::Invalid(fmt::format(
      "uprev run: error: run {} started with other rule packs (or other versions of them); "
      "resume it with the same --rules", run.id));
}

class RunDriver {
 public:
  RunDriver(GitRepository* repo, RunJournal* journal, RunRecord* run, const Plan& plan,
            const RunOptions& options, const CompilationDatabase* db)
      : repo_(repo), journal_(journal), run_(run), plan_(plan), options_(options), db_(db) {}

  // Commits, branches and verifies every change set not done yet.
  Status Publish(bool* verification_failed) {
    for (const PlannedChangeSet& set : plan_.change_sets) {
      ChangeSetRecord* record = run_->Find(set.name);
      if (!record) {
        return Status::Internal(fmt::format("uprev run: error: change set '{}' is not in the run "
                                            "record", set.name));
      }
      if (Status s = Commit(set, record); !s.ok()) return s;
      if (Status s = Branch(record); !s.ok()) return s;
      if (Status s = Verify(set, record); !s.ok()) return s;
      *verification_failed |= record->verification == "failed";
    }
    return Status::Ok();
  }

 private:
  Status Commit(const PlannedChangeSet& set, ChangeSetRecord* record) {
    if (!record->commit.empty()) return Status::Ok();
    Result<std::string> tree = repo_->WriteTree(run_->base, set.files);
    if (!tree.ok()) return tree.status();
    Result<GitSignature> who = repo_->DefaultSignature(run_->time);
    if (!who.ok()) return who.status();
    Result<std::string> commit =
        repo_->CreateCommit(*tree, {run_->base}, CommitMessage(*run_, set), *who, *who);
    if (!commit.ok()) return commit.status();
    CrashPoint("commit");
    record->tree = *tree;
    record->commit = *commit;
    return journal_->Committed(set.name, *tree, *commit);
  }

  Status Branch(ChangeSetRecord* record) {
    if (!record->branch.empty() || !record->dropped.empty()) return Status::Ok();
    std::string branch = fmt::format("uprev/{}/{}", run_->id, record->name);
    if (Status s = repo_->CreateBranch(branch, record->commit); !s.ok()) return s;
    CrashPoint("branch");
    record->branch = branch;
    return journal_->Branched(record->name, branch);
  }

  // `--verify CMD` in the change set's exported tree; and, with a
  // compilation database, the C/C++ units the change set touches must
  // still compile (-fsyntax-only, their own flags).
  Status Verify(const PlannedChangeSet& set, ChangeSetRecord* record) {
    std::vector<std::string> changed;
    for (const auto& [path, text] : set.files) changed.push_back(path);
    bool compile = db_ && std::any_of(changed.begin(), changed.end(), IsCFamilyPath);
    if ((run_->verify.empty() && !compile) || !record->verification.empty()) return Status::Ok();
    std::string dir = fs::temp_directory_path().string() + "/uprev-verify-XXXXXX";
    if (!::mkdtemp(dir.data())) return Status::Io("error: cannot create a folder to verify in");
    std::string tree = dir + "/tree";
    Status exported = repo_->ExportTree(record->commit, tree);
    Result<CommandResult> ran = exported.ok() ? Result<CommandResult>(CommandResult{})
                                              : Result<CommandResult>(exported);
    if (ran.ok() && compile) {
      std::string errors = CompileChangedUnits(*db_, repo_->workdir(), tree, changed);
      if (!errors.empty()) ran = CommandResult{1, false, "C/C++ units that no longer compile:\n" + errors};
    }
    if (ran.ok() && ran->exit == 0 && !run_->verify.empty()) {
      ran = RunCommand(run_->verify, tree, options_.verify_timeout_seconds);
    }
    std::error_code ec;
    fs::remove_all(dir, ec);
    if (!ran.ok()) return ran.status();
    bool passed = ran->exit == 0;
    record->verification = passed ? "passed" : "failed";
    record->verify_exit = ran->exit;
    record->verify_output = ran->output;
    if (Status s = journal_->Verified(record->name, passed, ran->exit, ran->output); !s.ok()) return s;
    CrashPoint("verify");
    if (passed) return Status::Ok();
    // A change set that fails verification keeps no branch; its tip stays in
    // the record.
    if (Status s = repo_->DeleteBranch(record->branch); !s.ok()) return s;
    record->dropped = fmt::format("verification failed (exit {})", ran->exit);
    return journal_->Dropped(record->name, record->dropped);
  }

  GitRepository* repo_;
  RunJournal* journal_;
  RunRecord* run_;
  const Plan& plan_;
  const RunOptions& options_;
  const CompilationDatabase* db_;
};

// The base exported for Clang, which reads files from disk; kept until the
// plan is made, since fixes that waited behind others are found again on
// it.
class ExportedBase {
 public:
  ExportedBase() = default;
  ExportedBase(const ExportedBase&) = delete;
  ExportedBase& operator=(const ExportedBase&) = delete;
  ~ExportedBase() {
    std::error_code ec;
    if (!dir_.empty()) fs::remove_all(dir_, ec);
  }

  // False, with a note, when the base cannot be exported.
  bool Export(const GitRepository& repo, const std::string& commit,
              std::vector<std::string>* notes) {
    std::string dir = fs::temp_directory_path().string() + "/uprev-base-XXXXXX";
    if (!::mkdtemp(dir.data())) {
      notes->push_back("uprev run: note: cannot create a folder for Clang; matcher rules skipped");
      return false;
    }
    dir_ = dir;
    if (Status s = repo.ExportTree(commit, tree()); !s.ok()) {
      notes->push_back(s.message() + "; Clang matcher rules skipped");
      return false;
    }
    return true;
  }
  std::string tree() const { return dir_ + "/tree"; }

 private:
  std::string dir_;
};

}  // namespace

Result<RunResult> ExecuteRun(const RuleSet& rules, const RunOptions& options) {
  Result<std::unique_ptr<GitRepository>> opened = GitRepository::Open(options.repo);
  if (!opened.ok()) return opened.status();
  GitRepository& repo = **opened;
  std::optional<RunLock> lock;
  if (!options.dry_run) {
    Result<RunLock> acquired = RunLock::Acquire(repo.common_dir() + "/uprev/lock");
    if (!acquired.ok()) return acquired.status();
    lock.emplace(std::move(*acquired));
  }
  RunResult result;
  if (options.resume.empty()) {
    Result<RunRecord> started = StartRecord(repo, rules, options);
    if (!started.ok()) return started.status();
    result.record = std::move(*started);
  } else {
    Result<RunRecord> recorded = ReadRunRecord(RunsDir(repo) + "/" + options.resume);
    if (!recorded.ok()) return recorded.status();
    result.record = std::move(*recorded);
    if (Status s = CheckSamePacks(result.record, rules); !s.ok()) return s;
  }
  RunRecord& run = result.record;
  // The record starts before the scan, so that a run killed while scanning
  // can be resumed too.
  std::optional<RunJournal> journal;
  if (!options.dry_run) {
    result.record_dir = RunsDir(repo) + "/" + run.id;
    Result<RunJournal> opened_journal = RunJournal::Open(result.record_dir);
    if (!opened_journal.ok()) return opened_journal.status();
    journal.emplace(std::move(*opened_journal));
    if (options.resume.empty()) {
      if (Status s = journal->Start(run); !s.ok()) return s;
    }
  }
  Result<BaseTree> base = LoadBase(repo, run.base);
  if (!base.ok()) return base.status();
  std::optional<SplitMode> split = ParseSplitMode(run.split);
  std::optional<CompilationDatabase> db =
      FindRunDatabase(repo.workdir(), options.database_dir, &result.notes);
  ExtraFindings clang;
  ExportedBase exported;
  RescanFindings rescan;
  bool cfamily = std::any_of(base->paths.begin(), base->paths.end(), IsCFamilyPath);
  if (db && cfamily && !rules.AstMatcherRules().empty()) {
    if (exported.Export(repo, run.base, &result.notes)) {
      clang = ScanExportedTree(rules, *db, repo.workdir(), exported.tree(), base->files,
                               base->paths, options.batch.jobs, &result.notes);
      rescan = [&](const RuleSet& some, const FileSystem& fs,
                   const std::map<std::string, std::string>& texts) {
        std::vector<std::string> notes;  // said once, on the base
        return ScanExportedTree(some, *db, repo.workdir(), exported.tree(), fs, base->paths,
                                options.batch.jobs, &notes, texts);
      };
    }
  } else if (!db && !rules.AstMatcherRules().empty() && cfamily) {
    result.notes.push_back(fmt::format(
        "{}: note: no compile_commands.json in the work tree or its build/ (give one with -p "
        "DIR): Clang matcher rules skipped; pattern rules still ran", repo.workdir()));
  }
  result.plan = PlanChangeSets(rules, base->files, base->paths, split.value_or(SplitMode::kPack),
                               OwnersFrom(*base), options.batch, &clang,
                               rescan ? &rescan : nullptr);
  if (options.dry_run) return result;
  if (!run.planned) {
    run.findings = result.plan.findings.size();
    run.review_items = result.plan.review_items.size();
    for (const PlannedChangeSet& set : result.plan.change_sets) run.change_sets.push_back(RecordOf(set));
    if (Status s = journal->Planned(run); !s.ok()) return s;
    run.planned = true;
  }
  RunDriver driver(&repo, &*journal, &run, result.plan, options, db ? &*db : nullptr);
  if (Status s = driver.Publish(&result.verification_failed); !s.ok()) return s;
  if (!run.done) {
    if (Status s = journal->Done(); !s.ok()) return s;
    run.done = true;
  }
  result.report = BuildRunReport(run, result.plan, rules, base->files, OwnerNamesFrom(*base),
                                 repo.workdir(), rescan ? &rescan : nullptr);
  RealFileSystem disk;
  if (Status s = disk.WriteFileAtomic(result.record_dir + "/report.json",
                                      RunReportToJson(result.report));
      !s.ok()) {
    return s;
  }
  return result;
}

Result<RunReport> LoadRunReport(const std::string& repo_path, const std::string& run_id) {
  Result<std::unique_ptr<GitRepository>> opened = GitRepository::Open(repo_path);
  if (!opened.ok()) return opened.status();
  std::string dir = RunsDir(**opened) + "/" + run_id;
  std::error_code ec;
  if (run_id.empty() || run_id.find('/') != std::string::npos || !fs::is_directory(dir, ec)) {
    return Status::Invalid(fmt::format("{}: error: no such run (uprev status lists the runs)",
                                       run_id));
  }
  RealFileSystem disk;
  Result<std::string> text = disk.ReadFile(dir + "/report.json");
  if (!text.ok()) {
    return Status::Invalid(fmt::format("{}: error: the run has no report (it did not finish; "
                                       "resume it with uprev run --resume {})", run_id, run_id));
  }
  Result<RunReport> report = RunReportFromJson(dir + "/report.json", *text);
  if (!report.ok()) return report.status();
  Result<RunRecord> record = ReadRunRecord(dir);
  if (!record.ok()) return record.status();
  RefreshChangeSets(*record, &*report);
  return report;
}

Result<std::vector<RunStatus>> ListRuns(const std::string& repo_path, const std::string& run_id) {
  Result<std::unique_ptr<GitRepository>> opened = GitRepository::Open(repo_path);
  if (!opened.ok()) return opened.status();
  GitRepository& repo = **opened;
  std::vector<std::string> ids;
  std::error_code ec;
  if (!run_id.empty()) {
    ids.push_back(run_id);
  } else {
    for (const auto& entry : fs::directory_iterator(RunsDir(repo), ec)) {
      ids.push_back(entry.path().filename().string());
    }
    std::sort(ids.begin(), ids.end());
  }
  Result<std::string> head = repo.ResolveCommit("HEAD");
  std::vector<RunStatus> out;
  for (const std::string& id : ids) {
    Result<RunRecord> record = ReadRunRecord(RunsDir(repo) + "/" + id);
    if (!record.ok()) return record.status();
    RunStatus status{std::move(*record), {}};
    for (const ChangeSetRecord& c : status.record.change_sets) {
      ChangeSetState state;
      if (!c.branch.empty()) {
        Result<std::optional<std::string>> tip = repo.BranchTip(c.branch);
        state.branch_exists = tip.ok() && tip->has_value();
      }
      if (!c.commit.empty() && head.ok()) {
        Result<bool> merged = repo.IsAncestor(c.commit, *head);
        state.merged = merged.ok() && *merged;
      }
      status.states.push_back(state);
    }
    out.push_back(std::move(status));
  }
  return out;
}

Result<RevertResult> RevertRun(const std::string& repo_path, const std::string& target) {
  size_t slash = target.find('/');
  std::string run_id = target.substr(0, slash);
  std::string only = slash == std::string::npos ? "" : target.substr(slash + 1);
  Result<std::unique_ptr<GitRepository>> opened = GitRepository::Open(repo_path);
  if (!opened.ok()) return opened.status();
  GitRepository& repo = **opened;
  Result<RunLock> lock = RunLock::Acquire(repo.common_dir() + "/uprev/lock");
  if (!lock.ok()) return lock.status();
  std::string dir = RunsDir(repo) + "/" + run_id;
  Result<RunRecord> run = ReadRunRecord(dir);
  if (!run.ok()) return run.status();
  if (!only.empty() && !run->Find(only)) {
    return Status::Invalid(fmt::format("uprev revert: error: run {} has no change set '{}'",
                                       run_id, only));
  }
  Result<RunJournal> journal = RunJournal::Open(dir);
  if (!journal.ok()) return journal.status();
  Result<std::string> head = repo.ResolveCommit("HEAD");
  if (!head.ok()) return head.status();
  RevertResult result;
  for (const ChangeSetRecord& c : run->change_sets) {
    if ((!only.empty() && c.name != only) || c.commit.empty() || !c.reverted.empty()) continue;
    Result<bool> merged = repo.IsAncestor(c.commit, *head);
    if (!merged.ok()) return merged.status();
    if (*merged) {
      Result<bool> dirty = repo.IsDirty();
      if (!dirty.ok()) return dirty.status();
      if (*dirty) {
        return Status::Invalid(fmt::format("{}: error: the working tree has uncommitted changes; "
                                           "commit or stash them before a revert", repo.workdir()));
      }
      Result<GitSignature> who = repo.DefaultSignature(std::time(nullptr));
      if (!who.ok()) return who.status();
      std::string message = fmt::format("Revert uprev change set {}/{}\n\nThis reverts commit {}.\n\n"
                                        "Uprev-Run: {}\n", run_id, c.name, c.commit, run_id);
      Result<std::string> revert = repo.RevertOnHead(c.commit, message, *who);
      if (!revert.ok()) return revert.status();
      if (Status s = journal->Reverted(c.name, *revert); !s.ok()) return s;
      result.reverted.push_back(c.name);
      head = *revert;
    }
    if (!c.branch.empty()) {
      Result<std::optional<std::string>> tip = repo.BranchTip(c.branch);
      if (!tip.ok()) return tip.status();
      if (tip->has_value()) {
        if (Status s = repo.DeleteBranch(c.branch); !s.ok()) return s;
        if (Status s = journal->Dropped(c.name, "reverted with uprev revert"); !s.ok()) return s;
        result.deleted.push_back(c.branch);
      }
    }
  }
  return result;
}

}  // namespace uprev
