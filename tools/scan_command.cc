#include <cstdio>
#include <cstdlib>

#include <fmt/format.h>

#include <sys/stat.h>

#include <algorithm>
#include <filesystem>

#include "changesets/git_repository.h"
#include "core/file_system.h"
#include "engine/finding_cache.h"
#include "grammars/language.h"
#include "reports/finding_sink.h"
#include "tools/commands.h"
#include "tools/source_selection.h"

namespace uprev {
namespace {

bool Under(const std::string& path, const std::string& dir) {
  return dir.empty() || dir == "." || path == dir ||
         (path.size() > dir.size() && path.compare(0, dir.size(), dir) == 0 &&
          path[dir.size()] == '/');
}

// `scan --staged`: the files the index changes against HEAD, read from the
// index's blobs (not the working tree), under PATH... when given. Paths are
// relative to the current folder, which must be inside the work tree.
// Clang matcher rules see the staged texts too.
Result<ScanResult> ScanStaged(const Selection& selection, const std::vector<std::string>& paths) {
  Result<std::unique_ptr<GitRepository>> repo = GitRepository::Open(".");
  if (!repo.ok()) return repo.status();
  Result<std::vector<TreeFile>> staged = (*repo)->StagedFiles();
  if (!staged.ok()) return staged.status();
  std::error_code ec;
  std::string here = std::filesystem::relative(std::filesystem::current_path(ec),
                                               (*repo)->workdir(), ec).string();
  if (here == ".") here.clear();
  MemoryFileSystem index;
  std::vector<std::string> files;
  for (const TreeFile& f : *staged) {
    if (!Under(f.path, here)) continue;
    std::string path = here.empty() ? f.path : f.path.substr(here.size() + 1);
    bool selected = paths.empty() || std::any_of(paths.begin(), paths.end(), [&](const std::string& p) {
      return Under(path, std::filesystem::path(p).lexically_normal().string());
    });
    if (!selected) continue;
    Result<std::string> blob = (*repo)->ReadBlob(f.blob);
    if (!blob.ok()) return blob.status();
    index.files()[path] = std::move(*blob);
    files.push_back(path);
  }
  // Clang reads the staged texts of the staged files; what is not staged
  // (the other headers a unit includes) it reads from the working tree.
  ClangScan clang = ScanWithClang(selection, index, &files, &index.files());
  ScanResult result = ScanFiles(*selection.rules, index, files, selection.batch, &clang.by_path);
  result.stats.units = clang.units;
  result.stats.units_parsed = clang.parsed;
  return result;
}

// The result cache of the repository holding the current folder, or
// nullopt outside a repository. The binary's size and time tell builds apart.
std::optional<FindingCache> OpenCache(const RuleSet& rules) {
  Result<std::unique_ptr<GitRepository>> repo = GitRepository::Open(".");
  if (!repo.ok()) return std::nullopt;
  struct stat self {};
  std::string binary = "uprev " UPREV_VERSION;
  if (::stat("/proc/self/exe", &self) == 0) {
    binary += fmt::format(" {} {}", self.st_size, self.st_mtime);
  }
  return FindingCache((*repo)->common_dir() + "/uprev/cache", rules, binary);
}

}  // namespace

int RunScan(const Args& args) {
  ArgParser parser("scan");
  SelectionFlags selection_flags;
  DeclareSelectionFlags(&parser, &selection_flags);
  std::string format = "text", fail_on = "warning", baseline;
  bool staged = false, no_cache = false;
  parser.Flag("--no-cache", &no_cache);
  parser.Option("--format", &format);
  parser.Option("--fail-on", &fail_on);
  parser.Option("--baseline", &baseline);
  parser.Flag("--staged", &staged);
  std::vector<std::string> paths;
  if (Status s = parser.Parse(args, &paths); !s.ok()) return Fail(s);
  std::unique_ptr<FindingSink> sink = MakeSink(format);
  if (!sink) {
    return Fail(Status::Invalid(fmt::format(
        "uprev scan: error: unknown --format '{}'; expected text, json, sarif, github or md",
        format)));
  }
  std::optional<Severity> threshold = ParseSeverity(fail_on);
  if (!threshold) {
    return Fail(Status::Invalid(fmt::format(
        "uprev scan: error: --fail-on takes info, warning or error, not '{}'", fail_on)));
  }
  std::optional<std::vector<Finding>> old;
  if (!baseline.empty()) {
    Result<std::string> text = RealFileSystem().ReadFile(baseline);
    if (!text.ok()) return Fail(Status::Invalid(text.status().message()));
    Result<std::vector<Finding>> parsed = ParseFindingsJson(baseline, *text);
    if (!parsed.ok()) return Fail(parsed.status());
    old = std::move(*parsed);
  }
  Result<Selection> selection = Select("scan", selection_flags, paths, !staged);
  if (!selection.ok()) return Fail(selection.status());
  ScanResult result;
  if (staged) {
    Result<ScanResult> scanned = ScanStaged(*selection, paths);
    if (!scanned.ok()) return Fail(scanned.status());
    result = std::move(*scanned);
  } else {
    RealFileSystem disk;
    std::optional<FindingCache> cache;
    if (!no_cache) cache = OpenCache(*selection->rules);
    if (cache) selection->batch.cache = &*cache;
    ClangScan clang = ScanWithClang(*selection, disk);
    result = ScanFiles(*selection->rules, disk, selection->files, selection->batch, &clang.by_path);
    result.stats.units = clang.units;
    result.stats.units_parsed = clang.parsed;
  }
  // With a baseline only new findings are reported and count.
  if (old) result.findings = FindingsNotIn(result.findings, *old);
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
