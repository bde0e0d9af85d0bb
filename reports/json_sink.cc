#include <nlohmann/json.hpp>

#include "reports/finding_sink.h"

namespace uprev {
namespace {

using nlohmann::ordered_json;

ordered_json PositionJson(const Position& p) { return {{"line", p.line}, {"col", p.col}}; }

ordered_json FindingJson(const Finding& f) {
  ordered_json j;
  j["rule"] = f.rule;
  j["pack"] = f.pack;
  j["severity"] = SeverityName(f.severity);
  j["confidence"] = ConfidenceName(f.confidence);
  j["message"] = f.message;
  if (!f.review.empty()) j["review"] = f.review;
  j["path"] = f.path;
  j["start"] = PositionJson(f.start);
  j["end"] = PositionJson(f.end);
  j["matched"] = f.matched;
  if (f.fix) {
    ordered_json fix;
    fix["replacement"] = f.fix->replacement;
    if (!f.fix->imports.empty()) {
      ordered_json imports = ordered_json::object();
      if (!f.fix->imports.add.empty()) imports["add"] = f.fix->imports.add;
      if (!f.fix->imports.remove.empty()) imports["remove"] = f.fix->imports.remove;
      fix["imports"] = imports;
    }
    j["fix"] = fix;
  }
  return j;
}

class JsonSink : public FindingSink {
 public:
  std::string Render(const std::vector<Finding>& findings, const ScanStats& stats) override {
    ordered_json doc;
    doc["version"] = 1;
    doc["findings"] = ordered_json::array();
    for (const Finding& f : findings) doc["findings"].push_back(FindingJson(f));
    ordered_json skipped = ordered_json::array();
    for (const SkippedFile& s : stats.skipped) {
      skipped.push_back({{"path", s.path}, {"reason", s.reason}});
    }
    doc["stats"] = {{"files", stats.files},
                    {"bytes", stats.bytes},
                    {"seconds", stats.seconds},
                    {"skipped", skipped}};
    if (stats.cached > 0) doc["stats"]["cached"] = stats.cached;
    if (stats.units > 0) {
      doc["stats"]["units"] = stats.units;
      doc["stats"]["units_parsed"] = stats.units_parsed;
    }
    // Invalid UTF-8 never reaches here (such files are skipped), but replace
    // rather than throw if it ever does.
    return doc.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) + "\n";
  }
};

Position PositionFrom(const nlohmann::json& j) {
  return Position{j.at("line").get<uint32_t>(), j.at("col").get<uint32_t>()};
}

Finding FindingFrom(const nlohmann::json& j) {
  Finding f;
  f.rule = j.at("rule").get<std::string>();
  f.pack = j.value("pack", "");
  f.severity = ParseSeverity(j.value("severity", "warning")).value_or(Severity::kWarning);
  f.confidence = ParseConfidence(j.value("confidence", "manual")).value_or(Confidence::kManual);
  f.message = j.value("message", "");
  f.review = j.value("review", "");
  f.path = j.at("path").get<std::string>();
  f.start = PositionFrom(j.at("start"));
  f.end = PositionFrom(j.at("end"));
  f.matched = j.at("matched").get<std::string>();
  if (j.contains("fix") && j["fix"].is_object()) {
    f.fix = Fix{j["fix"].value("replacement", ""), {}};
  }
  return f;
}

}  // namespace

Result<std::vector<Finding>> ParseFindingsJson(const std::string& path, const std::string& text) {
  try {
    nlohmann::json doc = nlohmann::json::parse(text);
    if (!doc.is_object() || !doc.contains("findings") || !doc["findings"].is_array()) {
      return Status::Invalid(path + ":1:1: error: not an uprev JSON result (no \"findings\" "
                                    "list); write one with `uprev scan --format json`");
    }
    std::vector<Finding> out;
    for (const nlohmann::json& j : doc["findings"]) out.push_back(FindingFrom(j));
    return out;
  } catch (const nlohmann::json::parse_error& e) {
    return Status::Invalid(path + ":1:" + std::to_string(e.byte) + ": error: invalid JSON: " +
                           e.what());
  } catch (const nlohmann::json::exception& e) {
    return Status::Invalid(path + ":1:1: error: a finding lacks a field: " + e.what());
  }
}

std::unique_ptr<FindingSink> MakeJsonSink() { return std::make_unique<JsonSink>(); }

}  // namespace uprev
