#include "tools/source_selection.h"

#include <unistd.h>

#include <cstdio>

#include <fmt/format.h>

#include "core/file_finder.h"
#include "grammars/language.h"
#include "tools/pack_loader.h"

namespace uprev {

void DeclareSelectionFlags(ArgParser* parser, SelectionFlags* flags) {
  parser->Repeated("--rules", &flags->rules);
  parser->Repeated("--lang", &flags->languages);
  parser->Option("--jobs", &flags->jobs);
}

Result<Selection> Select(const std::string& command, const SelectionFlags& flags,
                         std::vector<std::string> paths) {
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
  Result<FoundFiles> found = FindFiles(paths);
  if (!found.ok()) return found.status();
  for (const std::string& error : found->errors) std::fprintf(stderr, "%s\n", error.c_str());
  selection.files = std::move(found->files);
  selection.batch.progress = ::isatty(STDERR_FILENO) == 1;
  return selection;
}

}  // namespace uprev
