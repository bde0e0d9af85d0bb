// The text edits of key-path rules on one ConfigDocument: set or replace a
// scalar, rename a key, delete an entry, re-create an entry elsewhere (move).
// Every edit touches only the bytes it must; what cannot be done safely is
// left undone with the reason (the finding becomes a review item).
#ifndef UPREV_DETECTORS_CONFIG_EDIT_H_
#define UPREV_DETECTORS_CONFIG_EDIT_H_

#include <regex>
#include <string>
#include <string_view>
#include <vector>

#include "core/edit_set.h"
#include "detectors/config_path.h"

namespace uprev {

// A value a rule writes. `typed`: the rule wrote a YAML number, boolean or
// null (written as such in JSON and TOML; never quoted just to stay a string).
struct ConfigValue {
  std::string text;
  bool typed = false;
};

// The edits of one step, in the document's text, sorted and not
// overlapping; or, when `review` is set, none and why.
struct ConfigStep {
  std::vector<Edit> edits;
  std::string review;
};

ConfigStep SetValue(const ConfigDocument& doc, const ResolvedEntry& at, const ConfigValue& value);
// Rewrites the scalar at `at` when `regex` is found in its text.
ConfigStep ReplaceValue(const ConfigDocument& doc, const ResolvedEntry& at, const std::regex& regex,
                        const std::string& with);
ConfigStep RenameKey(const ConfigDocument& doc, const ResolvedEntry& at, const std::string& name);
ConfigStep DeleteEntry(const ConfigDocument& doc, const ResolvedEntry& at);

// An entry's value as text to re-create it elsewhere: what follows its key
// (`: value  # comment`, ` = value`), and the column its key starts at.
struct TakenValue {
  std::string text;
  uint32_t column = 0;
  std::string review;  // not empty: it cannot be moved
};
TakenValue TakeValue(const ConfigDocument& doc, const ResolvedEntry& at);
// Why a new entry cannot go into `parent` ("" when it can).
std::string InsertProblem(const ConfigDocument& doc, const ConfigNode* parent,
                          std::string_view parent_path);
// Adds `key` with `value` after the last entry of `parent` (InsertProblem
// must be "").
ConfigStep InsertEntry(const ConfigDocument& doc, const ConfigNode& parent, const std::string& key,
                       const TakenValue& value);

// Whether `text` is a YAML 1.2 core schema null, boolean, integer or float.
bool IsYamlCoreNonString(std::string_view text);

}  // namespace uprev

#endif  // UPREV_DETECTORS_CONFIG_EDIT_H_
