// ConfigRule: the compiled `config:` block of a rule, which edits YAML, JSON
// and TOML files by key path, in place (README "Config rules"). Matching
// gives one ConfigMatch per document that satisfies `where` and that the
// edits change (or, for a rule without edits, that satisfies `where`).
#ifndef UPREV_DETECTORS_CONFIG_RULE_H_
#define UPREV_DETECTORS_CONFIG_RULE_H_

#include <optional>
#include <regex>
#include <string>
#include <vector>

#include "core/source_file.h"
#include "detectors/config_edit.h"
#include "detectors/config_path.h"
#include "grammars/syntax_tree.h"

namespace uprev {

// `where`: the scalar at `path` equals one of `values`.
struct ConfigCondition {
  KeyPath path;
  std::vector<std::string> values;
};

struct ConfigEdit {
  enum class Kind { kSet, kRename, kDelete, kMove, kReplace };
  Kind kind = Kind::kSet;
  KeyPath path;
  ConfigValue value;  // set
  std::string name;   // rename: the new name of the last key
  KeyPath to;         // move: where the entry goes; its `*`s are the source's
  std::regex regex;   // replace
  std::string with;   // replace: a std::regex_replace format ($1, $&)
};

struct ConfigRule {
  std::vector<ConfigCondition> where;
  std::optional<KeyPath> at;
  std::vector<ConfigEdit> edits;  // empty: a manual rule
};

struct ConfigMatch {
  ByteRange at;    // where the finding points
  ByteRange span;  // what the fix replaces: the first to the last edited byte
  // The span's text after every edit of the rule; none when nothing is to
  // be written (a manual rule, or every edit left for review).
  std::optional<std::string> replacement;
  std::string review;  // why edits were left undone; "" when none was
};

// The matches of `rule` in `docs` (BuildConfigDocuments of a file of
// `language`), in document order.
std::vector<ConfigMatch> MatchConfigRule(const ConfigRule& rule,
                                         const std::vector<ConfigDocument>& docs,
                                         const Language& language);

}  // namespace uprev

#endif  // UPREV_DETECTORS_CONFIG_RULE_H_
