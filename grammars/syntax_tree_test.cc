#include "grammars/syntax_tree.h"

#include <gtest/gtest.h>

#include <string>

namespace uprev {
namespace {

TEST(SyntaxTreeTest, ParsesPython) {
  std::string text = "import os\nprint(os.getcwd())\n";
  SyntaxTree tree = SyntaxTree::Parse(*FindLanguage("python"), text);
  EXPECT_FALSE(tree.HasError());
  EXPECT_STREQ(ts_node_type(tree.root()), "module");
  EXPECT_EQ(ts_node_named_child_count(tree.root()), 2u);
  EXPECT_EQ(NodeText(ts_node_named_child(tree.root(), 1), text), "print(os.getcwd())");
}

TEST(SyntaxTreeTest, ReportsFirstError) {
  std::string text = "x = (1,\ny = 2\n";
  SyntaxTree tree = SyntaxTree::Parse(*FindLanguage("python"), text);
  EXPECT_TRUE(tree.HasError());
  EXPECT_GE(tree.CountErrors(), 1u);
  ASSERT_TRUE(tree.FirstErrorOffset().has_value());
}

TEST(SyntaxTreeTest, MoveKeepsTree) {
  std::string text = "package main\n";
  SyntaxTree a = SyntaxTree::Parse(*FindLanguage("go"), text);
  SyntaxTree b = std::move(a);
  EXPECT_STREQ(ts_node_type(b.root()), "source_file");
  EXPECT_EQ(b.CountErrors(), 0u);
}

}  // namespace
}  // namespace uprev
