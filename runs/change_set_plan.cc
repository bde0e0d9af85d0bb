#include "runs/change_set_plan.h"

#include <algorithm>
#include <cctype>

#include "engine/analyzer.h"

namespace uprev {
namespace {

// Adds the results of one fix batch to `set`.
void Absorb(const FixResult& result, PlannedChangeSet* set) {
  for (const FileFix& file : result.files) {
    if (!file.outcome.changed()) continue;
    set->files[file.path] = file.outcome.text;
    for (const Finding& f : file.outcome.applied) {
      set->fixes.push_back(f);
      set->packs.insert(f.pack);
      set->rules.insert(f.rule);
    }
  }
}

FixOptions SafeOnly() { return FixOptions(); }

FixOptions ReviewOnly() {
  FixOptions options;
  options.include_safe = false;
  options.include_review = true;
  return options;
}

std::vector<std::string> PackNames(const RuleSet& rules) {
  std::vector<std::string> names;
  for (const RulePack& pack : rules.packs()) names.push_back(pack.name);
  return names;
}

RuleSet OnlyPack(const RuleSet& rules, const std::string& pack) {
  std::vector<std::string> ids;
  for (const Rule* r : rules.rules()) {
    if (r->pack == pack) ids.push_back(r->id);
  }
  return rules.Only(ids);
}

}  // namespace

std::optional<SplitMode> ParseSplitMode(std::string_view name) {
  if (name == "pack") return SplitMode::kPack;
  if (name == "rule") return SplitMode::kRule;
  if (name == "owner") return SplitMode::kOwner;
  if (name == "none") return SplitMode::kNone;
  return std::nullopt;
}

std::string_view SplitModeName(SplitMode mode) {
  switch (mode) {
    case SplitMode::kPack: return "pack";
    case SplitMode::kRule: return "rule";
    case SplitMode::kOwner: return "owner";
    case SplitMode::kNone: return "none";
  }
  return "pack";
}

std::string RefComponent(std::string_view name) {
  std::string out;
  for (char c : name) {
    char l = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    bool ok = std::isalnum(static_cast<unsigned char>(l)) || l == '.' || l == '_' || l == '+' ||
              l == '-';
    out.push_back(ok ? l : '-');
  }
  while (!out.empty() && (out.front() == '.' || out.front() == '-')) out.erase(out.begin());
  while (!out.empty() && (out.back() == '.' || out.back() == '-')) out.pop_back();
  for (size_t at; (at = out.find("..")) != std::string::npos;) out.replace(at, 2, ".");
  if (out.size() >= 5 && out.compare(out.size() - 5, 5, ".lock") == 0) out += "-set";
  return out.empty() ? "set" : out;
}

Plan PlanChangeSets(const RuleSet& rules, const FileSystem& base,
                    const std::vector<std::string>& paths, SplitMode split, const OwnerOf& owner_of,
                    const BatchOptions& batch, const ExtraFindings* extra,
                    const RescanFindings* rescan) {
  Plan plan;
  auto fix = [&](const RuleSet& some, const FixOptions& options) {
    return rescan ? FixFilesWithRescan(some, base, paths, options, batch, extra, *rescan)
                  : FixFiles(some, base, paths, options, batch, extra);
  };
  ScanResult scan = ScanFiles(rules, base, paths, batch, extra);
  plan.stats = scan.stats;
  plan.findings = scan.findings;
  std::map<std::string, PlannedChangeSet> sets;
  auto set_named = [&](const std::string& name) -> PlannedChangeSet& {
    PlannedChangeSet& set = sets[RefComponent(name)];
    set.name = RefComponent(name);
    return set;
  };
  FixResult all_safe = fix(rules, SafeOnly());
  switch (split) {
    case SplitMode::kPack:
      for (const std::string& pack : PackNames(rules)) {
        Absorb(fix(OnlyPack(rules, pack), SafeOnly()), &set_named(pack));
      }
      break;
    case SplitMode::kRule:
      for (const Rule* rule : rules.rules()) {
        if (rule->confidence != Confidence::kSafe) continue;
        Absorb(fix(rules.Only({rule->id}), SafeOnly()), &set_named(rule->id));
      }
      break;
    case SplitMode::kOwner: {
      for (const FileFix& file : all_safe.files) {
        FixResult one;
        one.files.push_back(file);
        Absorb(one, &set_named(owner_of(file.path)));
      }
      break;
    }
    case SplitMode::kNone:
      Absorb(all_safe, &set_named("all"));
      break;
  }
  for (auto& [name, set] : sets) {
    if (!set.files.empty()) plan.change_sets.push_back(std::move(set));
  }
  // Review-level fixes: one change set of their own, from the base too.
  FixResult review = fix(rules, ReviewOnly());
  PlannedChangeSet review_set;
  review_set.name = "review";
  review_set.review = true;
  Absorb(review, &review_set);
  for (const Finding& f : review_set.fixes) plan.review_items.push_back(f);
  // Fixes the engine would not apply on its own.
  for (const FixResult* result : {&all_safe, &review}) {
    for (const FileFix& file : result->files) {
      for (const Finding& f : file.outcome.demoted) plan.review_items.push_back(f);
      for (const Finding& f : file.outcome.conflicts) plan.review_items.push_back(f);
    }
  }
  // Review findings with no fix (a match in a macro, an api-map call that
  // cannot move) are decided by a human like manual ones.
  for (const Finding& f : plan.findings) {
    bool no_fix = f.confidence == Confidence::kManual ||
                  (f.confidence == Confidence::kReview && !f.fix);
    if (no_fix && f.rule != kUnusedSuppressionRule) plan.review_items.push_back(f);
  }
  std::sort(plan.review_items.begin(), plan.review_items.end(), FindingLess);
  if (!review_set.files.empty()) plan.change_sets.push_back(std::move(review_set));
  return plan;
}

}  // namespace uprev
