#include "rewriters/qualified_names.h"

#include <gtest/gtest.h>

namespace uprev {
namespace {

using Strings = std::vector<std::string>;

TEST(QualifiedNamesTest, WrittenThroughTheLongestBinding) {
  std::vector<ImportBinding> from_import = {{"datetime", "datetime.datetime", "datetime"}};
  WrittenNames a = WriteQualifiedNames("datetime.datetime.now(datetime.timezone.utc)", from_import, {});
  EXPECT_EQ(a.text, "datetime.now(timezone.utc)");
  EXPECT_EQ(a.imports, Strings{"datetime:timezone"});

  std::vector<ImportBinding> alias = {{"dt", "datetime", ""}};
  WrittenNames b = WriteQualifiedNames("datetime.datetime.now(datetime.timezone.utc)", alias, {});
  EXPECT_EQ(b.text, "dt.datetime.now(dt.timezone.utc)");
  EXPECT_TRUE(b.imports.empty());
}

TEST(QualifiedNamesTest, MetavariablesStringsAndTrailingAttributesStay) {
  std::vector<ImportBinding> np = {{"np", "numpy", ""}};
  WrittenNames w = WriteQualifiedNames(
      "$SELF.assertEqual(numpy.float64($X), 'numpy.float64', f(x).numpy.float64)", np, {});
  EXPECT_EQ(w.text, "$SELF.assertEqual(np.float64($X), 'numpy.float64', f(x).numpy.float64)");
}

TEST(QualifiedNamesTest, UnreachedNamesStayAndImportOnlyTheRulesModules) {
  WrittenNames plain = WriteQualifiedNames("importlib.reload($M)", {}, {});
  EXPECT_EQ(plain.text, "importlib.reload($M)");
  EXPECT_TRUE(plain.imports.empty());
  WrittenNames added = WriteQualifiedNames("importlib.reload($M)", {}, {"importlib"});
  EXPECT_EQ(added.imports, Strings{"importlib"});
  // Import statements name modules and stay as written.
  EXPECT_EQ(WriteQualifiedNames("from collections.abc import $NAME",
                                {{"Mapping", "collections.Mapping", "collections"}}, {})
                .text,
            "from collections.abc import $NAME");
  // A single name is never rewritten.
  EXPECT_EQ(WriteQualifiedNames("str($X)", {{"str", "x.str", "x"}}, {}).text, "str($X)");
}

TEST(QualifiedNamesTest, ModulesAreImportedOnlyWhereANameNeedsThem) {
  // `import sqlalchemy as sa` reaches the name: no new import.
  WrittenNames aliased = WriteQualifiedNames("sqlalchemy.inspect($E)", {{"sa", "sqlalchemy", ""}},
                                             {"sqlalchemy"});
  EXPECT_EQ(aliased.text, "sa.inspect($E)");
  EXPECT_TRUE(aliased.imports.empty());
  // `import collections` does not load collections.abc.
  WrittenNames submodule = WriteQualifiedNames(
      "collections.abc.Mapping", {{"collections", "collections", ""}}, {"collections.abc"});
  EXPECT_EQ(submodule.text, "collections.abc.Mapping");
  EXPECT_EQ(submodule.imports, Strings{"collections.abc"});
  // A module the template never names is imported as asked.
  EXPECT_EQ(WriteQualifiedNames("f($X)", {}, {"importlib"}).imports, Strings{"importlib"});
}

TEST(QualifiedNamesTest, AFromImportIsNotExtendedWithANameTheFileUsesOtherwise) {
  // `inspect` is the standard library module here; sqlalchemy's stays qualified.
  std::vector<ImportBinding> bindings = {{"inspect", "inspect", ""},
                                         {"create_engine", "sqlalchemy.create_engine", "sqlalchemy"}};
  WrittenNames w = WriteQualifiedNames("sqlalchemy.inspect($E)", bindings, {"sqlalchemy"});
  EXPECT_EQ(w.text, "sqlalchemy.inspect($E)");
  EXPECT_EQ(w.imports, Strings{"sqlalchemy"});
}

}  // namespace
}  // namespace uprev
