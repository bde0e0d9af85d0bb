#include "rewriters/import_editor.h"

#include <gtest/gtest.h>

namespace uprev {
namespace {

std::string Apply(std::string_view language, const std::string& text, ImportChanges changes) {
  EditSet set;
  for (Edit& e : PlanImportEdits(language, text, changes)) EXPECT_TRUE(set.Add(std::move(e)));
  return set.Apply(text);
}

TEST(ImportEditorTest, PythonAddsAfterTheImportBlock) {
  EXPECT_EQ(Apply("python", "\"\"\"Doc.\"\"\"\nimport os\nfrom sys import argv\n\nx = 1\n",
                  {{"datetime"}, {}}),
            "\"\"\"Doc.\"\"\"\nimport os\nfrom sys import argv\nimport datetime\n\nx = 1\n");
  EXPECT_EQ(Apply("python", "import os, datetime\n", {{"datetime"}, {}}), "import os, datetime\n");
  EXPECT_EQ(Apply("python", "#!/usr/bin/env python3\n# licence\nx = 1\n", {{"importlib"}, {}}),
            "#!/usr/bin/env python3\n# licence\nimport importlib\nx = 1\n");
  EXPECT_EQ(Apply("python", "from a import (\n    b,\n    c,\n)\nx = b\n", {{"os"}, {}}),
            "from a import (\n    b,\n    c,\n)\nimport os\nx = b\n");
}

TEST(ImportEditorTest, PythonRemovesOnlyWhenUnused) {
  EXPECT_EQ(Apply("python", "import imp\nimport importlib\n# imp.reload was here\nimportlib.reload(m)\n",
                  {{}, {"imp"}}),
            "import importlib\n# imp.reload was here\nimportlib.reload(m)\n");
  EXPECT_EQ(Apply("python", "import imp\nimp.find_module('x')\n", {{}, {"imp"}}),
            "import imp\nimp.find_module('x')\n");
  // `x.imp` is an attribute of something else, not a use of the module.
  EXPECT_EQ(Apply("python", "import imp\nx.imp = 1\n", {{}, {"imp"}}), "x.imp = 1\n");
  // A dotted module stays while a chain through it is left; `import a.c`
  // binds `a` too, so `a.c.x` is no use of `a.b`.
  EXPECT_EQ(Apply("python", "import a.b\nimport a.c\na.b.f(*x)\n", {{}, {"a.b"}}),
            "import a.b\nimport a.c\na.b.f(*x)\n");
  EXPECT_EQ(Apply("python", "import a.b\nimport a.c\na.c.f()\n", {{}, {"a.b"}}),
            "import a.c\na.c.f()\n");
  // An aliased import goes when its alias is unused.
  EXPECT_EQ(Apply("python", "import a.b as ab\nimport a.c\na.c.f()\n", {{}, {"a.b"}}),
            "import a.c\na.c.f()\n");
  EXPECT_EQ(Apply("python", "import a.b as ab\nab.f(*x)\n", {{}, {"a.b"}}),
            "import a.b as ab\nab.f(*x)\n");
}

TEST(ImportEditorTest, PythonFromImportsGainAndLoseNames) {
  // Sorted lists stay sorted; others get the name last.
  EXPECT_EQ(Apply("python", "from datetime import datetime\nx = 1\n", {{"datetime:timezone"}, {}}),
            "from datetime import datetime, timezone\nx = 1\n");
  EXPECT_EQ(Apply("python", "from numpy import alltrue, isfinite  # math\n", {{"numpy:all"}, {}}),
            "from numpy import all, alltrue, isfinite  # math\n");
  EXPECT_EQ(Apply("python", "from m import z, a\n", {{"m:b"}, {}}), "from m import z, a, b\n");
  EXPECT_EQ(Apply("python", "from m import b as x\n", {{"m:b"}, {}}), "from m import b as x\n");
  EXPECT_EQ(Apply("python", "import os\n\nx = 1\n", {{"m:b"}, {}}),
            "import os\nfrom m import b\n\nx = 1\n");
  // Removal only when nothing refers to the name any more.
  EXPECT_EQ(Apply("python", "from numpy import float_, float64\nr = float64(3)\n",
                  {{}, {"numpy:float_"}}),
            "from numpy import float64\nr = float64(3)\n");
  EXPECT_EQ(Apply("python", "from numpy import float_\nr = float_(3)\n", {{}, {"numpy:float_"}}),
            "from numpy import float_\nr = float_(3)\n");
  EXPECT_EQ(Apply("python", "from numpy import NaN as N\nr = 1\n", {{}, {"numpy:N"}}), "r = 1\n");
}

TEST(ImportEditorTest, GoAddsInSortedPositionAndRemovesUnused) {
  std::string before =
      "package main\n\nimport (\n\t\"fmt\"\n\t\"io/ioutil\"\n\t\"strings\"\n\n\t\"example.com/x\"\n)\n\n"
      "func main() {\n\t// ioutil.ReadFile was used here\n\tb, _ := os.ReadFile(\"ioutil.txt\")\n"
      "\tfmt.Println(strings.TrimSpace(string(b)), x.Y)\n}\n";
  EXPECT_EQ(Apply("go", before, {{"os"}, {"io/ioutil"}}),
            "package main\n\nimport (\n\t\"fmt\"\n\t\"os\"\n\t\"strings\"\n\n\t\"example.com/x\"\n)\n\n"
            "func main() {\n\t// ioutil.ReadFile was used here\n\tb, _ := os.ReadFile(\"ioutil.txt\")\n"
            "\tfmt.Println(strings.TrimSpace(string(b)), x.Y)\n}\n");
}

TEST(ImportEditorTest, GoSingleImportsAndEmptiedBlocks) {
  EXPECT_EQ(Apply("go", "package p\n\nimport \"io/ioutil\"\n\nvar d = io.Discard\n",
                  {{"io"}, {"io/ioutil"}}),
            "package p\n\nimport \"io\"\n\nvar d = io.Discard\n");
  EXPECT_EQ(Apply("go", "package p\n\nimport (\n\t\"io/ioutil\"\n)\n\nvar d = 1\n", {{}, {"io/ioutil"}}),
            "package p\n\n\nvar d = 1\n");
  EXPECT_EQ(Apply("go", "package p\n\nvar d = 1\n", {{"os"}, {}}),
            "package p\n\nimport \"os\"\n\nvar d = 1\n");
}

TEST(ImportEditorTest, JavaScriptNamedImportsAndRequires) {
  EXPECT_EQ(Apply("javascript", "import React from 'react';\nimport { hydrate } from 'react-dom';\n\nrun();\n",
                  {{"react-dom/client:createRoot"}, {}}),
            "import React from 'react';\nimport { hydrate } from 'react-dom';\n"
            "import { createRoot } from 'react-dom/client';\n\nrun();\n");
  EXPECT_EQ(Apply("tsx", "import { b, d } from \"m\"\n", {{"m:c"}, {}}), "import { b, c, d } from \"m\"\n");
  EXPECT_EQ(Apply("javascript", "'use strict';\nconst fs = require('fs');\n\nf();\n", {{"url:URL"}, {}}),
            "'use strict';\nconst fs = require('fs');\nconst { URL } = require('url');\n\nf();\n");
  EXPECT_EQ(Apply("javascript", "const { isArray, inspect: insp } = require('util');\ninsp(1);\n",
                  {{}, {"util:isArray"}}),
            "const { inspect: insp } = require('util');\ninsp(1);\n");
  EXPECT_EQ(Apply("javascript", "import { parse as p } from 'url';\nx();\n", {{}, {"url:p"}}), "x();\n");
  EXPECT_EQ(Apply("javascript", "import { parse } from 'url';\nparse(1);\n", {{}, {"url:parse"}}),
            "import { parse } from 'url';\nparse(1);\n");
  EXPECT_EQ(Apply("javascript", "import ReactDOM from 'react-dom';\nimport App from './App';\nrun(App);\n",
                  {{}, {"react-dom:default"}}),
            "import App from './App';\nrun(App);\n");
  EXPECT_EQ(Apply("javascript", "const ReactDOM = require(\"react-dom\");\nReactDOM.x();\n",
                  {{}, {"react-dom:default"}}),
            "const ReactDOM = require(\"react-dom\");\nReactDOM.x();\n");
}

TEST(ImportEditorTest, JavaImportsAfterTheLastAndUnusedOnesGo) {
  std::string before =
      "package p;\n\nimport org.junit.Assert;\nimport org.junit.Test;\n\nclass T {\n"
      "  @Test void f() { Assertions.assertEquals(1, 1); }\n}\n";
  EXPECT_EQ(Apply("java", before,
                  {{"org.junit.jupiter.api.Assertions", "static org.junit.jupiter.api.Assertions.fail"},
                   {"org.junit.Assert", "org.junit.Test"}}),
            "package p;\n\nimport org.junit.Test;\nimport org.junit.jupiter.api.Assertions;\n"
            "import static org.junit.jupiter.api.Assertions.fail;\n\nclass T {\n"
            "  @Test void f() { Assertions.assertEquals(1, 1); }\n}\n");
  EXPECT_EQ(Apply("java", "package p;\n\nclass T {}\n", {{"java.util.List"}, {}}),
            "package p;\n\nimport java.util.List;\n\nclass T {}\n");
}

TEST(ImportEditorTest, CppAddsInSortedPlaceInASortedBlock) {
  EXPECT_EQ(
      Apply("cpp", "#include <algorithm>\n#include <string>\n#include <vector>\n\nint x;\n",
            {{"<memory>"}, {}}),
      "#include <algorithm>\n#include <memory>\n#include <string>\n#include <vector>\n\nint x;\n");
  // Last in the block, and a file whose last line has no newline.
  EXPECT_EQ(Apply("cpp", "#include <algorithm>\n#include <map>", {{"<vector>"}, {}}),
            "#include <algorithm>\n#include <map>\n#include <vector>\n");
}

TEST(ImportEditorTest, CppAppendsToAnUnsortedBlock) {
  EXPECT_EQ(Apply("cpp", "#include <vector>\n#include <algorithm>\n\nint x;\n", {{"<memory>"}, {}}),
            "#include <vector>\n#include <algorithm>\n#include <memory>\n\nint x;\n");
}

TEST(ImportEditorTest, CppPicksTheBlockOfTheHeadersGroup) {
  // Google layout: own header, C system, C++ standard, project headers.
  std::string before =
      "#include \"foo/foo.h\"\n\n#include <stdio.h>\n\n#include <string>\n#include <vector>\n\n"
      "#include \"absl/strings/str_cat.h\"\n#include \"foo/bar.h\"\n\nint x;\n";
  EXPECT_EQ(Apply("cpp", before, {{"<memory>", "<stdlib.h>", "\"foo/baz.h\""}, {}}),
            "#include \"foo/foo.h\"\n\n#include <stdio.h>\n#include <stdlib.h>\n\n"
            "#include <memory>\n#include <string>\n#include <vector>\n\n"
            "#include \"absl/strings/str_cat.h\"\n#include \"foo/bar.h\"\n#include "
            "\"foo/baz.h\"\n\nint x;\n");
}

TEST(ImportEditorTest, CppHeaderAlreadyIncludedWithOddSpacingIsKept) {
  EXPECT_TRUE(PlanImportEdits("cpp", "#  include <memory>\n#include  <vector>\n",
                              {{"<memory>", "vector"}, {}})
                  .empty());
  // Under the other spelling it is the same header.
  EXPECT_TRUE(PlanImportEdits("cpp", "#include \"memory\"\n", {{"<memory>"}, {}}).empty());
}

TEST(ImportEditorTest, CppHeaderIncludedUnderIfdefIsPresent) {
  std::string text =
      "#include <vector>\n\n#ifdef HAVE_MEMORY\n#include <memory>\n#endif\n\nint x;\n";
  EXPECT_TRUE(PlanImportEdits("cpp", text, {{"<memory>"}, {}}).empty());
}

TEST(ImportEditorTest, CppFirstIncludeGoesAfterLicenceAndIncludeGuard) {
  // The licence mentions `#include <memory>`: a comment includes nothing.
  EXPECT_EQ(Apply("cpp",
                  "/* Licence.\n * #include <memory>\n */\n\n#ifndef FOO_H_\n#define FOO_H_\n\n"
                  "class Foo;\n\n#endif  // FOO_H_\n",
                  {{"<memory>"}, {}}),
            "/* Licence.\n * #include <memory>\n */\n\n#ifndef FOO_H_\n#define FOO_H_\n\n"
            "#include <memory>\n\nclass Foo;\n\n#endif  // FOO_H_\n");
  // A licence with no guard; a doc comment right above code is not one.
  EXPECT_EQ(Apply("cpp", "// Licence.\n\n// Foo does x.\nclass Foo;\n", {{"<memory>"}, {}}),
            "// Licence.\n\n#include <memory>\n\n// Foo does x.\nclass Foo;\n");
  EXPECT_EQ(Apply("cpp", "int x;\n", {{"<memory>"}, {}}), "#include <memory>\n\nint x;\n");
}

TEST(ImportEditorTest, CppFirstIncludeGoesAfterPragmaOnce) {
  EXPECT_EQ(Apply("cpp", "// Licence.\n#pragma once\n\nclass Foo;\n", {{"<memory>"}, {}}),
            "// Licence.\n#pragma once\n\n#include <memory>\n\nclass Foo;\n");
}

TEST(ImportEditorTest, CppQuotedEntryJoinsTheQuotedBlock) {
  EXPECT_EQ(
      Apply("cpp", "#include <memory>\n\n#include \"util/a.h\"\n#include \"util/c.h\"\n\nint x;\n",
            {{"\"util/b.h\""}, {}}),
      "#include <memory>\n\n#include \"util/a.h\"\n#include \"util/b.h\"\n#include \"util/c.h\"\n\n"
      "int x;\n");
  // With no quoted block, a new one after the last include.
  EXPECT_EQ(Apply("cpp", "#include <memory>\nint x;\n", {{"\"util/b.h\""}, {}}),
            "#include <memory>\n\n#include \"util/b.h\"\n\nint x;\n");
}

TEST(ImportEditorTest, CppDuplicateEntriesAddOneLine) {
  std::string before = "#include <string>\n\nint x;\n";
  std::string after = "#include <memory>\n#include <string>\n\nint x;\n";
  EXPECT_EQ(Apply("cpp", before, {{"<memory>", "memory", " <memory>", "<memory>"}, {}}), after);
  // A second fix's addition, planned on the first one's result.
  EXPECT_EQ(Apply("cpp", after, {{"<memory>"}, {}}), after);
}

TEST(ImportEditorTest, CppRemovesListedIncludesWholeLines) {
  EXPECT_EQ(Apply("cpp",
                  "#include <boost/shared_ptr.hpp>  // for shared_ptr\n#include <string>\n\n"
                  "#ifdef X\n#include <boost/shared_ptr.hpp>\n#endif\n",
                  {{"<memory>"}, {"<boost/shared_ptr.hpp>"}}),
            "#include <memory>\n#include <string>\n\n#ifdef X\n#endif\n");
}

TEST(ImportEditorTest, CppAngleEntryInAFileWithOnlyQuotedIncludesStartsABlock) {
  EXPECT_EQ(Apply("cpp", "// Licence.\n\n#include \"foo/foo.h\"\n\nnamespace foo {}\n",
                  {{"<memory>", "<stdio.h>"}, {}}),
            "// Licence.\n\n#include \"foo/foo.h\"\n\n#include <memory>\n#include <stdio.h>\n\n"
            "namespace foo {}\n");
  // Includes inside code are never joined.
  EXPECT_EQ(Apply("cpp", "extern \"C\" {\n#include <stdio.h>\n}\n", {{"<stdlib.h>"}, {}}),
            "#include <stdlib.h>\n\nextern \"C\" {\n#include <stdio.h>\n}\n");
}

TEST(ImportEditorTest, CppKeepsCrlfLineEndings) {
  EXPECT_EQ(
      Apply("cpp", "#include <a>\r\n#include <c>\r\n\r\nint x;\r\n", {{"<b>", "\"q.h\""}, {}}),
      "#include <a>\r\n#include <b>\r\n#include <c>\r\n\r\n#include \"q.h\"\r\n\r\nint x;\r\n");
}

TEST(ImportEditorTest, CIncludesWorkToo) {
  EXPECT_EQ(Apply("c", "#include <stdio.h>\n#include <string.h>\n\nint main(void) { return 0; }\n",
                  {{"<stdlib.h>"}, {"<string.h>"}}),
            "#include <stdio.h>\n#include <stdlib.h>\n\nint main(void) { return 0; }\n");
  EXPECT_EQ(Apply("c", "#ifndef A_H\n#define A_H\nint f(void);\n#endif\n", {{"\"b.h\""}, {}}),
            "#ifndef A_H\n#define A_H\n\n#include \"b.h\"\n\nint f(void);\n#endif\n");
}

TEST(ImportEditorTest, LanguagesWithoutImportManagementGetNoEdits) {
  EXPECT_TRUE(PlanImportEdits("yaml", "a: 1\n", {{"stdio.h"}, {}}).empty());
}

}  // namespace
}  // namespace uprev
