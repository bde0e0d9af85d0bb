#include "changesets/git_repository.h"

#include <fmt/format.h>
#include <gtest/gtest.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/wait.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>
#include <string>
#include <vector>

namespace uprev {
namespace {

namespace fs = std::filesystem;

// Keeps the user's git configuration out of the tests: HOME is an empty
// folder, so neither the git CLI nor libgit2 (initialized lazily, after this
// runs) sees ~/.gitconfig.
class IsolatedGitEnvironment : public ::testing::Environment {
 public:
  void SetUp() override {
    char pattern[] = "/tmp/uprev-git-home-XXXXXX";
    home_ = mkdtemp(pattern);
    setenv("HOME", home_.c_str(), 1);
    setenv("GIT_CONFIG_NOSYSTEM", "1", 1);
    for (const char* name :
         {"XDG_CONFIG_HOME", "GIT_DIR", "GIT_WORK_TREE", "GIT_INDEX_FILE", "GIT_CONFIG_GLOBAL",
          "GIT_AUTHOR_NAME", "GIT_AUTHOR_EMAIL", "GIT_COMMITTER_NAME", "GIT_COMMITTER_EMAIL"}) {
      unsetenv(name);
    }
  }
  void TearDown() override { fs::remove_all(home_); }

 private:
  std::string home_;
};

[[maybe_unused]] ::testing::Environment* const kEnvironment =
    ::testing::AddGlobalTestEnvironment(new IsolatedGitEnvironment);

struct CommandResult {
  int exit_code;
  std::string output;  // stdout and stderr
};

CommandResult Shell(const std::string& dir, const std::string& command) {
  std::string full = "cd '" + dir + "' && (" + command + ") 2>&1";
  FILE* pipe = popen(full.c_str(), "r");
  std::string output;
  char buffer[4096];
  size_t n;
  while ((n = fread(buffer, 1, sizeof buffer, pipe)) > 0) output.append(buffer, n);
  int status = pclose(pipe);
  return CommandResult{WIFEXITED(status) ? WEXITSTATUS(status) : -1, output};
}

void WriteFile(const std::string& path, const std::string& contents) {
  fs::create_directories(fs::path(path).parent_path());
  std::ofstream(path, std::ios::binary) << contents;
}

std::string ReadFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream contents;
  contents << in.rdbuf();
  return contents.str();
}

// The repository every test starts from: these files committed on main, then
// an executable bin/run.sh in a second commit.
const std::map<std::string, std::string> kInitialFiles = {
    {"README.md", "# demo\n"}, {"a.txt", "alpha\n"},
    {"a/b.txt", "bravo\n"},    {"a/c/d.py", "import os\nprint(os.sep)\n"},
    {"a-b/e.txt", "echo\n"},
};

GitSignature Bot() { return GitSignature{"Uprev Bot", "bot@uprev.example", 1700000000, 120}; }

class GitRepositoryTest : public ::testing::Test {
 protected:
  void SetUp() override {
    char pattern[] = "/tmp/uprev-git-test-XXXXXX";
    root_ = fs::canonical(mkdtemp(pattern)).string();
    dir_ = root_ + "/repo";
    fs::create_directories(dir_);
  }
  void TearDown() override { fs::remove_all(root_); }

  // Runs `git ARGS` in the repository, expecting success; returns its output.
  std::string Git(const std::string& args) {
    CommandResult result = Shell(dir_, "git " + args);
    EXPECT_EQ(result.exit_code, 0) << "git " << args << "\n" << result.output;
    return result.output;
  }
  // Like Git() without the final newline.
  std::string GitLine(const std::string& args) {
    std::string output = Git(args);
    if (!output.empty() && output.back() == '\n') output.pop_back();
    return output;
  }

  void InitRepo() {
    Git("init -q -b main");
    Git("config user.name 'Test User'");
    Git("config user.email test@example.com");
    CommitFiles(kInitialFiles, "initial");
    WriteFile(dir_ + "/bin/run.sh", "#!/bin/sh\necho run\n");
    fs::permissions(dir_ + "/bin/run.sh", fs::perms::owner_exec, fs::perm_options::add);
    CommitFiles({}, "add run.sh");
  }

  // Writes `files`, commits all changes and returns the new HEAD.
  std::string CommitFiles(const std::map<std::string, std::string>& files,
                          const std::string& message) {
    for (const auto& [path, contents] : files) WriteFile(dir_ + "/" + path, contents);
    Git("add -A");
    Git("commit -q -m '" + message + "'");
    return GitLine("rev-parse HEAD");
  }

  std::unique_ptr<GitRepository> OpenRepo() {
    Result<std::unique_ptr<GitRepository>> repo = GitRepository::Open(dir_);
    EXPECT_TRUE(repo.ok()) << repo.status().message();
    return repo.ok() ? std::move(repo).value() : nullptr;
  }

  // A change set on branch uprev/r1/x, parent HEAD; returns its commit.
  std::string MakeChangeSet(GitRepository& repo,
                            const std::map<std::string, std::string>& changes) {
    Result<std::string> base = repo.ResolveCommit("HEAD");
    Result<std::string> tree = repo.WriteTree(*base, changes);
    EXPECT_TRUE(tree.ok()) << tree.status().message();
    Result<std::string> commit =
        repo.CreateCommit(*tree, {*base}, "uprev: x\n\nUprev-Run: r1\n", Bot(), Bot());
    EXPECT_TRUE(commit.ok()) << commit.status().message();
    Status branch = repo.CreateBranch("uprev/r1/x", *commit);
    EXPECT_TRUE(branch.ok()) << branch.message();
    return *commit;
  }

  std::string root_;
  std::string dir_;
};

// "mode path blob" per file, as `git ls-tree -r` prints it.
std::string Render(const std::vector<TreeFile>& files) {
  std::string out;
  for (const TreeFile& file : files) {
    out += fmt::format("{:06o} blob {}\t{}\n", file.mode, file.blob, file.path);
  }
  return out;
}

// Every file under `dir` (not .git): "path [x|l] contents", sorted.
std::string RenderDirectory(const std::string& dir) {
  std::vector<std::string> lines;
  for (const fs::directory_entry& entry : fs::recursive_directory_iterator(dir)) {
    std::string path = entry.path().lexically_relative(dir).string();
    if (entry.is_symlink()) {
      lines.push_back(path + " l " + fs::read_symlink(entry.path()).string());
    } else if (entry.is_regular_file()) {
      bool executable = (entry.status().permissions() & fs::perms::owner_exec) != fs::perms::none;
      lines.push_back(path + (executable ? " x " : " - ") + ReadFile(entry.path()));
    }
  }
  std::sort(lines.begin(), lines.end());
  std::string out;
  for (const std::string& line : lines) out += line;
  return out;
}

TEST_F(GitRepositoryTest, OpenFindsTheRepositoryFromASubfolder) {
  InitRepo();
  Result<std::unique_ptr<GitRepository>> repo = GitRepository::Open(dir_ + "/a/c");
  ASSERT_TRUE(repo.ok()) << repo.status().message();
  EXPECT_EQ((*repo)->workdir(), dir_);
  EXPECT_EQ((*repo)->git_dir(), dir_ + "/.git");
  EXPECT_EQ((*repo)->common_dir(), dir_ + "/.git");
  EXPECT_EQ((*repo)->workdir(), GitLine("rev-parse --show-toplevel"));
  EXPECT_EQ((*repo)->git_dir(), GitLine("rev-parse --absolute-git-dir"));

  Result<std::unique_ptr<GitRepository>> from_file = GitRepository::Open(dir_ + "/a/b.txt");
  ASSERT_TRUE(from_file.ok()) << from_file.status().message();
  EXPECT_EQ((*from_file)->workdir(), dir_);
}

TEST_F(GitRepositoryTest, OpenALinkedWorktree) {
  InitRepo();
  Git("worktree add -q ../wt -b wt");
  Result<std::unique_ptr<GitRepository>> repo = GitRepository::Open(root_ + "/wt");
  ASSERT_TRUE(repo.ok()) << repo.status().message();
  EXPECT_EQ((*repo)->workdir(), root_ + "/wt");
  EXPECT_EQ((*repo)->git_dir(), dir_ + "/.git/worktrees/wt");
  EXPECT_EQ((*repo)->common_dir(), dir_ + "/.git");
  EXPECT_EQ(*(*repo)->HeadRef(), "refs/heads/wt");
  EXPECT_EQ(*(*repo)->IsDirty(), false);
  WriteFile(root_ + "/wt/a.txt", "changed in the worktree\n");
  EXPECT_EQ(*(*repo)->IsDirty(), true);
  EXPECT_EQ(*OpenRepo()->IsDirty(), false);
  EXPECT_EQ(OpenRepo()->DeleteBranch("wt").message(),
            "refs/heads/wt: error: cannot delete the checked-out branch");
}

TEST_F(GitRepositoryTest, OpenErrorsNameThePath) {
  std::string plain = root_ + "/plain";
  fs::create_directories(plain);
  Result<std::unique_ptr<GitRepository>> not_repo = GitRepository::Open(plain);
  ASSERT_FALSE(not_repo.ok());
  EXPECT_EQ(not_repo.status().code(), StatusCode::kInvalid);
  EXPECT_EQ(not_repo.status().message(), plain + ": error: not a git repository");

  Result<std::unique_ptr<GitRepository>> missing = GitRepository::Open(root_ + "/nope");
  ASSERT_FALSE(missing.ok());
  EXPECT_EQ(missing.status().code(), StatusCode::kInvalid);
  EXPECT_EQ(missing.status().message(), root_ + "/nope: error: no such file or directory");

  std::string bare = root_ + "/bare.git";
  ASSERT_EQ(Shell(root_, "git init -q --bare bare.git").exit_code, 0);
  Result<std::unique_ptr<GitRepository>> bare_repo = GitRepository::Open(bare);
  ASSERT_FALSE(bare_repo.ok());
  EXPECT_EQ(bare_repo.status().code(), StatusCode::kInvalid);
  EXPECT_EQ(bare_repo.status().message(),
            bare + ": error: a bare repository has no working tree; run uprev in a clone");
}

TEST_F(GitRepositoryTest, HeadRefAndDetachedHead) {
  InitRepo();
  std::unique_ptr<GitRepository> repo = OpenRepo();
  EXPECT_EQ(*repo->HeadDetached(), false);
  EXPECT_EQ(*repo->HeadRef(), "refs/heads/main");

  Git("checkout -q --detach");
  EXPECT_EQ(*repo->HeadDetached(), true);
  Result<std::string> ref = repo->HeadRef();
  ASSERT_FALSE(ref.ok());
  EXPECT_EQ(ref.status().message(), dir_ + ": error: HEAD is detached; check out a branch first");
}

TEST_F(GitRepositoryTest, UnbornHead) {
  Git("init -q -b main");
  std::unique_ptr<GitRepository> repo = OpenRepo();
  EXPECT_EQ(*repo->HeadDetached(), false);
  EXPECT_EQ(repo->HeadRef().status().message(), dir_ + ": error: HEAD has no commits yet");
  EXPECT_EQ(repo->ResolveCommit("HEAD").status().message(), "HEAD: error: unknown revision");
  EXPECT_EQ(*repo->IsDirty(), false);
}

TEST_F(GitRepositoryTest, ResolveCommitAcceptsRevspecsLikeGit) {
  InitRepo();
  Git("tag -a v1 -m 'version 1' HEAD~1");
  std::unique_ptr<GitRepository> repo = OpenRepo();
  for (std::string rev : {"HEAD", "main", "HEAD~1", "v1", "v1^{commit}", "main^"}) {
    EXPECT_EQ(*repo->ResolveCommit(rev), GitLine("rev-parse --verify -q '" + rev + "^{commit}'"))
        << rev;
  }
  std::string head = GitLine("rev-parse HEAD");
  EXPECT_EQ(*repo->ResolveCommit(head.substr(0, 10)), head);

  Result<std::string> unknown = repo->ResolveCommit("nope");
  EXPECT_EQ(unknown.status().code(), StatusCode::kInvalid);
  EXPECT_EQ(unknown.status().message(), "nope: error: unknown revision");
  EXPECT_EQ(repo->ResolveCommit("HEAD~9").status().message(), "HEAD~9: error: unknown revision");
  EXPECT_EQ(repo->ResolveCommit("").status().message(), ": error: unknown revision");
  EXPECT_EQ(repo->ResolveCommit("HEAD^{tree}").status().message(),
            "HEAD^{tree}: error: not a commit");
}

TEST_F(GitRepositoryTest, IsDirtyCountsTrackedFilesOnly) {
  InitRepo();
  WriteFile(dir_ + "/.gitignore", "*.log\n");
  CommitFiles({}, "ignore logs");
  std::unique_ptr<GitRepository> repo = OpenRepo();
  EXPECT_EQ(*repo->IsDirty(), false);

  WriteFile(dir_ + "/new.txt", "untracked\n");
  WriteFile(dir_ + "/build.log", "ignored\n");
  EXPECT_EQ(*repo->IsDirty(), false) << "untracked and ignored files don't count";

  WriteFile(dir_ + "/a.txt", "changed\n");
  EXPECT_EQ(*repo->IsDirty(), true) << "modified in the working tree";
  Git("add a.txt");
  EXPECT_EQ(*repo->IsDirty(), true) << "staged";
  Git("reset -q --hard");
  EXPECT_EQ(*repo->IsDirty(), false);

  fs::remove(dir_ + "/a/b.txt");
  EXPECT_EQ(*repo->IsDirty(), true) << "deleted";
  Git("checkout -q -- a/b.txt");
  EXPECT_EQ(*repo->IsDirty(), false);

  Git("add new.txt");
  EXPECT_EQ(*repo->IsDirty(), true) << "a new file in the index";
}

TEST_F(GitRepositoryTest, ListFilesAndReadBlob) {
  InitRepo();
  fs::create_symlink("a/b.txt", dir_ + "/link");
  Git("add link");
  // A gitlink (submodule entry) is not a file of the tree.
  fs::create_directories(dir_ + "/vendor/sub");
  Git("update-index --add --cacheinfo 160000," + GitLine("rev-parse HEAD") + ",vendor/sub");
  Git("commit -q -m 'link and submodule'");
  std::unique_ptr<GitRepository> repo = OpenRepo();

  Result<std::vector<TreeFile>> files = repo->ListFiles("HEAD");
  ASSERT_TRUE(files.ok()) << files.status().message();
  EXPECT_EQ(Render(*files), Git("ls-tree -r HEAD | grep -v ' commit '"));
  std::string paths;
  for (const TreeFile& file : *files) paths += fmt::format("{:o} {}\n", file.mode, file.path);
  EXPECT_EQ(paths,
            "100644 README.md\n"
            "100644 a-b/e.txt\n"
            "100644 a.txt\n"
            "100644 a/b.txt\n"
            "100644 a/c/d.py\n"
            "100755 bin/run.sh\n"
            "120000 link\n");

  for (const TreeFile& file : *files) {
    Result<std::string> contents = repo->ReadBlob(file.blob);
    ASSERT_TRUE(contents.ok()) << contents.status().message();
    EXPECT_EQ(*contents, Git("cat-file blob " + file.blob)) << file.path;
  }
  EXPECT_EQ(*repo->ReadBlob("HEAD:a/c/d.py"), "import os\nprint(os.sep)\n");
  EXPECT_EQ(*repo->ReadBlob("HEAD:link"), "a/b.txt");
  EXPECT_EQ(repo->ReadBlob("HEAD").status().message(), "HEAD: error: not a blob");
  EXPECT_EQ(repo->ReadBlob("HEAD:missing").status().message(),
            "HEAD:missing: error: unknown revision");
  EXPECT_EQ(repo->ListFiles("nope").status().message(), "nope: error: unknown revision");
}

TEST_F(GitRepositoryTest, WriteTreeCreateCommitAndBranch) {
  InitRepo();
  std::unique_ptr<GitRepository> repo = OpenRepo();
  std::string base = GitLine("rev-parse HEAD");
  const std::map<std::string, std::string> changes = {
      {"a.txt", "alpha 2\n"},
      {"a/c/d.py", "import os\nprint(os.sep, end='')\n"},
      {"a-b/e.txt", "echo 2\n"},
      {"bin/run.sh", "#!/bin/sh\necho run 2\n"},
  };
  Result<std::string> tree = repo->WriteTree(base, changes);
  ASSERT_TRUE(tree.ok()) << tree.status().message();
  std::string message = "uprev: python-3.12\n\nUprev-Run: r1\nUprev-Pack: python-3.12\n";
  Result<std::string> commit = repo->CreateCommit(*tree, {base}, message, Bot(), Bot());
  ASSERT_TRUE(commit.ok()) << commit.status().message();
  ASSERT_TRUE(repo->CreateBranch("uprev/r1/x", *commit).ok());

  EXPECT_EQ(Git("diff --name-only " + base + " uprev/r1/x"),
            "a-b/e.txt\na.txt\na/c/d.py\nbin/run.sh\n");
  for (const auto& [path, contents] : changes) {
    EXPECT_EQ(Git("show uprev/r1/x:" + path), contents) << path;
  }
  EXPECT_EQ(Git("ls-tree uprev/r1/x bin/run.sh").substr(0, 6), "100755");
  EXPECT_EQ(Git("log -1 --format='%T %P%n%an <%ae> %at %ai%n%cn <%ce> %ct%n%B' uprev/r1/x"),
            *tree + " " + base +
                "\nUprev Bot <bot@uprev.example> 1700000000 2023-11-15 00:13:20 +0200\n"
                "Uprev Bot <bot@uprev.example> 1700000000\n" +
                message + "\n");
  EXPECT_EQ(Shell(dir_, "git fsck --strict --no-dangling").exit_code, 0);
  // Nothing but objects and the new ref changed.
  EXPECT_EQ(Git("status --porcelain"), "");
  EXPECT_EQ(GitLine("rev-parse HEAD"), base);
  EXPECT_EQ(GitLine("symbolic-ref HEAD"), "refs/heads/main");

  Result<CommitInfo> info = repo->ReadCommit("uprev/r1/x");
  ASSERT_TRUE(info.ok()) << info.status().message();
  EXPECT_EQ(info->id, *commit);
  EXPECT_EQ(info->tree, *tree);
  EXPECT_EQ(info->parents, std::vector<std::string>{base});
  EXPECT_EQ(info->message, message);
  EXPECT_EQ(info->author.name, "Uprev Bot");
  EXPECT_EQ(info->author.email, "bot@uprev.example");
  EXPECT_EQ(info->author.time, 1700000000);
  EXPECT_EQ(info->author.offset_minutes, 120);
  EXPECT_EQ(info->committer.name, "Uprev Bot");
  EXPECT_EQ(*repo->BranchTip("uprev/r1/x"), std::optional<std::string>(*commit));
}

TEST_F(GitRepositoryTest, WriteTreeRefusesWhatIsNotARegularFile) {
  InitRepo();
  fs::create_symlink("a.txt", dir_ + "/link");
  CommitFiles({}, "link");
  std::unique_ptr<GitRepository> repo = OpenRepo();
  for (std::string path : {"missing.txt", "link", "a", "a/", "/a.txt", "a//b.txt", "./a.txt"}) {
    Result<std::string> tree = repo->WriteTree("HEAD", {{path, "x"}});
    ASSERT_FALSE(tree.ok()) << path;
    EXPECT_EQ(tree.status().code(), StatusCode::kInvalid);
    EXPECT_EQ(tree.status().message(), path + ": error: not a regular file in HEAD");
  }
  EXPECT_EQ(repo->WriteTree("nope", {}).status().message(), "nope: error: unknown revision");
  Result<std::string> unchanged = repo->WriteTree("HEAD", {});
  EXPECT_EQ(*unchanged, GitLine("rev-parse HEAD^{tree}"));
}

TEST_F(GitRepositoryTest, CreateCommitErrors) {
  InitRepo();
  std::unique_ptr<GitRepository> repo = OpenRepo();
  EXPECT_EQ(repo->CreateCommit("nope", {}, "m", Bot(), Bot()).status().message(),
            "nope: error: unknown revision");
  EXPECT_EQ(repo->CreateCommit("HEAD", {"nope"}, "m", Bot(), Bot()).status().message(),
            "nope: error: unknown revision");
  GitSignature empty{"", "", 0, 0};
  Result<std::string> bad = repo->CreateCommit("HEAD", {}, "m", empty, Bot());
  EXPECT_EQ(bad.status().code(), StatusCode::kInvalid);
  EXPECT_EQ(bad.status().message(),
            "\" <>\": error: not a valid signature: failed to parse signature - Signature "
            "cannot have an empty name or email");
}

TEST_F(GitRepositoryTest, CreateBranchIsIdempotentAndRefusesToMoveABranch) {
  InitRepo();
  std::unique_ptr<GitRepository> repo = OpenRepo();
  std::string head = GitLine("rev-parse HEAD");
  std::string parent = GitLine("rev-parse HEAD~1");
  ASSERT_TRUE(repo->CreateBranch("uprev/r1/x", head).ok());
  EXPECT_TRUE(repo->CreateBranch("uprev/r1/x", "main").ok()) << "same target";
  Status moved = repo->CreateBranch("uprev/r1/x", parent);
  EXPECT_EQ(moved.code(), StatusCode::kInvalid);
  EXPECT_EQ(moved.message(), "refs/heads/uprev/r1/x: error: branch exists at " + head);
  EXPECT_EQ(GitLine("rev-parse uprev/r1/x"), head);

  EXPECT_EQ(repo->CreateBranch("bad..name", head).message(),
            "bad..name: error: not a valid branch name");
  EXPECT_EQ(repo->CreateBranch("y", "nope").message(), "nope: error: unknown revision");
  EXPECT_EQ(Git("branch --list 'uprev/*' y"), "  uprev/r1/x\n");
}

TEST_F(GitRepositoryTest, DeleteBranch) {
  InitRepo();
  std::unique_ptr<GitRepository> repo = OpenRepo();
  ASSERT_TRUE(repo->CreateBranch("uprev/r1/x", "HEAD~1").ok());
  ASSERT_TRUE(repo->DeleteBranch("uprev/r1/x").ok());
  EXPECT_EQ(*repo->BranchTip("uprev/r1/x"), std::nullopt);
  EXPECT_EQ(Git("branch --list"), "* main\n");
  EXPECT_TRUE(repo->DeleteBranch("uprev/r1/x").ok()) << "absent is fine";

  Status current = repo->DeleteBranch("main");
  EXPECT_EQ(current.code(), StatusCode::kInvalid);
  EXPECT_EQ(current.message(), "refs/heads/main: error: cannot delete the checked-out branch");
  EXPECT_EQ(Git("branch --list"), "* main\n");
}

TEST_F(GitRepositoryTest, ListRefsMatchesForEachRef) {
  InitRepo();
  Git("branch feature HEAD~1");
  Git("tag light");
  Git("tag -a v1 -m 'version 1' HEAD~1");
  Git("symbolic-ref refs/remotes/origin/HEAD refs/heads/main");
  Git("symbolic-ref refs/remotes/origin/dangling refs/heads/nothing");
  Git("pack-refs --all");
  Git("branch after-pack");
  std::unique_ptr<GitRepository> repo = OpenRepo();
  Result<std::vector<std::pair<std::string, std::string>>> refs = repo->ListRefs();
  ASSERT_TRUE(refs.ok()) << refs.status().message();
  std::string rendered;
  for (const auto& [name, id] : *refs) rendered += name + " " + id + "\n";
  EXPECT_EQ(rendered, Git("for-each-ref --format='%(refname) %(objectname)' 2>/dev/null"));
  EXPECT_EQ(refs->size(), 6u);
}

TEST_F(GitRepositoryTest, IsAncestorAfterMerge) {
  InitRepo();
  Git("checkout -q -b feature");
  std::string feature = CommitFiles({{"f.txt", "feature\n"}}, "feature");
  Git("checkout -q main");
  std::string main_tip = CommitFiles({{"m.txt", "main\n"}}, "main work");
  std::unique_ptr<GitRepository> repo = OpenRepo();
  EXPECT_EQ(*repo->IsAncestor(feature, "HEAD"), false);

  Git("merge -q --no-edit feature");
  EXPECT_EQ(*repo->IsAncestor(feature, "HEAD"), true);
  EXPECT_EQ(*repo->IsAncestor(main_tip, "HEAD"), true);
  EXPECT_EQ(*repo->IsAncestor("HEAD", feature), false);
  EXPECT_EQ(*repo->IsAncestor("HEAD", "HEAD"), true);
  EXPECT_EQ(Shell(dir_, "git merge-base --is-ancestor " + feature + " HEAD").exit_code, 0);
  EXPECT_EQ(Shell(dir_, "git merge-base --is-ancestor HEAD " + feature).exit_code, 1);
  EXPECT_EQ(repo->IsAncestor("nope", "HEAD").status().message(), "nope: error: unknown revision");
}

TEST_F(GitRepositoryTest, ExportTreeWritesTheFilesOfACommit) {
  InitRepo();
  fs::create_symlink("a/b.txt", dir_ + "/link");
  std::string exported = CommitFiles({{"a.txt", "alpha at export\n"}}, "to export");
  CommitFiles({{"a.txt", "alpha later\n"}, {"later.txt", "later\n"}}, "later");
  std::unique_ptr<GitRepository> repo = OpenRepo();
  std::string index_before = ReadFile(dir_ + "/.git/index");

  std::string target = root_ + "/export/x";
  Status status = repo->ExportTree(exported, target);
  ASSERT_TRUE(status.ok()) << status.message();
  EXPECT_EQ(RenderDirectory(target),
            "README.md - # demo\n"
            "a-b/e.txt - echo\n"
            "a.txt - alpha at export\n"
            "a/b.txt - bravo\n"
            "a/c/d.py - import os\nprint(os.sep)\n"
            "bin/run.sh x #!/bin/sh\necho run\n"
            "link l a/b.txt");
  // The repository did not notice.
  EXPECT_EQ(ReadFile(dir_ + "/.git/index"), index_before);
  EXPECT_EQ(Git("status --porcelain"), "");
  EXPECT_EQ(*repo->IsDirty(), false);
  EXPECT_EQ(ReadFile(dir_ + "/a.txt"), "alpha later\n");

  std::string head_copy = root_ + "/head";
  ASSERT_TRUE(repo->ExportTree("HEAD", head_copy).ok());
  EXPECT_EQ(ReadFile(head_copy + "/later.txt"), "later\n");
  EXPECT_EQ(ReadFile(head_copy + "/a.txt"), "alpha later\n");

  Status not_empty = repo->ExportTree("HEAD", target);
  EXPECT_EQ(not_empty.code(), StatusCode::kInvalid);
  EXPECT_EQ(not_empty.message(), target + ": error: not an empty directory");
  EXPECT_EQ(repo->ExportTree("nope", root_ + "/other").message(), "nope: error: unknown revision");
}

TEST_F(GitRepositoryTest, DefaultSignatureReadsTheConfiguration) {
  InitRepo();
  std::unique_ptr<GitRepository> repo = OpenRepo();
  Result<GitSignature> configured = repo->DefaultSignature(42);
  ASSERT_TRUE(configured.ok()) << configured.status().message();
  EXPECT_EQ(configured->name, "Test User");
  EXPECT_EQ(configured->email, "test@example.com");
  EXPECT_EQ(configured->time, 42);
  EXPECT_EQ(configured->offset_minutes, 0);

  Git("config --unset user.name");
  Git("config --unset user.email");
  Result<GitSignature> fallback = OpenRepo()->DefaultSignature(7);
  EXPECT_EQ(fallback->name, "uprev");
  EXPECT_EQ(fallback->email, "uprev@localhost");
  EXPECT_EQ(fallback->time, 7);
}

TEST_F(GitRepositoryTest, RevertOnHeadUndoesAFastForwardMerge) {
  InitRepo();
  std::unique_ptr<GitRepository> repo = OpenRepo();
  std::string before_tree = GitLine("rev-parse HEAD^{tree}");
  std::string change_set = MakeChangeSet(*repo, {{"a.txt", "alpha 2\n"}, {"a/b.txt", "b 2\n"}});
  Git("merge -q --ff-only uprev/r1/x");
  ASSERT_EQ(ReadFile(dir_ + "/a.txt"), "alpha 2\n");

  Result<std::string> revert = repo->RevertOnHead(change_set, "Revert uprev change set x\n", Bot());
  ASSERT_TRUE(revert.ok()) << revert.status().message();
  EXPECT_EQ(GitLine("rev-parse HEAD"), *revert);
  EXPECT_EQ(GitLine("rev-parse HEAD^"), change_set);
  EXPECT_EQ(GitLine("rev-parse HEAD^{tree}"), before_tree);
  EXPECT_EQ(GitLine("symbolic-ref HEAD"), "refs/heads/main");
  EXPECT_EQ(Git("status --porcelain"), "");
  EXPECT_EQ(Git("log -1 --format='%an <%ae> %cn%n%B'"),
            "Uprev Bot <bot@uprev.example> Uprev Bot\nRevert uprev change set x\n\n");
  EXPECT_EQ(ReadFile(dir_ + "/a.txt"), "alpha\n");
  EXPECT_EQ(ReadFile(dir_ + "/a/b.txt"), "bravo\n");
  EXPECT_EQ(Git("reflog -1 --format=%gs main"), "revert: Revert uprev change set x\n");
  EXPECT_EQ(*repo->IsDirty(), false);

  Result<std::string> again = repo->RevertOnHead(change_set, "again", Bot());
  EXPECT_EQ(again.status().message(),
            change_set +
                ": error: reverting it changes nothing; it is not in HEAD or is already reverted");
  EXPECT_EQ(GitLine("rev-parse HEAD"), *revert);
}

TEST_F(GitRepositoryTest, RevertOnHeadUndoesAMergeCommit) {
  InitRepo();
  std::unique_ptr<GitRepository> repo = OpenRepo();
  std::string change_set = MakeChangeSet(*repo, {{"a/c/d.py", "import os\n"}});
  CommitFiles({{"README.md", "# demo, later\n"}}, "main moves on");
  std::string before_tree = GitLine("rev-parse HEAD^{tree}");
  Git("merge -q --no-ff -m 'Merge uprev/r1/x' uprev/r1/x");
  std::string merge = GitLine("rev-parse HEAD");

  // Reverting the change set's own commit and reverting the merge commit
  // (against its first parent) both give the tree from before the merge.
  Result<std::string> revert = repo->RevertOnHead(change_set, "Revert x", Bot());
  ASSERT_TRUE(revert.ok()) << revert.status().message();
  EXPECT_EQ(GitLine("rev-parse HEAD^{tree}"), before_tree);
  EXPECT_EQ(GitLine("rev-parse HEAD^"), merge);
  EXPECT_EQ(Git("status --porcelain"), "");

  Git("reset -q --hard " + merge);
  Result<std::string> revert_merge = repo->RevertOnHead(merge, "Revert merge", Bot());
  ASSERT_TRUE(revert_merge.ok()) << revert_merge.status().message();
  EXPECT_EQ(GitLine("rev-parse HEAD^{tree}"), before_tree);
  EXPECT_EQ(ReadFile(dir_ + "/a/c/d.py"), "import os\nprint(os.sep)\n");
  EXPECT_EQ(Git("status --porcelain"), "");
}

TEST_F(GitRepositoryTest, ConflictingRevertChangesNothing) {
  InitRepo();
  std::unique_ptr<GitRepository> repo = OpenRepo();
  std::string change_set = MakeChangeSet(*repo, {{"a.txt", "alpha 2\n"}, {"a/b.txt", "b 2\n"}});
  Git("merge -q --ff-only uprev/r1/x");
  std::string head = CommitFiles({{"a.txt", "alpha 3\n"}}, "edit the same line");
  std::string index_before = ReadFile(dir_ + "/.git/index");

  Result<std::string> revert = repo->RevertOnHead(change_set, "Revert x", Bot());
  ASSERT_FALSE(revert.ok());
  EXPECT_EQ(revert.status().code(), StatusCode::kInvalid);
  EXPECT_EQ(
      revert.status().message(),
      change_set +
          ": error: reverting conflicts with HEAD in a.txt; revert it by hand with git revert");
  EXPECT_EQ(GitLine("rev-parse HEAD"), head);
  EXPECT_EQ(Git("status --porcelain"), "");
  EXPECT_EQ(ReadFile(dir_ + "/.git/index"), index_before);
  EXPECT_EQ(ReadFile(dir_ + "/a.txt"), "alpha 3\n");
  EXPECT_EQ(ReadFile(dir_ + "/a/b.txt"), "b 2\n");
}

TEST_F(GitRepositoryTest, RevertOnHeadRefusesADirtyTreeOrDetachedHead) {
  InitRepo();
  std::unique_ptr<GitRepository> repo = OpenRepo();
  std::string change_set = MakeChangeSet(*repo, {{"a.txt", "alpha 2\n"}});
  Git("merge -q --ff-only uprev/r1/x");

  WriteFile(dir_ + "/README.md", "local edit\n");
  Result<std::string> dirty = repo->RevertOnHead(change_set, "Revert x", Bot());
  EXPECT_EQ(dirty.status().message(),
            dir_ + ": error: the working tree has uncommitted changes; commit or stash them first");
  EXPECT_EQ(GitLine("rev-parse HEAD"), change_set);
  EXPECT_EQ(ReadFile(dir_ + "/README.md"), "local edit\n");
  Git("checkout -q -- README.md");

  Git("checkout -q --detach");
  Result<std::string> detached = repo->RevertOnHead(change_set, "Revert x", Bot());
  EXPECT_EQ(detached.status().message(),
            dir_ + ": error: HEAD is detached; check out a branch first");
  EXPECT_EQ(GitLine("rev-parse HEAD"), change_set);
}

TEST_F(GitRepositoryTest, RevertOnHeadStopsAtAnUntrackedFileInTheWay) {
  InitRepo();
  Git("rm -q a.txt");
  std::string deletion = CommitFiles({}, "delete a.txt");
  WriteFile(dir_ + "/a.txt", "untracked\n");
  std::unique_ptr<GitRepository> repo = OpenRepo();

  Result<std::string> revert = repo->RevertOnHead(deletion, "Revert deletion", Bot());
  EXPECT_EQ(revert.status().code(), StatusCode::kInvalid);
  EXPECT_EQ(revert.status().message(),
            dir_ + ": error: files are in the way: a.txt; move them away first");
  EXPECT_EQ(GitLine("rev-parse HEAD"), deletion);
  EXPECT_EQ(ReadFile(dir_ + "/a.txt"), "untracked\n");
  EXPECT_EQ(Git("status --porcelain"), "?? a.txt\n");

  fs::remove(dir_ + "/a.txt");
  ASSERT_TRUE(repo->RevertOnHead(deletion, "Revert deletion", Bot()).ok());
  EXPECT_EQ(ReadFile(dir_ + "/a.txt"), "alpha\n");
  EXPECT_EQ(Git("status --porcelain"), "");
}

TEST_F(GitRepositoryTest, RevertOnHeadRestoresTheWorkingTreeWhenTheBranchIsLocked) {
  InitRepo();
  std::unique_ptr<GitRepository> repo = OpenRepo();
  std::string change_set = MakeChangeSet(*repo, {{"a.txt", "alpha 2\n"}});
  Git("merge -q --ff-only uprev/r1/x");
  std::string index_before = ReadFile(dir_ + "/.git/index");
  WriteFile(dir_ + "/.git/refs/heads/main.lock", "");

  Result<std::string> revert = repo->RevertOnHead(change_set, "Revert x", Bot());
  EXPECT_EQ(revert.status().code(), StatusCode::kIo);
  EXPECT_EQ(revert.status().message(),
            "refs/heads/main: error: cannot move branch: failed to lock file '" + dir_ +
                "/.git/refs/heads/main.lock' for writing: ");
  fs::remove(dir_ + "/.git/refs/heads/main.lock");
  EXPECT_EQ(GitLine("rev-parse HEAD"), change_set);
  EXPECT_EQ(Git("status --porcelain"), "");
  EXPECT_EQ(ReadFile(dir_ + "/a.txt"), "alpha 2\n");
}

}  // namespace
}  // namespace uprev
