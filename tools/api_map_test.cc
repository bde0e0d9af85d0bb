// api-map packs end to end, with the example moves in testdata/api-maps: a
// program written against v1 gives the same output on v1, on v2 through the
// shim `uprev shim` writes (and warns), and after `uprev fix` on v2 alone.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "tools/cli_harness.h"

namespace uprev {
namespace {

using namespace uprev::testing_support;

const fs::path kPython = fs::path(UPREV_SOURCE_DIR) / "testdata/api-maps/python";
const fs::path kCpp = fs::path(UPREV_SOURCE_DIR) / "testdata/api-maps/cpp";

size_t Count(const std::string& text, const std::string& what) {
  size_t n = 0;
  for (size_t at = text.find(what); at != std::string::npos; at = text.find(what, at + 1)) ++n;
  return n;
}

// The lines of `text` that contain `what`.
std::vector<std::string> LinesWith(const std::string& text, const std::string& what) {
  std::vector<std::string> out;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) {
    if (line.find(what) != std::string::npos) out.push_back(line);
  }
  return out;
}

// The record folder of the one run in `repo`; empty unless there is exactly one.
fs::path OnlyRun(const fs::path& repo) {
  std::vector<fs::path> runs;
  for (const auto& e : fs::directory_iterator(repo / ".git/uprev/runs")) runs.push_back(e.path());
  return runs.size() == 1 ? runs[0] : fs::path();
}

// `file` as the change set `set` of the run in `repo` has it.
std::string OnBranch(const fs::path& repo, const std::string& set, const std::string& file) {
  return RunShell(repo, "git show \"$(git for-each-ref --format='%(refname:short)' "
                        "refs/heads/uprev/ | grep /" + set + "$)\":" + file)
      .out;
}

Invocation Python(const fs::path& dir, const std::string& flags, const std::string& script) {
  return RunShell(dir, "PYTHONPATH=pkg python3 -B " + flags + " " + script);
}

TEST(PythonApiMapTest, ShimKeepsV1WorkingAndFixMovesTheProgramToV2) {
  TempDir tmp;
  const std::string pack = (kPython / "orders-v2.yaml").string();
  const std::string expected = ReadAll(kPython / "expected-output.txt");
  const std::string expected_review = ReadAll(kPython / "expected-review-output.txt");
  Invocation rule_tests = RunUprev(tmp.path(), {"rules", "test", pack});
  EXPECT_EQ(rule_tests.exit, 0) << rule_tests.out << rule_tests.err;
  EXPECT_EQ(rule_tests.out, "8 rules, 18 test cases\n18 passed, 0 failed\n");

  // On v1 itself.
  fs::path v1 = tmp.path() / "v1";
  fs::create_directories(v1);
  fs::copy(kPython / "v1", v1 / "pkg", fs::copy_options::recursive);
  fs::copy(kPython / "program.py", v1);
  fs::copy(kPython / "program_review.py", v1);
  Invocation on_v1 = Python(v1, "-W error", "program.py");
  ASSERT_EQ(on_v1.exit, 0) << on_v1.err;
  EXPECT_EQ(on_v1.out, expected);
  Invocation review_on_v1 = Python(v1, "-W error", "program_review.py");
  ASSERT_EQ(review_on_v1.exit, 0) << review_on_v1.err;
  EXPECT_EQ(review_on_v1.out, expected_review);

  // On v2, through the shim: the same output, and a warning at each v1 use.
  fs::path v2 = tmp.path() / "v2";
  fs::create_directories(v2);
  fs::copy(kPython / "v2", v2 / "pkg", fs::copy_options::recursive);
  fs::copy(kPython / "program.py", v2);
  fs::copy(kPython / "program_review.py", v2);
  ASSERT_FALSE(fs::exists(v2 / "pkg/orders/v1.py"));
  Invocation shim = RunUprev(v2, {"shim", "--rules", pack, "--lang", "python", "--out",
                                  "pkg/orders/v1.py"});
  ASSERT_EQ(shim.exit, 0) << shim.err;
  Invocation on_shim = Python(v2, "-W always::DeprecationWarning", "program.py");
  ASSERT_EQ(on_shim.exit, 0) << on_shim.err;
  EXPECT_EQ(on_shim.out, expected);
  std::vector<std::string> warnings = LinesWith(on_shim.err, "DeprecationWarning");
  EXPECT_EQ(warnings.size(), 10u) << on_shim.err;
  for (const std::string& w : warnings) {
    // Each names the program's line that used v1, not the shim.
    EXPECT_EQ(w.rfind((v2 / "program.py").string() + ":", 0), 0u) << w;
  }
  EXPECT_EQ(warnings.front(), (v2 / "program.py").string() +
                                  ":8: DeprecationWarning: orders.v1.get_order is deprecated; "
                                  "use orders.v2.fetch_order");
  Invocation review_on_shim = Python(v2, "-W always::DeprecationWarning", "program_review.py");
  ASSERT_EQ(review_on_shim.exit, 0) << review_on_shim.err;
  EXPECT_EQ(review_on_shim.out, expected_review);
  EXPECT_EQ(LinesWith(review_on_shim.err, "DeprecationWarning").size(), 3u) << review_on_shim.err;

  // The calls that cannot move safely are review items with no fix; the
  // use as a value is manual.
  Invocation scan = RunUprev(v2, {"scan", "--rules", pack, "--format", "json",
                                  "program_review.py"});
  ASSERT_EQ(scan.exit, 1) << scan.err;
  nlohmann::json findings = nlohmann::json::parse(scan.out)["findings"];
  ASSERT_EQ(findings.size(), 3u) << scan.out;
  EXPECT_EQ(findings[0]["rule"], "get_order");
  EXPECT_EQ(findings[0]["confidence"], "review");
  EXPECT_EQ(findings[0]["review"],
            "`*args` unpacks arguments: which parameters it fills is known only when the program "
            "runs; it keeps working through the shim (`uprev shim`)");
  EXPECT_FALSE(findings[0].contains("fix"));
  EXPECT_EQ(findings[1]["rule"], "list_orders");
  EXPECT_EQ(findings[1]["confidence"], "review");
  EXPECT_EQ(findings[1]["review"],
            "the v2 call evaluates the arguments that have effects in another order; it keeps "
            "working through the shim (`uprev shim`)");
  EXPECT_FALSE(findings[1].contains("fix"));
  EXPECT_EQ(findings[2]["rule"], "get_order-reference");
  EXPECT_EQ(findings[2]["confidence"], "manual");

  // `uprev fix` moves every call of program.py to v2 and leaves the review
  // items as they are.
  Invocation fix = RunUprev(v2, {"fix", "--rules", pack, "program.py", "program_review.py"});
  ASSERT_EQ(fix.exit, 0) << fix.err;
  EXPECT_EQ(fix.err, "uprev fix: applied 10 fixes in 1 file (2 files scanned)\n");
  EXPECT_EQ(ReadAll(v2 / "program.py"), ReadAll(kPython / "program.fixed.py"));
  EXPECT_EQ(ReadAll(v2 / "program_review.py"), ReadAll(kPython / "program_review.py"));
  Invocation again = RunUprev(v2, {"fix", "--rules", pack, "program.py"});
  EXPECT_EQ(again.err, "uprev fix: applied 0 fixes in 0 files (1 file scanned)\n");

  // The fixed program runs on v2 alone, with no warning.
  fs::remove(v2 / "pkg/orders/v1.py");
  Invocation fixed = Python(v2, "-W error", "program.py");
  ASSERT_EQ(fixed.exit, 0) << fixed.err;
  EXPECT_EQ(fixed.out, expected);
  EXPECT_EQ(fixed.err, "");
}

// In an upgrade run, the calls that cannot move are in the review queue
// with the reason, and the branch holds the moved program.
TEST(PythonApiMapTest, RunListsTheCallsThatCannotMoveInTheReviewQueue) {
  TempDir tmp;
  fs::path repo = tmp.path() / "repo";
  fs::create_directories(repo);
  fs::copy(kPython / "v1", repo / "pkg", fs::copy_options::recursive);
  fs::copy(kPython / "program.py", repo);
  fs::copy(kPython / "program_review.py", repo);
  Invocation init = RunShell(repo, "git init -q -b main . && git -c user.name=T -c "
                                   "user.email=t@example.com commit -qm v1 --allow-empty && "
                                   "git add -A && git -c user.name=T -c "
                                   "user.email=t@example.com commit -qm program");
  ASSERT_EQ(init.exit, 0) << init.err;
  Invocation run = RunUprev(repo, {"run", "--rules", (kPython / "orders-v2.yaml").string()});
  ASSERT_EQ(run.exit, 0) << run.err;
  EXPECT_NE(run.out.find("13 findings, 3 review items"), std::string::npos) << run.out;
  fs::path record = OnlyRun(repo);
  ASSERT_FALSE(record.empty());
  nlohmann::json items = nlohmann::json::parse(ReadAll(record / "report.json"))["review_items"];
  ASSERT_EQ(items.size(), 3u);
  std::vector<std::string> got;
  for (const auto& item : items) {
    got.push_back(item["finding"]["rule"].get<std::string>() + " " +
                  item["finding"]["confidence"].get<std::string>() + " " +
                  std::to_string(item["finding"]["start"]["line"].get<int>()));
  }
  EXPECT_EQ(got, (std::vector<std::string>{"get_order review 22", "list_orders review 23",
                                           "get_order-reference manual 24"}));
  std::string queue = ReadAll(record / "report/review-queue.md");
  EXPECT_NE(queue.find("3 review items: 0 suggested fixes and 3 findings without a fix"),
            std::string::npos)
      << queue;
  EXPECT_EQ(OnBranch(repo, "orders-v2", "program.py"), ReadAll(kPython / "program.fixed.py"));
}

// Compiles `main.cc` in `dir` with `flags` and runs it.
Invocation CompileAndRun(const fs::path& dir, const std::string& flags, Invocation* build) {
  *build = RunShell(dir, "clang++-14 -std=c++17 -Wall " + flags + " main.cc -o main");
  if (build->exit != 0) return Invocation{};
  return RunShell(dir, "./main");
}

TEST(CppApiMapTest, ShimKeepsV1WorkingAndFixMovesTheProgramToV2) {
  TempDir tmp;
  const std::string pack = (kCpp / "geo-v2.yaml").string();
  const std::string expected = ReadAll(kCpp / "expected-output.txt");
  Invocation rule_tests = RunUprev(tmp.path(), {"rules", "test", pack});
  EXPECT_EQ(rule_tests.exit, 0) << rule_tests.out << rule_tests.err;
  EXPECT_EQ(rule_tests.out, "6 rules, 10 test cases\n10 passed, 0 failed\n");

  fs::path v1 = tmp.path() / "v1";
  fs::create_directories(v1);
  fs::copy(kCpp / "v1", v1 / "include", fs::copy_options::recursive);
  fs::copy(kCpp / "main.cc", v1);
  Invocation build;
  Invocation on_v1 = CompileAndRun(v1, "-Werror -Iinclude", &build);
  ASSERT_EQ(build.exit, 0) << build.err;
  EXPECT_EQ(on_v1.out, expected);

  // On v2, through the shim: the same output, and the compiler warns at
  // each v1 call of main.cc, never inside the shim.
  fs::path v2 = tmp.path() / "v2";
  fs::create_directories(v2);
  fs::copy(kCpp / "v2", v2 / "include", fs::copy_options::recursive);
  fs::copy(kCpp / "main.cc", v2);
  Invocation shim = RunUprev(v2, {"shim", "--rules", pack, "--lang", "cpp", "--out",
                                  "shim/geo/v1.h"});
  ASSERT_EQ(shim.exit, 0) << shim.err;
  Invocation on_shim = CompileAndRun(v2, "-Ishim -Iinclude", &build);
  ASSERT_EQ(build.exit, 0) << build.err;
  EXPECT_EQ(on_shim.out, expected);
  std::vector<std::string> warnings = LinesWith(build.err, "[-Wdeprecated-declarations]");
  EXPECT_EQ(warnings.size(), 11u) << build.err;
  for (const std::string& w : warnings) EXPECT_EQ(w.rfind("main.cc:", 0), 0u) << w;
  EXPECT_EQ(Count(build.err, "warning:"), 11u) << build.err;

  // `uprev fix` through Clang, with the unit's flags from the database.
  WriteAll(v2 / "compile_commands.json",
           "[{\"directory\": \"" + v2.string() + "\", \"file\": \"main.cc\", \"command\": "
           "\"clang++-14 -std=c++17 -Ishim -Iinclude -c main.cc\"}]\n");
  Invocation fix = RunUprev(v2, {"fix", "--rules", pack, "main.cc"});
  ASSERT_EQ(fix.exit, 0) << fix.err;
  EXPECT_EQ(fix.err, "uprev fix: applied 11 fixes in 1 file (1 file scanned)\n");
  EXPECT_EQ(ReadAll(v2 / "main.cc"), ReadAll(kCpp / "main.fixed.cc"));
  Invocation again = RunUprev(v2, {"fix", "--rules", pack, "main.cc"});
  EXPECT_EQ(again.err, "uprev fix: applied 0 fixes in 0 files (1 file scanned)\n");

  // The fixed program uses v2 alone: no deprecated name is left.
  Invocation fixed = CompileAndRun(v2, "-Werror -Ishim -Iinclude", &build);
  ASSERT_EQ(build.exit, 0) << build.err;
  EXPECT_EQ(build.err, "");
  EXPECT_EQ(fixed.out, expected);
}

// In an upgrade run, nested calls move in one change set (Clang parses the
// fixed text again), and the generated shim is not edited behind its
// generator's back: its own use of a v1 type is a review item.
TEST(CppApiMapTest, RunMovesNestedCallsAndLeavesTheShimForReview) {
  TempDir tmp;
  const std::string pack = (kCpp / "geo-v2.yaml").string();
  fs::path repo = tmp.path() / "repo";
  fs::create_directories(repo);
  fs::copy(kCpp / "v2", repo / "include", fs::copy_options::recursive);
  fs::copy(kCpp / "main.cc", repo);
  Invocation shim = RunUprev(repo, {"shim", "--rules", pack, "--out", "shim/geo/v1.h"});
  ASSERT_EQ(shim.exit, 0) << shim.err;
  WriteAll(repo / "compile_commands.json",
           "[{\"directory\": \"" + repo.string() + "\", \"file\": \"main.cc\", \"command\": "
           "\"clang++-14 -std=c++17 -Ishim -Iinclude -c main.cc\"}]\n");
  Invocation init = RunShell(repo, "git init -q -b main . && git add -A && git -c user.name=T "
                                   "-c user.email=t@example.com commit -qm base");
  ASSERT_EQ(init.exit, 0) << init.err;
  Invocation run = RunUprev(repo, {"run", "--rules", pack});
  ASSERT_EQ(run.exit, 0) << run.err;
  EXPECT_NE(run.out.find("12 findings, 1 review items"), std::string::npos) << run.out;
  EXPECT_EQ(OnBranch(repo, "geo-v2", "main.cc"), ReadAll(kCpp / "main.fixed.cc"));
  fs::path record = OnlyRun(repo);
  ASSERT_FALSE(record.empty());
  nlohmann::json items = nlohmann::json::parse(ReadAll(record / "report.json"))["review_items"];
  ASSERT_EQ(items.size(), 1u);
  EXPECT_EQ(items[0]["finding"]["path"], "shim/geo/v1.h");
  EXPECT_EQ(items[0]["finding"]["rule"], "bounds");
  EXPECT_EQ(items[0]["finding"]["review"],
            "the file is generated (// Generated by `uprev shim` from the api-map pack geo-v2. "
            "Do not edit;); a fix here is lost when it is made again, so change what generates "
            "it");
}

}  // namespace
}  // namespace uprev
