#include "engine/fixer.h"

#include <algorithm>
#include <set>
#include <tuple>

#include "core/edit_set.h"
#include "engine/analyzer.h"
#include "grammars/syntax_tree.h"
#include "rewriters/import_editor.h"

namespace uprev {
namespace {

using FixKey = std::tuple<std::string, std::string, std::string>;

FixKey KeyOf(const Finding& f) { return {f.rule, f.matched, f.fix->replacement}; }

size_t ErrorsIn(const Language& language, const std::string& text) {
  return SyntaxTree::Parse(language, text).CountErrors();
}

bool Eligible(const Finding& f, const FixOptions& options) {
  if (!f.fix) return false;
  if (options.every_confidence) return true;
  return f.confidence == Confidence::kSafe ||
         (options.include_review && f.confidence == Confidence::kReview);
}

// Applies the edits of `findings` picked by `chosen` to `text`, with the
// import changes their rules need.
std::string ApplyFixes(const SourceFile& file, const std::vector<Finding>& findings,
                       const std::vector<int>& chosen) {
  EditSet edits;
  ImportChanges imports;
  for (int i : chosen) {
    const Finding& f = findings[i];
    bool added = edits.Add(Edit{f.range, f.fix->replacement, i});
    (void)added;
    for (const std::string& a : f.fix->imports.add) imports.add.push_back(a);
    for (const std::string& r : f.fix->imports.remove) imports.remove.push_back(r);
  }
  std::string text = edits.Apply(file.text());
  if (imports.empty()) return text;
  for (auto* list : {&imports.add, &imports.remove}) {
    std::sort(list->begin(), list->end());
    list->erase(std::unique(list->begin(), list->end()), list->end());
  }
  EditSet import_edits;
  for (Edit& e : PlanImportEdits(file.language(), text, imports)) import_edits.Add(std::move(e));
  return import_edits.Apply(text);
}

}  // namespace

FixOutcome FixFile(const RuleSet& rules, const SourceFile& file, const FixOptions& options) {
  FixOutcome out;
  out.text = file.text();
  const Language* language = FindLanguage(file.language());
  if (!language) return out;
  std::set<FixKey> demoted;
  std::optional<size_t> base_errors;
  bool exhausted = false;
  for (int pass = 1; pass <= options.max_passes; ++pass) {
    SourceFile current(file.path(), out.text, file.language());
    std::vector<Finding> findings = AnalyzeFile(rules, current).findings;
    // Outer (larger) fixes first, so that they win over what they contain.
    std::vector<int> order;
    for (size_t i = 0; i < findings.size(); ++i) {
      if (Eligible(findings[i], options) && !demoted.count(KeyOf(findings[i]))) {
        order.push_back(static_cast<int>(i));
      }
    }
    if (order.empty()) break;
    std::stable_sort(order.begin(), order.end(), [&](int a, int b) {
      return findings[a].range.size() > findings[b].range.size();
    });
    EditSet probe;
    std::set<int> conflicted;
    for (int i : order) {
      int held = -1;
      if (probe.Add(Edit{findings[i].range, findings[i].fix->replacement, i}, &held)) continue;
      const ByteRange& outer = findings[held].range;
      if (outer.Contains(findings[i].range) && outer != findings[i].range) continue;  // next pass
      // Same range with another text, or a partial overlap: neither wins.
      probe.RemoveTag(held);
      conflicted.insert(held);
      conflicted.insert(i);
    }
    for (int i : conflicted) {
      Finding f = findings[i];
      f.confidence = Confidence::kReview;
      f.review = "overlaps another fix in a way that neither contains the other";
      demoted.insert(KeyOf(f));
      out.conflicts.push_back(std::move(f));
    }
    std::vector<int> chosen;
    for (const Edit& e : probe.edits()) chosen.push_back(e.tag);
    std::string next = ApplyFixes(current, findings, chosen);
    if (!base_errors) base_errors = ErrorsIn(*language, file.text());
    if (ErrorsIn(*language, next) > *base_errors) {
      // Find the fixes that break parsing on their own; demote them.
      size_t errors_now = ErrorsIn(*language, out.text);
      std::vector<int> kept;
      for (int i : chosen) {
        if (ErrorsIn(*language, ApplyFixes(current, findings, {i})) > errors_now) {
          Finding f = findings[i];
          f.confidence = Confidence::kReview;
          f.review = "the fixed file no longer parses; check the replacement by hand";
          demoted.insert(KeyOf(f));
          out.demoted.push_back(std::move(f));
        } else {
          kept.push_back(i);
        }
      }
      chosen = kept;
      next = ApplyFixes(current, findings, chosen);
      if (ErrorsIn(*language, next) > *base_errors) {
        // Fixes that break parsing only together: demote them all.
        for (int i : chosen) {
          Finding f = findings[i];
          f.confidence = Confidence::kReview;
          f.review = "together with other fixes in this file the result no longer parses";
          demoted.insert(KeyOf(f));
          out.demoted.push_back(std::move(f));
        }
        chosen.clear();
        next = out.text;
      }
    }
    if (chosen.empty()) continue;
    for (int i : chosen) out.applied.push_back(findings[i]);
    out.text = std::move(next);
    out.passes = pass;
    exhausted = pass == options.max_passes;
  }
  if (exhausted) {
    // What still wants fixing after the last pass conflicts for good.
    SourceFile current(file.path(), out.text, file.language());
    for (Finding& f : AnalyzeFile(rules, current).findings) {
      if (Eligible(f, options) && !demoted.count(KeyOf(f))) out.conflicts.push_back(std::move(f));
    }
  }
  return out;
}

}  // namespace uprev
