#include "runs/clang_in_runs.h"

#include <algorithm>
#include <filesystem>

#include <fmt/format.h>

#include "engine/clang_scan.h"
#include "grammars/language.h"

namespace uprev {

namespace fs = std::filesystem;

bool IsCFamilyPath(const std::string& path) {
  const Language* language = LanguageForPath(path);
  return language && (language->name == "c" || language->name == "cpp");
}

std::optional<CompilationDatabase> FindRunDatabase(const std::string& workdir,
                                                   const std::string& dir,
                                                   std::vector<std::string>* notes) {
  std::optional<std::string> found =
      dir.empty() ? CompilationDatabase::Find(workdir) : std::optional<std::string>(dir);
  if (!found) return std::nullopt;
  Result<CompilationDatabase> db = CompilationDatabase::Load(*found);
  if (!db.ok()) {
    notes->push_back(db.status().message() + "; Clang matcher rules skipped");
    return std::nullopt;
  }
  return std::move(*db);
}

ExtraFindings ScanExportedTree(const RuleSet& rules, const CompilationDatabase& db,
                               const std::string& workdir, const std::string& tree,
                               const FileSystem& fs, const std::vector<std::string>& paths,
                               int jobs, std::vector<std::string>* notes,
                               const std::map<std::string, std::string>& overlay) {
  CompilationDatabase moved = db.Rebased(workdir, tree);
  ClangScanOptions options;
  options.overlay = overlay;
  options.database = &moved;
  options.tree_root = tree;
  options.jobs = jobs;
  ClangScan scan = ScanTranslationUnits(rules, fs, paths, options);
  for (const std::string& n : scan.notes) notes->push_back(n);
  for (const SkippedFile& s : scan.skipped) notes->push_back(s.path + ": note: " + s.reason);
  return std::move(scan.by_path);
}

std::string CompileChangedUnits(const CompilationDatabase& db, const std::string& workdir,
                                const std::string& tree, const std::vector<std::string>& changed) {
  std::vector<std::string> cfamily;
  for (const std::string& p : changed) {
    if (IsCFamilyPath(p)) cfamily.push_back(p);
  }
  if (cfamily.empty()) return "";
  CompilationDatabase moved = db.Rebased(workdir, tree);
  // A changed header can reach any unit; a changed source file is its unit.
  bool header = std::any_of(cfamily.begin(), cfamily.end(), [&](const std::string& p) {
    return moved.For(tree + "/" + p) == nullptr;
  });
  std::string errors;
  for (const CompileCommand& command : moved.commands()) {
    std::string relative = fs::path(command.file).lexically_relative(tree).string();
    bool touched = std::find(cfamily.begin(), cfamily.end(), relative) != cfamily.end();
    if (!header && !touched) continue;
    if (!fs::exists(command.file)) continue;  // not in this revision
    Status compiled = CheckSyntax(command);
    if (!compiled.ok()) errors += compiled.message();
  }
  return errors;
}

}  // namespace uprev
