#include "core/finding.h"

#include <tuple>

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

}  // namespace uprev
