#include "grammars/clang/compilation_database.h"

#include <unistd.h>

#include <algorithm>
#include <filesystem>

#include "clang/Basic/Diagnostic.h"
#include "clang/Basic/SourceManager.h"
#include "clang/Frontend/FrontendActions.h"
#include "clang/Tooling/ArgumentsAdjusters.h"
#include "clang/Tooling/JSONCompilationDatabase.h"
#include "grammars/clang/clang_tool.h"
#include "llvm/Support/VirtualFileSystem.h"

namespace uprev {
namespace {

namespace fs = std::filesystem;

std::string Absolute(const std::string& directory, const std::string& path) {
  fs::path p(path);
  if (p.is_relative()) p = fs::path(directory) / p;
  return p.lexically_normal().string();
}

// Collects error diagnostics as text; warnings are not wanted (`-w`).
// Paths are shown relative to the command's directory, as a compiler run
// there would show them.
class ErrorCollector : public clang::DiagnosticConsumer {
 public:
  explicit ErrorCollector(std::string directory) : prefix_(std::move(directory) + "/") {}

  void HandleDiagnostic(clang::DiagnosticsEngine::Level level,
                        const clang::Diagnostic &info) override {
    DiagnosticConsumer::HandleDiagnostic(level, info);
    if (level < clang::DiagnosticsEngine::Error) return;
    llvm::SmallString<256> message;
    info.FormatDiagnostic(message);
    if (info.hasSourceManager() && info.getLocation().isValid()) {
      clang::PresumedLoc at = info.getSourceManager().getPresumedLoc(info.getLocation());
      if (at.isValid()) {
        std::string file = at.getFilename();
        if (file.rfind(prefix_, 0) == 0) file.erase(0, prefix_.size());
        text_ += file + ":" + std::to_string(at.getLine()) + ":" +
                 std::to_string(at.getColumn()) + ": ";
      }
    }
    text_ += (level == clang::DiagnosticsEngine::Fatal ? "fatal error: " : "error: ") +
             std::string(message.str()) + "\n";
  }
  const std::string &text() const { return text_; }

 private:
  std::string prefix_;
  std::string text_;
};

// A database of exactly one command, so that ClangTool runs that command.
class OneCommand : public clang::tooling::CompilationDatabase {
 public:
  explicit OneCommand(clang::tooling::CompileCommand command) : command_(std::move(command)) {}
  std::vector<clang::tooling::CompileCommand>
  getCompileCommands(llvm::StringRef) const override {
    return {command_};
  }
  std::vector<std::string> getAllFiles() const override { return {command_.Filename}; }

 private:
  clang::tooling::CompileCommand command_;
};

}  // namespace

std::string RealPath(const std::string& path) {
  std::error_code ec;
  fs::path real = fs::canonical(path, ec);
  if (ec) return fs::absolute(path, ec).lexically_normal().string();
  return real.string();
}

Result<CompilationDatabase> CompilationDatabase::Load(const std::string& dir) {
  std::string file = (fs::path(dir) / "compile_commands.json").string();
  std::string error;
  std::unique_ptr<clang::tooling::JSONCompilationDatabase> json =
      clang::tooling::JSONCompilationDatabase::loadFromFile(
          file, error, clang::tooling::JSONCommandLineSyntax::AutoDetect);
  if (!json) {
    // Clang's message repeats the path; keep only why.
    std::string why = error;
    if (size_t at = why.find(file); at != std::string::npos) why.erase(at, file.size());
    while (!why.empty() && (why.front() == ' ' || why.front() == ':')) why.erase(why.begin());
    return Status::Invalid(file + ":1:1: error: cannot read the compilation database: " +
                           (why.empty() ? error : why));
  }
  CompilationDatabase db;
  db.path_ = file;
  for (const clang::tooling::CompileCommand &c : json->getAllCompileCommands()) {
    CompileCommand command;
    // A relative directory is taken from the database's own folder.
    command.directory = Absolute(RealPath(dir), c.Directory);
    command.file = Absolute(command.directory, c.Filename);
    command.arguments = c.CommandLine;
    std::string real = RealPath(command.file);
    // The first command for a file wins, as with clang-tidy.
    if (db.by_real_path_.emplace(real, db.commands_.size()).second) {
      db.commands_.push_back(std::move(command));
    }
  }
  return db;
}

std::optional<std::string> CompilationDatabase::Find(const std::string& root) {
  for (const fs::path& dir : {fs::path(root), fs::path(root) / "build"}) {
    std::error_code ec;
    if (fs::is_regular_file(dir / "compile_commands.json", ec)) return dir.string();
  }
  return std::nullopt;
}

const CompileCommand* CompilationDatabase::For(const std::string& path) const {
  auto it = by_real_path_.find(RealPath(path));
  return it == by_real_path_.end() ? nullptr : &commands_[it->second];
}

CompilationDatabase CompilationDatabase::Rebased(const std::string& from,
                                                 const std::string& to) const {
  // Both spellings of the source folder: as given and with symlinks resolved.
  std::vector<std::string> prefixes = {fs::path(from).lexically_normal().string(), RealPath(from)};
  // Replaces `prefix` where it is a whole path prefix (/repo2 is not inside /repo).
  auto replace = [&](const std::string& text, const std::string& prefix) {
    std::string out;
    size_t pos = 0;
    for (size_t at; (at = text.find(prefix, pos)) != std::string::npos; pos = at + prefix.size()) {
      size_t end = at + prefix.size();
      out.append(text, pos, at - pos);
      out += end == text.size() || text[end] == '/' ? to : prefix;
    }
    return out + text.substr(pos);
  };
  auto move = [&](std::string text) {
    for (const std::string& prefix : prefixes) text = replace(text, prefix);
    return text;
  };
  CompilationDatabase out;
  out.path_ = path_;
  for (const CompileCommand& c : commands_) {
    CompileCommand moved{move(c.directory), move(c.file), {}};
    for (const std::string& arg : c.arguments) moved.arguments.push_back(move(arg));
    std::error_code ec;
    fs::create_directories(moved.directory, ec);
    out.by_real_path_.emplace(RealPath(moved.file), out.commands_.size());
    out.commands_.push_back(std::move(moved));
  }
  return out;
}

std::vector<std::string> FrontendArguments(const CompileCommand& command) {
  namespace tooling = clang::tooling;
  tooling::CommandLineArguments args = command.arguments;
  for (const tooling::ArgumentsAdjuster &adjust :
       {tooling::getClangStripOutputAdjuster(), tooling::getClangSyntaxOnlyAdjuster(),
        tooling::getClangStripDependencyFileAdjuster()}) {
    args = adjust(args, command.file);
  }
  bool has_resource_dir = std::any_of(args.begin(), args.end(), [](const std::string &a) {
    return a.rfind("-resource-dir", 0) == 0;
  });
  if (!has_resource_dir) args.push_back("-resource-dir=" UPREV_CLANG_RESOURCE_DIR);
  args.push_back("-w");
  args.push_back("-fno-caret-diagnostics");  // also stops "N errors generated."
  return args;
}

FrontendRun RunFrontendAction(const CompileCommand& command, const FileOverlay& overlay,
                              clang::tooling::ToolAction* action) {
  // ClangTool aborts the process when it cannot enter the directory.
  std::error_code ec;
  if (!fs::is_directory(command.directory, ec)) {
    FrontendRun missing;
    missing.errors = 1;
    missing.diagnostics = command.file + ": error: the compile command's directory " +
                          command.directory + " does not exist\n";
    return missing;
  }
  OneCommand db(clang::tooling::CompileCommand(command.directory, command.file,
                                               FrontendArguments(command), ""));
  // A physical file system of its own: its working directory is not the
  // process's, so that translation units can be parsed on several threads.
  clang::tooling::ClangTool tool(db, {command.file},
                                 std::make_shared<clang::PCHContainerOperations>(),
                                 llvm::vfs::createPhysicalFileSystem());
  tool.clearArgumentsAdjusters();
  for (const auto &[path, text] : overlay) tool.mapVirtualFile(path, text);
  ErrorCollector errors(command.directory);
  tool.setDiagnosticConsumer(&errors);
  tool.setPrintErrorMessage(false);
  int rc = tool.run(action);
  FrontendRun run;
  run.errors = errors.getNumErrors();
  run.ran = rc == 0 || run.errors > 0;
  run.diagnostics = errors.text();
  if (rc != 0 && run.diagnostics.empty()) {
    run.diagnostics = command.file + ": error: the Clang frontend could not run this command\n";
    if (run.errors == 0) run.errors = 1;
  }
  return run;
}

Status CheckSyntax(const CompileCommand& command, const FileOverlay& overlay) {
  auto factory = clang::tooling::newFrontendActionFactory<clang::SyntaxOnlyAction>();
  FrontendRun run = RunFrontendAction(command, overlay, factory.get());
  if (run.errors == 0) return Status::Ok();
  return Status::Invalid(run.diagnostics);
}

}  // namespace uprev
