#include "detectors/rule_loader.h"

#include <gtest/gtest.h>

namespace uprev {
namespace {

// The whole error message for a pack.
std::string ErrorOf(const std::string& yaml) {
  Result<RulePack> pack = ParseRulePack("p.yaml", yaml);
  EXPECT_FALSE(pack.ok());
  return pack.ok() ? "" : pack.status().message();
}

constexpr const char* kHeader = "pack: t\nrules:\n";

TEST(RuleLoaderTest, LoadsARule) {
  Result<RulePack> pack = ParseRulePack("p.yaml", std::string(kHeader) + R"(  - id: datetime-utcnow
    language: python
    severity: warning
    message: m
    pattern: datetime.datetime.utcnow()
    fix: datetime.datetime.now(datetime.timezone.utc)
    confidence: review
    review: aware
    tests:
      - code: "x = datetime.datetime.utcnow()\n"
        fixed: "x = datetime.datetime.now(datetime.timezone.utc)\n"
      - code: "utcnow = 1\n"
        match: false
)");
  ASSERT_TRUE(pack.ok()) << pack.status().message();
  ASSERT_EQ(pack->rules.size(), 1u);
  const Rule& r = pack->rules[0];
  EXPECT_EQ(r.id, "datetime-utcnow");
  EXPECT_EQ(r.pack, "t");
  EXPECT_EQ(r.language->name, "python");
  EXPECT_EQ(r.confidence, Confidence::kReview);
  EXPECT_EQ(r.line, 3u);
  EXPECT_EQ(r.prefilter, (std::vector<std::vector<std::string>>{{"datetime"}}));
  ASSERT_EQ(r.tests.size(), 2u);
  EXPECT_EQ(r.tests[1].findings, 0);
  EXPECT_EQ(pack->hash.size(), 16u);
}

TEST(RuleLoaderTest, InvalidYaml) {
  EXPECT_EQ(ErrorOf("pack: t\nrules: [\n  - id: x\n"),
            "p.yaml:3:3: error: invalid YAML: illegal block entry");
}

TEST(RuleLoaderTest, UnknownKey) {
  EXPECT_EQ(ErrorOf(std::string(kHeader) + "  - id: a\n    language: python\n    message: m\n"
                                           "    pattern: f()\n    severty: error\n"),
            "p.yaml:7:5: error: unknown key 'severty' in a rule; expected one of: id, language, "
            "severity, message, pattern, patterns, query, matcher, triggers, config, where, fix, "
            "imports, confidence, review, tests");
}

TEST(RuleLoaderTest, PatternThatDoesNotParse) {
  EXPECT_EQ(ErrorOf(std::string(kHeader) + "  - id: a\n    language: python\n    message: m\n"
                                           "    pattern: foo(1 +\n"),
            "p.yaml:6:14: error: pattern does not parse as python");
}

TEST(RuleLoaderTest, UnknownLanguage) {
  EXPECT_EQ(ErrorOf(std::string(kHeader) + "  - id: a\n    language: cobol\n    message: m\n"
                                           "    pattern: f()\n"),
            "p.yaml:4:15: error: unknown language 'cobol'; known: python, javascript, "
            "typescript, tsx, java, go, c, cpp, json, yaml, toml");
}

TEST(RuleLoaderTest, FixWithUndefinedMetavariable) {
  EXPECT_EQ(ErrorOf(std::string(kHeader) + "  - id: a\n    language: python\n    message: m\n"
                                           "    pattern: old($X)\n    fix: new($Y)\n"),
            "p.yaml:7:14: error: the fix uses $Y but the pattern does not bind it");
}

TEST(RuleLoaderTest, BlockScalarErrorsPointIntoTheBlock) {
  EXPECT_EQ(ErrorOf(std::string(kHeader) + "  - id: a\n    language: python\n    message: m\n"
                                           "    pattern: old($X)\n    fix: |\n      new(\n"
                                           "        $Z)\n"),
            "p.yaml:9:9: error: the fix uses $Z but the pattern does not bind it");
}

TEST(RuleLoaderTest, WhereOnUnboundMetavariableAndUnknownKind) {
  std::string base = std::string(kHeader) + "  - id: a\n    language: javascript\n"
                                            "    message: m\n    pattern: f($X)\n";
  EXPECT_EQ(ErrorOf(base + "    where:\n      Y: {regex: a}\n"),
            "p.yaml:8:7: error: 'where' constrains $Y but the pattern does not bind it");
  EXPECT_EQ(ErrorOf(base + "    where:\n      X: {kind: no_such_kind}\n"),
            "p.yaml:8:17: error: 'no_such_kind' is not a node kind of javascript");
  // A TypeScript-only kind is fine for a javascript rule: it runs on .ts too.
  EXPECT_TRUE(ParseRulePack("p.yaml", base + "    where:\n      X: {kind: as_expression}\n").ok());
  EXPECT_EQ(ErrorOf(base + "    where:\n      X: {regex: '(a'}\n"),
            "p.yaml:8:18: error: bad regex: Mismatched '(' and ')' in regular expression");
}

TEST(RuleLoaderTest, ConfidenceAndFixMustAgree) {
  std::string base = std::string(kHeader) + "  - id: a\n    language: go\n    message: m\n"
                                            "    pattern: f()\n";
  EXPECT_EQ(ErrorOf(base + "    confidence: safe\n"),
            "p.yaml:7:17: error: a 'safe' rule needs a 'fix'");
  EXPECT_EQ(ErrorOf(base + "    fix: g()\n    confidence: manual\n"),
            "p.yaml:8:17: error: a 'manual' rule has no 'fix'");
  EXPECT_EQ(ErrorOf(base + "    fix: g()\n    confidence: review\n"),
            "p.yaml:8:17: error: rule 'a' is 'review' but has no 'review' text saying what to check");
}

TEST(RuleLoaderTest, DuplicateIdsAndBadIds) {
  std::string rule = "  - id: a\n    language: go\n    message: m\n    pattern: f()\n";
  EXPECT_EQ(ErrorOf(std::string(kHeader) + rule + rule),
            "p.yaml:7:9: error: duplicate rule id 'a'");
  EXPECT_EQ(ErrorOf(std::string(kHeader) + "  - id: Bad_Id\n    language: go\n    message: m\n"
                                           "    pattern: f()\n"),
            "p.yaml:3:9: error: rule id 'Bad_Id' must be lower-case letters, digits, '-', '_' "
            "and '.'");
}

TEST(RuleLoaderTest, QueryErrorsAndCaptures) {
  std::string base = std::string(kHeader) + "  - id: a\n    language: python\n    message: m\n";
  EXPECT_EQ(ErrorOf(base + "    query: \"(call function: (nosuchnode) @F)\"\n"),
            "p.yaml:6:30: error: query does not compile for python: unknown node kind");
  Result<RulePack> ok = ParseRulePack(
      "p.yaml", base + "    query: '(call function: (identifier) @F) @match'\n"
                       "    where:\n      F: {in: [foo]}\n    fix: bar()\n");
  ASSERT_TRUE(ok.ok()) << ok.status().message();
  EXPECT_EQ(ok->rules[0].prefilter, (std::vector<std::vector<std::string>>{{"foo"}}));
}

TEST(RuleLoaderTest, UnknownQueryPredicate) {
  EXPECT_EQ(ErrorOf(std::string(kHeader) + "  - id: a\n    language: python\n    message: m\n"
                                           "    query: '((identifier) @F (#frob? @F \"x\"))'\n"),
            "p.yaml:6:31: error: unknown query predicate '#frob?'; uprev evaluates #eq?, #not-eq?, "
            "#match?, #not-match?, #any-of?, #not-any-of?");
}

TEST(RuleLoaderTest, AbsurdlyDeepPatternIsRefusedNotACrash) {
  std::string deep;
  for (int i = 0; i < 20000; ++i) deep += "f(";
  deep += "x";
  for (int i = 0; i < 20000; ++i) deep += ")";
  EXPECT_EQ(ErrorOf(std::string(kHeader) + "  - id: a\n    language: python\n    message: m\n"
                                           "    pattern: " + deep + "\n"),
            "p.yaml:6:14: error: pattern nests deeper than 256 syntax levels");
}

TEST(RuleLoaderTest, TestsAreChecked) {
  std::string base = std::string(kHeader) + "  - id: a\n    language: python\n    message: m\n"
                                            "    pattern: f()\n    tests:\n";
  EXPECT_EQ(ErrorOf(base + "      - code: f()\n"),
            "p.yaml:8:9: error: a test needs exactly one of 'fixed', 'match: false' or "
            "'findings: N'");
  EXPECT_EQ(ErrorOf(base + "      - code: f()\n        fixed: g()\n"),
            "p.yaml:9:16: error: 'fixed' in a test of a rule without 'fix'");
  EXPECT_EQ(ErrorOf(base + "      - code: f()\n        findings: many\n"),
            "p.yaml:9:19: error: 'findings' must be a whole number");
}

TEST(RuleLoaderTest, MatcherRulesCompileWithClangsParser) {
  std::string rule = std::string(kHeader) + "  - id: a\n    language: cpp\n    message: m\n";
  auto pack = ParseRulePack("p.yaml", rule + "    matcher: callExpr(callee(functionDecl("
                                              "hasName(\"f\")))).bind(\"call\")\n"
                                              "    fix: g($call)\n    triggers: [f]\n");
  ASSERT_TRUE(pack.ok()) << pack.status().message();
  EXPECT_TRUE(pack->rules[0].ast_matcher);
  EXPECT_TRUE(pack->rules[0].matchers.empty());
  EXPECT_EQ(pack->rules[0].triggers, std::vector<std::string>{"f"});
  // The position is inside the matcher text, from Clang's parser.
  EXPECT_EQ(ErrorOf(rule + "    matcher: callExpr(calee(expr()))\n"),
            "p.yaml:6:23: error: the matcher does not parse: Matcher not found: calee");
  EXPECT_EQ(ErrorOf(rule + "    matcher: |\n      callExpr(\n        argumentCountIs(\"x\"))\n"),
            "p.yaml:8:25: error: the matcher does not parse: Incorrect type for arg 1. "
            "(Expected = unsigned) != (Actual = String)");
  EXPECT_EQ(ErrorOf(rule + "    matcher: callExpr()\n    fix: g($arg)\n"),
            "p.yaml:7:12: error: the fix uses $arg but the matcher binds no node 'arg' "
            "(.bind(\"arg\"))");
  EXPECT_EQ(ErrorOf(std::string(kHeader) + "  - id: a\n    language: python\n    message: m\n"
                                           "    matcher: callExpr()\n"),
            "p.yaml:6:14: error: 'matcher' (a Clang AST matcher) is for c and cpp rules, not "
            "python");
  EXPECT_EQ(ErrorOf(rule + "    pattern: f()\n    triggers: [f]\n"),
            "p.yaml:7:15: error: 'triggers' is for 'matcher' rules; pattern rules find their "
            "words themselves");
}

TEST(RuleLoaderTest, ImportsNeedImportManagement) {
  EXPECT_EQ(ErrorOf(std::string(kHeader) + "  - id: a\n    language: yaml\n    message: m\n"
                                           "    pattern: 'a: 1'\n    fix: 'a: 2'\n"
                                           "    imports: {add: [x]}\n"),
            "p.yaml:8:14: error: 'imports' is supported for python, go, javascript, typescript, "
            "java, c and cpp, not for yaml");
}

TEST(RuleLoaderTest, ContentHashIsFnv1a64) {
  EXPECT_EQ(ContentHash(""), "cbf29ce484222325");
  EXPECT_EQ(ContentHash("a"), "af63dc4c8601ec8c");
}

}  // namespace
}  // namespace uprev
