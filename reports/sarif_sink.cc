// SARIF 2.1.0 (OASIS): one run, the rules found in `tool.driver.rules`,
// each finding a result with its location, a stable partial fingerprint and
// its fix as `fixes[].artifactChanges`.
#include <map>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "reports/finding_sink.h"

namespace uprev {
namespace {

using nlohmann::ordered_json;

std::string_view Level(Severity severity) {
  switch (severity) {
    case Severity::kError: return "error";
    case Severity::kWarning: return "warning";
    case Severity::kInfo: return "note";
  }
  return "warning";
}

ordered_json Region(const Finding& f) {
  return {{"startLine", f.start.line}, {"startColumn", f.start.col},
          {"endLine", f.end.line},     {"endColumn", f.end.col},
          {"byteOffset", f.range.begin}, {"byteLength", f.range.size()}};
}

ordered_json ResultOf(const Finding& f, size_t rule_index, int occurrence) {
  ordered_json r;
  r["ruleId"] = f.rule;
  r["ruleIndex"] = rule_index;
  r["level"] = Level(f.severity);
  r["message"] = {{"text", f.review.empty() ? f.message : f.message + " (review: " + f.review + ")"}};
  ordered_json location = {{"artifactLocation", {{"uri", f.path}}}, {"region", Region(f)}};
  r["locations"] = ordered_json::array({{{"physicalLocation", location}}});
  r["partialFingerprints"] = {{"uprevFinding/v1", FindingFingerprint(f, occurrence)}};
  if (f.fix) {
    ordered_json replacement = {{"deletedRegion", Region(f)},
                                {"insertedContent", {{"text", f.fix->replacement}}}};
    ordered_json change = {{"artifactLocation", {{"uri", f.path}}},
                           {"replacements", ordered_json::array({replacement})}};
    r["fixes"] = ordered_json::array(
        {{{"description", {{"text", "uprev fix (" + std::string(ConfidenceName(f.confidence)) + ")"}}},
          {"artifactChanges", ordered_json::array({change})}}});
  }
  r["properties"] = {{"pack", f.pack}, {"confidence", ConfidenceName(f.confidence)}};
  return r;
}

class SarifSink : public FindingSink {
 public:
  std::string Render(const std::vector<Finding>& findings, const ScanStats&) override {
    ordered_json rules = ordered_json::array();
    std::map<std::string, size_t> rule_index;
    for (const Finding& f : findings) {
      if (rule_index.count(f.rule)) continue;
      rule_index[f.rule] = rules.size();
      rules.push_back({{"id", f.rule},
                       {"shortDescription", {{"text", f.message}}},
                       {"defaultConfiguration", {{"level", Level(f.severity)}}},
                       {"properties", {{"pack", f.pack}}}});
    }
    ordered_json results = ordered_json::array();
    std::map<std::string, int> seen;
    for (const Finding& f : findings) {
      int occurrence = seen[f.rule + "\n" + f.path + "\n" + f.matched]++;
      results.push_back(ResultOf(f, rule_index[f.rule], occurrence));
    }
    ordered_json driver = {{"name", "uprev"},
                           {"rules", rules}};
    ordered_json doc = {
        {"$schema", "https://json.schemastore.org/sarif-2.1.0.json"},
        {"version", "2.1.0"},
        {"runs", ordered_json::array({{{"tool", {{"driver", driver}}},
                                       {"columnKind", "unicodeCodePoints"},
                                       {"results", results}}})}};
    return doc.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) + "\n";
  }
};

}  // namespace

std::unique_ptr<FindingSink> MakeSarifSink() { return std::make_unique<SarifSink>(); }

}  // namespace uprev
