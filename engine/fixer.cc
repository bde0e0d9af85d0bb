#include "engine/fixer.h"

#include <algorithm>
#include <cassert>
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
  return (options.include_safe && f.confidence == Confidence::kSafe) ||
         (options.include_review && f.confidence == Confidence::kReview);
}

// Where `range` lies after `edits` (sorted, none overlapping `range` in part)
// are applied.
ByteRange MapThrough(const std::vector<Edit>& edits, ByteRange range) {
  int64_t begin = range.begin, end = range.end;
  for (const Edit& e : edits) {
    int64_t delta = static_cast<int64_t>(e.replacement.size()) - e.range.size();
    if (e.range.end <= range.begin) begin += delta;
    if (e.range.end <= range.end) end += delta;
  }
  return ByteRange{static_cast<uint32_t>(begin), static_cast<uint32_t>(end)};
}

// The text of one pass: fixes applied, then the imports they need.
struct PassResult {
  std::string text;
  std::vector<Edit> fix_edits;     // sorted, tags index the findings
  // The import edits, step by step, each on the text the step before left.
  std::vector<std::vector<Edit>> import_steps;
};

PassResult ApplyFixes(const SourceFile& file, const std::vector<Finding>& findings,
                      const std::vector<int>& chosen) {
  EditSet edits;
  ImportChanges imports;
  for (int i : chosen) {
    const Finding& f = findings[i];
    bool added = edits.Add(Edit{f.range, f.fix->replacement, i});
    assert(added && "chosen fixes do not overlap");
    (void)added;
    for (const std::string& a : f.fix->imports.add) imports.add.push_back(a);
    for (const std::string& r : f.fix->imports.remove) imports.remove.push_back(r);
  }
  PassResult out{edits.Apply(file.text()), edits.edits(), {}};
  if (imports.empty()) return out;
  for (auto* list : {&imports.add, &imports.remove}) {
    std::sort(list->begin(), list->end());
    list->erase(std::unique(list->begin(), list->end()), list->end());
  }
  // Each addition, then each removal, on the result of the one before:
  // several may edit one line (`from m import a, b`).
  std::vector<ImportChanges> steps;
  for (const std::string& entry : imports.add) steps.push_back(ImportChanges{{entry}, {}});
  for (const std::string& entry : imports.remove) steps.push_back(ImportChanges{{}, {entry}});
  for (const ImportChanges& step : steps) {
    if (step.empty()) continue;
    EditSet import_edits;
    for (Edit& e : PlanImportEdits(file.language(), out.text, step)) import_edits.Add(std::move(e));
    out.text = import_edits.Apply(out.text);
    out.import_steps.push_back(import_edits.edits());
  }
  return out;
}

ByteRange MapThroughImports(const PassResult& result, ByteRange range) {
  for (const std::vector<Edit>& step : result.import_steps) range = MapThrough(step, range);
  return range;
}

Finding Demote(Finding f, std::string why) {
  f.confidence = Confidence::kReview;
  f.review = std::move(why);
  return f;
}

// The fixpoint of one file; see fixer.h.
class Fixpoint {
 public:
  Fixpoint(const RuleSet& rules, const SourceFile& file, const FixOptions& options,
           const std::vector<Finding>* extra)
      : rules_(rules), file_(file), options_(options), extra_(extra),
        language_(FindLanguage(file.language())) {
    out_.text = file.text();
  }

  FixOutcome Run() {
    if (!language_) return std::move(out_);
    bool exhausted = false;
    for (int pass = 1; pass <= options_.max_passes; ++pass) {
      SourceFile current(file_.path(), out_.text, file_.language());
      std::vector<Finding> findings =
          AnalyzeFile(rules_, current, pass == 1 ? extra_ : nullptr).findings;
      std::vector<int> candidates = Candidates(findings);
      if (candidates.empty()) break;
      std::vector<int> chosen = Choose(findings, candidates);
      PassResult result = ApplyFixes(current, findings, chosen);
      if (!base_errors_) base_errors_ = ErrorsIn(*language_, file_.text());
      if (ErrorsIn(*language_, result.text) > *base_errors_) {
        chosen = DropParseBreakers(current, findings, chosen);
        result = ApplyFixes(current, findings, chosen);
      }
      if (chosen.empty()) continue;
      if (pass == 1 && extra_) ReportWaitingExtras(findings, candidates, chosen);
      Advance(findings, chosen, result);
      out_.passes = pass;
      exhausted = pass == options_.max_passes;
    }
    if (exhausted) ReportLeftovers();
    return std::move(out_);
  }

 private:
  // The fixes of this pass that may apply: eligible, not demoted, not in a
  // region already reported, not a rule re-matching its own fix.
  std::vector<int> Candidates(const std::vector<Finding>& findings) {
    std::vector<int> order;
    for (size_t i = 0; i < findings.size(); ++i) {
      const Finding& f = findings[i];
      if (!Eligible(f, options_) || demoted_.count(KeyOf(f)) || Frozen(f.range)) continue;
      if (RematchesOwnFix(f)) {
        out_.conflicts.push_back(Demote(f, "the fix matches its own output; it was applied once "
                                           "and is not applied again"));
        frozen_.push_back(f.range);
        continue;
      }
      order.push_back(static_cast<int>(i));
    }
    // Outer (larger) fixes first, so that they win over what they contain.
    std::stable_sort(order.begin(), order.end(), [&](int a, int b) {
      return findings[a].range.size() > findings[b].range.size();
    });
    return order;
  }

  // Picks non-overlapping fixes; nested ones wait for the next pass, and a
  // pair where neither contains the other is reported and left alone.
  std::vector<int> Choose(const std::vector<Finding>& findings, const std::vector<int>& order) {
    EditSet probe;
    std::set<int> conflicted;
    for (int i : order) {
      int held = -1;
      if (probe.Add(Edit{findings[i].range, findings[i].fix->replacement, i}, &held)) continue;
      const ByteRange& outer = findings[held].range;
      if (outer.Contains(findings[i].range) && outer != findings[i].range) continue;
      probe.RemoveTag(held);
      conflicted.insert(held);
      conflicted.insert(i);
    }
    for (int i : conflicted) {
      Finding f = Demote(findings[i], "overlaps another fix and neither contains the other");
      demoted_.insert(KeyOf(f));
      frozen_.push_back(f.range);
      out_.conflicts.push_back(std::move(f));
    }
    std::vector<int> chosen;
    for (const Edit& e : probe.edits()) chosen.push_back(e.tag);
    return chosen;
  }

  // Demotes the fixes that break parsing on their own (or, failing that,
  // all of them) and returns the rest.
  std::vector<int> DropParseBreakers(const SourceFile& current, const std::vector<Finding>& findings,
                                     const std::vector<int>& chosen) {
    size_t errors_now = ErrorsIn(*language_, current.text());
    std::vector<int> kept;
    for (int i : chosen) {
      if (ErrorsIn(*language_, ApplyFixes(current, findings, {i}).text) > errors_now) {
        Finding f = Demote(findings[i], "the fixed file no longer parses; check the replacement by hand");
        demoted_.insert(KeyOf(f));
        out_.demoted.push_back(std::move(f));
      } else {
        kept.push_back(i);
      }
    }
    if (ErrorsIn(*language_, ApplyFixes(current, findings, kept).text) <= *base_errors_) return kept;
    for (int i : kept) {
      Finding f = Demote(findings[i], "together with other fixes in this file the result no longer "
                                      "parses");
      demoted_.insert(KeyOf(f));
      out_.demoted.push_back(std::move(f));
    }
    return {};
  }

  // Extra findings nested in a fix of this pass cannot be retried: their
  // ranges belong to the text before it.
  void ReportWaitingExtras(const std::vector<Finding>& findings, const std::vector<int>& candidates,
                           const std::vector<int>& chosen) {
    for (int i : candidates) {
      const Finding& f = findings[i];
      if (std::find(chosen.begin(), chosen.end(), i) != chosen.end() || demoted_.count(KeyOf(f))) {
        continue;
      }
      bool from_extra = std::any_of(extra_->begin(), extra_->end(), [&](const Finding& e) {
        return e.rule == f.rule && e.range == f.range;
      });
      if (!from_extra) continue;
      out_.conflicts.push_back(Demote(f, "inside another fix of this pass; run uprev fix again "
                                         "to apply it"));
    }
  }

  // Takes the pass's result as the new text, moving what is remembered
  // about regions along with it.
  void Advance(const std::vector<Finding>& findings, const std::vector<int>& chosen,
               const PassResult& result) {
    for (ByteRange& r : frozen_) r = MapThroughImports(result, MapThrough(result.fix_edits, r));
    outputs_.clear();
    int64_t shift = 0;
    for (const Edit& e : result.fix_edits) {
      uint32_t begin = static_cast<uint32_t>(e.range.begin + shift);
      ByteRange produced{begin, begin + static_cast<uint32_t>(e.replacement.size())};
      outputs_.push_back({findings[e.tag].rule, findings[e.tag].matched,
                          MapThroughImports(result, produced)});
      shift += static_cast<int64_t>(e.replacement.size()) - e.range.size();
    }
    for (int i : chosen) out_.applied.push_back(findings[i]);
    out_.text = result.text;
  }

  bool Frozen(const ByteRange& range) const {
    return std::any_of(frozen_.begin(), frozen_.end(),
                       [&](const ByteRange& r) { return r.Overlaps(range) || r == range; });
  }

  bool RematchesOwnFix(const Finding& f) const {
    return std::any_of(outputs_.begin(), outputs_.end(), [&](const Output& o) {
      return o.rule == f.rule && o.matched == f.matched && o.range.Contains(f.range);
    });
  }

  // What still wants fixing after the last pass is reported, not dropped.
  void ReportLeftovers() {
    SourceFile current(file_.path(), out_.text, file_.language());
    for (Finding& f : AnalyzeFile(rules_, current).findings) {
      if (!Eligible(f, options_) || demoted_.count(KeyOf(f)) || Frozen(f.range)) continue;
      bool own = RematchesOwnFix(f);
      out_.conflicts.push_back(
          Demote(std::move(f), own ? "the fix matches its own output; it was applied once and "
                                     "is not applied again"
                                   : "still matches after the last pass (nested deeper than the "
                                     "passes allow); run uprev fix again"));
    }
  }

  struct Output {  // the text a fix of the last pass produced
    std::string rule;
    std::string matched;
    ByteRange range;
  };

  const RuleSet& rules_;
  const SourceFile& file_;
  const FixOptions& options_;
  const std::vector<Finding>* extra_;
  const Language* language_;
  FixOutcome out_;
  std::set<FixKey> demoted_;
  std::vector<ByteRange> frozen_;  // reported regions, in the current text
  std::vector<Output> outputs_;
  std::optional<size_t> base_errors_;
};

}  // namespace

FixOutcome FixFile(const RuleSet& rules, const SourceFile& file, const FixOptions& options,
                   const std::vector<Finding>* extra) {
  return Fixpoint(rules, file, options, extra).Run();
}

}  // namespace uprev
