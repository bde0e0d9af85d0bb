// Compilation databases (`compile_commands.json`) and the Clang frontend
// runs uprev makes on their commands: every C and C++ translation unit is
// parsed with its own flags. No Clang type crosses this header.
#ifndef UPREV_GRAMMARS_CLANG_COMPILATION_DATABASE_H_
#define UPREV_GRAMMARS_CLANG_COMPILATION_DATABASE_H_

#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "core/status.h"

namespace uprev {

// One entry of a compilation database.
struct CompileCommand {
  std::string directory;               // absolute
  std::string file;                    // absolute
  std::vector<std::string> arguments;  // the compiler first, as in the database
};

// File contents that replace what is on disk for one frontend run
// (absolute path -> text): rule tests, and fixed files before they are written.
using FileOverlay = std::map<std::string, std::string>;

class CompilationDatabase {
 public:
  // Reads `dir/compile_commands.json`; an error names the file and why.
  static Result<CompilationDatabase> Load(const std::string& dir);
  // The folder holding compile_commands.json: `root` itself, else
  // `root/build`; nullopt when neither has one.
  static std::optional<std::string> Find(const std::string& root);

  // The command for `path` (any spelling; compared as real paths), or
  // nullptr when the database has none.
  const CompileCommand* For(const std::string& path) const;
  // The same commands for a copy of the tree at `from` placed at `to` (an
  // exported revision): `from` in directories, files and arguments becomes
  // `to`. Directories the copy lacks (a build folder) are created.
  CompilationDatabase Rebased(const std::string& from, const std::string& to) const;
  const std::vector<CompileCommand>& commands() const { return commands_; }
  const std::string& path() const { return path_; }

 private:
  std::string path_;
  std::vector<CompileCommand> commands_;
  std::map<std::string, size_t> by_real_path_;
};

// The real (absolute, symlink-free) path of `path`, or `path` made absolute
// when it does not exist.
std::string RealPath(const std::string& path);

// The arguments of a frontend run on `command`: its own flags, then
// `-fsyntax-only`, no output or dependency files, warnings off and Clang's
// builtin headers (`-resource-dir`, found when uprev was configured).
std::vector<std::string> FrontendArguments(const CompileCommand& command);

// Compiles `command` with -fsyntax-only. Ok when it compiles; otherwise
// Invalid with the compiler's errors ("file:line:col: error: ...").
Status CheckSyntax(const CompileCommand& command, const FileOverlay& overlay = {});

}  // namespace uprev

#endif  // UPREV_GRAMMARS_CLANG_COMPILATION_DATABASE_H_
