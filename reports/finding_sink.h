// FindingSink: one interface that every output format implements, so that
// the engine never knows what its output looks like (as ripgrep's printers).
#ifndef UPREV_REPORTS_FINDING_SINK_H_
#define UPREV_REPORTS_FINDING_SINK_H_

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "core/finding.h"
#include "core/status.h"

namespace uprev {

class FindingSink {
 public:
  virtual ~FindingSink() = default;
  // The whole report for `findings` (sorted) and `stats`.
  virtual std::string Render(const std::vector<Finding>& findings, const ScanStats& stats) = 0;
};

// `path:line:col: severity: message [rule-id]`, one line a finding.
std::unique_ptr<FindingSink> MakeTextSink();
// The JSON document of SPEC "Findings (JSON)".
std::unique_ptr<FindingSink> MakeJsonSink();
// GitHub workflow commands (`::warning file=...::message`).
std::unique_ptr<FindingSink> MakeGithubSink();
// SARIF 2.1.0, with rules, fixes and partial fingerprints.
std::unique_ptr<FindingSink> MakeSarifSink();
// A Markdown table (for pull-request comments and CI job summaries).
std::unique_ptr<FindingSink> MakeMarkdownSink();

// The findings of a JSON result (`scan --format json`), for `--baseline`.
Result<std::vector<Finding>> ParseFindingsJson(const std::string& path, const std::string& text);

// The sink for a `--format` name; nullptr when unknown.
std::unique_ptr<FindingSink> MakeSink(std::string_view format);

}  // namespace uprev

#endif  // UPREV_REPORTS_FINDING_SINK_H_
