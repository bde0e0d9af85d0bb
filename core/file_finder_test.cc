#include "core/file_finder.h"

#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include <gtest/gtest.h>

namespace uprev {
namespace {

class ScopedTempDir {
 public:
  ScopedTempDir() {
    std::string pattern =
        std::filesystem::temp_directory_path().string() + "/uprev_file_finder_XXXXXX";
    if (::mkdtemp(pattern.data()) != nullptr) path_ = pattern;
  }
  ~ScopedTempDir() {
    std::error_code ec;
    if (path_.empty()) return;
    // Make folders a test locked readable again, or remove_all fails.
    for (auto it = std::filesystem::recursive_directory_iterator(
             path_, std::filesystem::directory_options::skip_permission_denied, ec);
         !ec && it != std::filesystem::recursive_directory_iterator(); it.increment(ec)) {
      if (it->is_directory(ec) && !it->is_symlink(ec)) {
        std::filesystem::permissions(it->path(), std::filesystem::perms::owner_all,
                                     std::filesystem::perm_options::add, ec);
      }
    }
    std::filesystem::remove_all(path_, ec);
  }
  const std::string& path() const { return path_; }

 private:
  std::string path_;
};

// Changes the working folder for one test.
class ScopedChdir {
 public:
  explicit ScopedChdir(const std::string& dir) {
    std::error_code ec;
    old_ = std::filesystem::current_path(ec);
    std::filesystem::current_path(dir, ec);
    EXPECT_FALSE(ec) << dir << ": " << ec.message();
  }
  ~ScopedChdir() {
    std::error_code ec;
    std::filesystem::current_path(old_, ec);
  }

 private:
  std::filesystem::path old_;
};

void WriteFile(const std::string& path, const std::string& contents = "x\n") {
  std::error_code ec;
  std::filesystem::create_directories(std::filesystem::path(path).parent_path(), ec);
  std::ofstream(path, std::ios::binary) << contents;
}

std::string Lines(const std::vector<std::string>& lines) {
  std::string out;
  for (const std::string& line : lines) out += line + "\n";
  return out;
}

// The files found, one a line, or the error.
std::string Find(const std::vector<std::string>& roots, const FindOptions& options = {}) {
  Result<FoundFiles> found = FindFiles(roots, options);
  if (!found.ok()) return "error: " + found.status().message();
  return Lines(found->files) + (found->errors.empty() ? "" : "errors:\n" + Lines(found->errors));
}

class FileFinderTest : public ::testing::Test {
 protected:
  void SetUp() override {
    ASSERT_FALSE(tmp_.path().empty());
    root_ = tmp_.path();
  }
  void Write(const std::string& rel, const std::string& contents = "x\n") {
    WriteFile(root_ + "/" + rel, contents);
  }

  ScopedTempDir tmp_;
  std::string root_;
};

TEST_F(FileFinderTest, SkipsHiddenDependencyFoldersAndIgnoredFiles) {
  Write(".gitignore", "build/\n*.log\n");
  Write("README.md");
  Write("app.log");
  Write("src/a.py");
  Write("src/b.py");
  Write("src/.env");
  Write(".hidden/x.py");
  Write(".github/workflows/ci.yml");  // CI configuration is walked though hidden
  Write(".gitlab-ci.yml");
  Write("build/out.py");
  Write("node_modules/m.js");
  Write("vendor/v.go");
  Write("third_party/t.c");
  Write("src/vendor/v.go");
  Write("src/vendor.py");
  ScopedChdir cd(root_);
  EXPECT_EQ(Find({"."}),
            ".github/workflows/ci.yml\n"
            ".gitlab-ci.yml\n"
            "README.md\n"
            "src/a.py\n"
            "src/b.py\n"
            "src/vendor.py\n");
}

TEST_F(FileFinderTest, PathsAreWrittenLikeTheRoot) {
  Write("src/a.py");
  Write("src/sub/b.py");
  ScopedChdir cd(root_);
  EXPECT_EQ(Find({"."}), "src/a.py\nsrc/sub/b.py\n");
  EXPECT_EQ(Find({"./"}), "src/a.py\nsrc/sub/b.py\n");
  EXPECT_EQ(Find({"src"}), "src/a.py\nsrc/sub/b.py\n");
  EXPECT_EQ(Find({"./src//"}), "src/a.py\nsrc/sub/b.py\n");
  EXPECT_EQ(Find({"src/sub/../sub"}), "src/sub/../sub/b.py\n");
  EXPECT_EQ(Find({"./src/a.py"}), "src/a.py\n");
  EXPECT_EQ(Find({root_ + "/src/"}), root_ + "/src/a.py\n" + root_ + "/src/sub/b.py\n");
  ScopedChdir cd_sub(root_ + "/src/sub");
  EXPECT_EQ(Find({".."}), "../a.py\n../sub/b.py\n");
}

TEST_F(FileFinderTest, SortedWithoutDuplicates) {
  Write("b.py");
  Write("a-b/c.py");
  Write("a/c.py");
  ScopedChdir cd(root_);
  EXPECT_EQ(Find({"a", ".", "b.py", "a/c.py"}),
            "a-b/c.py\n"
            "a/c.py\n"
            "b.py\n");
}

TEST_F(FileFinderTest, ExplicitFilesAndFoldersAreAlwaysUsed) {
  Write(".gitignore", "*.log\nignored/\n");
  Write("app.log");
  Write(".env");
  Write("node_modules/m.js");
  Write("node_modules/.bin/tool");
  Write("ignored/x.py");
  Write(".hidden/y.py");
  ScopedChdir cd(root_);
  EXPECT_EQ(Find({"app.log", ".env", "node_modules", "ignored", ".hidden"}),
            ".env\n"
            ".hidden/y.py\n"
            "app.log\n"
            "ignored/x.py\n"
            "node_modules/m.js\n");
}

TEST_F(FileFinderTest, MissingRootIsAnError) {
  Write("a.py");
  ScopedChdir cd(root_);
  Result<FoundFiles> found = FindFiles({"a.py", "nope/b.py"}, FindOptions());
  ASSERT_FALSE(found.ok());
  EXPECT_EQ(found.status().code(), StatusCode::kInvalid);
  EXPECT_EQ(found.status().message(), "nope/b.py: error: no such file or directory");
  EXPECT_EQ(Find({"a.py/x"}), "error: a.py/x: error: no such file or directory");
}

TEST_F(FileFinderTest, IgnoreFilesAboveTheRootUpToTheRepository) {
  Write(".gitignore", "*.py\n");  // above the repository: does not apply
  Write("repo/.git/info/exclude", "*.tmp\n");
  Write("repo/.gitignore", "*.gen\n/src/local/\nsrc/app/*.cache\n");
  Write("repo/src/.gitignore", "!keep.gen\n");
  Write("repo/src/app/.ignore", "*.draft\n");
  Write("repo/src/app/main.py");
  Write("repo/src/app/main.gen");
  Write("repo/src/app/keep.gen");
  Write("repo/src/app/x.tmp");
  Write("repo/src/app/x.cache");
  Write("repo/src/app/sub/y.cache");
  Write("repo/src/app/x.draft");
  Write("repo/src/local/secret.py");
  Write("repo/src/app/local/kept.py");
  ScopedChdir cd(root_ + "/repo/src/app");
  EXPECT_EQ(Find({"."}),
            "keep.gen\n"
            "local/kept.py\n"
            "main.py\n"
            "sub/y.cache\n");
  ScopedChdir cd_repo(root_ + "/repo");
  EXPECT_EQ(Find({"src"}),
            "src/app/keep.gen\n"
            "src/app/local/kept.py\n"
            "src/app/main.py\n"
            "src/app/sub/y.cache\n");
}

TEST_F(FileFinderTest, PrecedenceOfIgnoreFiles) {
  Write(".git/info/exclude", "*.md\n*.txt\n");
  Write(".gitignore", "!README.md\n*.txt\n");
  Write(".ignore", "!keep.txt\n");
  Write("README.md");
  Write("other.md");
  Write("keep.txt");
  Write("drop.txt");
  Write("sub/.gitignore", "!drop.txt\n");
  Write("sub/drop.txt");
  EXPECT_EQ(Find({root_}),
            root_ + "/README.md\n" + root_ + "/keep.txt\n" + root_ + "/sub/drop.txt\n");
}

TEST_F(FileFinderTest, FileInIgnoredFolderCannotBeReincluded) {
  Write(".gitignore", "build/\n!build/keep.txt\nlogs/*\n!logs/keep.txt\n");
  Write("build/keep.txt");
  Write("logs/keep.txt");
  Write("logs/drop.txt");
  EXPECT_EQ(Find({root_}), root_ + "/logs/keep.txt\n");
}

TEST_F(FileFinderTest, SymlinksAreNotFollowed) {
  Write("real/a.py");
  Write("b.py");
  ASSERT_EQ(::symlink("real", (root_ + "/link_dir").c_str()), 0);
  ASSERT_EQ(::symlink("b.py", (root_ + "/link_file.py").c_str()), 0);
  ASSERT_EQ(::symlink("missing", (root_ + "/dangling.py").c_str()), 0);
  ScopedChdir cd(root_);
  EXPECT_EQ(Find({"."}), "b.py\nreal/a.py\n");
  // Named explicitly, a symlink is used.
  EXPECT_EQ(Find({"link_file.py", "link_dir"}), "link_dir/a.py\nlink_file.py\n");
  EXPECT_EQ(Find({"dangling.py"}), "error: dangling.py: error: no such file or directory");
}

TEST_F(FileFinderTest, Options) {
  Write(".gitignore", "*.log\n");
  Write(".env");
  Write(".git/config");
  Write("app.log");
  Write("a.py");
  Write("vendor/v.go");
  FindOptions hidden;
  hidden.hidden = true;
  EXPECT_EQ(Find({root_}, hidden), root_ + "/.env\n" + root_ + "/.gitignore\n" + root_ + "/a.py\n");
  FindOptions no_ignore;
  no_ignore.ignore_files = false;
  no_ignore.skipped_folders = {};
  EXPECT_EQ(Find({root_}, no_ignore),
            root_ + "/a.py\n" + root_ + "/app.log\n" + root_ + "/vendor/v.go\n");
}

TEST_F(FileFinderTest, UnreadableFolderIsReportedAndTheWalkGoesOn) {
  if (::geteuid() == 0) GTEST_SKIP() << "root can read every folder";
  Write("a.py");
  Write("locked/b.py");
  Write("z/c.py");
  ASSERT_EQ(::chmod((root_ + "/locked").c_str(), 0), 0);
  ScopedChdir cd(root_);
  EXPECT_EQ(Find({"."}),
            "a.py\n"
            "z/c.py\n"
            "errors:\n"
            "locked: error: cannot read folder: Permission denied\n");
}

TEST_F(FileFinderTest, UnreadableIgnoreFileIsReported) {
  if (::geteuid() == 0) GTEST_SKIP() << "root can read every file";
  Write(".gitignore", "*.log\n");
  Write("a.log");
  ASSERT_EQ(::chmod((root_ + "/.gitignore").c_str(), 0), 0);
  ScopedChdir cd(root_);
  EXPECT_EQ(Find({"."}),
            "a.log\n"
            "errors:\n"
            ".gitignore: error: cannot read: Permission denied\n");
}

// --- Against git itself ---------------------------------------------------

std::string ReadWholeFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream buffer;
  buffer << in.rdbuf();
  return buffer.str();
}

TEST_F(FileFinderTest, AgreesWithGitListingUntrackedFiles) {
  if (std::system("git --version >/dev/null 2>&1") != 0) GTEST_SKIP() << "no git";
  std::string git = "cd '" + root_ +
                    "' && GIT_CONFIG_NOSYSTEM=1 GIT_CONFIG_GLOBAL=/dev/null "
                    "git -c core.excludesFile=/dev/null ";
  ASSERT_EQ(std::system((git + "init -q").c_str()), 0);
  Write(".git/info/exclude", "*.swp\n");
  Write(".gitignore", "*.o\n!keep.o\nout/\n/top.txt\ndocs/**/*.tmp\n**/gen\n");
  Write("src/.gitignore", "*.txt\n!notes.txt\n/local\n");
  for (const char* file :
       {"a.c", "a.o", "keep.o", "x.swp", "top.txt", "src/top.txt", "src/notes.txt", "src/other.txt",
        "src/local/a.c", "src/sub/local/a.c", "src/out/x.c", "out/y.c", "docs/a.tmp",
        "docs/x/y/b.tmp", "docs/keep.md", "gen/g.c", "src/gen/g.c", "src/gen.c"}) {
    Write(file);
  }
  ASSERT_EQ(std::system((git + "ls-files -o --exclude-standard >.git/ls.out").c_str()), 0);
  std::vector<std::string> expected;
  std::istringstream lines(ReadWholeFile(root_ + "/.git/ls.out"));
  for (std::string line; std::getline(lines, line);) {
    if (line.find(".gitignore") == std::string::npos) expected.push_back(line);
  }
  std::sort(expected.begin(), expected.end());
  ASSERT_GT(expected.size(), 5u);
  ScopedChdir cd(root_);
  EXPECT_EQ(Find({"."}), Lines(expected));
}

}  // namespace
}  // namespace uprev
