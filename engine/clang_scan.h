// The Clang side of a scan: `matcher:` rules run on every C and C++
// translation unit of the compilation database whose text can match, on
// `jobs` threads, and their matches become findings in the files where the
// matched code is written (headers included), each edit once however many
// units reach it. Edits never go into system headers or files outside the
// selection; an edit inside a macro expansion becomes a review item.
#ifndef UPREV_ENGINE_CLANG_SCAN_H_
#define UPREV_ENGINE_CLANG_SCAN_H_

#include <map>
#include <string>
#include <vector>

#include "core/file_system.h"
#include "core/finding.h"
#include "core/source_file.h"
#include "detectors/rule_set.h"

namespace uprev {

class CompilationDatabase;

struct ClangScanOptions {
  std::string database_dir;  // `-p DIR`; empty: `root`, then `root/build`
  std::string root = ".";
  int jobs = 0;              // 0: every core
  // A database already loaded (upgrade runs: moved onto an exported base);
  // when set, `database_dir` and `root` are not used.
  const CompilationDatabase* database = nullptr;
  // The folder the paths are relative to on disk, where Clang reads them;
  // empty: the working directory.
  std::string tree_root;
  // Texts that replace files on disk, by path as in the selection: `fix`
  // parses its own output again to apply fixes that waited behind others.
  // `fs` must read the same texts.
  std::map<std::string, std::string> overlay;
};

struct ClangScan {
  // Findings by path, spelled as in the selection; sorted.
  std::map<std::string, std::vector<Finding>> by_path;
  // Units whose matcher rules did not run, and why (no compile command,
  // does not compile). Their files are still scanned by pattern rules.
  std::vector<SkippedFile> skipped;
  // Remarks about the whole scan (no compilation database).
  std::vector<std::string> notes;
  size_t units = 0;   // C and C++ sources in the selection with a compile command
  size_t parsed = 0;  // of those, parsed (the rest contain no rule's trigger)
};

ClangScan ScanTranslationUnits(const RuleSet& rules, const FileSystem& fs,
                               const std::vector<std::string>& paths,
                               const ClangScanOptions& options);

// Rule tests: the findings of the `matcher:` rules of `rules` in `file`
// alone, compiled in memory as C++14 (C11 for C). A project header it
// includes (`#include "x.h"`) is empty. Compile errors are an Invalid status.
Result<std::vector<Finding>> ScanSourceWithClang(const RuleSet& rules, const SourceFile& file);

}  // namespace uprev

#endif  // UPREV_ENGINE_CLANG_SCAN_H_
