#include "detectors/java_symbols.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "detectors/pattern.h"

namespace uprev {
namespace {

using Strings = std::vector<std::string>;

// The matches of `pattern_text` in `code`, with import-aware resolution.
Strings Matches(std::string_view pattern_text, const std::string& code) {
  const Language* java = FindLanguage("java");
  uint32_t offset = 0;
  auto pattern = Pattern::Compile(*java, pattern_text, &offset);
  EXPECT_TRUE(pattern.ok()) << pattern.status().message();
  if (!pattern.ok()) return {};
  SyntaxTree tree = SyntaxTree::Parse(*java, code);
  JavaSymbols symbols(tree.root(), code);
  MatchContext ctx{java, code, &symbols};
  Strings out;
  WalkTree(tree.root(), [&](TSNode node) {
    std::vector<NodeBinding> bindings;
    if ((*pattern)->MatchAt(node, ctx, &bindings)) out.emplace_back(NodeText(node, code));
    return Walk::kDescend;
  });
  return out;
}

TEST(JavaSymbolsTest, ImportsResolveTypesAndStaticMethods) {
  std::string code =
      "import org.junit.Assert;\n"
      "class T {\n"
      "  void f() {\n"
      "    Assert.assertEquals(1, 2);\n"
      "    org.junit.Assert.assertEquals(3, 4);\n"
      "    other.Assert.assertEquals(5, 6);\n"
      "    Assert.assertEquals(7);\n"
      "  }\n"
      "}\n";
  EXPECT_EQ(Matches("org.junit.Assert.assertEquals($A, $B)", code),
            (Strings{"Assert.assertEquals(1, 2)", "org.junit.Assert.assertEquals(3, 4)"}));
}

TEST(JavaSymbolsTest, OnDemandImportsSupplyNamesNotBoundOtherwise) {
  std::string statics =
      "import static org.junit.Assert.*;\nimport static java.lang.Math.*;\n"
      "class T { void f() { assertEquals(1, 2); max(1, 2); } }\n";
  EXPECT_EQ(Matches("org.junit.Assert.assertEquals($A, $B)", statics),
            Strings{"assertEquals(1, 2)"});
  std::string types = "import org.junit.*;\nclass T { void f() { Assert.fail(); } }\n";
  EXPECT_EQ(Matches("org.junit.Assert.fail()", types), Strings{"Assert.fail()"});
  std::string bound =
      "import org.junit.*;\nimport my.Assert;\nclass T { void f() { Assert.fail(); } }\n";
  EXPECT_EQ(Matches("org.junit.Assert.fail()", bound), Strings{});
}

TEST(JavaSymbolsTest, ImportLinesMatchAsWrittenAndChainTailsAreNoSymbols) {
  std::string code =
      "import org.junit.Before;\n"
      "class A {\n  @com.acme.Before void a() {}\n  @Before void b() {}\n"
      "  @org.junit.Before void c() {}\n}\n";
  EXPECT_EQ(Matches("import org.junit.Before;", code), Strings{"import org.junit.Before;"});
  // `Before` inside com.acme.Before is not the imported class; inside
  // org.junit.Before only the whole name matches.
  EXPECT_EQ(Matches("org.junit.Before", code), (Strings{"Before", "org.junit.Before"}));
}

}  // namespace
}  // namespace uprev
