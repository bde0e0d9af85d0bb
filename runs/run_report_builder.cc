#include "runs/run_report_builder.h"

#include <algorithm>

#include <fmt/format.h>

#include "core/edit_set.h"
#include "core/unified_diff.h"
#include "engine/fixer.h"
#include "grammars/language.h"
#include "grammars/syntax_tree.h"

namespace uprev {
namespace {

void CopyState(const ChangeSetRecord& c, ChangeSetReport* out) {
  out->name = c.name;
  out->review = c.review;
  out->branch = c.dropped.empty() ? c.branch : "";
  out->commit = c.commit;
  out->files = c.files;
  out->fixes = c.fixes;
  out->packs = c.packs;
  out->verification = c.verification;
  out->verify_exit = c.verify_exit;
  out->verify_output = c.verify_output;
  out->dropped = c.dropped;
}

size_t SyntaxErrors(const std::string& path, const std::string& text) {
  const Language* language = LanguageForPath(path);
  return language ? SyntaxTree::Parse(*language, text).CountErrors() : 0;
}

// Re-parses each changed file, and fixes it again with the rules that made
// the change set (Clang's too, through `rescan`): a correct change set
// parses and is a fixpoint.
void Validate(const PlannedChangeSet& set, const RuleSet& rules, const FileSystem& base,
              const RescanFindings* rescan, ChangeSetReport* out) {
  RuleSet own = rules.Only(std::vector<std::string>(set.rules.begin(), set.rules.end()));
  FixOptions options;
  options.include_review = set.review;
  ExtraFindings clang;
  if (rescan && !own.AstMatcherRules().empty()) {
    OverlayFileSystem changed(base, set.files);
    clang = (*rescan)(own, changed, changed.texts());
  }
  for (const auto& [path, text] : set.files) {
    Result<std::string> before = base.ReadFile(path);
    if (before.ok() && SyntaxErrors(path, text) > SyntaxErrors(path, *before)) {
      out->reparsed = false;
      out->validation_notes.push_back(path + ": the changed file has more syntax errors than "
                                             "before");
    }
    const Language* language = LanguageForPath(path);
    if (!language) continue;
    auto found = clang.find(path);
    FixOutcome again = FixFile(own, SourceFile(path, text, std::string(language->name)), options,
                               found == clang.end() ? nullptr : &found->second);
    if (again.changed()) {
      out->idempotent = false;
      out->validation_notes.push_back(fmt::format(
          "{}: fixing the result again changes it ({} more fix{})", path, again.applied.size(),
          again.applied.size() == 1 ? "" : "es"));
    }
  }
}

// The diff of one fix applied alone to the base text.
std::string SuggestedDiff(const Finding& f, const FileSystem& base) {
  if (!f.fix) return "";
  Result<std::string> text = base.ReadFile(f.path);
  if (!text.ok() || f.range.end > text->size()) return "";
  EditSet edit;
  edit.Add(Edit{f.range, f.fix->replacement, 0});
  return UnifiedDiff(f.path, *text, edit.Apply(*text));
}

}  // namespace

RunReport BuildRunReport(const RunRecord& record, const Plan& plan, const RuleSet& rules,
                         const FileSystem& base, const OwnersOfPath& owners,
                         const std::string& workdir, const RescanFindings* rescan) {
  RunReport report;
  report.id = record.id;
  report.repo = workdir;
  report.base = record.base;
  report.base_ref = record.base_ref;
  report.time = record.time;
  report.split = record.split;
  report.verify = record.verify;
  report.packs = record.packs;
  for (const ChangeSetRecord& c : record.change_sets) {
    ChangeSetReport out;
    CopyState(c, &out);
    auto planned = std::find_if(plan.change_sets.begin(), plan.change_sets.end(),
                                [&](const PlannedChangeSet& p) { return p.name == c.name; });
    if (planned != plan.change_sets.end()) Validate(*planned, rules, base, rescan, &out);
    report.change_sets.push_back(std::move(out));
  }
  for (const Finding& f : plan.review_items) {
    report.review_items.push_back(ReviewItem{f, owners(f.path), SuggestedDiff(f, base)});
  }
  report.findings = plan.findings;
  report.stats = plan.stats;
  return report;
}

void RefreshChangeSets(const RunRecord& record, RunReport* report) {
  for (ChangeSetReport& out : report->change_sets) {
    for (const ChangeSetRecord& c : record.change_sets) {
      if (c.name == out.name) CopyState(c, &out);  // validation results stay
    }
  }
}

}  // namespace uprev
