// The Markdown reports of a run: review-queue.md, migration-plan.md,
// validation-report.md and rollback-plan.md. Each is rendered from the
// RunReport alone (no clock, no git), so the same report gives the same
// text. Every value from the report is either Markdown-escaped text or
// inside a code span or fenced block whose backtick run is longer than any
// the value holds.
#include <algorithm>
#include <cctype>
#include <ctime>
#include <map>
#include <set>
#include <string_view>

#include <fmt/format.h>

#include "reports/finding_sink.h"
#include "reports/run_report.h"

namespace uprev {
namespace {

// Lines of verification output shown in validation-report.md.
constexpr size_t kOutputTailLines = 20;
// The review-effort assumption of migration-plan.md, in minutes.
constexpr int kMinutesPerReviewItem = 2;
constexpr int kMinutesPerManualFinding = 5;

// ------------------------------------------------------------ Markdown text

// One line of Markdown text showing `s` as written: characters that could
// start markup are backslash-escaped, line breaks become spaces. It may
// start a list item: leading spaces go (they would make it a code block),
// and a leading `-`, `+`, `=` or `1.` is escaped (a nested list, a heading).
std::string Text(std::string_view s) {
  s.remove_prefix(std::min(s.find_first_not_of(' '), s.size()));
  size_t digits = std::min(s.find_first_not_of("0123456789"), s.size());
  std::string out;
  if (!s.empty() && std::string_view("-+=").find(s[0]) != std::string_view::npos) out += '\\';
  if (digits > 0 && digits < s.size() && (s[digits] == '.' || s[digits] == ')')) {
    out += fmt::format("{}\\", s.substr(0, digits));
    s.remove_prefix(digits);
  }
  for (char c : s) {
    if (c == '\n' || c == '\r' || c == '\t') {
      out += ' ';
      continue;
    }
    if (std::string_view("\\`*_[]<>|~#&$").find(c) != std::string_view::npos) out += '\\';
    out += c;
  }
  return out;
}

size_t LongestRun(std::string_view s, char c) {
  size_t longest = 0;
  size_t run = 0;
  for (char d : s) {
    run = d == c ? run + 1 : 0;
    longest = std::max(longest, run);
  }
  return longest;
}

// An inline code span showing `s`; `in_table` escapes `|`, which GFM
// tables split cells on even inside code spans.
std::string Code(std::string_view s, bool in_table = false) {
  if (s.empty()) return "(none)";
  std::string body;
  for (char c : s) {
    if (c == '\n' || c == '\r') {
      body += ' ';
    } else {
      if (in_table && c == '|') body += '\\';
      body += c;
    }
  }
  std::string ticks(LongestRun(s, '`') + 1, '`');
  // A space on each side is stripped again by Markdown; it keeps a leading
  // or trailing backtick (or space) of the value.
  bool pad = body.front() == '`' || body.front() == ' ' || body.back() == '`' || body.back() == ' ';
  return pad ? fmt::format("{0} {1} {0}", ticks, body) : fmt::format("{0}{1}{0}", ticks, body);
}

std::string Cell(std::string_view s) { return Code(s, true); }

// A fenced code block of `body`, its fence longer than any backtick run in it.
std::string Fenced(std::string_view body, std::string_view info) {
  std::string fence(std::max<size_t>(3, LongestRun(body, '`') + 1), '`');
  std::string out = fmt::format("{}{}\n{}", fence, info, body);
  if (!body.empty() && body.back() != '\n') out += '\n';
  return out + fence + "\n";
}

// `s` as one shell word (single-quoted unless it only has safe characters).
std::string ShellWord(std::string_view s, bool force_quotes = false) {
  bool safe = !s.empty() && std::all_of(s.begin(), s.end(), [](char c) {
    return std::isalnum(static_cast<unsigned char>(c)) ||
           std::string_view("@%+=:,./_-").find(c) != std::string_view::npos;
  });
  if (safe && !force_quotes) return std::string(s);
  std::string out = "'";
  for (char c : s) out += c == '\'' ? std::string("'\\''") : std::string(1, c);
  return out + "'";
}

std::string UtcTime(int64_t seconds) {
  std::time_t t = static_cast<std::time_t>(seconds);
  std::tm tm{};
  if (gmtime_r(&t, &tm) == nullptr) return std::to_string(seconds);
  char buffer[32];
  std::strftime(buffer, sizeof buffer, "%Y-%m-%dT%H:%M:%SZ", &tm);
  return buffer;
}

std::string Count(size_t n, std::string_view one, std::string_view many) {
  return fmt::format("{} {}", n, n == 1 ? one : many);
}

std::string Lines(const Finding& f) {
  return f.start.line == f.end.line ? std::to_string(f.start.line)
                                    : fmt::format("{}-{}", f.start.line, f.end.line);
}

std::string OwnerText(const std::string& owner) { return owner.empty() ? "unowned" : Text(owner); }

// Owners in name order, the unowned ("") last.
struct OwnerLess {
  bool operator()(const std::string& a, const std::string& b) const {
    if (a.empty() != b.empty()) return b.empty();
    return a < b;
  }
};

// ------------------------------------------------------------ run facts

bool Dropped(const ChangeSetReport& c) { return !c.dropped.empty() || c.verification == "failed"; }

bool Validated(const ChangeSetReport& c) {
  return c.reparsed && c.idempotent && c.verification != "failed";
}

std::string VerificationText(const ChangeSetReport& c) {
  return c.verification.empty() ? "not run" : Text(c.verification);
}

// A human edits it by hand: no diff is suggested (a manual finding, or a
// review finding with no fix: a match in a macro, an api-map call that
// cannot move).
bool IsManual(const ReviewItem& item) { return item.diff.empty(); }

std::string Title(const RunReport& r, std::string_view title) {
  return fmt::format("# {}: run {}\n\n", title, Code(r.id));
}

// A paragraph saying what the run was.
std::string RunFacts(const RunReport& r) {
  std::string out = fmt::format("Repository {}, base {}", Code(r.repo), Code(r.base.substr(0, 12)));
  if (!r.base_ref.empty()) out += fmt::format(" ({})", Code(r.base_ref));
  out += fmt::format(", started {}; split by {}; verification: {}.\n\n", UtcTime(r.time),
                     Text(r.split), r.verify.empty() ? "none" : Code(r.verify));
  return out;
}

// A two-column table of counts: name (code), number.
std::string CountTable(std::string_view what, const std::map<std::string, int>& counts) {
  std::string out = fmt::format("| {} | review items |\n| --- | ---: |\n", what);
  for (const auto& [name, n] : counts) out += fmt::format("| {} | {} |\n", Cell(name), n);
  return out + "\n";
}

// ------------------------------------------------------------ review queue

std::string ReviewQueueCounts(const RunReport& r) {
  std::map<std::string, int, OwnerLess> owners;
  std::map<std::string, int> packs;
  std::map<std::string, int> rules;
  size_t manual = 0;
  for (const ReviewItem& item : r.review_items) {
    ++owners[item.owner];
    ++packs[item.finding.pack];
    ++rules[item.finding.rule];
    manual += IsManual(item);
  }
  std::string out =
      fmt::format("{}: {} and {} without a fix.\n\n",
                  Count(r.review_items.size(), "review item", "review items"),
                  Count(r.review_items.size() - manual, "suggested fix", "suggested fixes"),
                  Count(manual, "finding", "findings"));
  out += "| owner | review items |\n| --- | ---: |\n";
  for (const auto& [owner, n] : owners) out += fmt::format("| {} | {} |\n", OwnerText(owner), n);
  out += "\n";
  return out + CountTable("pack", packs) + CountTable("rule", rules);
}

std::string ReviewItemMarkdown(const ReviewItem& item, size_t number) {
  const Finding& f = item.finding;
  std::string out = fmt::format("### {}. {}\n\n", number, Code(f.path + ":" + Lines(f)));
  out += fmt::format("- rule: {} (pack {}), {}\n", Code(f.rule), Code(f.pack),
                     SeverityName(f.severity));
  out += fmt::format("- confidence: {}\n", ConfidenceName(f.confidence));
  out += fmt::format("- reason: {}\n", f.review.empty() ? "(none given)" : Text(f.review));
  out += fmt::format("- message: {}\n\n", Text(f.message));
  if (!item.diff.empty()) return out + Fenced(item.diff, "diff") + "\n";
  out += "No suggested fix: change it by hand. The code found:\n\n";
  return out + Fenced(f.matched, "text") + "\n";
}

}  // namespace

std::string RenderReviewQueueMarkdown(const RunReport& report) {
  std::string out = Title(report, "Review queue") + RunFacts(report);
  for (const ChangeSetReport& c : report.change_sets) {
    if (c.review && !c.branch.empty()) {
      out += fmt::format("The suggested fixes are on the branch {}.\n\n", Code(c.branch));
    }
  }
  if (report.review_items.empty()) return out + "Nothing to review.\n";
  out += ReviewQueueCounts(report);
  std::map<std::string, std::vector<const ReviewItem*>, OwnerLess> by_owner;
  for (const ReviewItem& item : report.review_items) by_owner[item.owner].push_back(&item);
  size_t number = 0;
  for (const auto& [owner, items] : by_owner) {
    out += fmt::format("## {} ({})\n\n", OwnerText(owner), items.size());
    for (const ReviewItem* item : items) out += ReviewItemMarkdown(*item, ++number);
  }
  return out;
}

namespace {

// ------------------------------------------------------------ migration plan

// What one pack or rule contributes: edits on kept safe change sets, on the
// review set, on dropped sets; review items and, of them, those without a fix.
struct Tally {
  int safe = 0;
  int review = 0;
  int dropped = 0;
  int items = 0;
  int manual = 0;
};

struct Tallies {
  std::map<std::string, std::string> pack_of;  // rule -> pack
  std::map<std::string, Tally> packs;
  std::map<std::string, Tally> rules;
};

// The pack of `rule`, "" when no finding or change set tells.
std::string PackOf(const Tallies& t, const std::string& rule) {
  auto it = t.pack_of.find(rule);
  return it == t.pack_of.end() ? "" : it->second;
}

std::map<std::string, std::string> PackOfRules(const RunReport& r) {
  std::map<std::string, std::string> pack_of;
  for (const Finding& f : r.findings) pack_of.emplace(f.rule, f.pack);
  for (const ReviewItem& item : r.review_items)
    pack_of.emplace(item.finding.rule, item.finding.pack);
  for (const ChangeSetReport& c : r.change_sets) {
    if (c.packs.size() != 1) continue;
    for (const auto& [rule, n] : c.fixes) pack_of.emplace(rule, c.packs[0]);
  }
  return pack_of;
}

Tallies CountEdits(const RunReport& r) {
  Tallies t;
  t.pack_of = PackOfRules(r);
  for (const auto& [name, hash] : r.packs) t.packs[name];
  for (const ChangeSetReport& c : r.change_sets) {
    for (const auto& [rule, n] : c.fixes) {
      for (Tally* tally : {&t.rules[rule], &t.packs[PackOf(t, rule)]}) {
        (Dropped(c) ? tally->dropped : c.review ? tally->review : tally->safe) += n;
      }
    }
  }
  for (const ReviewItem& item : r.review_items) {
    for (Tally* tally : {&t.rules[item.finding.rule], &t.packs[item.finding.pack]}) {
      ++tally->items;
      tally->manual += IsManual(item);
    }
  }
  return t;
}

std::string TallyCells(const Tally& t) {
  return fmt::format("{} | {} | {} | {} | {}", t.safe, t.review, t.dropped, t.items, t.manual);
}

constexpr std::string_view kTallyHeader =
    "safe edits | review edits | dropped edits | review items | without a fix";
constexpr std::string_view kTallyAlign = "---: | ---: | ---: | ---: | ---:";

// A pack's risk and why (Markdown); see kRiskLevels.
struct Risk {
  std::string level;
  std::vector<std::string> why;
};

constexpr std::string_view kRiskLevels =
    "- **high**: a change set with fixes of the pack failed verification, re-parse or "
    "idempotence, or the pack has findings without a fix;\n"
    "- **medium**: not high, and the pack has review items (review-level or demoted fixes) "
    "for a human to decide;\n"
    "- **low**: only safe fixes, and every change set with them re-parsed, is idempotent and "
    "passed the `--verify` command (when one was given).\n\n";

Risk RiskOf(const RunReport& r, const std::string& pack, const Tally& tally) {
  Risk risk;
  for (const ChangeSetReport& c : r.change_sets) {
    if (std::find(c.packs.begin(), c.packs.end(), pack) == c.packs.end()) continue;
    if (c.verification == "failed") risk.why.push_back("verification failed in " + Cell(c.name));
    if (!c.reparsed) risk.why.push_back("re-parse failed in " + Cell(c.name));
    if (!c.idempotent) risk.why.push_back("not idempotent in " + Cell(c.name));
  }
  if (tally.manual > 0)
    risk.why.push_back(Count(tally.manual, "finding without a fix", "findings without a fix"));
  bool high = !risk.why.empty();
  int to_review = tally.items - tally.manual;
  if (to_review > 0) risk.why.push_back(Count(to_review, "review item", "review items"));
  risk.level = high ? "high" : to_review > 0 ? "medium" : "low";
  if (risk.level == "low") {
    risk.why.push_back(r.verify.empty() ? "only safe fixes, re-parsed and idempotent; no `--verify`"
                                        : "only safe fixes, all checks passed");
  }
  return risk;
}

std::string PlanSummary(const RunReport& r, const Tallies& t) {
  int safe = 0, review = 0, dropped = 0, sets = 0, dropped_sets = 0;
  for (const ChangeSetReport& c : r.change_sets) {
    if (c.review) continue;
    ++sets;
    dropped_sets += Dropped(c);
  }
  for (const auto& [pack, tally] : t.packs) {
    safe += tally.safe;
    review += tally.review;
    dropped += tally.dropped;
  }
  std::string out = "## Summary\n\n";
  out += fmt::format("- {} on {}", Count(safe, "safe edit", "safe edits"),
                     Count(sets - dropped_sets, "change set", "change sets"));
  if (dropped_sets > 0) {
    out += fmt::format("; {} with {} dropped (verification failed)",
                       Count(dropped_sets, "change set", "change sets"),
                       Count(dropped, "edit", "edits"));
  }
  out += ".\n";
  if (std::any_of(r.change_sets.begin(), r.change_sets.end(),
                  [](const ChangeSetReport& c) { return c.review; })) {
    out += fmt::format("- {} on the review set.\n",
                       Count(review, "review-level edit", "review-level edits"));
  }
  size_t manual = std::count_if(r.review_items.begin(), r.review_items.end(), IsManual);
  out += r.review_items.empty()
             ? "- No review items.\n"
             : fmt::format(
                   "- {} ({}, {}).\n", Count(r.review_items.size(), "review item", "review items"),
                   Count(r.review_items.size() - manual, "suggested fix", "suggested fixes"),
                   Count(manual, "without a fix", "without a fix"));
  out += fmt::format("- {} at the base.\n", Count(r.findings.size(), "finding", "findings"));
  std::vector<std::string> risks;
  for (const auto& [pack, tally] : t.packs) {
    risks.push_back(fmt::format("{} for {}", RiskOf(r, pack, tally).level, Code(pack)));
  }
  if (!risks.empty()) out += fmt::format("- Risk: {}.\n", fmt::join(risks, ", "));
  return out + "\n";
}

std::string ChangeSetPlan(const ChangeSetReport& c) {
  std::string out = fmt::format("### {}{}\n\n", Code(c.name), c.review ? " (review)" : "");
  if (!c.branch.empty()) {
    out += fmt::format("Branch {}, commit {}.\n\n", Code(c.branch), Code(c.commit));
  } else {
    out += fmt::format("No branch: {}. None of its edits land.\n\n",
                       c.dropped.empty() ? "dropped" : Text(c.dropped));
  }
  out += fmt::format("{}:\n\n", Count(c.files.size(), "file", "files"));
  for (const std::string& file : c.files) out += fmt::format("- {}\n", Code(file));
  out += "\n| rule | edits |\n| --- | ---: |\n";
  for (const auto& [rule, n] : c.fixes) out += fmt::format("| {} | {} |\n", Cell(rule), n);
  return out + "\n";
}

std::string ChangeSetsPlan(const RunReport& r) {
  std::string out = "## Change sets\n\n";
  out += "| change set | branch | files | edits | verification |\n";
  out += "| --- | --- | ---: | ---: | --- |\n";
  for (const ChangeSetReport& c : r.change_sets) {
    int edits = 0;
    for (const auto& [rule, n] : c.fixes) edits += n;
    out += fmt::format("| {}{} | {} | {} | {} | {} |\n", Cell(c.name), c.review ? " (review)" : "",
                       c.branch.empty() ? "dropped" : Cell(c.branch), c.files.size(), edits,
                       VerificationText(c));
  }
  out += "\n";
  for (const ChangeSetReport& c : r.change_sets) out += ChangeSetPlan(c);
  return out;
}

std::string EditsPlan(const RunReport& r, const Tallies& t) {
  std::string out = "## Edits per pack\n\n";
  out += fmt::format("| pack | {} | risk |\n| --- | {} | --- |\n", kTallyHeader, kTallyAlign);
  for (const auto& [pack, tally] : t.packs) {
    out += fmt::format("| {} | {} | {} |\n", Cell(pack), TallyCells(tally),
                       RiskOf(r, pack, tally).level);
  }
  out += "\n## Edits per rule\n\n";
  out += fmt::format("| rule | pack | {} |\n| --- | --- | {} |\n", kTallyHeader, kTallyAlign);
  for (const auto& [rule, tally] : t.rules) {
    out += fmt::format("| {} | {} | {} |\n", Cell(rule), Cell(PackOf(t, rule)), TallyCells(tally));
  }
  return out + "\nReview items include findings without a fix and demoted fixes.\n\n";
}

std::string RiskPlan(const RunReport& r, const Tallies& t) {
  std::string out = "## Risk per pack\n\n";
  out += std::string(kRiskLevels);
  out += "| pack | risk | why |\n| --- | --- | --- |\n";
  for (const auto& [pack, tally] : t.packs) {
    Risk risk = RiskOf(r, pack, tally);
    std::string why;
    for (const std::string& reason : risk.why) why += (why.empty() ? "" : "; ") + reason;
    out += fmt::format("| {} | {} | {} |\n", Cell(pack), risk.level, why);
  }
  return out + "\n";
}

std::string EffortPlan(const RunReport& r) {
  struct Load {
    int items = 0, manual = 0;
    std::set<std::string> files;
  };
  std::map<std::string, Load, OwnerLess> owners;
  std::set<std::string> files;
  for (const ReviewItem& item : r.review_items) {
    Load& load = owners[item.owner];
    ++load.items;
    load.manual += IsManual(item);
    load.files.insert(item.finding.path);
    files.insert(item.finding.path);
  }
  auto minutes = [](const Load& l) {
    return (l.items - l.manual) * kMinutesPerReviewItem + l.manual * kMinutesPerManualFinding;
  };
  Load all;
  for (const auto& [owner, load] : owners) {
    all.items += load.items;
    all.manual += load.manual;
  }
  size_t named = owners.size() - owners.count("");
  std::string out = "## Review effort\n\n";
  if (r.review_items.empty()) return out + "No review items: nothing to review by hand.\n";
  out += fmt::format("{} in {}, for {}{}: about {} minutes.\n\n",
                     Count(all.items, "review item", "review items"),
                     Count(files.size(), "file", "files"), Count(named, "owner", "owners"),
                     owners.count("") ? " and unowned files" : "", minutes(all));
  out += fmt::format(
      "The estimate assumes {} minutes per suggested fix (read the diff, accept "
      "or reject it) and {} minutes per finding without a fix (make the "
      "change by hand). Safe change sets are reviewed like any pull request and are not "
      "counted.\n\n",
      kMinutesPerReviewItem, kMinutesPerManualFinding);
  out += "| owner | review items | without a fix | files | minutes |\n";
  out += "| --- | ---: | ---: | ---: | ---: |\n";
  for (const auto& [owner, load] : owners) {
    out += fmt::format("| {} | {} | {} | {} | {} |\n", OwnerText(owner), load.items, load.manual,
                       load.files.size(), minutes(load));
  }
  return out;
}

}  // namespace

std::string RenderMigrationPlan(const RunReport& report) {
  Tallies tallies = CountEdits(report);
  std::string out = Title(report, "Migration plan") + RunFacts(report);
  out += PlanSummary(report, tallies);
  out += ChangeSetsPlan(report);
  out += EditsPlan(report, tallies);
  out += RiskPlan(report, tallies);
  return out + EffortPlan(report);
}

namespace {

// ------------------------------------------------------------ validation report

std::string Passed(bool passed) { return passed ? "passed" : "failed"; }

// The last kOutputTailLines lines of `output`.
std::string Tail(std::string_view output) {
  size_t end = output.size();
  if (end > 0 && output[end - 1] == '\n') --end;
  size_t begin = end;
  for (size_t lines = 0; begin > 0; --begin) {
    if (output[begin - 1] == '\n' && ++lines == kOutputTailLines) break;
  }
  return std::string(output.substr(begin));
}

std::string ValidationSummary(const RunReport& r) {
  std::vector<std::string> failed;
  size_t not_verified = 0;
  for (const ChangeSetReport& c : r.change_sets) {
    if (!Validated(c)) failed.push_back(Code(c.name));
    not_verified += c.verification.empty();
  }
  if (r.change_sets.empty()) return "**No change sets**: nothing was validated.\n\n";
  std::string out;
  if (failed.empty()) {
    out =
        fmt::format("**All {} passed.**", Count(r.change_sets.size(), "change set", "change sets"));
  } else {
    out = fmt::format("**{} of {} failed**: {}.", failed.size(),
                      Count(r.change_sets.size(), "change set", "change sets"),
                      fmt::join(failed, ", "));
  }
  if (not_verified > 0) out += fmt::format(" Verification was not run on {}.", not_verified);
  return out + "\n\n";
}

std::string ValidationTable(const RunReport& r) {
  std::string out = "| change set | re-parse | idempotence | verification | exit code |\n";
  out += "| --- | --- | --- | --- | ---: |\n";
  for (const ChangeSetReport& c : r.change_sets) {
    out += fmt::format("| {} | {} | {} | {} | {} |\n", Cell(c.name), Passed(c.reparsed),
                       Passed(c.idempotent), VerificationText(c),
                       c.verification.empty() ? "-" : std::to_string(c.verify_exit));
  }
  return out + "\n";
}

std::string ChangeSetValidation(const ChangeSetReport& c) {
  std::string out = fmt::format("## {}\n\n", Code(c.name));
  out +=
      fmt::format("- re-parse: {}\n- idempotence: {}\n", Passed(c.reparsed), Passed(c.idempotent));
  out += fmt::format("- verification: {}", VerificationText(c));
  if (!c.verification.empty()) out += fmt::format(" (exit code {})", c.verify_exit);
  out += "\n";
  if (!c.dropped.empty()) out += fmt::format("- dropped: {}\n", Text(c.dropped));
  out += "\n";
  if (!c.validation_notes.empty()) {
    out += "Notes:\n\n";
    for (const std::string& note : c.validation_notes) out += fmt::format("- {}\n", Text(note));
    out += "\n";
  }
  if (c.verification.empty()) return out;
  if (c.verify_output.empty()) return out + "The verification printed nothing.\n\n";
  out +=
      fmt::format("The last lines of the verification output (at most {}):\n\n", kOutputTailLines);
  return out + Fenced(Tail(c.verify_output), "text") + "\n";
}

}  // namespace

std::string RenderValidationReport(const RunReport& report) {
  std::string out = Title(report, "Validation report");
  out += ValidationSummary(report);
  out += RunFacts(report);
  out +=
      "Each change set is checked three ways: **re-parse** (every fixed file still parses, "
      "with no more syntax errors than before), **idempotence** (fixing the result again "
      "changes nothing) and **verification** (the `--verify` command on the change set's "
      "tree; a failing change set's branch is deleted).\n\n";
  out += ValidationTable(report);
  for (const ChangeSetReport& c : report.change_sets) out += ChangeSetValidation(c);
  return out;
}

namespace {

// ------------------------------------------------------------ rollback plan

std::string RollbackIntro(const RunReport& r) {
  std::string refs = ShellWord("refs/heads/uprev/" + r.id + "/", true);
  std::string out =
      "Each change set is one commit whose only parent is the base, on its own branch, so each "
      "can be dropped or undone alone. `uprev status` shows which are merged into HEAD.\n\n";
  out += "## The whole run\n\n";
  out += "Before merging, delete every branch of the run (the tips stay in the run record):\n\n";
  out += Fenced(fmt::format("git for-each-ref --format='%(refname:short)' {} | xargs -r git "
                            "branch -D\n",
                            refs),
                "sh");
  out +=
      "\nAfter merging some of them, this deletes the branches of the unmerged ones and "
      "reverts, on the current branch, each one merged into HEAD:\n\n";
  out += Fenced(fmt::format("uprev revert {}\n", ShellWord(r.id)), "sh");
  out += "\n## Undoing a merged change set with plain git\n\n";
  out +=
      "`uprev revert RUN/SET` makes a revert commit of the change set's commit on the current "
      "branch (clean working tree required). With git alone: if the branch was merged with a "
      "merge commit, `git revert -m 1 <merge-commit>` reverts that merge, keeping its first "
      "parent (the branch merged into) as the mainline; the merge is the commit whose second "
      "parent is the change set's commit (`git rev-list --merges --parents <commit>..HEAD` "
      "lists it as `<merge> <parent> <commit>`). "
      "If it was fast-forwarded, `git revert <commit>` reverts the change set's own commit. "
      "If it was cherry-picked or squashed, the commit has another id: find it with "
      "`git log --grep='^Uprev-Run: RUN$'` and revert that.\n\n";
  return out;
}

std::string ChangeSetRollback(const RunReport& r, const ChangeSetReport& c) {
  std::string out = fmt::format("## {}{}\n\n", Code(c.name), c.review ? " (review)" : "");
  if (c.branch.empty()) {
    out += fmt::format(
        "Dropped: {}. It has no branch and nothing of it can have been merged: "
        "there is nothing to roll back.",
        c.dropped.empty() ? "no reason recorded" : Text(c.dropped));
    if (!c.commit.empty()) out += fmt::format(" Its commit was {}.", Code(c.commit));
    return out + "\n\n";
  }
  out += fmt::format("Branch {}, commit {}.\n\n", Code(c.branch), Code(c.commit));
  std::string commit = ShellWord(c.commit);
  std::string sh =
      fmt::format("# before merging: drop it\ngit branch -D {}\n", ShellWord(c.branch));
  sh += fmt::format("# after merging: undo it on the current branch\nuprev revert {}\n",
                    ShellWord(r.id + "/" + c.name));
  sh += "# the same with plain git, after a merge commit:\n";
  sh += fmt::format(
      "git revert -m 1 \"$(git rev-list --merges --parents {0}..HEAD | awk '$3 == \"{0}\" "
      "{{ print $1 }}')\"\n",
      c.commit);
  sh += fmt::format("# after a fast-forward:\ngit revert {}\n", commit);
  return out + Fenced(sh, "sh") + "\n";
}

}  // namespace

std::string RenderRollbackPlan(const RunReport& report) {
  std::string out = Title(report, "Rollback plan") + RunFacts(report);
  out += RollbackIntro(report);
  for (const ChangeSetReport& c : report.change_sets) out += ChangeSetRollback(report, c);
  return out;
}

// ------------------------------------------------------- scan --format md

namespace {

// `scan --format md`: a summary line and one table row per finding, for a
// pull-request comment or a CI job summary.
class MarkdownSink : public FindingSink {
 public:
  std::string Render(const std::vector<Finding>& findings, const ScanStats& stats) override {
    std::set<std::string> files;
    for (const Finding& f : findings) files.insert(f.path);
    std::string out = fmt::format("# uprev findings\n\n{} in {} ({} scanned).\n",
                                  Count(findings.size(), "finding", "findings"),
                                  Count(files.size(), "file", "files"),
                                  Count(stats.files, "file", "files"));
    if (findings.empty()) return out;
    out += "\n| location | severity | confidence | rule | message | fix |\n"
           "| --- | --- | --- | --- | --- | --- |\n";
    for (const Finding& f : findings) {
      std::string message = Text(f.message);  // escapes `|` too
      out += fmt::format("| {} | {} | {} | {} | {} | {} |\n",
                         Cell(fmt::format("{}:{}:{}", f.path, f.start.line, f.start.col)),
                         SeverityName(f.severity), ConfidenceName(f.confidence), Cell(f.rule),
                         message, f.fix ? Cell(f.fix->replacement) : std::string("none"));
    }
    return out;
  }
};

}  // namespace

std::unique_ptr<FindingSink> MakeMarkdownSink() { return std::make_unique<MarkdownSink>(); }

}  // namespace uprev
