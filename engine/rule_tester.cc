#include "engine/rule_tester.h"

#include <fmt/format.h>

#include "engine/analyzer.h"
#include "engine/clang_scan.h"
#include "engine/fixer.h"

namespace uprev {
namespace {

std::string Indent(std::string_view text) {
  std::string out = "    | ";
  for (char c : text) {
    out.push_back(c);
    if (c == '\n') out += "    | ";
  }
  return out;
}

// Why the case fails, or "" when it passes.
std::string RunCase(const RuleSet& single, const Rule& rule, const RuleTest& test) {
  std::string path = fmt::format("test{}", rule.language->extensions.empty()
                                               ? std::string_view("")
                                               : rule.language->extensions[0]);
  SourceFile source(path, test.code, std::string(rule.language->name));
  // Matcher rules: Clang compiles the case on its own.
  std::vector<Finding> clang;
  if (rule.ast_matcher) {
    Result<std::vector<Finding>> found = ScanSourceWithClang(single, source);
    if (!found.ok()) return found.status().message();
    clang = std::move(*found);
  }
  if (test.findings) {
    size_t got = AnalyzeFile(single, source, &clang).findings.size();
    if (got == static_cast<size_t>(*test.findings)) return "";
    return fmt::format("expected {} finding(s), got {}", *test.findings, got);
  }
  FixOptions options;
  options.every_confidence = true;
  FixOutcome outcome = FixFile(single, source, options, &clang);
  if (outcome.text != *test.fixed) {
    std::string why = fmt::format("the fix gives\n{}\n  expected\n{}", Indent(outcome.text),
                                  Indent(*test.fixed));
    for (const Finding& f : outcome.demoted) why += "\n  demoted: " + f.review;
    for (const Finding& f : outcome.conflicts) why += "\n  conflict: " + f.review;
    return why;
  }
  SourceFile again(path, outcome.text, std::string(rule.language->name));
  if (rule.ast_matcher) {
    Result<std::vector<Finding>> found = ScanSourceWithClang(single, again);
    if (!found.ok()) return "the fixed code does not compile: " + found.status().message();
    clang = std::move(*found);
  }
  FixOutcome second = FixFile(single, again, options, &clang);
  if (second.text != outcome.text) {
    return fmt::format("the fix is not idempotent: fixing the output again gives\n{}",
                       Indent(second.text));
  }
  return "";
}

}  // namespace

RuleTestReport TestRules(const RuleSet& rules) {
  RuleTestReport report;
  for (const Rule* rule : rules.rules()) {
    ++report.rules;
    if (rule->tests.empty()) {
      report.failures.push_back(RuleTestFailure{fmt::format("{}:{}", rule->file, rule->line),
                                                rule->id, "the rule has no tests"});
    }
    RuleSet single = rules.Only({rule->id});
    for (const RuleTest& test : rule->tests) {
      ++report.cases;
      std::string why = RunCase(single, *rule, test);
      if (why.empty()) {
        ++report.passed;
      } else {
        report.failures.push_back(
            RuleTestFailure{fmt::format("{}:{}", rule->file, test.line), rule->id, why});
      }
    }
  }
  return report;
}

}  // namespace uprev
