#include "tools/source_selection.h"

#include <unistd.h>

#include <cstdio>
#include <filesystem>

#include <fmt/format.h>

#include "core/file_finder.h"
#include "grammars/clang/compilation_database.h"
#include "grammars/language.h"
#include "tools/pack_loader.h"

namespace uprev {

void DeclareSelectionFlags(ArgParser* parser, SelectionFlags* flags) {
  parser->Repeated("--rules", &flags->rules);
  parser->Repeated("--lang", &flags->languages);
  parser->Option("--jobs", &flags->jobs);
  parser->Option("-p", &flags->database_dir);
}

namespace {

// Where a C/C++ scan of `path` looks for compile_commands.json: the folder
// itself (or the file's folder) and its parents, each also in build/, as
// clang-tidy looks; "." when none has one.
std::string DatabaseRoot(const std::string& path) {
  namespace fs = std::filesystem;
  std::error_code ec;
  fs::path dir = fs::absolute(path, ec);
  if (!fs::is_directory(dir, ec)) dir = dir.parent_path();
  for (fs::path d = dir; !d.empty(); d = d.parent_path()) {
    if (CompilationDatabase::Find(d.string())) {
      return d == dir && fs::is_directory(path, ec) ? path : d.string();
    }
    if (d == d.parent_path()) break;
  }
  return fs::is_directory(path, ec) ? path : dir.string();
}

}  // namespace

Result<Selection> Select(const std::string& command, const SelectionFlags& flags,
                         std::vector<std::string> paths, bool walk) {
  Selection selection;
  for (const std::string& name : flags.languages) {
    const Language* lang = FindLanguage(name);
    if (!lang) {
      return Status::Invalid(fmt::format("uprev {}: error: unknown language '{}'; known: {}",
                                         command, name, LanguageNames()));
    }
    selection.batch.languages.emplace_back(lang->name);
  }
  if (!flags.jobs.empty()) {
    char* end = nullptr;
    long jobs = std::strtol(flags.jobs.c_str(), &end, 10);
    if (*end != '\0' || jobs < 1 || jobs > 1024) {
      return Status::Invalid(fmt::format("uprev {}: error: --jobs takes a whole number from 1 "
                                         "to 1024, not '{}'", command, flags.jobs));
    }
    selection.batch.jobs = static_cast<int>(jobs);
  }
  Result<std::vector<RulePack>> packs = LoadPacks(flags.rules);
  if (!packs.ok()) return packs.status();
  selection.rules = std::make_unique<RuleSet>(std::move(*packs));
  if (paths.empty()) paths.push_back(".");
  selection.clang.database_dir = flags.database_dir;
  selection.clang.root = DatabaseRoot(paths[0]);
  selection.clang.jobs = selection.batch.jobs;
  if (!flags.database_dir.empty() &&
      !std::filesystem::is_regular_file(std::filesystem::path(flags.database_dir) /
                                        "compile_commands.json")) {
    return Status::Invalid(fmt::format("uprev {}: error: -p {}: there is no "
                                       "compile_commands.json in that folder", command,
                                       flags.database_dir));
  }
  selection.batch.progress = ::isatty(STDERR_FILENO) == 1;
  if (!walk) return selection;
  Result<FoundFiles> found = FindFiles(paths);
  if (!found.ok()) return found.status();
  for (const std::string& error : found->errors) std::fprintf(stderr, "%s\n", error.c_str());
  selection.files = std::move(found->files);
  selection.batch.progress = ::isatty(STDERR_FILENO) == 1;
  return selection;
}

ClangScan ScanWithClang(const Selection& selection, const FileSystem& fs,
                        const std::vector<std::string>* files,
                        const std::map<std::string, std::string>* overlay) {
  ClangScanOptions options = selection.clang;
  if (overlay) options.overlay = *overlay;
  ClangScan scan =
      ScanTranslationUnits(*selection.rules, fs, files ? *files : selection.files, options);
  for (const std::string& note : scan.notes) std::fprintf(stderr, "%s\n", note.c_str());
  for (const SkippedFile& s : scan.skipped) {
    std::fprintf(stderr, "%s: note: %s\n", s.path.c_str(), s.reason.c_str());
  }
  return scan;
}

}  // namespace uprev
