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
  // A Clang fix that waited behind another is found again on the fixed text.
  RescanFindings rescan = [&](const RuleSet& rules, const FileSystem& fs,
                              const std::map<std::string, std::string>& texts) {
    ClangScanOptions options = selection->clang;
    options.overlay = texts;
    return ScanTranslationUnits(rules, fs, selection->files, options).by_path;
  };
  FixResult result = FixFilesWithRescan(*selection->rules, disk, selection->files, fix_options,
                                        selection->batch, &clang.by_path, rescan);
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
