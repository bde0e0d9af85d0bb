#include "engine/finding_cache.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "detectors/rule_loader.h"

namespace uprev {
namespace {

namespace fs = std::filesystem;

Finding Sample() {
  Finding f;
  f.rule = "logging-warn";
  f.pack = "python-3.12";
  f.severity = Severity::kError;
  f.confidence = Confidence::kReview;
  f.message = "a message: with 12:colons\nand a newline";
  f.review = "";
  f.path = "src/a b.py";
  f.range = ByteRange{3, 9};
  f.start = Position{1, 4};
  f.end = Position{2, 1};
  f.matched = std::string("x\0y", 3);
  f.fix = Fix{"logging.warning", {{"os", "a:b"}, {"c"}}};
  return f;
}

std::string Describe(const std::vector<Finding>& findings) {
  std::string out;
  for (const Finding& f : findings) {
    out += f.rule + "|" + f.pack + "|" + std::string(SeverityName(f.severity)) + "|" +
           std::string(ConfidenceName(f.confidence)) + "|" + f.message + "|" + f.review + "|" +
           f.path + "|" + f.matched + "|" + std::to_string(f.range.begin) + "-" +
           std::to_string(f.range.end) + "|" + std::to_string(f.start.line) + ":" +
           std::to_string(f.start.col) + "-" + std::to_string(f.end.line) + ":" +
           std::to_string(f.end.col);
    if (f.fix) {
      out += "|fix=" + f.fix->replacement;
      for (const std::string& a : f.fix->imports.add) out += "|+" + a;
      for (const std::string& r : f.fix->imports.remove) out += "|-" + r;
    }
    out += "\n";
  }
  return out;
}

TEST(FindingCacheTest, EncodingRoundTripsEveryField) {
  Finding manual = Sample();
  manual.fix.reset();
  std::vector<Finding> findings = {Sample(), manual};
  std::optional<std::vector<Finding>> back = DecodeFindings(EncodeFindings(findings));
  ASSERT_TRUE(back);
  EXPECT_EQ(Describe(*back), Describe(findings));
  EXPECT_EQ(DecodeFindings(EncodeFindings({}))->size(), 0u);
}

TEST(FindingCacheTest, DamagedDataIsAMiss) {
  std::string data = EncodeFindings({Sample()});
  EXPECT_FALSE(DecodeFindings(data.substr(0, data.size() - 3)));
  EXPECT_FALSE(DecodeFindings(data + "1:x"));
  EXPECT_FALSE(DecodeFindings("uprev-findings 2\n0:"));
  EXPECT_FALSE(DecodeFindings(""));
}

RuleSet Rules(const std::string& message) {
  auto pack = ParseRulePack("p.yaml", "pack: p\nrules:\n  - id: r\n    language: python\n"
                                      "    message: " + message + "\n    pattern: f()\n");
  EXPECT_TRUE(pack.ok()) << pack.status().message();
  std::vector<RulePack> packs;
  packs.push_back(std::move(*pack));
  return RuleSet(std::move(packs));
}

TEST(FindingCacheTest, HitsOnlyForTheSameTextRulesAndBinary) {
  fs::path dir = fs::temp_directory_path() / ("uprev-cache-test-" + std::to_string(::getpid()));
  fs::remove_all(dir);
  RuleSet rules = Rules("one");
  FindingCache cache(dir.string(), rules, "uprev 0.1.0 build-a");
  EXPECT_FALSE(cache.Get("a.py", "f()\n"));
  cache.Put("a.py", "f()\n", {Sample()});
  ASSERT_TRUE(cache.Get("a.py", "f()\n"));
  EXPECT_EQ(Describe(*cache.Get("a.py", "f()\n")), Describe({Sample()}));
  EXPECT_FALSE(cache.Get("a.py", "f() \n"));  // other content
  EXPECT_FALSE(cache.Get("b.py", "f()\n"));   // other path
  EXPECT_FALSE(FindingCache(dir.string(), Rules("two"), "uprev 0.1.0 build-a").Get("a.py", "f()\n"));
  EXPECT_FALSE(FindingCache(dir.string(), rules, "uprev 0.1.0 build-b").Get("a.py", "f()\n"));
  // A damaged entry is a miss, and a new Put repairs it.
  for (const auto& e : fs::recursive_directory_iterator(dir)) {
    if (e.is_regular_file()) std::ofstream(e.path(), std::ios::trunc) << "garbage";
  }
  EXPECT_FALSE(cache.Get("a.py", "f()\n"));
  cache.Put("a.py", "f()\n", {});
  ASSERT_TRUE(cache.Get("a.py", "f()\n"));
  EXPECT_TRUE(cache.Get("a.py", "f()\n")->empty());
  fs::remove_all(dir);
}

}  // namespace
}  // namespace uprev
