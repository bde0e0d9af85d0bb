// What the end-to-end tests of the `uprev` binary share: temporary folders,
// running uprev or a shell command, reading trees. Test code only.
#ifndef UPREV_TOOLS_CLI_HARNESS_H_
#define UPREV_TOOLS_CLI_HARNESS_H_

#include <stdlib.h>
#include <sys/wait.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>
#include <string>
#include <vector>

namespace uprev::testing_support {

namespace fs = std::filesystem;

inline std::string ReadAll(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

inline void WriteAll(const fs::path& path, const std::string& text) {
  fs::create_directories(path.parent_path());
  std::ofstream(path, std::ios::binary) << text;
}

inline std::string Quote(const std::string& s) {
  std::string out = "'";
  for (char c : s) {
    if (c == '\'') {
      out += "'\\''";
    } else {
      out.push_back(c);
    }
  }
  return out + "'";
}

struct Invocation {
  std::string out;
  std::string err;
  int exit = -1;
};

// Runs `command` (a shell command line) in `dir`, stdin from /dev/null.
inline Invocation RunShell(const fs::path& dir, const std::string& command) {
  fs::path out = dir.parent_path() / (dir.filename().string() + ".out");
  fs::path err = dir.parent_path() / (dir.filename().string() + ".err");
  std::string cmd = "cd " + Quote(dir.string()) + " && (" + command + ") </dev/null >" +
                    Quote(out.string()) + " 2>" + Quote(err.string());
  int status = std::system(cmd.c_str());
  Invocation run{ReadAll(out), ReadAll(err), WIFEXITED(status) ? WEXITSTATUS(status) : -1};
  fs::remove(out);
  fs::remove(err);
  return run;
}

// Runs uprev with `args` in `dir`; JSON times are reported as 0.
inline Invocation RunUprev(const fs::path& dir, const std::vector<std::string>& args,
                           const std::string& env = "") {
  std::string cmd = env + " UPREV_TEST_CLOCK=1 " + Quote(UPREV_BINARY);
  for (const std::string& a : args) cmd += " " + Quote(a);
  return RunShell(dir, cmd);
}

// Every regular file below `root` (outside .git), relative path -> contents.
inline std::map<std::string, std::string> Tree(const fs::path& root) {
  std::map<std::string, std::string> tree;
  if (!fs::exists(root)) return tree;
  for (auto it = fs::recursive_directory_iterator(root); it != fs::recursive_directory_iterator(); ++it) {
    if (it->is_directory() && it->path().filename() == ".git") {
      it.disable_recursion_pending();
      continue;
    }
    if (it->is_regular_file()) tree[fs::relative(it->path(), root).string()] = ReadAll(it->path());
  }
  return tree;
}

class TempDir {
 public:
  TempDir() {
    std::string templ = (fs::temp_directory_path() / "uprev-test-XXXXXX").string();
    path_ = ::mkdtemp(templ.data());
  }
  ~TempDir() { fs::remove_all(path_); }
  const fs::path& path() const { return path_; }

 private:
  fs::path path_;
};

}  // namespace uprev::testing_support

#endif  // UPREV_TOOLS_CLI_HARNESS_H_
