// What `scan` and `fix` share: the rules (`--rules`), the files (PATH...,
// `--lang`) and the parallelism (`--jobs`) of one command.
#ifndef UPREV_TOOLS_SOURCE_SELECTION_H_
#define UPREV_TOOLS_SOURCE_SELECTION_H_

#include <memory>
#include <map>
#include <string>
#include <vector>

#include "core/status.h"
#include "detectors/rule_set.h"
#include "engine/batch.h"
#include "engine/clang_scan.h"
#include "tools/arg_parser.h"

namespace uprev {

struct SelectionFlags {
  std::vector<std::string> rules;
  std::vector<std::string> languages;
  std::string jobs;
  std::string database_dir;  // -p DIR: where compile_commands.json is
};

void DeclareSelectionFlags(ArgParser* parser, SelectionFlags* flags);

struct Selection {
  std::unique_ptr<RuleSet> rules;
  std::vector<std::string> files;
  BatchOptions batch;
  ClangScanOptions clang;
};

// Loads the packs, then finds the files; folder read errors are printed to
// stderr and the walk goes on.
// With `walk` false the files are left empty (the caller has its own, such
// as the staged ones).
Result<Selection> Select(const std::string& command, const SelectionFlags& flags,
                         std::vector<std::string> paths, bool walk = true);

// Runs the selection's Clang matcher rules over its translation units and
// prints the scan's notes and the units it could not run on to stderr.
// `files` and `overlay` (texts Clang reads instead of the disk's) replace
// the selection's files and no overlay.
ClangScan ScanWithClang(const Selection& selection, const FileSystem& fs,
                        const std::vector<std::string>* files = nullptr,
                        const std::map<std::string, std::string>* overlay = nullptr);

}  // namespace uprev

#endif  // UPREV_TOOLS_SOURCE_SELECTION_H_
