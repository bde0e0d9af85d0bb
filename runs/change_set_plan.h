// Planning an upgrade run: which fixes go into which change set. Every
// change set is computed from the base alone, so each can be merged or
// dropped without the others.
#ifndef UPREV_RUNS_CHANGE_SET_PLAN_H_
#define UPREV_RUNS_CHANGE_SET_PLAN_H_

#include <functional>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "core/file_system.h"
#include "core/finding.h"
#include "detectors/rule_set.h"
#include "engine/batch.h"

namespace uprev {

enum class SplitMode { kPack, kRule, kOwner, kNone };
std::optional<SplitMode> ParseSplitMode(std::string_view name);
std::string_view SplitModeName(SplitMode mode);

struct PlannedChangeSet {
  std::string name;  // a ref component: "python-3.12", "alice", "all", "review"
  bool review = false;
  std::map<std::string, std::string> files;  // path -> contents after the fixes
  std::vector<Finding> fixes;                // applied, by path then position
  std::set<std::string> packs;
  std::set<std::string> rules;
};

struct Plan {
  std::vector<PlannedChangeSet> change_sets;  // by name; the review set last
  std::vector<Finding> findings;              // every finding at the base
  // What a human must decide: review-level fixes, fixes the engine demoted
  // or found in conflict, review findings with no fix, and manual findings.
  std::vector<Finding> review_items;
  ScanStats stats;
};

// The change set an owner-split file belongs to ("alice", "unowned").
using OwnerOf = std::function<std::string(const std::string& path)>;

// `extra`: findings of Clang matcher rules on the base, by path; `rescan`
// makes them again on fixed texts, for fixes that waited behind others.
Plan PlanChangeSets(const RuleSet& rules, const FileSystem& base,
                    const std::vector<std::string>& paths, SplitMode split, const OwnerOf& owner_of,
                    const BatchOptions& batch, const ExtraFindings* extra = nullptr,
                    const RescanFindings* rescan = nullptr);

// `name` made into one git ref component: lower case, [a-z0-9._+-].
std::string RefComponent(std::string_view name);

}  // namespace uprev

#endif  // UPREV_RUNS_CHANGE_SET_PLAN_H_
