#include <algorithm>
#include <cstdio>
#include <map>

#include <fmt/format.h>

#include "core/file_system.h"
#include "core/unified_diff.h"
#include "tools/commands.h"
#include "tools/source_selection.h"

namespace uprev {
namespace {

void Note(const Finding& f, std::string_view what) {
  std::fprintf(stderr, "%s:%u:%u: note: %s: %s [%s]\n", f.path.c_str(), f.start.line,
               f.start.col, std::string(what).c_str(), f.review.c_str(), f.rule.c_str());
}

// A file read from disk unless a fix pass changed it.
class FixedTexts : public FileSystem {
 public:
  explicit FixedTexts(const FileSystem& disk) : disk_(disk) {}
  Result<std::string> ReadFile(const std::string& path) const override {
    auto it = texts_.find(path);
    return it == texts_.end() ? disk_.ReadFile(path) : Result<std::string>(it->second);
  }
  Status WriteFileAtomic(const std::string& path, const std::string&) override {
    return Status::Internal(path + ": fix passes write nothing");
  }
  std::map<std::string, std::string>& texts() { return texts_; }

 private:
  const FileSystem& disk_;
  std::map<std::string, std::string> texts_;
};

bool IsClangRule(const RuleSet& rules, const Finding& f) {
  return std::any_of(rules.rules().begin(), rules.rules().end(), [&](const Rule* rule) {
    return rule->id == f.rule && rule->pack == f.pack && rule->ast_matcher;
  });
}

// Clang findings are made once, on the text as read, so a Clang fix that
// waited behind an enclosing fix (a conflict) cannot be re-found by the
// fixer's next pass. While some did, the fixed texts are parsed again and
// fixed once more, up to the fixer's 3 passes in all (SPEC "fix").
void FixClangFixesThatWaited(const Selection& selection, const FileSystem& disk,
                             const FixOptions& options, FixResult* result) {
  for (int pass = 2; pass <= 3; ++pass) {
    std::vector<std::string> waiting;
    FixedTexts texts(disk);
    std::map<std::string, FileFix*> by_path;
    for (FileFix& file : result->files) {
      if (file.outcome.changed()) texts.texts()[file.path] = file.outcome.text;
      by_path[file.path] = &file;
      if (std::any_of(file.outcome.conflicts.begin(), file.outcome.conflicts.end(),
                      [&](const Finding& f) { return IsClangRule(*selection.rules, f); })) {
        waiting.push_back(file.path);
      }
    }
    if (waiting.empty()) return;
    ClangScanOptions clang_options = selection.clang;
    clang_options.overlay = texts.texts();
    ClangScan clang = ScanTranslationUnits(*selection.rules, texts, selection.files, clang_options);
    FixResult next = FixFiles(*selection.rules, texts, waiting, options, selection.batch,
                              &clang.by_path);
    for (FileFix& file : next.files) {
      FileFix* first = by_path[file.path];
      if (!first) continue;
      FixOutcome& outcome = first->outcome;
      outcome.text = file.outcome.text;
      outcome.applied.insert(outcome.applied.end(), file.outcome.applied.begin(),
                             file.outcome.applied.end());
      outcome.conflicts = file.outcome.conflicts;
      outcome.demoted.insert(outcome.demoted.end(), file.outcome.demoted.begin(),
                             file.outcome.demoted.end());
      outcome.passes += file.outcome.passes;
    }
  }
}

}  // namespace

int RunFix(const Args& args) {
  ArgParser parser("fix");
  SelectionFlags selection_flags;
  DeclareSelectionFlags(&parser, &selection_flags);
  bool dry_run = false;
  FixOptions fix_options;
  parser.Flag("--dry-run", &dry_run);
  parser.Flag("--include-review", &fix_options.include_review);
  std::vector<std::string> paths;
  if (Status s = parser.Parse(args, &paths); !s.ok()) return Fail(s);
  Result<Selection> selection = Select("fix", selection_flags, paths);
  if (!selection.ok()) return Fail(selection.status());
  RealFileSystem disk;
  ClangScan clang = ScanWithClang(*selection, disk);
  FixResult result = FixFiles(*selection->rules, disk, selection->files, fix_options,
                              selection->batch, &clang.by_path);
  FixClangFixesThatWaited(*selection, disk, fix_options, &result);
  size_t fixes = 0, files = 0;
  int exit_code = 0;
  for (const FileFix& file : result.files) {
    for (const Finding& f : file.outcome.conflicts) Note(f, "not fixed, conflict");
    for (const Finding& f : file.outcome.demoted) Note(f, "not fixed, moved to review");
    if (!file.outcome.changed()) continue;
    fixes += file.outcome.applied.size();
    ++files;
    if (dry_run) {
      std::string diff = UnifiedDiff(file.path, file.before, file.outcome.text);
      std::fwrite(diff.data(), 1, diff.size(), stdout);
      continue;
    }
    // Write only if the file is still what was read: never lose a user's edit.
    Result<std::string> now = disk.ReadFile(file.path);
    if (!now.ok() || *now != file.before) {
      std::fprintf(stderr, "%s: error: changed while uprev was fixing it; not written\n",
                   file.path.c_str());
      exit_code = 3;
      continue;
    }
    if (Status s = disk.WriteFileAtomic(file.path, file.outcome.text); !s.ok()) {
      std::fprintf(stderr, "%s\n", s.message().c_str());
      exit_code = 3;
    }
  }
  for (const SkippedFile& s : result.stats.skipped) {
    std::fprintf(stderr, "%s: note: skipped: %s\n", s.path.c_str(), s.reason.c_str());
  }
  std::fprintf(stderr, "uprev fix: %s%zu fix%s in %zu file%s (%zu file%s scanned)\n",
               dry_run ? "would apply " : "applied ", fixes, fixes == 1 ? "" : "es", files,
               files == 1 ? "" : "s", result.stats.files, result.stats.files == 1 ? "" : "s");
  return exit_code;
}

}  // namespace uprev
