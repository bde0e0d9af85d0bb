#include "engine/suppression.h"

#include <gtest/gtest.h>

namespace uprev {
namespace {

TEST(SuppressionTest, ParsesAllAndListedForms) {
  SourceFile file("a.js",
                  "x(); // uprev-ignore\n"
                  "// uprev-ignore: node-buffer, util-is-array\n"
                  "y(); /* uprev-ignore:bad-id */\n",
                  "javascript");
  std::vector<Suppression> s = FindSuppressions(file);
  ASSERT_EQ(s.size(), 3u);
  EXPECT_EQ(s[0].line, 1u);
  EXPECT_EQ(s[0].col, 9u);
  EXPECT_TRUE(s[0].rules.empty());
  EXPECT_EQ(s[1].rules, (std::vector<std::string>{"node-buffer", "util-is-array"}));
  EXPECT_EQ(s[2].rules, (std::vector<std::string>{"bad-id"}));
}

TEST(SuppressionTest, CoversItsLineAndTheNextForItsRules) {
  SourceFile file("a.py", "# uprev-ignore: a\nf()\ng()\n", "python");
  std::vector<Suppression> s = FindSuppressions(file);
  std::vector<Finding> findings(3);
  findings[0].rule = "a";
  findings[0].start = {2, 1};
  findings[1].rule = "b";
  findings[1].start = {2, 1};
  findings[2].rule = "a";
  findings[2].start = {3, 1};
  ApplySuppressions(&s, &findings);
  ASSERT_EQ(findings.size(), 2u);
  EXPECT_EQ(findings[0].rule, "b");
  EXPECT_EQ(findings[1].start.line, 3u);
  EXPECT_TRUE(s[0].used);
}

}  // namespace
}  // namespace uprev
