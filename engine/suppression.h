// Suppression comments: `uprev-ignore` (every rule) or
// `uprev-ignore: RULE_ID[, RULE_ID]` on the line of a finding or the line
// before it.
#ifndef UPREV_ENGINE_SUPPRESSION_H_
#define UPREV_ENGINE_SUPPRESSION_H_

#include <string>
#include <vector>

#include "core/finding.h"
#include "core/source_file.h"

namespace uprev {

struct Suppression {
  uint32_t offset = 0;            // byte offset of `uprev-ignore`
  uint32_t line = 0;              // 1-based line of the comment
  uint32_t col = 0;               // 1-based column of `uprev-ignore`
  std::vector<std::string> rules;  // empty: every rule
  bool used = false;
};

// Every `uprev-ignore` in the text of `file`; the caller keeps those that
// stand in comments.
std::vector<Suppression> FindSuppressions(const SourceFile& file);

// Drops the findings that a suppression covers and marks it used.
void ApplySuppressions(std::vector<Suppression>* suppressions, std::vector<Finding>* findings);

}  // namespace uprev

#endif  // UPREV_ENGINE_SUPPRESSION_H_
