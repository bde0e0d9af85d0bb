// Finding: what a rule reports at one place in one file, with its proposed
// fix. Findings are plain data; reports and the fixer consume them.
#ifndef UPREV_CORE_FINDING_H_
#define UPREV_CORE_FINDING_H_

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/source_file.h"

namespace uprev {

enum class Severity { kInfo, kWarning, kError };
enum class Confidence { kSafe, kReview, kManual };

std::string_view SeverityName(Severity severity);
std::string_view ConfidenceName(Confidence confidence);
std::optional<Severity> ParseSeverity(std::string_view name);
std::optional<Confidence> ParseConfidence(std::string_view name);

struct ImportChanges {
  std::vector<std::string> add;
  std::vector<std::string> remove;
  bool empty() const { return add.empty() && remove.empty(); }
};

struct Fix {
  std::string replacement;
  ImportChanges imports;
};

struct Finding {
  std::string rule;
  std::string pack;
  Severity severity = Severity::kWarning;
  Confidence confidence = Confidence::kSafe;
  std::string message;
  std::string review;  // why a human must look; empty for safe fixes
  std::string path;
  ByteRange range;
  Position start;
  Position end;
  std::string matched;
  std::optional<Fix> fix;
};

// The order of every report: path, then position, then rule.
bool FindingLess(const Finding& a, const Finding& b);

// A finding's identity that survives moved lines: FNV-1a 64 (hex) of its
// rule, path and matched text without white space, and its `occurrence`
// among findings equal in those (0 for the first in file order).
std::string FindingFingerprint(const Finding& f, int occurrence);

// The findings of `current` (sorted) that `baseline` does not have, matched
// by fingerprint: an old finding that only moved is not new, and a second
// copy of an old one is.
std::vector<Finding> FindingsNotIn(const std::vector<Finding>& current,
                                   const std::vector<Finding>& baseline);

// A file that was not scanned, and why ("binary", "not UTF-8", an I/O error).
struct SkippedFile {
  std::string path;
  std::string reason;
};

struct ScanStats {
  size_t files = 0;
  size_t bytes = 0;
  double seconds = 0.0;
  std::vector<SkippedFile> skipped;
  // C and C++ translation units with a compile command, and how many of them
  // Clang parsed (the others contain no matcher rule's trigger).
  size_t units = 0;
  size_t units_parsed = 0;
  size_t cached = 0;  // files whose findings came from the result cache
};

}  // namespace uprev

#endif  // UPREV_CORE_FINDING_H_
