// C and C++ in upgrade runs. Clang reads files from disk, and a run works on
// git objects: the base (and each change set, for verification) is exported
// to a temporary folder, and the repository's compilation database is moved
// onto that folder.
#ifndef UPREV_RUNS_CLANG_IN_RUNS_H_
#define UPREV_RUNS_CLANG_IN_RUNS_H_

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/file_system.h"
#include "detectors/rule_set.h"
#include "engine/batch.h"
#include "grammars/clang/compilation_database.h"

namespace uprev {

// The run's compilation database: `dir` (-p) when given, else
// compile_commands.json in the work tree's root or build/. nullopt (with a
// note when C/C++ matcher rules are selected) when there is none.
std::optional<CompilationDatabase> FindRunDatabase(const std::string& workdir,
                                                   const std::string& dir,
                                                   std::vector<std::string>* notes);

// Whether `path` is C or C++.
bool IsCFamilyPath(const std::string& path);

// The matcher rules' findings on a tree exported at `tree` (`fs` holds the
// same files by relative path, with `overlay` replacing some of them).
ExtraFindings ScanExportedTree(const RuleSet& rules, const CompilationDatabase& db,
                               const std::string& workdir, const std::string& tree,
                               const FileSystem& fs, const std::vector<std::string>& paths,
                               int jobs, std::vector<std::string>* notes,
                               const std::map<std::string, std::string>& overlay = {});

// Compiles, with -fsyntax-only and their own flags, the units of the tree
// exported at `tree` that `changed` touches (the unit itself, or any unit
// when a header changed). The errors, or "" when all compile.
std::string CompileChangedUnits(const CompilationDatabase& db, const std::string& workdir,
                                const std::string& tree, const std::vector<std::string>& changed);

}  // namespace uprev

#endif  // UPREV_RUNS_CLANG_IN_RUNS_H_
