#include "detectors/python_symbols.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace uprev {
namespace {

std::string Bindings(const std::string& code) {
  SyntaxTree tree = SyntaxTree::Parse(*FindLanguage("python"), code);
  PythonSymbols symbols(tree.root(), code);
  std::string out;
  for (const ImportBinding& b : symbols.bindings()) {
    out += b.name + "=" + b.qualified + (b.from.empty() ? "" : " (from " + b.from + ")") + "\n";
  }
  return out;
}

// What every dotted chain ending in `last` resolves to, in tree order.
std::vector<std::string> Resolutions(const std::string& code, std::string_view last) {
  SyntaxTree tree = SyntaxTree::Parse(*FindLanguage("python"), code);
  PythonSymbols symbols(tree.root(), code);
  std::vector<std::string> out;
  WalkTree(tree.root(), [&](TSNode node) {
    std::string_view type = ts_node_type(node);
    if (type == "attribute" || type == "identifier") {
      std::vector<std::string_view> chain = PythonChain(node, code);
      bool attribute_of_parent = false;
      TSNode parent = ts_node_parent(node);
      TSNode field = ts_node_child_by_field_name(parent, "attribute", 9);
      attribute_of_parent = !ts_node_is_null(field) && ts_node_eq(field, node);
      if (!chain.empty() && chain.back() == last && !attribute_of_parent) {
        std::optional<std::string> r = symbols.Resolve(node);
        out.push_back(r ? *r : "(shadowed)");
        return Walk::kSkipChildren;
      }
    }
    return Walk::kDescend;
  });
  return out;
}

using Strings = std::vector<std::string>;

TEST(PythonSymbolsTest, BindingsOfEveryImportForm) {
  EXPECT_EQ(Bindings("import os\nimport numpy as np\nimport os.path\nimport a.b as ab, c\n"
                     "from datetime import datetime, timezone as tz\nfrom . import local\n"
                     "from .pkg import other\nfrom x.y import (p,\n    q as r)\n"),
            "os=os\nnp=numpy\nos=os\nab=a.b\nc=c\ndatetime=datetime.datetime (from datetime)\n"
            "tz=datetime.timezone (from datetime)\np=x.y.p (from x.y)\nr=x.y.q (from x.y)\n");
}

TEST(PythonSymbolsTest, ChainsResolveThroughImports) {
  EXPECT_EQ(Resolutions("import numpy as np\nfrom os.path import join\nimport datetime\n"
                        "a = np.float_\nb = join('x')\nc = datetime.datetime.utcnow\n"
                        "d = other.utcnow\n",
                        "float_"),
            Strings{"numpy.float_"});
  // The name in the import statement itself is not a use.
  EXPECT_EQ(Resolutions("from os.path import join\nb = join('x')\n", "join"),
            (Strings{"(shadowed)", "os.path.join"}));
  EXPECT_EQ(Resolutions("import datetime\nd = other.utcnow()\ne = datetime.datetime.utcnow()\n",
                        "utcnow"),
            (Strings{"other.utcnow", "datetime.datetime.utcnow"}));
}

TEST(PythonSymbolsTest, TheTailOfAChainIsNoSymbolOfItsOwn) {
  std::string code = "from datetime import datetime\nx = clock.datetime\n";
  SyntaxTree tree = SyntaxTree::Parse(*FindLanguage("python"), code);
  PythonSymbols symbols(tree.root(), code);
  std::vector<std::string> out;
  WalkTree(tree.root(), [&](TSNode node) {
    if (std::string_view(ts_node_type(node)) == "identifier" &&
        ts_node_start_byte(node) >= code.find("clock")) {
      std::optional<std::string> r = symbols.Resolve(node);
      out.push_back(r ? *r : "(none)");
    }
    return Walk::kDescend;
  });
  EXPECT_EQ(out, (Strings{"clock", "(none)"}));
}

TEST(PythonSymbolsTest, LocalNamesShadowImports) {
  std::string code =
      "import numpy as np\n"
      "def f(np):\n    return np.float_\n"
      "def g():\n    np = Fake()\n    return np.float_\n"
      "def h(x, *, np=None):\n    return np.float_\n"
      "def k():\n    for np in items:\n        pass\n    return np.float_\n"
      "def m():\n    with open(p) as np:\n        return np.float_\n"
      "def ok():\n    return np.float_\n"
      "lam = lambda np: np.float_\n";
  EXPECT_EQ(Resolutions(code, "float_"),
            (Strings{"(shadowed)", "(shadowed)", "(shadowed)", "(shadowed)", "(shadowed)",
                     "numpy.float_", "(shadowed)"}));
  // A comprehension's variable is local to the comprehension.
  EXPECT_EQ(Resolutions("import numpy as np\nx = [np.float_ for np in data]\ny = np.float_\n",
                        "float_"),
            (Strings{"(shadowed)", "numpy.float_"}));
  // A module-level rebinding shadows everywhere.
  EXPECT_EQ(Resolutions("np = Namespace()\nx = np.float_\n", "float_"), Strings{"(shadowed)"});
}

}  // namespace
}  // namespace uprev
