// report.json: the run report as JSON (every field, stable key order) and
// back, with every problem of a malformed file reported as a Status.
#include "reports/run_report.h"

#include <cmath>
#include <limits>
#include <string_view>
#include <utility>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

namespace uprev {
namespace {

using nlohmann::ordered_json;

constexpr int kVersion = 1;

// ---------------------------------------------------------------- writing

ordered_json PositionJson(const Position& p) { return {{"line", p.line}, {"col", p.col}}; }

ordered_json FixJson(const std::optional<Fix>& fix) {
  if (!fix) return nullptr;
  return {{"replacement", fix->replacement},
          {"imports", {{"add", fix->imports.add}, {"remove", fix->imports.remove}}}};
}

ordered_json FindingJson(const Finding& f) {
  ordered_json j;
  j["rule"] = f.rule;
  j["pack"] = f.pack;
  j["severity"] = SeverityName(f.severity);
  j["confidence"] = ConfidenceName(f.confidence);
  j["message"] = f.message;
  j["review"] = f.review;
  j["path"] = f.path;
  j["range"] = {{"begin", f.range.begin}, {"end", f.range.end}};
  j["start"] = PositionJson(f.start);
  j["end"] = PositionJson(f.end);
  j["matched"] = f.matched;
  j["fix"] = FixJson(f.fix);
  return j;
}

ordered_json StatsJson(const ScanStats& s) {
  ordered_json skipped = ordered_json::array();
  for (const SkippedFile& file : s.skipped) {
    skipped.push_back({{"path", file.path}, {"reason", file.reason}});
  }
  // JSON has no NaN or infinity: such a time is written as 0.
  double seconds = std::isfinite(s.seconds) ? s.seconds : 0.0;
  return {{"files", s.files},   {"bytes", s.bytes}, {"seconds", seconds},
          {"skipped", skipped}, {"units", s.units}, {"units_parsed", s.units_parsed}};
}

ordered_json ChangeSetJson(const ChangeSetReport& c) {
  ordered_json j;
  j["name"] = c.name;
  j["review"] = c.review;
  j["branch"] = c.branch;
  j["commit"] = c.commit;
  j["files"] = c.files;
  j["fixes"] = ordered_json::object();
  for (const auto& [rule, count] : c.fixes) j["fixes"][rule] = count;
  j["packs"] = c.packs;
  j["verification"] = c.verification;
  j["verify_exit"] = c.verify_exit;
  j["verify_output"] = c.verify_output;
  j["dropped"] = c.dropped;
  j["reparsed"] = c.reparsed;
  j["idempotent"] = c.idempotent;
  j["validation_notes"] = c.validation_notes;
  return j;
}

ordered_json ReviewItemJson(const ReviewItem& item) {
  return {{"finding", FindingJson(item.finding)}, {"owner", item.owner}, {"diff", item.diff}};
}

// ---------------------------------------------------------------- reading

// Reads typed members out of parsed JSON. The first problem is kept (with
// where it is, as `change_sets[1].verify_exit`) and every later read returns
// a default, so the readers below need no error plumbing.
class Reader {
 public:
  bool ok() const { return error_.empty(); }
  const std::string& error() const { return error_; }

  void Fail(const std::string& where, const std::string& message) {
    if (ok()) error_ = where.empty() ? message : where + ": " + message;
  }

  static std::string Path(const std::string& where, std::string_view key) {
    return where.empty() ? std::string(key) : fmt::format("{}.{}", where, key);
  }

  // `value` (at `where`) has the JSON type `type`; else records why not.
  bool Is(const ordered_json& value, const std::string& where, ordered_json::value_t type) {
    if (!ok()) return false;
    bool good = value.type() == type ||
                (type == ordered_json::value_t::number_integer && value.is_number_integer()) ||
                (type == ordered_json::value_t::number_float && value.is_number());
    if (!good) Fail(where, fmt::format("expected {}, got {}", TypeName(type), value.type_name()));
    return good;
  }

  // The member `key` of the object `object`, checked to be of `type`.
  const ordered_json* Member(const ordered_json& object, const std::string& where,
                             std::string_view key, ordered_json::value_t type) {
    if (!ok()) return nullptr;
    auto it = object.find(key);
    if (it == object.end()) {
      Fail(where, fmt::format("missing key \"{}\"", key));
      return nullptr;
    }
    return Is(*it, Path(where, key), type) ? &*it : nullptr;
  }

  std::string String(const ordered_json& o, const std::string& where, std::string_view key) {
    const ordered_json* v = Member(o, where, key, ordered_json::value_t::string);
    return v ? v->get<std::string>() : std::string();
  }

  bool Bool(const ordered_json& o, const std::string& where, std::string_view key) {
    const ordered_json* v = Member(o, where, key, ordered_json::value_t::boolean);
    return v && v->get<bool>();
  }

  double Number(const ordered_json& o, const std::string& where, std::string_view key) {
    const ordered_json* v = Member(o, where, key, ordered_json::value_t::number_float);
    return v ? v->get<double>() : 0.0;
  }

  template <typename T>
  T Integer(const ordered_json& o, const std::string& where, std::string_view key) {
    const ordered_json* v = Member(o, where, key, ordered_json::value_t::number_integer);
    if (!v) return T();
    bool fits = v->is_number_unsigned() ? std::in_range<T>(v->get<uint64_t>())
                                        : std::in_range<T>(v->get<int64_t>());
    if (fits) return v->is_number_unsigned() ? T(v->get<uint64_t>()) : T(v->get<int64_t>());
    Fail(Path(where, key),
         fmt::format("{} is out of range ({} to {})", v->dump(), std::numeric_limits<T>::min(),
                     std::numeric_limits<T>::max()));
    return T();
  }

  std::vector<std::string> Strings(const ordered_json& o, const std::string& where,
                                   std::string_view key) {
    std::vector<std::string> out;
    ForEach(o, where, key, [&](const ordered_json& item, const std::string& at) {
      if (Is(item, at, ordered_json::value_t::string)) out.push_back(item.get<std::string>());
    });
    return out;
  }

  // Calls read(element, where) for each element of the array `o[key]`.
  template <typename F>
  void ForEach(const ordered_json& o, const std::string& where, std::string_view key, F read) {
    const ordered_json* v = Member(o, where, key, ordered_json::value_t::array);
    if (!v) return;
    for (size_t i = 0; i < v->size() && ok(); ++i) {
      read((*v)[i], fmt::format("{}[{}]", Path(where, key), i));
    }
  }

 private:
  static std::string_view TypeName(ordered_json::value_t type) {
    switch (type) {
      case ordered_json::value_t::object:
        return "an object";
      case ordered_json::value_t::array:
        return "an array";
      case ordered_json::value_t::string:
        return "a string";
      case ordered_json::value_t::boolean:
        return "a boolean";
      case ordered_json::value_t::number_integer:
        return "an integer";
      default:
        return "a number";
    }
  }

  std::string error_;
};

constexpr auto kObject = ordered_json::value_t::object;

Position ReadPosition(Reader& in, const ordered_json& o, const std::string& where,
                      std::string_view key) {
  Position p;
  const ordered_json* v = in.Member(o, where, key, kObject);
  if (!v) return p;
  std::string at = Reader::Path(where, key);
  p.line = in.Integer<uint32_t>(*v, at, "line");
  p.col = in.Integer<uint32_t>(*v, at, "col");
  return p;
}

std::optional<Fix> ReadFix(Reader& in, const ordered_json& o, const std::string& where) {
  auto it = o.find("fix");
  if (it == o.end() || it->is_null()) {
    if (it == o.end()) in.Fail(where, "missing key \"fix\"");
    return std::nullopt;
  }
  std::string at = Reader::Path(where, "fix");
  if (!in.Is(*it, at, kObject)) return std::nullopt;
  Fix fix;
  fix.replacement = in.String(*it, at, "replacement");
  if (const ordered_json* imports = in.Member(*it, at, "imports", kObject)) {
    fix.imports.add = in.Strings(*imports, at + ".imports", "add");
    fix.imports.remove = in.Strings(*imports, at + ".imports", "remove");
  }
  return fix;
}

// Reads severity and confidence, which must be names uprev knows.
void ReadLevels(Reader& in, const ordered_json& o, const std::string& where, Finding& f) {
  std::string severity = in.String(o, where, "severity");
  std::string confidence = in.String(o, where, "confidence");
  if (!in.ok()) return;
  if (std::optional<Severity> s = ParseSeverity(severity)) {
    f.severity = *s;
  } else {
    in.Fail(Reader::Path(where, "severity"),
            fmt::format("unknown severity \"{}\" (info, warning, error)", severity));
  }
  if (std::optional<Confidence> c = ParseConfidence(confidence)) {
    f.confidence = *c;
  } else {
    in.Fail(Reader::Path(where, "confidence"),
            fmt::format("unknown confidence \"{}\" (safe, review, manual)", confidence));
  }
}

Finding ReadFinding(Reader& in, const ordered_json& o, const std::string& where) {
  Finding f;
  if (!in.Is(o, where, kObject)) return f;
  f.rule = in.String(o, where, "rule");
  f.pack = in.String(o, where, "pack");
  ReadLevels(in, o, where, f);
  f.message = in.String(o, where, "message");
  f.review = in.String(o, where, "review");
  f.path = in.String(o, where, "path");
  if (const ordered_json* range = in.Member(o, where, "range", kObject)) {
    f.range.begin = in.Integer<uint32_t>(*range, where + ".range", "begin");
    f.range.end = in.Integer<uint32_t>(*range, where + ".range", "end");
    if (in.ok() && f.range.begin > f.range.end) {
      in.Fail(where + ".range", "begin is after end");
    }
  }
  f.start = ReadPosition(in, o, where, "start");
  f.end = ReadPosition(in, o, where, "end");
  f.matched = in.String(o, where, "matched");
  f.fix = ReadFix(in, o, where);
  return f;
}

ScanStats ReadStats(Reader& in, const ordered_json& o, const std::string& where) {
  ScanStats s;
  const ordered_json* v = in.Member(o, where, "stats", kObject);
  if (!v) return s;
  std::string at = Reader::Path(where, "stats");
  s.files = in.Integer<size_t>(*v, at, "files");
  s.bytes = in.Integer<size_t>(*v, at, "bytes");
  s.seconds = in.Number(*v, at, "seconds");
  in.ForEach(*v, at, "skipped", [&](const ordered_json& item, const std::string& item_at) {
    if (!in.Is(item, item_at, kObject)) return;
    s.skipped.push_back({in.String(item, item_at, "path"), in.String(item, item_at, "reason")});
  });
  s.units = in.Integer<size_t>(*v, at, "units");
  s.units_parsed = in.Integer<size_t>(*v, at, "units_parsed");
  return s;
}

ChangeSetReport ReadChangeSet(Reader& in, const ordered_json& o, const std::string& where) {
  ChangeSetReport c;
  if (!in.Is(o, where, kObject)) return c;
  c.name = in.String(o, where, "name");
  c.review = in.Bool(o, where, "review");
  c.branch = in.String(o, where, "branch");
  c.commit = in.String(o, where, "commit");
  c.files = in.Strings(o, where, "files");
  if (const ordered_json* fixes = in.Member(o, where, "fixes", kObject)) {
    for (const auto& [rule, count] : fixes->items()) {
      c.fixes[rule] = in.Integer<int>(*fixes, where + ".fixes", rule);
    }
  }
  c.packs = in.Strings(o, where, "packs");
  c.verification = in.String(o, where, "verification");
  if (in.ok() && c.verification != "" && c.verification != "passed" && c.verification != "failed") {
    in.Fail(where + ".verification",
            fmt::format("unknown verification \"{}\" (\"\", passed, failed)", c.verification));
  }
  c.verify_exit = in.Integer<int>(o, where, "verify_exit");
  c.verify_output = in.String(o, where, "verify_output");
  c.dropped = in.String(o, where, "dropped");
  c.reparsed = in.Bool(o, where, "reparsed");
  c.idempotent = in.Bool(o, where, "idempotent");
  c.validation_notes = in.Strings(o, where, "validation_notes");
  return c;
}

ReviewItem ReadReviewItem(Reader& in, const ordered_json& o, const std::string& where) {
  ReviewItem item;
  if (!in.Is(o, where, kObject)) return item;
  if (const ordered_json* f = in.Member(o, where, "finding", kObject)) {
    item.finding = ReadFinding(in, *f, where + ".finding");
  }
  item.owner = in.String(o, where, "owner");
  item.diff = in.String(o, where, "diff");
  return item;
}

RunReport ReadReport(Reader& in, const ordered_json& doc) {
  RunReport r;
  if (!in.Is(doc, "", kObject)) return r;
  int version = in.Integer<int>(doc, "", "version");
  if (in.ok() && version != kVersion) {
    in.Fail("version",
            fmt::format("unsupported version {} (this uprev reads {})", version, kVersion));
  }
  r.id = in.String(doc, "", "id");
  r.repo = in.String(doc, "", "repo");
  r.base = in.String(doc, "", "base");
  r.base_ref = in.String(doc, "", "base_ref");
  r.time = in.Integer<int64_t>(doc, "", "time");
  r.split = in.String(doc, "", "split");
  r.verify = in.String(doc, "", "verify");
  in.ForEach(doc, "", "packs", [&](const ordered_json& item, const std::string& where) {
    if (!in.Is(item, where, kObject)) return;
    std::string name = in.String(item, where, "name");
    r.packs.emplace_back(name, in.String(item, where, "hash"));
  });
  in.ForEach(doc, "", "change_sets", [&](const ordered_json& item, const std::string& where) {
    r.change_sets.push_back(ReadChangeSet(in, item, where));
  });
  in.ForEach(doc, "", "review_items", [&](const ordered_json& item, const std::string& where) {
    r.review_items.push_back(ReadReviewItem(in, item, where));
  });
  in.ForEach(doc, "", "findings", [&](const ordered_json& item, const std::string& where) {
    r.findings.push_back(ReadFinding(in, item, where));
  });
  r.stats = ReadStats(in, doc, "");
  return r;
}

// "path:LINE:COL: error: not valid JSON: WHAT" for nlohmann's parse error,
// with the line and column of the byte where parsing stopped.
std::string SyntaxError(const std::string& path, const std::string& text,
                        const nlohmann::json::parse_error& e) {
  size_t offset = e.byte == 0 ? 0 : std::min<size_t>(e.byte - 1, text.size());
  size_t line = 1;
  size_t line_start = 0;
  for (size_t i = 0; i < offset; ++i) {
    if (text[i] == '\n') {
      ++line;
      line_start = i + 1;
    }
  }
  // what() is "[json.exception.parse_error.101] parse error at line 1,
  // column 2: syntax error ...": keep what follows the position.
  std::string_view what = e.what();
  size_t at = what.find("parse error at line ");
  if (at != std::string_view::npos) {
    size_t colon = what.find(": ", at);
    if (colon != std::string_view::npos) what.remove_prefix(colon + 2);
  }
  return fmt::format("{}:{}:{}: error: not valid JSON: {}", path, line, offset - line_start + 1,
                     what);
}

}  // namespace

std::string RunReportToJson(const RunReport& report) {
  ordered_json doc;
  doc["version"] = kVersion;
  doc["id"] = report.id;
  doc["repo"] = report.repo;
  doc["base"] = report.base;
  doc["base_ref"] = report.base_ref;
  doc["time"] = report.time;
  doc["split"] = report.split;
  doc["verify"] = report.verify;
  doc["packs"] = ordered_json::array();
  for (const auto& [name, hash] : report.packs) {
    doc["packs"].push_back({{"name", name}, {"hash", hash}});
  }
  doc["change_sets"] = ordered_json::array();
  for (const ChangeSetReport& c : report.change_sets)
    doc["change_sets"].push_back(ChangeSetJson(c));
  doc["review_items"] = ordered_json::array();
  for (const ReviewItem& item : report.review_items) {
    doc["review_items"].push_back(ReviewItemJson(item));
  }
  doc["findings"] = ordered_json::array();
  for (const Finding& f : report.findings) doc["findings"].push_back(FindingJson(f));
  doc["stats"] = StatsJson(report.stats);
  // Verification output may end inside a UTF-8 sequence (it is cut to its
  // last 64 KiB): invalid bytes become U+FFFD rather than an exception.
  return doc.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) + "\n";
}

Result<RunReport> RunReportFromJson(const std::string& path, const std::string& text) {
  try {
    ordered_json doc = ordered_json::parse(text);
    Reader in;
    RunReport report = ReadReport(in, doc);
    if (!in.ok()) return Status::Invalid(fmt::format("{}:1:1: error: {}", path, in.error()));
    return report;
  } catch (const nlohmann::json::parse_error& e) {
    return Status::Invalid(SyntaxError(path, text, e));
  } catch (const nlohmann::json::exception& e) {
    return Status::Invalid(fmt::format("{}:1:1: error: {}", path, e.what()));
  }
}

}  // namespace uprev
