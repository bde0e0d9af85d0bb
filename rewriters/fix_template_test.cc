#include "rewriters/fix_template.h"

#include <gtest/gtest.h>

namespace uprev {
namespace {

TEST(FixTemplateTest, SubstitutesMetavariablesWithTheirSourceText) {
  SourceFile file("a.js", "x = f(a,  b, c);\n", "javascript");
  Match m;
  m.range = {4, 15};
  m.bindings = {{"FN", {4, 5}, false}, {"ARGS", {6, 14}, true}};
  EXPECT_EQ(RenderFix("g($$$ARGS) /* was $FN */", m, file), "g(a,  b, c) /* was f */");
  // `$$$` spelled as `$` still substitutes; unknown names stay as written.
  EXPECT_EQ(RenderFix("$ARGS $OTHER $lower $", m, file), "a,  b, c $OTHER $lower $");
}

TEST(FixTemplateTest, MultiLineTemplatesTakeTheIndentationOfTheMatch) {
  SourceFile file("a.py", "def f():\n    if x:\n        old(y)\n", "python");
  Match m;
  m.range = {27, 33};  // old(y)
  m.bindings = {{"A", {31, 32}, false}};
  EXPECT_EQ(RenderFix("new(\n    $A,\n\n    flag=True,\n)\n", m, file),
            "new(\n            y,\n\n            flag=True,\n        )");
}

TEST(FixTemplateTest, EmptySequenceTakesOneSeparatorWithIt) {
  SourceFile file("a.js", "f(x)", "javascript");
  Match m;
  m.range = {0, 4};
  m.bindings = {{"A", {2, 3}, false}, {"REST", {3, 3}, true}};
  EXPECT_EQ(RenderFix("g($$$REST)", m, file), "g()");
  EXPECT_EQ(RenderFix("Buffer.from($A, $$$REST)", m, file), "Buffer.from(x)");
  EXPECT_EQ(RenderFix("h($$$REST, $A)", m, file), "h(x)");
  EXPECT_EQ(RenderFix("h($$$REST , $A)", m, file), "h(x)");
}

}  // namespace
}  // namespace uprev
