#include "grammars/language.h"

#include <gtest/gtest.h>

#include "grammars/syntax_tree.h"

namespace uprev {
namespace {

TEST(LanguageTest, FindsByNameAndAlias) {
  ASSERT_NE(FindLanguage("python"), nullptr);
  EXPECT_EQ(FindLanguage("py")->name, "python");
  EXPECT_EQ(FindLanguage("c++")->name, "cpp");
  EXPECT_EQ(FindLanguage("yml")->name, "yaml");
  EXPECT_EQ(FindLanguage("cobol"), nullptr);
}

TEST(LanguageTest, FindsByExtension) {
  EXPECT_EQ(LanguageForPath("src/app.py")->name, "python");
  EXPECT_EQ(LanguageForPath("web/index.mjs")->name, "javascript");
  EXPECT_EQ(LanguageForPath("a/b.tsx")->name, "tsx");
  EXPECT_EQ(LanguageForPath("x.h")->name, "cpp");
  EXPECT_EQ(LanguageForPath("deploy/k8s.yml")->name, "yaml");
  EXPECT_EQ(LanguageForPath("Cargo.toml")->name, "toml");
  EXPECT_EQ(LanguageForPath("Makefile"), nullptr);
  EXPECT_EQ(LanguageForPath(".bashrc"), nullptr);
  EXPECT_EQ(LanguageForPath("dir.py/README"), nullptr);
}

TEST(LanguageTest, EveryGrammarLoadsAndParses) {
  for (const Language& lang : AllLanguages()) {
    SyntaxTree tree = SyntaxTree::Parse(lang, "");
    EXPECT_FALSE(tree.HasError()) << lang.name;
  }
}

TEST(LanguageTest, NamesListEveryLanguage) {
  EXPECT_EQ(LanguageNames(),
            "python, javascript, typescript, tsx, java, go, c, cpp, json, yaml, toml");
}

}  // namespace
}  // namespace uprev
