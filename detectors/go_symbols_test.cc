#include "detectors/go_symbols.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace uprev {
namespace {

using Strings = std::vector<std::string>;

// What every selector or qualified type ending in `last` resolves to.
Strings Resolutions(const std::string& code, std::string_view last) {
  SyntaxTree tree = SyntaxTree::Parse(*FindLanguage("go"), code);
  GoSymbols symbols(tree.root(), code);
  Strings out;
  WalkTree(tree.root(), [&](TSNode node) {
    std::string_view type = ts_node_type(node);
    if (type != "selector_expression" && type != "qualified_type") return Walk::kDescend;
    std::vector<std::string_view> chain = GoChain(node, code);
    if (chain.empty() || chain.back() != last) return Walk::kDescend;
    std::optional<std::string> r = symbols.Resolve(node);
    out.push_back(r ? *r : "(shadowed)");
    return Walk::kSkipChildren;
  });
  return out;
}

TEST(GoSymbolsTest, PackageNames) {
  EXPECT_EQ(GoPackageName("io/ioutil"), "ioutil");
  EXPECT_EQ(GoPackageName("fmt"), "fmt");
  EXPECT_EQ(GoPackageName("gopkg.in/yaml.v3"), "yaml");
  EXPECT_EQ(GoPackageName("github.com/x/y/v2"), "y");
}

TEST(GoSymbolsTest, AliasesResolveAndLocalsShadow) {
  std::string code =
      "package p\n\nimport (\n\tiou \"io/ioutil\"\n\t\"os\"\n)\n\n"
      "func a() { b, _ := iou.ReadAll(os.Stdin); _ = b }\n"
      "func c(iou Reader) { iou.ReadAll(x) }\n"
      "func d() { iou := f(); iou.ReadAll(x) }\n"
      "func e() { other.ReadAll(x) }\n"
      "func g() { var t iou.ReadAll; _ = t }\n";
  EXPECT_EQ(Resolutions(code, "ReadAll"),
            (Strings{"ioutil.ReadAll", "(shadowed)", "(shadowed)", "other.ReadAll",
                     "ioutil.ReadAll"}));
}

}  // namespace
}  // namespace uprev
