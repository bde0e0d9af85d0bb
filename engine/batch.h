// Batches: the files of one command, read once each and processed on
// `jobs` threads, with results in input order so that output is
// deterministic whatever the scheduling.
#ifndef UPREV_ENGINE_BATCH_H_
#define UPREV_ENGINE_BATCH_H_

#include <functional>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/file_system.h"
#include "core/finding.h"
#include "core/source_file.h"
#include "detectors/rule_set.h"
#include "engine/fixer.h"

namespace uprev {

class FindingCache;

struct BatchOptions {
  int jobs = 0;                        // 0: every core
  std::vector<std::string> languages;  // empty: all
  bool progress = false;               // a progress line on stderr
  // Scans reuse the findings of files whose content did not change.
  const FindingCache* cache = nullptr;
};

// A file loaded for analysis, or why it was not.
struct LoadedFile {
  std::optional<SourceFile> source;     // set when the file is to be analysed
  std::optional<SkippedFile> skipped;   // set when it was skipped, with why
};

// Reads `path` and decides whether it is analysed: files of no known (or no
// selected) language are neither analysed nor reported; binary, non-UTF-8 and
// unreadable files are skipped with a reason.
LoadedFile LoadFile(const FileSystem& fs, const std::string& path,
                    const std::vector<std::string>& languages);

struct ScanResult {
  std::vector<Finding> findings;  // sorted
  ScanStats stats;
};

// Findings made elsewhere (Clang matcher rules), by path as in `paths`.
using ExtraFindings = std::map<std::string, std::vector<Finding>>;

ScanResult ScanFiles(const RuleSet& rules, const FileSystem& fs,
                     const std::vector<std::string>& paths, const BatchOptions& options,
                     const ExtraFindings* extra = nullptr);

struct FileFix {
  std::string path;
  std::string before;
  FixOutcome outcome;
};

struct FixResult {
  std::vector<FileFix> files;  // only files the fixer changed or had to report on
  ScanStats stats;
};

FixResult FixFiles(const RuleSet& rules, const FileSystem& fs,
                   const std::vector<std::string>& paths, const FixOptions& fix_options,
                   const BatchOptions& options, const ExtraFindings* extra = nullptr);

// Makes the extra findings of `rules` again (Clang parses again), on `fs`
// with `texts` (path -> text) replacing some of its files.
using RescanFindings = std::function<ExtraFindings(
    const RuleSet& rules, const FileSystem& fs, const std::map<std::string, std::string>& texts)>;

// FixFiles, then, while a fix from `extra` waited behind an enclosing fix
// (a conflict: extra findings cannot be re-found on changed text), makes
// them again with `rescan` on the fixed texts and fixes those files once
// more, up to 3 passes in all. Each file's outcome covers every pass.
FixResult FixFilesWithRescan(const RuleSet& rules, const FileSystem& fs,
                             const std::vector<std::string>& paths, const FixOptions& fix_options,
                             const BatchOptions& options, const ExtraFindings* extra,
                             const RescanFindings& rescan);

// Runs `work(i)` for i in [0, n) on `jobs` threads (0: every core).
void ParallelFor(size_t n, int jobs, const std::function<void(size_t)>& work,
                 bool progress = false);

}  // namespace uprev

#endif  // UPREV_ENGINE_BATCH_H_
