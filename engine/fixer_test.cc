#include "engine/fixer.h"

#include <gtest/gtest.h>

#include "core/file_system.h"
#include "detectors/rule_loader.h"
#include "engine/analyzer.h"
#include "engine/batch.h"

namespace uprev {
namespace {

RuleSet Rules(const std::string& yaml) {
  Result<RulePack> pack = ParseRulePack("t.yaml", "pack: t\nrules:\n" + yaml);
  EXPECT_TRUE(pack.ok()) << pack.status().message();
  std::vector<RulePack> packs;
  if (pack.ok()) packs.push_back(std::move(*pack));
  return RuleSet(std::move(packs));
}

std::string Ids(const std::vector<Finding>& findings) {
  std::string out;
  for (const Finding& f : findings) {
    out += f.rule + "@" + std::to_string(f.start.line) + ":" + std::to_string(f.start.col) + " ";
  }
  return out;
}

TEST(FixerTest, NestedMatchesAreFixedByTheFixpoint) {
  RuleSet rules = Rules(R"(
  - {id: old-new, language: python, message: m, pattern: old($X), fix: new($X)}
)");
  SourceFile file("a.py", "y = old(old(old(1)))\n", "python");
  FixOutcome out = FixFile(rules, file, FixOptions());
  EXPECT_EQ(out.text, "y = new(new(new(1)))\n");
  EXPECT_EQ(out.passes, 3);
  EXPECT_EQ(out.applied.size(), 3u);
  EXPECT_TRUE(out.conflicts.empty());
}

TEST(FixerTest, NestingDeeperThanThreePassesIsReportedNotDropped) {
  RuleSet rules = Rules(R"(
  - {id: old-new, language: python, message: m, pattern: old($X), fix: new($X)}
)");
  SourceFile file("a.py", "old(old(old(old(1))))\n", "python");
  FixOutcome out = FixFile(rules, file, FixOptions());
  EXPECT_EQ(out.text, "new(new(new(old(1))))\n");
  EXPECT_EQ(Ids(out.conflicts), "old-new@1:13 ");
  EXPECT_EQ(out.conflicts[0].review,
            "still matches after the last pass (nested deeper than the passes allow); run uprev "
            "fix again");
}

TEST(FixerTest, AFixThatMatchesItsOwnOutputIsAppliedOnceAndReportedOnce) {
  RuleSet rules = Rules(R"(
  - {id: wrap, language: python, message: m, pattern: open($F), fix: closing(open($F))}
)");
  SourceFile file("a.py", "with open(p) as f:\n    pass\n", "python");
  FixOutcome out = FixFile(rules, file, FixOptions());
  EXPECT_EQ(out.text, "with closing(open(p)) as f:\n    pass\n");
  EXPECT_EQ(Ids(out.conflicts), "wrap@1:14 ");
  EXPECT_EQ(out.conflicts[0].review,
            "the fix matches its own output; it was applied once and is not applied again");
}

TEST(FixerTest, AConflictIsReportedOnceEvenWhenAnInnerFixChangesItsText) {
  // `title` and `lower` cover the same call; `replace` changes the inner
  // text in pass 1, so pass 2 sees the conflicting pair with new text.
  RuleSet rules = Rules(R"(
  - {id: title, language: go, message: m, pattern: 'strings.Title($X)', fix: 'cases.Title($X)'}
  - {id: lower, language: go, message: m, pattern: 'strings.Title($X)', fix: 'strings.ToLower($X)'}
  - {id: replace, language: go, message: m, pattern: 'strings.Replace($A, $B, $C, -1)', fix: 'strings.ReplaceAll($A, $B, $C)'}
)");
  SourceFile file("a.go", "package p\nvar s = strings.Title(strings.Replace(n, \"_\", \" \", -1))\n",
                  "go");
  FixOutcome out = FixFile(rules, file, FixOptions());
  EXPECT_EQ(out.text, "package p\nvar s = strings.Title(strings.ReplaceAll(n, \"_\", \" \"))\n");
  EXPECT_EQ(Ids(out.conflicts), "lower@2:9 title@2:9 ");
}

TEST(FixerTest, PartialOverlapIsAConflictAndNeitherIsApplied) {
  RuleSet rules = Rules(R"(
  - {id: a, language: javascript, message: m, pattern: 'f($X)', fix: 'g($X)'}
  - {id: b, language: javascript, message: m, pattern: 'f(1)', fix: 'h(1)'}
  - {id: c, language: javascript, message: m, pattern: 'z()', fix: 'zz()'}
)");
  SourceFile file("a.js", "f(1); z();\n", "javascript");
  FixOutcome out = FixFile(rules, file, FixOptions());
  EXPECT_EQ(out.text, "f(1); zz();\n");
  EXPECT_EQ(Ids(out.conflicts), "a@1:1 b@1:1 ");
  EXPECT_EQ(out.conflicts[0].confidence, Confidence::kReview);
}

TEST(FixerTest, AFixThatBreaksParsingIsDemotedNotWritten) {
  RuleSet rules = Rules(R"(
  - {id: bad, language: python, message: m, pattern: 'spam($X)', fix: 'eggs($X'}
  - {id: good, language: python, message: m, pattern: 'ham()', fix: 'bacon()'}
)");
  SourceFile file("a.py", "spam(1)\nham()\n", "python");
  FixOutcome out = FixFile(rules, file, FixOptions());
  EXPECT_EQ(out.text, "spam(1)\nbacon()\n");
  EXPECT_EQ(Ids(out.demoted), "bad@1:1 ");
  EXPECT_EQ(out.demoted[0].review, "the fixed file no longer parses; check the replacement by hand");
}

TEST(FixerTest, ReviewFixesNeedIncludeReview) {
  RuleSet rules = Rules(R"(
  - {id: r, language: go, message: m, pattern: 'a.B()', fix: 'a.C()', confidence: review, review: why}
)");
  SourceFile file("a.go", "package p\nvar x = a.B()\n", "go");
  EXPECT_FALSE(FixFile(rules, file, FixOptions()).changed());
  FixOptions with_review;
  with_review.include_review = true;
  EXPECT_EQ(FixFile(rules, file, with_review).text, "package p\nvar x = a.C()\n");
}

TEST(FixerTest, SuppressedFindingsAreNotFixed) {
  RuleSet rules = Rules(R"(
  - {id: old-new, language: python, message: m, pattern: old($X), fix: new($X)}
)");
  SourceFile file("a.py", "old(1)  # uprev-ignore\n# uprev-ignore: old-new\nold(2)\nold(3)\n", "python");
  EXPECT_EQ(FixFile(rules, file, FixOptions()).text,
            "old(1)  # uprev-ignore\n# uprev-ignore: old-new\nold(2)\nnew(3)\n");
}

TEST(FixerTest, SeveralNamesAddedToOneFromImport) {
  // Each fix adds its own name to the same line; none may be lost.
  RuleSet rules = Rules(R"(
  - {id: f, language: python, message: m, pattern: numpy.float_, fix: numpy.float64}
  - {id: c, language: python, message: m, pattern: numpy.complex_, fix: numpy.complex128}
)");
  SourceFile file("a.py", "from numpy import float_, complex_\nx = float_(1)\ny = complex_(2)\n",
                  "python");
  EXPECT_EQ(FixFile(rules, file, FixOptions()).text,
            "from numpy import complex128, float64\nx = float64(1)\ny = complex128(2)\n");
}

TEST(FixerTest, SuppressionsCountOnlyInComments) {
  RuleSet rules = Rules(R"(
  - {id: old-new, language: python, message: m, pattern: old($X), fix: new($X)}
)");
  SourceFile file("a.py", "s = 'uprev-ignore'; old(1)\nlabel = 'no uprev-ignore here'\nold(2)\n",
                  "python");
  EXPECT_EQ(FixFile(rules, file, FixOptions()).text,
            "s = 'uprev-ignore'; new(1)\nlabel = 'no uprev-ignore here'\nnew(2)\n");
  Analysis analysis = AnalyzeFile(rules, file);
  EXPECT_TRUE(analysis.suppressions.empty());
}

TEST(BatchTest, UnreadableBinaryAndNonUtf8FilesAreSkippedAndTheRunGoesOn) {
  RuleSet rules = Rules(R"(
  - {id: old-new, language: python, message: m, pattern: old($X), fix: new($X)}
)");
  MemoryFileSystem fs;
  fs.files()["a.py"] = "old(1)\n";
  fs.files()["b.py"] = std::string("old(2)\0", 7);
  fs.files()["c.py"] = "old(\xff)\n";
  fs.files()["d.txt"] = "old(4)\n";
  fs.files()["e.py"] = "old(5)\n";
  BatchOptions options;
  options.jobs = 2;
  ScanResult result = ScanFiles(rules, fs, {"a.py", "b.py", "c.py", "d.txt", "gone.py", "e.py"},
                                options);
  EXPECT_EQ(Ids(result.findings), "old-new@1:1 old-new@1:1 ");
  EXPECT_EQ(result.findings[0].path, "a.py");
  EXPECT_EQ(result.findings[1].path, "e.py");
  EXPECT_EQ(result.stats.files, 2u);
  ASSERT_EQ(result.stats.skipped.size(), 3u);
  EXPECT_EQ(result.stats.skipped[0].reason, "binary");
  EXPECT_EQ(result.stats.skipped[1].reason, "not UTF-8");
  EXPECT_EQ(result.stats.skipped[2].path, "gone.py");
  EXPECT_EQ(result.stats.skipped[2].reason, "cannot read: No such file or directory");
}

TEST(BatchTest, OutputDoesNotDependOnJobs) {
  RuleSet rules = Rules(R"(
  - {id: old-new, language: python, message: m, pattern: old($X), fix: new($X)}
)");
  MemoryFileSystem fs;
  std::vector<std::string> paths;
  for (int i = 0; i < 200; ++i) {
    std::string path = "f" + std::to_string(199 - i) + ".py";
    fs.files()[path] = std::string(static_cast<size_t>(i % 7), '\n') + "old(" + std::to_string(i) + ")\n";
    paths.push_back(path);
  }
  BatchOptions one, many;
  one.jobs = 1;
  many.jobs = 8;
  std::string a = Ids(ScanFiles(rules, fs, paths, one).findings);
  EXPECT_EQ(a, Ids(ScanFiles(rules, fs, paths, many).findings));
  EXPECT_EQ(ScanFiles(rules, fs, paths, many).findings.front().path, "f0.py");
}

}  // namespace
}  // namespace uprev
