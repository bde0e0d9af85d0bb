// `uprev run`, `status` and `revert` on real temporary git repositories,
// checked with the git command line.
#include <gtest/gtest.h>

#include <map>
#include <set>

#include "tools/cli_harness.h"

namespace uprev {
namespace {

using namespace testing_support;  // NOLINT: test code

// A small multi-language repository with deprecated calls from three
// shipped packs and a CODEOWNERS file.
class RunTest : public testing::Test {
 protected:
  void SetUp() override {
    repo_ = tmp_.path() / "repo";
    fs::create_directories(repo_);
    WriteAll(repo_ / "src/app.py",
             "import datetime\nimport logging\n\n\ndef tick():\n"
             "    logging.warn('tick')\n    return datetime.datetime.utcnow()\n");
    WriteAll(repo_ / "src/jobs.py", "import logging\n\nlogging.warn('jobs')\n");
    WriteAll(repo_ / "web/server.js", "const buf = new Buffer(16);\nmodule.exports = buf;\n");
    WriteAll(repo_ / "tools/ingest/main.go",
             "package main\n\nimport (\n\t\"fmt\"\n\t\"io/ioutil\"\n\t\"os\"\n)\n\nfunc main() {\n"
             "\tb, _ := ioutil.ReadAll(os.Stdin)\n\tfmt.Println(len(b))\n}\n");
    WriteAll(repo_ / ".github/CODEOWNERS", "*.py @acme/py-team\n/web/ @alice\n*.go @gophers\n");
    WriteAll(repo_ / "README.md", "demo\n");
    Git("git init -q -b main . && git config user.name T && git config user.email t@example.com"
        " && git add -A && git commit -qm base && git branch keep");
    base_ = Git("git rev-parse HEAD");
    refs_ = Git("git for-each-ref --format='%(refname) %(objectname)' | grep -v refs/heads/uprev/");
  }

  // Runs a git command line in the repository; its trimmed stdout.
  std::string Git(const std::string& command) {
    Invocation r = RunShell(repo_, command);
    EXPECT_EQ(r.exit, 0) << command << "\n" << r.err;
    while (!r.out.empty() && r.out.back() == '\n') r.out.pop_back();
    return r.out;
  }

  std::vector<std::string> UprevBranches() {
    std::string out = Git("git for-each-ref --format='%(refname:short)' refs/heads/uprev/");
    std::vector<std::string> branches;
    std::istringstream in(out);
    for (std::string line; std::getline(in, line);) branches.push_back(line);
    return branches;
  }

  // The run id printed on the first line: "uprev run <id>: ...".
  static std::string RunId(const std::string& out) {
    size_t start = out.find("uprev run ") + 10;
    return out.substr(start, out.find(':', start) - start);
  }

  void ExpectUntouched() {
    EXPECT_EQ(Git("git status --porcelain"), "");
    EXPECT_EQ(Git("git rev-parse HEAD"), base_);
    EXPECT_EQ(Git("git symbolic-ref HEAD"), "refs/heads/main");
    EXPECT_EQ(Git("git for-each-ref --format='%(refname) %(objectname)' | grep -v refs/heads/uprev/"),
              refs_);
  }

  TempDir tmp_;
  fs::path repo_;
  std::string base_;
  std::string refs_;
};

TEST_F(RunTest, EachChangeSetIsOneCommitOnTheBaseOnItsOwnBranch) {
  Invocation run = RunUprev(repo_, {"run"});
  ASSERT_EQ(run.exit, 0) << run.out << run.err;
  ExpectUntouched();
  std::string id = RunId(run.out);
  std::vector<std::string> branches = UprevBranches();
  EXPECT_EQ(branches, (std::vector<std::string>{"uprev/" + id + "/go-ioutil",
                                                "uprev/" + id + "/node-deprecations",
                                                "uprev/" + id + "/python-3.12",
                                                "uprev/" + id + "/review"}));
  for (const std::string& b : branches) {
    EXPECT_EQ(Git("git rev-list --parents -n1 " + b).substr(41), base_) << b;
    std::string trailers = Git("git log -1 --format=%B " + b);
    EXPECT_NE(trailers.find("Uprev-Run: " + id + "\n"), std::string::npos) << trailers;
    EXPECT_NE(trailers.find("Uprev-Pack: "), std::string::npos);
    EXPECT_NE(trailers.find("Uprev-Rules: "), std::string::npos);
  }
  std::string py = "uprev/" + id + "/python-3.12";
  EXPECT_EQ(Git("git diff --name-only " + base_ + " " + py), "src/app.py\nsrc/jobs.py");
  EXPECT_EQ(Git("git show " + py + ":src/jobs.py"), "import logging\n\nlogging.warning('jobs')");
  EXPECT_EQ(Git("git show " + py + ":src/app.py"),
            "import datetime\nimport logging\n\n\ndef tick():\n    logging.warning('tick')\n"
            "    return datetime.datetime.utcnow()");
  // The review-level fix (utcnow) is on the review branch only.
  EXPECT_EQ(Git("git diff --name-only " + base_ + " uprev/" + id + "/review"), "src/app.py");
  EXPECT_NE(Git("git show uprev/" + id + "/review:src/app.py")
                .find("datetime.datetime.now(datetime.timezone.utc)"),
            std::string::npos);
  EXPECT_EQ(Git("git show uprev/" + id + "/go-ioutil:tools/ingest/main.go"),
            "package main\n\nimport (\n\t\"fmt\"\n\t\"io\"\n\t\"os\"\n)\n\nfunc main() {\n"
            "\tb, _ := io.ReadAll(os.Stdin)\n\tfmt.Println(len(b))\n}");
  EXPECT_TRUE(fs::exists(repo_ / ".git/uprev/runs" / id / "journal.jsonl"));
  EXPECT_TRUE(fs::exists(repo_ / ".git/uprev/runs" / id / "report/findings.json"));
}

TEST_F(RunTest, MergeThenRevertRestoresTheTreeAndUnmergedRevertDeletesTheBranch) {
  Invocation run = RunUprev(repo_, {"run"});
  ASSERT_EQ(run.exit, 0) << run.err;
  std::string id = RunId(run.out);
  std::string tree_before = Git("git rev-parse HEAD^{tree}");
  Git("git merge -q --no-ff -m merge uprev/" + id + "/python-3.12");
  EXPECT_NE(Git("git rev-parse HEAD^{tree}"), tree_before);
  Invocation revert = RunUprev(repo_, {"revert", id + "/python-3.12"});
  ASSERT_EQ(revert.exit, 0) << revert.err;
  EXPECT_EQ(revert.out, "reverted python-3.12 on the current branch\ndeleted branch uprev/" + id +
                            "/python-3.12\n");
  EXPECT_EQ(Git("git rev-parse HEAD^{tree}"), tree_before);
  EXPECT_EQ(Git("git status --porcelain"), "");

  std::string tip = Git("git rev-parse uprev/" + id + "/node-deprecations");
  Invocation drop = RunUprev(repo_, {"revert", id + "/node-deprecations"});
  ASSERT_EQ(drop.exit, 0) << drop.err;
  EXPECT_EQ(drop.out, "deleted branch uprev/" + id + "/node-deprecations\n");
  EXPECT_EQ(RunShell(repo_, "git rev-parse --verify -q uprev/" + id + "/node-deprecations").exit, 1);
  Invocation status = RunUprev(repo_, {"status", id});
  ASSERT_EQ(status.exit, 0) << status.err;
  EXPECT_NE(status.out.find("node-deprecations        tip " + tip.substr(0, 12) + "  branch deleted"),
            std::string::npos) << status.out;
}

TEST_F(RunTest, SplitByOwnerGivesEachOwnerExactlyTheirFiles) {
  Invocation run = RunUprev(repo_, {"run", "--split", "owner"});
  ASSERT_EQ(run.exit, 0) << run.err;
  std::string id = RunId(run.out);
  std::string prefix = "uprev/" + id + "/";
  EXPECT_EQ(UprevBranches(), (std::vector<std::string>{prefix + "acme-py-team", prefix + "alice",
                                                       prefix + "gophers", prefix + "review"}));
  EXPECT_EQ(Git("git diff --name-only " + base_ + " " + prefix + "acme-py-team"),
            "src/app.py\nsrc/jobs.py");
  EXPECT_EQ(Git("git diff --name-only " + base_ + " " + prefix + "alice"), "web/server.js");
  EXPECT_EQ(Git("git diff --name-only " + base_ + " " + prefix + "gophers"),
            "tools/ingest/main.go");
  ExpectUntouched();
}

TEST_F(RunTest, SplitByRuleAndIntoOne) {
  Invocation by_rule = RunUprev(repo_, {"run", "--split", "rule"});
  ASSERT_EQ(by_rule.exit, 0) << by_rule.err;
  std::string prefix = "uprev/" + RunId(by_rule.out) + "/";
  EXPECT_EQ(UprevBranches(), (std::vector<std::string>{prefix + "buffer-constructor-size",
                                                       prefix + "ioutil-readall",
                                                       prefix + "logging-warn", prefix + "review"}));
  EXPECT_EQ(Git("git diff --name-only " + base_ + " " + prefix + "logging-warn"),
            "src/app.py\nsrc/jobs.py");
  Git("git for-each-ref --format='%(refname)' refs/heads/uprev/ | xargs -r -n1 git update-ref -d");

  Invocation one = RunUprev(repo_, {"run", "--split", "none"});
  ASSERT_EQ(one.exit, 0) << one.err;
  prefix = "uprev/" + RunId(one.out) + "/";
  EXPECT_EQ(UprevBranches(), (std::vector<std::string>{prefix + "all", prefix + "review"}));
  EXPECT_EQ(Git("git diff --name-only " + base_ + " " + prefix + "all"),
            "src/app.py\nsrc/jobs.py\ntools/ingest/main.go\nweb/server.js");
  ExpectUntouched();
}

TEST_F(RunTest, FailedVerificationKeepsNoBranchAndExitsOne) {
  Invocation failing = RunUprev(repo_, {"run", "--rules", "python-3.12", "--verify",
                                        "test ! -f src/jobs.py || exit 1"});
  EXPECT_EQ(failing.exit, 1) << failing.out << failing.err;
  std::string id = RunId(failing.out);
  EXPECT_TRUE(UprevBranches().empty());
  std::string journal = ReadAll(repo_ / ".git/uprev/runs" / id / "journal.jsonl");
  EXPECT_NE(journal.find("\"event\":\"verify\",\"exit\":1,\"output\":\"\",\"passed\":false"),
            std::string::npos) << journal;
  ExpectUntouched();

  Invocation passing = RunUprev(repo_, {"run", "--rules", "python-3.12", "--verify",
                                        "python3 -m py_compile src/app.py src/jobs.py"});
  EXPECT_EQ(passing.exit, 0) << passing.out << passing.err;
  std::string id2 = RunId(passing.out);
  EXPECT_EQ(UprevBranches(), (std::vector<std::string>{"uprev/" + id2 + "/python-3.12",
                                                       "uprev/" + id2 + "/review"}));
  std::string journal2 = ReadAll(repo_ / ".git/uprev/runs" / id2 / "journal.jsonl");
  EXPECT_NE(journal2.find("\"passed\":true"), std::string::npos);
}

// C++ in a run: Clang sees the base (exported, with the repository's
// compilation database moved onto it), and each change set's units must
// still compile, else the change set fails verification.
class CppRunTest : public RunTest {
 protected:
  void SetUp() override {
    repo_ = tmp_.path() / "repo";
    fs::create_directories(repo_);
    WriteAll(repo_ / "src/list.h",
             "#ifndef LIST_H\n#define LIST_H\n#include <cstddef>\n"
             "struct Node { Node* next; int value; };\n"
             "inline bool empty(const Node* n) { return n == NULL; }\n#endif\n");
    WriteAll(repo_ / "src/list.cpp",
             "#include \"list.h\"\n\nint length(const Node* n) {\n  int count = 0;\n"
             "  for (; n != 0; n = n->next) ++count;\n  return count;\n}\n");
    WriteAll(repo_ / "src/main.cpp",
             "#include \"list.h\"\n\nint length(const Node* n);\n\nint main() {\n"
             "  Node* head = NULL;\n  return length(head) + (empty(head) ? 0 : 1);\n}\n");
    WriteAll(repo_ / "compile_commands.json",
             "[{\"directory\": \".\", \"file\": \"src/list.cpp\", \"arguments\": "
             "[\"clang++-14\", \"-std=c++11\", \"-c\", \"src/list.cpp\"]},\n"
             " {\"directory\": \".\", \"file\": \"src/main.cpp\", \"arguments\": "
             "[\"clang++-14\", \"-std=c++11\", \"-c\", \"src/main.cpp\"]}]\n");
    Git("git init -q -b main . && git config user.name T && git config user.email t@example.com"
        " && git add -A && git commit -qm base");
    base_ = Git("git rev-parse HEAD");
    refs_ = Git("git for-each-ref --format='%(refname) %(objectname)' | grep -v refs/heads/uprev/");
  }
};

// The pre-commit check runs Clang matcher rules on what is staged, not on
// the working tree.
TEST_F(CppRunTest, ScanStagedRunsClangOnTheStagedText) {
  WriteAll(repo_ / "src/list.cpp", "#include \"list.h\"\n\nint* spare = 0;\n");
  Git("git add src/list.cpp");
  WriteAll(repo_ / "src/list.cpp", "#include \"list.h\"\n\nint* spare = nullptr;\n");
  Invocation staged = RunUprev(repo_, {"scan", "--staged", "--rules", "cpp-modernize"});
  EXPECT_EQ(staged.exit, 1) << staged.err;
  EXPECT_EQ(staged.out.substr(0, staged.out.find(" warning")), "src/list.cpp:3:14:");
  EXPECT_NE(staged.out.find("[use-nullptr]"), std::string::npos) << staged.out;
  // The working tree has no such line; list.h's NULL is not staged.
  Invocation tree = RunUprev(repo_, {"scan", "src/list.cpp", "--rules", "cpp-modernize"});
  EXPECT_EQ(tree.out.find("src/list.cpp:3:"), std::string::npos) << tree.out;
}

// The validation report's idempotence check runs the Clang matcher rules
// on the change set's texts too: a fix that its own rule matches again
// (`1` to `(1)`) is not a fixpoint.
TEST_F(CppRunTest, IdempotenceCheckCoversClangRules) {
  WriteAll(tmp_.path() / "paren.yaml",
           "pack: paren\nrules:\n  - id: paren-one\n    language: cpp\n    message: m\n"
           "    matcher: integerLiteral(equals(1))\n    fix: (1)\n    tests:\n"
           "      - code: \"int x = 1;\\n\"\n        findings: 1\n");
  WriteAll(repo_ / "src/list.cpp", "int one() { return 1; }\n");
  Git("git add -A && git commit -qm one");
  Invocation run = RunUprev(repo_, {"run", "--rules", (tmp_.path() / "paren.yaml").string()});
  ASSERT_EQ(run.exit, 0) << run.out << run.err;
  std::string id = RunId(run.out);
  std::string report = ReadAll(repo_ / ".git/uprev/runs" / id / "report.json");
  EXPECT_NE(report.find("\"idempotent\": false"), std::string::npos) << report;
  EXPECT_NE(report.find("src/list.cpp: fixing the result again changes it (1 more fix)"),
            std::string::npos) << report;
}

TEST_F(CppRunTest, ClangRulesSeeTheBaseAndChangeSetsMustCompile) {
  Invocation run = RunUprev(repo_, {"run", "--rules", "cpp-modernize"});
  ASSERT_EQ(run.exit, 0) << run.out << run.err;
  std::string id = RunId(run.out);
  EXPECT_EQ(UprevBranches(), std::vector<std::string>{"uprev/" + id + "/cpp-modernize"});
  std::string branch = "uprev/" + id + "/cpp-modernize";
  EXPECT_EQ(Git("git show " + branch + ":src/list.h"),
            "#ifndef LIST_H\n#define LIST_H\n#include <cstddef>\n"
            "struct Node { Node* next; int value; };\n"
            "inline bool empty(const Node* n) { return n == nullptr; }\n#endif");
  EXPECT_EQ(Git("git show " + branch + ":src/list.cpp"),
            "#include \"list.h\"\n\nint length(const Node* n) {\n  int count = 0;\n"
            "  for (; n != nullptr; n = n->next) ++count;\n  return count;\n}");
  EXPECT_NE(Git("git show " + branch + ":src/main.cpp").find("Node* head = nullptr;"),
            std::string::npos);
  std::string journal = ReadAll(repo_ / ".git/uprev/runs" / id / "journal.jsonl");
  EXPECT_NE(journal.find("\"event\":\"verify\",\"exit\":0,\"output\":\"\",\"passed\":true"),
            std::string::npos) << journal;
  ExpectUntouched();

  // A fix that does not compile: the change set fails, keeps no branch.
  WriteAll(tmp_.path() / "broken.yaml",
           "pack: broken\nrules:\n  - id: null-to-word\n    language: cpp\n    message: m\n"
           "    matcher: gnuNullExpr()\n    fix: nothing_here\n    tests:\n"
           "      - code: |\n          #include <cstddef>\n          int* p = NULL;\n"
           "        fixed: |\n          #include <cstddef>\n          int* p = nothing_here;\n");
  Invocation broken = RunUprev(repo_, {"run", "--rules", (tmp_.path() / "broken.yaml").string()});
  EXPECT_EQ(broken.exit, 1) << broken.out << broken.err;
  std::string id2 = RunId(broken.out);
  EXPECT_EQ(UprevBranches(), std::vector<std::string>{"uprev/" + id + "/cpp-modernize"});
  std::string journal2 = ReadAll(repo_ / ".git/uprev/runs" / id2 / "journal.jsonl");
  // Both units include the changed header, so both are compiled.
  EXPECT_NE(journal2.find("\"output\":\"C/C++ units that no longer compile:\\n"
                          "src/list.h:5:48: error: use of undeclared identifier 'nothing_here'\\n"
                          "src/list.h:5:48: error: use of undeclared identifier 'nothing_here'\\n"
                          "src/main.cpp:6:16: error: use of undeclared identifier 'nothing_here'"
                          "\\n\",\"passed\":false"),
            std::string::npos) << journal2;
  ExpectUntouched();
}

// `scan --staged` reads the index, not the working tree; with a baseline
// only new findings count.
TEST_F(RunTest, ScanStagedReadsTheIndexAndBaselineCountsOnlyNewFindings) {
  const std::string kWarn = "logging.warn() is deprecated (since Python 3.3; listed under pending "
                            "removals in What's New in Python 3.12); use logging.warning() "
                            "[logging-warn]\n";
  // Nothing staged: nothing to report, even though the tree has findings.
  Invocation clean = RunUprev(repo_, {"scan", "--staged", "--rules", "python-3.12"});
  EXPECT_EQ(clean.exit, 0) << clean.err;
  EXPECT_EQ(clean.out, "");
  // Only in the working tree: not reported.
  WriteAll(repo_ / "src/worktree.py", "import logging\nlogging.warn('unstaged')\n");
  WriteAll(repo_ / "src/jobs.py", "import logging\n\nlogging.warning('jobs')\n");
  Git("git add src/jobs.py");
  WriteAll(repo_ / "src/jobs.py", "import logging\n\nlogging.warn('edited after staging')\n");
  Invocation unstaged = RunUprev(repo_, {"scan", "--staged", "--rules", "python-3.12"});
  EXPECT_EQ(unstaged.exit, 0) << unstaged.out << unstaged.err;
  EXPECT_EQ(unstaged.out, "");
  // Staged (and then changed in the tree): the staged text is reported.
  WriteAll(repo_ / "src/staged.py", "import logging\nlogging.warn('staged')\n");
  Git("git add src/staged.py && rm src/staged.py");
  Invocation found = RunUprev(repo_, {"scan", "--staged", "--rules", "python-3.12"});
  EXPECT_EQ(found.exit, 1) << found.err;
  EXPECT_EQ(found.out, "src/staged.py:2:1: warning: " + kWarn);
  // From a subfolder, paths are relative to it.
  Invocation sub = RunUprev(repo_ / "src", {"scan", "--staged", "--rules", "python-3.12"});
  EXPECT_EQ(sub.out, "staged.py:2:1: warning: " + kWarn);

  // A baseline of the staged findings: moving them does not fail, a new one does.
  Invocation base = RunUprev(repo_, {"scan", "--staged", "--rules", "python-3.12", "--format",
                                     "json"});
  WriteAll(tmp_.path() / "baseline.json", base.out);
  std::string baseline = (tmp_.path() / "baseline.json").string();
  WriteAll(repo_ / "src/staged.py", "import logging\n\n\n# moved down\nlogging.warn('staged')\n");
  Git("git add src/staged.py");
  Invocation moved = RunUprev(repo_, {"scan", "--staged", "--rules", "python-3.12",
                                      "--baseline", baseline});
  EXPECT_EQ(moved.exit, 0) << moved.out << moved.err;
  EXPECT_EQ(moved.out, "");
  WriteAll(repo_ / "src/staged.py", "import logging\n\n\n# moved down\nlogging.warn('staged')\n"
                                    "logging.warn('new')\n");
  Git("git add src/staged.py");
  Invocation added = RunUprev(repo_, {"scan", "--staged", "--rules", "python-3.12",
                                      "--baseline", baseline});
  EXPECT_EQ(added.exit, 1) << added.err;
  EXPECT_EQ(added.out, "src/staged.py:6:1: warning: " + kWarn);
  // A baseline that is not a JSON result is bad input.
  WriteAll(tmp_.path() / "bad.json", "{\"version\": 1}\n");
  Invocation bad = RunUprev(repo_, {"scan", "--staged", "--baseline",
                                    (tmp_.path() / "bad.json").string()});
  EXPECT_EQ(bad.exit, 2);
  EXPECT_EQ(bad.err, (tmp_.path() / "bad.json").string() +
                         ":1:1: error: not an uprev JSON result (no \"findings\" list); write "
                         "one with `uprev scan --format json`\n");
}

// The pre-commit framework runs uprev from this repository's
// .pre-commit-hooks.yaml (pre-commit try-repo, with build/ on PATH).
TEST_F(RunTest, PreCommitHookFailsOnStagedDeprecationsOnly) {
  fs::path home = tmp_.path() / "pre-commit-home";
  std::string env = "PRE_COMMIT_HOME=" + Quote(home.string()) + " PATH=" +
                    Quote(fs::path(UPREV_BINARY).parent_path().string()) + ":\"$PATH\" ";
  std::string hook = env + "pre-commit try-repo " + Quote(UPREV_SOURCE_DIR) +
                     " uprev 2>&1";
  WriteAll(repo_ / "src/clean.py", "import logging\nlogging.warning('fine')\n");
  Git("git add src/clean.py");
  Invocation clean = RunShell(repo_, hook);
  EXPECT_EQ(clean.exit, 0) << clean.out << clean.err;
  WriteAll(repo_ / "src/bad.py", "import logging\nlogging.warn('staged')\n");
  Git("git add src/bad.py");
  Invocation bad = RunShell(repo_, hook);
  EXPECT_EQ(bad.exit, 1) << bad.out << bad.err;
  EXPECT_NE(bad.out.find("src/bad.py:2:1: warning: logging.warn() is deprecated"),
            std::string::npos) << bad.out;
  EXPECT_EQ(bad.out.find("src/app.py"), std::string::npos) << "unstaged files were scanned";
}

// Every report of a run is in its report folder, and `uprev report` renders
// each again from the run's report.json, with change sets up to date.
TEST_F(RunTest, ReportsOfARunAndUprevReport) {
  Invocation run = RunUprev(repo_, {"run", "--verify", "true"});
  ASSERT_EQ(run.exit, 0) << run.out << run.err;
  std::string id = RunId(run.out);
  fs::path dir = repo_ / ".git/uprev/runs" / id / "report";
  std::map<std::string, std::string> formats = {
      {"html", "review-queue.html"},         {"md", "review-queue.md"},
      {"migration-plan", "migration-plan.md"}, {"validation-report", "validation-report.md"},
      {"rollback-plan", "rollback-plan.md"},   {"json", "findings.json"},
      {"sarif", "findings.sarif"}};
  for (const auto& [format, file] : formats) {
    ASSERT_TRUE(fs::exists(dir / file)) << file;
    Invocation again = RunUprev(repo_, {"report", id, "--format", format});
    EXPECT_EQ(again.exit, 0) << again.err;
    EXPECT_EQ(again.out, ReadAll(dir / file)) << format;
  }
  std::string validation = ReadAll(dir / "validation-report.md");
  EXPECT_NE(validation.find("**All 4 change sets passed.**"), std::string::npos) << validation;
  std::string plan = ReadAll(dir / "migration-plan.md");
  EXPECT_NE(plan.find("`uprev/" + id + "/python-3.12`"), std::string::npos) << plan;
  std::string rollback = ReadAll(dir / "rollback-plan.md");
  EXPECT_NE(rollback.find("git branch -D uprev/" + id + "/go-ioutil"), std::string::npos)
      << rollback;
  // The review queue names the owner from CODEOWNERS.
  EXPECT_NE(ReadAll(dir / "review-queue.md").find("@acme/py-team"), std::string::npos);

  // Dropping a change set shows in a later rendering.
  Invocation revert = RunUprev(repo_, {"revert", id + "/go-ioutil"});
  ASSERT_EQ(revert.exit, 0) << revert.err;
  Invocation later = RunUprev(repo_, {"report", id, "--format", "rollback-plan"});
  EXPECT_NE(later.out, rollback);
  EXPECT_EQ(later.out.find("git branch -D uprev/" + id + "/go-ioutil"), std::string::npos);
  // Bad uses.
  Invocation unknown = RunUprev(repo_, {"report", "20000101-000000-0000"});
  EXPECT_EQ(unknown.exit, 2);
  EXPECT_EQ(unknown.err, "20000101-000000-0000: error: no such run (uprev status lists the runs)\n");
  Invocation bad = RunUprev(repo_, {"report", id, "--format", "pdf"});
  EXPECT_EQ(bad.exit, 2);
  ExpectUntouched();
}

TEST_F(RunTest, KilledRunsResumeToTheSameTrees) {
  Invocation clean = RunUprev(repo_, {"run"});
  ASSERT_EQ(clean.exit, 0) << clean.err;
  std::map<std::string, std::string> want;
  for (const std::string& b : UprevBranches()) {
    want[b.substr(b.rfind('/') + 1)] = Git("git rev-parse " + b + "^{tree}");
  }
  Git("git for-each-ref --format='%(refname)' refs/heads/uprev/ | xargs -r -n1 git update-ref -d");

  for (const std::string& point : {"file:3", "commit:1", "commit:3", "branch:2"}) {
    SCOPED_TRACE(point);
    Invocation killed = RunUprev(repo_, {"run"}, std::string("UPREV_TEST_CRASH=") + point);
    EXPECT_EQ(killed.exit, 137) << killed.out << killed.err;
    // No uprev ref points at anything but a whole commit.
    for (const std::string& b : UprevBranches()) {
      EXPECT_EQ(Git("git cat-file -t " + b), "commit");
    }
    // The killed run's record is the one without a "done" event.
    std::string journal = Git("grep -L '\"event\":\"done\"' .git/uprev/runs/*/journal.jsonl");
    std::string id = fs::path(journal).parent_path().filename().string();
    ASSERT_FALSE(id.empty());
    Invocation resumed = RunUprev(repo_, {"run", "--resume", id});
    ASSERT_EQ(resumed.exit, 0) << resumed.out << resumed.err;
    std::map<std::string, std::string> got;
    for (const std::string& b : UprevBranches()) {
      if (b.find(id) == std::string::npos) continue;
      got[b.substr(b.rfind('/') + 1)] = Git("git rev-parse " + b + "^{tree}");
    }
    EXPECT_EQ(got, want);
    ExpectUntouched();
  }
}

TEST_F(RunTest, RefusesUnsafeStartsAndChangesNothing) {
  WriteAll(repo_ / "src/jobs.py", "import logging\n# edited\n");
  Invocation dirty = RunUprev(repo_, {"run"});
  EXPECT_EQ(dirty.exit, 2);
  EXPECT_EQ(dirty.err, repo_.string() + ": error: the working tree has uncommitted changes; commit "
                                        "or stash them, or name the base with --base REV\n");
  Git("git checkout -q -- src/jobs.py");

  Git("git checkout -q --detach HEAD");
  Invocation detached = RunUprev(repo_, {"run"});
  EXPECT_EQ(detached.exit, 2);
  EXPECT_EQ(detached.err, repo_.string() + ": error: HEAD is detached; check out a branch, or name "
                                           "the base with --base REV\n");
  Git("git checkout -q main");

  Invocation not_repo = RunUprev(tmp_.path(), {"run", "--repo", tmp_.path().string()});
  EXPECT_EQ(not_repo.exit, 2);
  EXPECT_EQ(not_repo.err, tmp_.path().string() + ": error: not a git repository\n");

  Git("git clone -q --bare . ../bare.git");
  Invocation bare = RunUprev(tmp_.path() / "bare.git", {"run"});
  EXPECT_EQ(bare.exit, 2);
  EXPECT_NE(bare.err.find("a bare repository has no working tree"), std::string::npos) << bare.err;

  // A second run while one holds the lock.
  Invocation holder = RunShell(repo_, "sleep 30 & echo $! > .git/uprev-test-pid; "
                                      "mkdir -p .git/uprev && echo $(cat .git/uprev-test-pid) > "
                                      ".git/uprev/lock");
  ASSERT_EQ(holder.exit, 0);
  Invocation second = RunUprev(repo_, {"run"});
  EXPECT_EQ(second.exit, 2);
  EXPECT_NE(second.err.find("error: another uprev run (pid "), std::string::npos) << second.err;
  RunShell(repo_, "kill $(cat .git/uprev-test-pid); rm -f .git/uprev-test-pid .git/uprev/lock");

  EXPECT_TRUE(UprevBranches().empty());
  EXPECT_FALSE(fs::exists(repo_ / ".git/uprev/runs"));
  ExpectUntouched();
}

TEST_F(RunTest, DryRunPrintsThePlanAndWritesNothing) {
  Invocation dry = RunUprev(repo_, {"run", "--dry-run", "--rules", "go-ioutil"});
  ASSERT_EQ(dry.exit, 0) << dry.err;
  EXPECT_EQ(dry.out, "uprev run --dry-run: base " + base_.substr(0, 12) +
                         " (refs/heads/main), split by pack\n"
                         "1 findings in 4 files; 0 review items\n\n"
                         "change set go-ioutil: 1 fixes in 1 files\n"
                         "  ioutil-readall                           1\n"
                         "  tools/ingest/main.go\n");
  EXPECT_TRUE(UprevBranches().empty());
  EXPECT_FALSE(fs::exists(repo_ / ".git/uprev"));
  ExpectUntouched();
}

}  // namespace
}  // namespace uprev
