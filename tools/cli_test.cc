// End-to-end tests of the `uprev` binary, driven by data:
//  - testdata/fixtures/<language>/<case>/: rules.yaml, input.<ext> and the
//    goldens scan.stdout (uprev scan), fix.stderr and expected.<ext>
//    (uprev fix); a second fix must change nothing.
//  - testdata/cli/<case>/: args (one argument a line), an optional input/
//    tree (and `renames`, "FROM TO" lines applied to its copy), and the
//    goldens stdout, stderr, exit and (when present) output/, the tree
//    after the command.
// UPREV_REGENERATE=1 rewrites the goldens; review their diff like code.
#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>
#include <string>
#include <vector>

#include <yaml-cpp/yaml.h>

#include <nlohmann/json.hpp>
#include <set>
#include <tuple>

#include "tools/cli_harness.h"

namespace uprev {
namespace {

using namespace testing_support;  // NOLINT: test code

const fs::path kSource = UPREV_SOURCE_DIR;

bool Regenerate() { return std::getenv("UPREV_REGENERATE") != nullptr; }

void ExpectGolden(const fs::path& golden, const std::string& actual) {
  if (Regenerate()) {
    WriteAll(golden, actual);
    return;
  }
  ASSERT_TRUE(fs::exists(golden)) << golden << " is missing; run with UPREV_REGENERATE=1";
  EXPECT_EQ(ReadAll(golden), actual) << "golden " << golden;
}

std::vector<fs::path> CaseDirs(const fs::path& root, int depth) {
  std::vector<fs::path> out;
  if (!fs::exists(root)) return out;
  for (const auto& e : fs::directory_iterator(root)) {
    if (!e.is_directory()) continue;
    if (depth == 1) {
      out.push_back(e.path());
    } else {
      for (const fs::path& p : CaseDirs(e.path(), depth - 1)) out.push_back(p);
    }
  }
  std::sort(out.begin(), out.end());
  return out;
}

std::string CaseName(const testing::TestParamInfo<fs::path>& info) {
  std::string name = fs::relative(info.param, kSource / "testdata").string();
  for (char& c : name) {
    if (!std::isalnum(static_cast<unsigned char>(c))) c = '_';
  }
  return name;
}

// ---- fixtures: one rule file, one input file ----

class FixtureTest : public testing::TestWithParam<fs::path> {};

TEST_P(FixtureTest, ScanAndFixMatchGoldens) {
  const fs::path& dir = GetParam();
  fs::path input;
  for (const auto& e : fs::directory_iterator(dir)) {
    if (e.path().stem() == "input") input = e.path();
  }
  ASSERT_FALSE(input.empty()) << dir << " has no input.<ext>";
  std::string ext = input.extension().string();
  TempDir tmp;
  fs::copy_file(dir / "rules.yaml", tmp.path() / "rules.yaml");
  fs::copy_file(input, tmp.path() / ("input" + ext));

  Invocation scan = RunUprev(tmp.path(), {"scan", "--rules", "rules.yaml", "--fail-on", "error",
                                   "input" + ext});
  EXPECT_LE(scan.exit, 1) << scan.err;
  ExpectGolden(dir / "scan.stdout", scan.out);

  Invocation fix = RunUprev(tmp.path(), {"fix", "--rules", "rules.yaml", "input" + ext});
  EXPECT_EQ(fix.exit, 0) << fix.err;
  ExpectGolden(dir / "fix.stderr", fix.err);
  std::string fixed = ReadAll(tmp.path() / ("input" + ext));
  ExpectGolden(dir / ("expected" + ext), fixed);

  Invocation again = RunUprev(tmp.path(), {"fix", "--rules", "rules.yaml", "input" + ext});
  EXPECT_EQ(again.exit, 0);
  EXPECT_EQ(ReadAll(tmp.path() / ("input" + ext)), fixed) << "a second fix changed the file";
}

// An empty case folder is not an error of the runner.
GTEST_ALLOW_UNINSTANTIATED_PARAMETERIZED_TEST(FixtureTest);
INSTANTIATE_TEST_SUITE_P(Golden, FixtureTest,
                         testing::ValuesIn(CaseDirs(kSource / "testdata" / "fixtures", 2)),
                         CaseName);

// ---- CLI cases: arguments, a tree, expected output ----

class CliCaseTest : public testing::TestWithParam<fs::path> {};

TEST_P(CliCaseTest, OutputMatchesGoldens) {
  const fs::path& dir = GetParam();
  std::vector<std::string> args;
  std::istringstream lines(ReadAll(dir / "args"));
  for (std::string line; std::getline(lines, line);) {
    if (!line.empty()) args.push_back(line);
  }
  TempDir tmp;
  fs::path work = tmp.path() / "work";
  fs::create_directories(work);
  if (fs::exists(dir / "input")) fs::copy(dir / "input", work, fs::copy_options::recursive);
  // `renames`: "FROM TO" a line, applied to the copied tree. A case that
  // needs a node_modules/ folder keeps it under another name, so that the
  // repository holds no folder that looks like installed packages.
  std::istringstream renames(fs::exists(dir / "renames") ? ReadAll(dir / "renames") : "");
  for (std::string from, to; renames >> from >> to;) fs::rename(work / from, work / to);
  std::map<std::string, std::string> before = Tree(work);
  Invocation run = RunUprev(work, args);
  ExpectGolden(dir / "stdout", run.out);
  ExpectGolden(dir / "stderr", run.err);
  ExpectGolden(dir / "exit", std::to_string(run.exit) + "\n");
  if (fs::exists(dir / "output") || Regenerate()) {
    std::map<std::string, std::string> after = Tree(work);
    if (Regenerate()) {
      fs::remove_all(dir / "output");
      if (after != before) fs::copy(work, dir / "output", fs::copy_options::recursive);
    } else {
      EXPECT_EQ(after, Tree(dir / "output"));
    }
  }
  if (!fs::exists(dir / "output") && !Regenerate()) {
    EXPECT_EQ(Tree(work), before) << "the command changed files but the case has no output/";
  }
}

GTEST_ALLOW_UNINSTANTIATED_PARAMETERIZED_TEST(CliCaseTest);
INSTANTIATE_TEST_SUITE_P(Cli, CliCaseTest,
                         testing::ValuesIn(CaseDirs(kSource / "testdata" / "cli", 1)), CaseName);

// ---- projects: a realistic tree upgraded end to end ----
// testdata/projects/<language>-<name>/: input/ and the golden expected/;
// `uprev fix --include-review` (every shipped pack) turns the one into the
// other, a second fix changes nothing, and the output still compiles:
// Python with py_compile, JavaScript with node --check, Go with gofmt.

class ProjectTest : public testing::TestWithParam<fs::path> {};

// C and C++ projects (cpp-*) get a compilation database of their src/*.cpp,
// written beside the tree (so it is not part of it) and given with -p.
std::vector<std::string> CppSources(const fs::path& work) {
  std::vector<std::string> out;
  if (!fs::exists(work / "src")) return out;
  for (const auto& e : fs::directory_iterator(work / "src")) {
    if (e.path().extension() == ".cpp") out.push_back("src/" + e.path().filename().string());
  }
  std::sort(out.begin(), out.end());
  return out;
}

const char* kCppFlags = "-std=c++11 -Iinclude";

fs::path WriteCompilationDatabase(const fs::path& work, const fs::path& db_dir) {
  std::string json = "[\n";
  std::vector<std::string> sources = CppSources(work);
  for (size_t i = 0; i < sources.size(); ++i) {
    json += "  {\"directory\": \"" + work.string() + "\", \"file\": \"" + sources[i] +
            "\", \"command\": \"clang++-14 " + kCppFlags + " -c " + sources[i] + "\"}" +
            (i + 1 < sources.size() ? ",\n" : "\n");
  }
  fs::create_directories(db_dir);
  WriteAll(db_dir / "compile_commands.json", json + "]\n");
  return db_dir;
}

TEST_P(ProjectTest, FixGivesTheGoldenTreeAndItCompiles) {
  const fs::path& dir = GetParam();
  TempDir tmp;
  fs::path work = tmp.path() / "project";
  fs::copy(dir / "input", work, fs::copy_options::recursive);
  std::vector<std::string> args = {"fix", "--include-review"};
  bool cpp = dir.filename().string().rfind("cpp-", 0) == 0;
  if (cpp) {
    args.push_back("-p");
    args.push_back(WriteCompilationDatabase(work, tmp.path() / "db").string());
  }
  Invocation fix = RunUprev(work, args);
  ASSERT_EQ(fix.exit, 0) << fix.err;
  std::map<std::string, std::string> fixed = Tree(work);
  if (Regenerate()) {
    fs::remove_all(dir / "expected");
    fs::copy(work, dir / "expected", fs::copy_options::recursive);
  } else {
    EXPECT_EQ(fixed, Tree(dir / "expected"));
  }
  Invocation again = RunUprev(work, args);
  EXPECT_EQ(again.exit, 0);
  EXPECT_EQ(Tree(work), fixed) << "a second fix changed files";
  for (const std::string& source : cpp ? CppSources(work) : std::vector<std::string>{}) {
    Invocation compiled =
        RunShell(work, std::string("clang++-14 -fsyntax-only ") + kCppFlags + " " + source);
    EXPECT_EQ(compiled.exit, 0) << source << ": " << compiled.err;
  }
  for (const auto& [path, text] : fixed) {
    std::string ext = fs::path(path).extension().string();
    // Go: gofmt where the machine has Go (set-up does not install it);
    // uprev's own re-parse covers Go and Java everywhere.
    std::string check = ext == ".py" ? "python3 -m py_compile " + Quote(path)
                        : ext == ".js" || ext == ".mjs" || ext == ".cjs"
                            ? "node --check " + Quote(path)
                        : ext == ".go" ? "! command -v gofmt >/dev/null || test -z \"$(gofmt -l " +
                                             Quote(path) + ")\""
                                       : "";
    if (check.empty()) continue;
    Invocation compiled = RunShell(work, check);
    EXPECT_EQ(compiled.exit, 0) << path << ": " << compiled.err;
  }
}

GTEST_ALLOW_UNINSTANTIATED_PARAMETERIZED_TEST(ProjectTest);
INSTANTIATE_TEST_SUITE_P(Projects, ProjectTest,
                         testing::ValuesIn(CaseDirs(kSource / "testdata" / "projects", 1)),
                         CaseName);

// ---- C++: uprev's nullptr edits equal clang-tidy's ----
// On the pre-C++11 project, the safe use-nullptr edits of `uprev scan` are
// exactly the replacements clang-tidy-14's modernize-use-nullptr exports
// (headers included, each edit once), and the project `uprev fix` rewrites
// compiles and runs with the same output.

using Edit = std::tuple<std::string, uint32_t, uint32_t, std::string>;  // path, offset, length, text

std::set<Edit> ClangTidyEdits(const fs::path& work, const fs::path& db) {
  std::string files;
  for (const std::string& s : CppSources(work)) files += " " + s;
  fs::path exported = db / "fixes.yaml";
  Invocation tidy = RunShell(work, "clang-tidy-14 --quiet --checks='-*,modernize-use-nullptr' "
                                   "--header-filter='.*' --export-fixes=" + Quote(exported) +
                                   " -p " + Quote(db) + files);
  EXPECT_EQ(tidy.exit, 0) << tidy.err;
  std::set<Edit> out;
  YAML::Node root = YAML::LoadFile(exported.string());
  for (const YAML::Node& d : root["Diagnostics"]) {
    for (const YAML::Node& r : d["DiagnosticMessage"]["Replacements"]) {
      // Relative paths are relative to the unit's build directory.
      fs::path file = fs::path(d["BuildDirectory"].as<std::string>()) /
                      r["FilePath"].as<std::string>();
      out.emplace(fs::relative(fs::weakly_canonical(file), fs::canonical(work)).string(),
                  r["Offset"].as<uint32_t>(), r["Length"].as<uint32_t>(),
                  r["ReplacementText"].as<std::string>());
    }
  }
  return out;
}

uint32_t OffsetOf(const std::string& text, uint32_t line, uint32_t col) {
  uint32_t offset = 0;
  for (uint32_t l = 1; l < line; ++l) offset = static_cast<uint32_t>(text.find('\n', offset)) + 1;
  return offset + col - 1;
}

TEST(CppEquivalenceTest, NullptrEditsEqualClangTidysAndTheResultCompiles) {
  TempDir tmp;
  fs::path work = tmp.path() / "project";
  fs::copy(kSource / "testdata/projects/cpp-legacy/input", work, fs::copy_options::recursive);
  fs::path db = WriteCompilationDatabase(work, tmp.path() / "db");
  std::set<Edit> expected = ClangTidyEdits(work, db);
  ASSERT_GT(expected.size(), 50u);

  Invocation scan = RunUprev(work, {"scan", "--rules", "cpp-modernize", "--format", "json",
                                    "-p", db.string()});
  ASSERT_EQ(scan.exit, 1) << scan.err;
  nlohmann::json result = nlohmann::json::parse(scan.out);
  std::set<Edit> ours;
  size_t review = 0;
  for (const nlohmann::json& f : result["findings"]) {
    if (f["rule"] != "use-nullptr") continue;
    if (f["confidence"] != "safe") {
      ++review;  // user macros: reported, not edited
      continue;
    }
    std::string text = ReadAll(work / f["path"].get<std::string>());
    uint32_t begin = OffsetOf(text, f["start"]["line"], f["start"]["col"]);
    uint32_t end = OffsetOf(text, f["end"]["line"], f["end"]["col"]);
    ours.emplace(f["path"], begin, end - begin, f["fix"]["replacement"]);
  }
  EXPECT_EQ(ours, expected);
  EXPECT_GT(review, 0u);

  Invocation before = RunShell(work, std::string("clang++-14 ") + kCppFlags +
                                         " src/*.cpp -o ../before && ../before");
  ASSERT_EQ(before.exit, 0) << before.err;
  Invocation fix = RunUprev(work, {"fix", "--rules", "cpp-modernize", "-p", db.string()});
  ASSERT_EQ(fix.exit, 0) << fix.err;
  Invocation after = RunShell(work, std::string("clang++-14 ") + kCppFlags +
                                        " src/*.cpp -o ../after && ../after");
  ASSERT_EQ(after.exit, 0) << after.err;
  EXPECT_EQ(after.out, before.out);
  // Every nullptr edit was written: a second scan finds none to make.
  Invocation again = RunUprev(work, {"scan", "--rules", "cpp-modernize", "--format", "json",
                                     "-p", db.string()});
  for (const nlohmann::json& f : nlohmann::json::parse(again.out)["findings"]) {
    EXPECT_FALSE(f["rule"] == "use-nullptr" && f["confidence"] == "safe") << f.dump();
  }
}

// ---- the demo repository: dry-run diff, fix, idempotence ----

TEST(DemoRepo, DryRunDiffAppliesAndFixIsIdempotent) {
  TempDir tmp;
  fs::path repo = tmp.path() / "demo";
  fs::copy(kSource / "testdata" / "demo-repo", repo, fs::copy_options::recursive);
  std::map<std::string, std::string> before = Tree(repo);

  Invocation dry = RunUprev(repo, {"fix", "--dry-run", "--include-review"});
  ASSERT_EQ(dry.exit, 0) << dry.err;
  EXPECT_EQ(Tree(repo), before) << "--dry-run wrote files";
  ASSERT_NE(dry.out.find("diff --git a/"), std::string::npos) << dry.out;
  WriteAll(tmp.path() / "demo.diff", dry.out);

  // git accepts the diff against the untouched tree...
  std::string diff = Quote((tmp.path() / "demo.diff").string());
  EXPECT_EQ(RunShell(repo, "git init -q . && git apply --check " + diff).exit, 0);
  // ...and the diff is exactly what `fix` then writes.
  EXPECT_EQ(RunShell(repo, "git apply " + diff).exit, 0);
  fs::remove_all(repo / ".git");
  std::map<std::string, std::string> applied = Tree(repo);
  fs::remove_all(repo);
  fs::copy(kSource / "testdata" / "demo-repo", repo, fs::copy_options::recursive);
  Invocation fix = RunUprev(repo, {"fix", "--include-review"});
  ASSERT_EQ(fix.exit, 0) << fix.err;
  std::map<std::string, std::string> fixed = Tree(repo);
  EXPECT_EQ(fixed, applied);
  EXPECT_NE(fixed, before);

  Invocation again = RunUprev(repo, {"fix", "--include-review"});
  EXPECT_EQ(again.exit, 0) << again.err;
  EXPECT_EQ(Tree(repo), fixed) << "a second fix changed files";
}

TEST(DemoRepo, SarifValidatesAgainstTheSchema) {
  TempDir tmp;
  fs::path repo = tmp.path() / "demo";
  fs::copy(kSource / "testdata" / "demo-repo", repo, fs::copy_options::recursive);
  Invocation scan = RunUprev(repo, {"scan", "--format", "sarif", "--fail-on", "error"});
  ASSERT_LE(scan.exit, 1) << scan.err;
  WriteAll(tmp.path() / "demo.sarif", scan.out);
  // Every finding is a result, fixes included.
  EXPECT_NE(scan.out.find("\"artifactChanges\""), std::string::npos);
  Invocation check = RunShell(repo, "node " + Quote((kSource / "tools/checkers/validate-sarif.js").string()) +
                                        " " + Quote((tmp.path() / "demo.sarif").string()));
  EXPECT_EQ(check.exit, 0) << check.out << check.err;
  EXPECT_EQ(check.out, (tmp.path() / "demo.sarif").string() + ": valid\n");

  // The demo run (as tools/demo makes it) writes the same SARIF in its report.
  ASSERT_EQ(RunShell(repo, "git init -q -b main . && git add -A && git -c user.name=d "
                           "-c user.email=d@example.com commit -qm demo").exit, 0);
  Invocation run = RunUprev(repo, {"run", "--report", (tmp.path() / "report").string()});
  ASSERT_EQ(run.exit, 0) << run.out << run.err;
  fs::path run_sarif = tmp.path() / "report" / "findings.sarif";
  EXPECT_EQ(ReadAll(run_sarif), scan.out);
  Invocation run_check = RunShell(repo, "node " + Quote((kSource / "tools/checkers/validate-sarif.js").string()) +
                                            " " + Quote(run_sarif.string()));
  EXPECT_EQ(run_check.exit, 0) << run_check.out << run_check.err;
  EXPECT_EQ(run_check.out, run_sarif.string() + ": valid\n");
}

// ---- every shipped pack's own tests ----

TEST(ShippedPacks, RuleTestsPass) {
  TempDir tmp;
  Invocation run = RunUprev(tmp.path(), {"rules", "test"});
  EXPECT_EQ(run.exit, 0) << run.out << run.err;
  EXPECT_NE(run.out.find(" passed, 0 failed\n"), std::string::npos) << run.out;
}

}  // namespace
}  // namespace uprev
