#include <cstdio>

#include <fmt/format.h>

#include "detectors/rule_set.h"
#include "engine/rule_tester.h"
#include "tools/arg_parser.h"
#include "tools/commands.h"
#include "tools/pack_loader.h"

namespace uprev {
namespace {

int List(const std::vector<RulePack>& packs) {
  for (const RulePack& pack : packs) {
    for (const Rule& r : pack.rules) {
      std::printf("%s/%s\t%s\t%s\t%s\t%s\n", pack.name.c_str(), r.id.c_str(),
                  std::string(r.language->name).c_str(), std::string(SeverityName(r.severity)).c_str(),
                  std::string(ConfidenceName(r.confidence)).c_str(), r.message.c_str());
    }
  }
  return 0;
}

int Test(std::vector<RulePack> packs) {
  RuleSet rules(std::move(packs));
  RuleTestReport report = TestRules(rules);
  for (const RuleTestFailure& f : report.failures) {
    std::printf("%s: FAIL [%s] %s\n", f.location.c_str(), f.rule.c_str(), f.message.c_str());
  }
  size_t failed = report.failures.size();
  std::printf("%zu rules, %zu test cases\n", report.rules, report.cases);
  std::printf("%zu passed, %zu failed\n", report.passed, failed);
  return failed == 0 ? 0 : 1;
}

int Show(const std::vector<RulePack>& packs, const std::string& id) {
  for (const RulePack& pack : packs) {
    for (const Rule& r : pack.rules) {
      if (r.id != id) continue;
      std::printf("rule: %s\npack: %s\nfile: %s:%u\nlanguage: %s\nseverity: %s\n"
                  "confidence: %s\nmessage: %s\n",
                  r.id.c_str(), pack.name.c_str(), r.file.c_str(), r.line,
                  std::string(r.language->name).c_str(), std::string(SeverityName(r.severity)).c_str(),
                  std::string(ConfidenceName(r.confidence)).c_str(), r.message.c_str());
      if (!r.review.empty()) std::printf("review: %s\n", r.review.c_str());
      if (r.fix) std::printf("fix: %s\n", r.fix->c_str());
      std::vector<std::string> groups;
      for (const auto& g : r.prefilter) groups.push_back(fmt::format("({})", fmt::join(g, " | ")));
      std::printf("prefilter: %s\n", groups.empty() ? "(none: runs on every file of its language)"
                                                    : fmt::format("{}", fmt::join(groups, " & ")).c_str());
      std::printf("tests: %zu\n", r.tests.size());
      return 0;
    }
  }
  return Fail(Status::Invalid(fmt::format("uprev rules show: error: no rule '{}'", id)));
}

}  // namespace

int RunRules(const Args& args) {
  if (args.empty()) {
    return Fail(Status::Invalid("uprev rules: error: expected 'list', 'test' or 'show'"));
  }
  std::string verb = args[0];
  ArgParser parser("rules " + verb);
  std::vector<std::string> extra_packs;
  if (verb == "show") parser.Repeated("--rules", &extra_packs);
  std::vector<std::string> words;
  if (Status s = parser.Parse(Args(args.begin() + 1, args.end()), &words); !s.ok()) return Fail(s);
  if (verb == "show") {
    if (words.size() != 1) return Fail(Status::Invalid("uprev rules show: error: expected one RULE_ID"));
    Result<std::vector<RulePack>> packs = LoadPacks(extra_packs);
    if (!packs.ok()) return Fail(packs.status());
    return Show(*packs, words[0]);
  }
  if (verb != "list" && verb != "test") {
    return Fail(Status::Invalid(fmt::format(
        "uprev rules: error: unknown verb '{}'; expected 'list', 'test' or 'show'", verb)));
  }
  Result<std::vector<RulePack>> packs = LoadPacks(words);
  if (!packs.ok()) return Fail(packs.status());
  return verb == "list" ? List(*packs) : Test(std::move(*packs));
}

}  // namespace uprev
