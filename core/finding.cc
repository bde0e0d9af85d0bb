#include "core/finding.h"

#include <algorithm>
#include <map>
#include <set>
#include <tuple>

#include <fmt/format.h>

namespace uprev {

std::string_view SeverityName(Severity severity) {
  switch (severity) {
    case Severity::kInfo: return "info";
    case Severity::kWarning: return "warning";
    case Severity::kError: return "error";
  }
  return "warning";
}

std::string_view ConfidenceName(Confidence confidence) {
  switch (confidence) {
    case Confidence::kSafe: return "safe";
    case Confidence::kReview: return "review";
    case Confidence::kManual: return "manual";
  }
  return "manual";
}

std::optional<Severity> ParseSeverity(std::string_view name) {
  if (name == "info") return Severity::kInfo;
  if (name == "warning") return Severity::kWarning;
  if (name == "error") return Severity::kError;
  return std::nullopt;
}

std::optional<Confidence> ParseConfidence(std::string_view name) {
  if (name == "safe") return Confidence::kSafe;
  if (name == "review") return Confidence::kReview;
  if (name == "manual") return Confidence::kManual;
  return std::nullopt;
}

bool FindingLess(const Finding& a, const Finding& b) {
  return std::tie(a.path, a.range.begin, a.range.end, a.rule) <
         std::tie(b.path, b.range.begin, b.range.end, b.rule);
}

std::string FindingFingerprint(const Finding& f, int occurrence) {
  uint64_t h = 14695981039346656037ull;
  auto mix = [&h](std::string_view s) {
    for (unsigned char c : s) {
      if (c == ' ' || c == '\t' || c == '\n' || c == '\r') continue;
      h ^= c;
      h *= 1099511628211ull;
    }
    h ^= 0xff;
    h *= 1099511628211ull;
  };
  mix(f.rule);
  mix(f.path);
  mix(f.matched);
  mix(std::to_string(occurrence));
  return fmt::format("{:016x}", h);
}

namespace {

// Each finding's fingerprint, occurrences counted in the order given.
std::vector<std::string> Fingerprints(const std::vector<Finding>& findings) {
  std::map<std::string, int> seen;
  std::vector<std::string> out;
  for (const Finding& f : findings) {
    int occurrence = seen[FindingFingerprint(f, 0)]++;
    out.push_back(FindingFingerprint(f, occurrence));
  }
  return out;
}

}  // namespace

std::vector<Finding> FindingsNotIn(const std::vector<Finding>& current,
                                   const std::vector<Finding>& baseline) {
  std::vector<Finding> old_sorted = baseline;
  std::sort(old_sorted.begin(), old_sorted.end(), FindingLess);
  std::vector<std::string> old_prints = Fingerprints(old_sorted);
  std::set<std::string> known(old_prints.begin(), old_prints.end());
  std::vector<std::string> prints = Fingerprints(current);
  std::vector<Finding> out;
  for (size_t i = 0; i < current.size(); ++i) {
    if (!known.count(prints[i])) out.push_back(current[i]);
  }
  return out;
}

}  // namespace uprev
