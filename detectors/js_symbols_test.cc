#include "detectors/js_symbols.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace uprev {
namespace {

using Strings = std::vector<std::string>;

std::string Bindings(std::string_view language, const std::string& code) {
  SyntaxTree tree = SyntaxTree::Parse(*FindLanguage(language), code);
  JsSymbols symbols(tree.root(), code);
  std::string out;
  for (const ImportBinding& b : symbols.bindings()) out += b.name + "=" + b.qualified + "\n";
  return out;
}

// What every chain ending in `last` (not itself a property) resolves to.
Strings Resolutions(const std::string& code, std::string_view last) {
  SyntaxTree tree = SyntaxTree::Parse(*FindLanguage("javascript"), code);
  JsSymbols symbols(tree.root(), code);
  Strings out;
  WalkTree(tree.root(), [&](TSNode node) {
    std::string_view type = ts_node_type(node);
    if (type != "member_expression" && type != "identifier") return Walk::kDescend;
    std::vector<std::string_view> chain = JsChain(node, code);
    if (chain.empty() || chain.back() != last) return Walk::kDescend;
    std::optional<std::string> r = symbols.Resolve(node);
    out.push_back(r ? *r : "(shadowed)");
    return Walk::kSkipChildren;
  });
  return out;
}

TEST(JsSymbolsTest, EsImportsAndRequire) {
  std::string code =
      "import url, { parse as p, format } from 'node:url';\n"
      "import * as fs from 'fs';\n"
      "const util = require('util');\n"
      "const { isArray, inspect: insp } = require('util');\n"
      "let other = compute();\n";
  EXPECT_EQ(Bindings("javascript", code),
            "url=url\np=url.parse\nformat=url.format\nfs=fs\nutil=util\nisArray=util.isArray\n"
            "insp=util.inspect\n");
  EXPECT_EQ(Bindings("typescript", "import type { A } from 'a';\nimport b from 'b';\n"),
            "A=a.A\nb=b\n");
}

TEST(JsSymbolsTest, ResolutionAndShadowing) {
  std::string code =
      "import * as u from 'node:url';\n"
      "const { parse } = require('url');\n"
      "u.parse(a);\n"
      "parse(b);\n"
      "function f(u) { return u.parse(c); }\n"
      "const g = (parse) => parse(d);\n"
      "function h() { const u = make(); return u.parse(e); }\n"
      "other.parse(f);\n";
  // f's u.parse, g's parameter and call, h's u.parse are local.
  EXPECT_EQ(Resolutions(code, "parse"),
            (Strings{"url.parse", "url.parse", "(shadowed)", "(shadowed)", "(shadowed)",
                     "(shadowed)", "other.parse"}));
}

TEST(JsSymbolsTest, UnnameableModulesMatchByTheirLocalSpelling) {
  EXPECT_EQ(Resolutions("import ReactDOM from 'react-dom';\nReactDOM.render(a, b);\n", "render"),
            Strings{"ReactDOM.render"});
}

}  // namespace
}  // namespace uprev
