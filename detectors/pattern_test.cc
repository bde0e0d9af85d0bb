#include "detectors/pattern.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace uprev {
namespace {

// Every match of `pattern_text` in `code`, rendered as
// "matched text {NAME=text, ...}" in tree order.
std::vector<std::string> Matches(std::string_view language, std::string_view pattern_text,
                                 const std::string& code) {
  const Language* lang = FindLanguage(language);
  uint32_t offset = 0;
  auto pattern = Pattern::Compile(*lang, pattern_text, &offset);
  EXPECT_TRUE(pattern.ok()) << pattern.status().message();
  if (!pattern.ok()) return {};
  SyntaxTree tree = SyntaxTree::Parse(*lang, code);
  MatchContext ctx{lang, code};
  std::vector<std::string> out;
  std::vector<TSNode> stack = {tree.root()};
  std::vector<TSNode> order;
  // Pre-order walk.
  while (!stack.empty()) {
    TSNode n = stack.back();
    stack.pop_back();
    order.push_back(n);
    for (uint32_t i = ts_node_child_count(n); i > 0; --i) stack.push_back(ts_node_child(n, i - 1));
  }
  for (TSNode n : order) {
    std::vector<NodeBinding> bindings;
    if (!(*pattern)->MatchAt(n, ctx, &bindings)) continue;
    std::string s(NodeText(n, code));
    s += " {";
    for (size_t i = 0; i < bindings.size(); ++i) {
      if (i) s += ", ";
      s += *bindings[i].name + "=" + code.substr(bindings[i].range.begin, bindings[i].range.size());
    }
    out.push_back(s + "}");
  }
  return out;
}

using Strings = std::vector<std::string>;

TEST(PatternTest, MetavariableMatchesOneNode) {
  EXPECT_EQ(Matches("python", "logging.warn($MSG)", "logging.warn('a' + b)\nlogging.warning(c)\n"),
            (Strings{"logging.warn('a' + b) {MSG='a' + b}"}));
}

TEST(PatternTest, SequenceBindsShortestFirstSoLaterMetavariablesGetTheRest) {
  EXPECT_EQ(Matches("javascript", "f($$$A, $B)", "f(1, 2, 3); f(); f(x);"),
            (Strings{"f(1, 2, 3) {A=1, 2, B=3}", "f(x) {A=, B=x}"}));
  EXPECT_EQ(Matches("python", "f($$$ARGS)", "f()\nf(a, *b, c=1)\n"),
            (Strings{"f() {ARGS=}", "f(a, *b, c=1) {ARGS=a, *b, c=1}"}));
}

TEST(PatternTest, ASequenceThatIsTheWholeListKeepsItsLayout) {
  EXPECT_EQ(Matches("python", "self.assertEquals($$$ARGS)", "self.assertEquals(\n    a,\n    b,\n)\n"),
            (Strings{"self.assertEquals(\n    a,\n    b,\n) {ARGS=\n    a,\n    b,\n}"}));
  // Next to another metavariable it spans only its own elements.
  EXPECT_EQ(Matches("python", "f($A, $$$REST)", "f( a, b, c )\n"),
            (Strings{"f( a, b, c ) {A=a, REST=b, c}"}));
}

TEST(PatternTest, RepeatedMetavariableMustMatchEqualText) {
  EXPECT_EQ(Matches("go", "$X == $X", "package p\nvar a = b == b\nvar c = b == d\nvar e = f( 1) == f(1)\n"),
            (Strings{"b == b {X=b}", "f( 1) == f(1) {X=f( 1)}"}));
}

TEST(PatternTest, CommentsWhitespaceAndTrailingCommasDoNotMatter) {
  EXPECT_EQ(Matches("javascript", "foo($A, $B)", "foo(1, /* two */ 2,\n);\nfoo(1)\n"),
            (Strings{"foo(1, /* two */ 2,\n) {A=1, B=2}"}));
}

TEST(PatternTest, NamesInStringsAndCommentsDoNotMatch) {
  EXPECT_EQ(Matches("python", "os.getcwdu()", "# os.getcwdu()\ns = 'os.getcwdu()'\n"), Strings{});
}

TEST(PatternTest, StatementSequencesInBlocks) {
  EXPECT_EQ(Matches("java", "if ($C) { $$$BODY }",
                    "class A { void f() { if (x) { a(); b(); } if (y) {} } }"),
            (Strings{"if (x) { a(); b(); } {C=x, BODY=a(); b();}", "if (y) {} {C=y, BODY=}"}));
}

TEST(PatternTest, GoAndCPatternsNeedTheirContexts) {
  EXPECT_EQ(Matches("go", "ioutil.ReadAll($R)",
                    "package p\nfunc f() { b, _ := ioutil.ReadAll(r.Body) }\n"),
            (Strings{"ioutil.ReadAll(r.Body) {R=r.Body}"}));
  EXPECT_EQ(Matches("cpp", "std::puts($A)", "int main() { std::puts(\"hi\"); }\n"),
            (Strings{"std::puts(\"hi\") {A=\"hi\"}"}));
  EXPECT_EQ(Matches("c", "free($P)", "void g(char *p) { if (p) free(p); }\n"),
            (Strings{"free(p) {P=p}"}));
  EXPECT_EQ(Matches("cpp", "std::swap($A, $B)", "void f() { std::swap(x, y[1]); }\n"),
            (Strings{"std::swap(x, y[1]) {A=x, B=y[1]}"}));
}

TEST(PatternTest, TextThatNoChildCoversMustBeEqual) {
  // tree-sitter-toml's string has no child for its content.
  EXPECT_EQ(Matches("toml", "edition = \"2015\"", "edition = \"2021\"\nedition = \"2015\"\n"),
            (Strings{"edition = \"2015\" {}"}));
}

TEST(PatternTest, JsonAndTomlSpellMetavariablesAsStrings) {
  EXPECT_EQ(Matches("json", "\"node\": $V", "{\"engines\": {\"node\": \"12.x\"}}"),
            (Strings{"\"node\": \"12.x\" {V=\"12.x\"}"}));
  EXPECT_EQ(Matches("toml", "$K = 1", "a = 1\nb = 2\n"), (Strings{"a = 1 {K=a}"}));
}

TEST(PatternTest, LiteralsAndMetavariables) {
  const Language* py = FindLanguage("python");
  uint32_t offset = 0;
  auto p = Pattern::Compile(*py, "datetime.datetime.utcfromtimestamp($T, $$$REST)", &offset);
  ASSERT_TRUE(p.ok());
  EXPECT_EQ((*p)->literals(), (Strings{"datetime", "utcfromtimestamp"}));
  EXPECT_EQ((*p)->metavariables(), (std::set<std::string>{"REST", "T"}));
}

TEST(PatternTest, ParseErrorsSayWhere) {
  const Language* py = FindLanguage("python");
  uint32_t offset = 0;
  auto p = Pattern::Compile(*py, "foo($X", &offset);
  ASSERT_FALSE(p.ok());
  EXPECT_EQ(p.status().message(), "pattern does not parse as python");
  auto q = Pattern::Compile(*py, "a = 1\nb = 2", &offset);
  ASSERT_FALSE(q.ok());
  EXPECT_EQ(q.status().message(),
            "pattern must be a single expression, statement or declaration");
}

TEST(PatternTest, MetavariableNames) {
  EXPECT_TRUE(IsMetavariableName("X"));
  EXPECT_TRUE(IsMetavariableName("ARG_2"));
  EXPECT_TRUE(IsMetavariableName("_"));
  EXPECT_FALSE(IsMetavariableName("x"));
  EXPECT_FALSE(IsMetavariableName("2X"));
  EXPECT_FALSE(IsMetavariableName(""));
}

}  // namespace
}  // namespace uprev
