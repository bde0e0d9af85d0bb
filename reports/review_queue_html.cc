// review-queue.html: one self-contained page (inline CSS and vanilla JS, no
// network) with every review item of a run, counts per owner, pack, rule and
// confidence, and a filter bar. Filtering reads data attributes of the items,
// so no report data is embedded as JSON or script.
//
// Safety: every text from the report goes through Escape() (& < > " '),
// whether it lands in element content or in a quoted attribute. Code and
// diffs are coloured by first cutting the raw text into tokens, then
// escaping each token and wrapping it in a span: markup is only ever built
// from escaped text and fixed tags.
//
// The output depends on the report alone (no clock, no random ids), so the
// same report renders to the same bytes.
#include <algorithm>
#include <cstdlib>
#include <ctime>
#include <map>
#include <set>
#include <string>
#include <string_view>
#include <tuple>
#include <utility>
#include <vector>

#include <fmt/chrono.h>
#include <fmt/format.h>

#include "reports/run_report.h"

namespace uprev {
namespace {

constexpr std::string_view kStyle = R"css(
:root{--fg:#1f2328;--muted:#59636e;--line:#d1d9e0;--bg:#f6f8fa;--add:#e6ffec;--del:#ffebe9;
--hunk:#ddf4ff;--kw:#cf222e;--str:#0a3069;--com:#6e7781}
*{box-sizing:border-box}
body{font:14px/1.45 system-ui,-apple-system,"Segoe UI",sans-serif;color:var(--fg);margin:0;
padding:16px 24px}
h1{font-size:22px;margin:0 0 8px}
h2{font-size:16px;margin:0}
code,pre{font:12.5px/1.45 ui-monospace,"DejaVu Sans Mono",Menlo,monospace}
dl.run{display:grid;grid-template-columns:max-content 1fr;gap:2px 12px;margin:0 0 16px}
dl.run dt{color:var(--muted)}dl.run dd{margin:0;overflow-wrap:anywhere}
.groups{display:flex;flex-wrap:wrap;align-items:flex-start;gap:16px;margin-bottom:16px}
table.group{border-collapse:collapse;min-width:180px}
table.group caption{text-align:left;font-weight:600;padding:2px 0}
table.group td{border-top:1px solid var(--line);padding:2px 6px}
table.group td.n{text-align:right;font-variant-numeric:tabular-nums}
table.group button{all:unset;cursor:pointer;color:#0969da}
table.group button:hover{text-decoration:underline}
#filters{position:sticky;top:0;background:#fff;border-bottom:1px solid var(--line);padding:8px 0;
display:flex;flex-wrap:wrap;gap:12px;align-items:center;z-index:1}
#filters label{color:var(--muted)}
#filters select{margin-left:4px;max-width:260px}
#shown-count{font-weight:600;margin:8px 0}
#items{list-style:none;margin:0;padding:0}
.item{border:1px solid var(--line);border-radius:6px;margin:0 0 12px;padding:10px 12px}
[hidden]{display:none!important}
.loc{font-family:ui-monospace,"DejaVu Sans Mono",monospace;overflow-wrap:anywhere}
dl.meta{display:flex;flex-wrap:wrap;gap:2px 14px;margin:6px 0}
dl.meta div{display:flex;gap:4px}dl.meta dt{color:var(--muted)}dl.meta dd{margin:0}
.conf-review{color:#9a6700;font-weight:600}.conf-manual{color:#cf222e;font-weight:600}
.message,.reason{margin:6px 0;white-space:pre-wrap;overflow-wrap:anywhere}
.reason strong{color:var(--muted)}
pre{background:var(--bg);border:1px solid var(--line);border-radius:6px;padding:6px 0;
margin:6px 0 0;overflow-x:auto}
.ln{display:block;padding:0 10px;white-space:pre;min-height:1.45em}
.ln.add{background:var(--add)}.ln.del{background:var(--del)}
.ln.hk{background:var(--hunk);color:var(--muted)}.ln.dh{color:var(--muted);font-weight:600}
.mk{user-select:none;color:var(--muted)}
.k{color:var(--kw)}.s{color:var(--str)}.c{color:var(--com);font-style:italic}
.nofix{color:var(--muted);margin:6px 0 0}
)css";

// Filters items by the selects of #filters (value "" is "all"), and keeps
// the "N of M items shown" counter up to date. The count tables' buttons set
// one select, as picking it by hand would.
constexpr std::string_view kScript = R"js(
(function () {
  'use strict';
  var selects = Array.prototype.slice.call(document.querySelectorAll('#filters select'));
  var items = Array.prototype.slice.call(document.querySelectorAll('#items > .item'));
  var counter = document.getElementById('shown-count');
  function apply() {
    var shown = 0;
    items.forEach(function (item) {
      var visible = selects.every(function (select) {
        return select.value === '' || item.getAttribute('data-' + select.name) === select.value;
      });
      item.hidden = !visible;
      if (visible) shown++;
    });
    counter.textContent = shown + ' of ' + items.length + ' items shown';
  }
  selects.forEach(function (select) { select.addEventListener('change', apply); });
  document.getElementById('reset').addEventListener('click', function () {
    selects.forEach(function (select) { select.value = ''; });
    apply();
  });
  document.querySelectorAll('button[data-filter]').forEach(function (button) {
    button.addEventListener('click', function () {
      var select = document.getElementById('filter-' + button.getAttribute('data-filter'));
      select.value = button.getAttribute('data-value');
      apply();
    });
  });
  apply();
})();
)js";

// Text for HTML element content and for double- or single-quoted attributes.
std::string Escape(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (char c : text) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      case '\'': out += "&#39;"; break;
      default: out.push_back(c);
    }
  }
  return out;
}

// --- Groups: what items are counted and filtered by. ---

std::string OrNone(const std::string& value) { return value.empty() ? "(none)" : value; }

std::string OwnerKey(const ReviewItem& item) { return item.owner.empty() ? "unowned" : item.owner; }
std::string PackKey(const ReviewItem& item) { return OrNone(item.finding.pack); }
std::string RuleKey(const ReviewItem& item) { return OrNone(item.finding.rule); }
std::string ConfidenceKey(const ReviewItem& item) {
  return std::string(ConfidenceName(item.finding.confidence));
}

struct Group {
  std::string_view name;   // the data attribute and the select: data-owner, #filter-owner
  std::string_view title;  // "Owner"
  std::string (*key)(const ReviewItem&);
};

constexpr Group kGroups[] = {{"owner", "Owner", OwnerKey},
                             {"pack", "Pack", PackKey},
                             {"rule", "Rule", RuleKey},
                             {"confidence", "Confidence", ConfidenceKey}};

// Value -> items, sorted by value; review and manual are always listed.
std::map<std::string, int> CountBy(const std::vector<ReviewItem>& items, const Group& group) {
  std::map<std::string, int> counts;
  if (group.name == "confidence") counts = {{"manual", 0}, {"review", 0}};
  for (const ReviewItem& item : items) ++counts[group.key(item)];
  return counts;
}

// --- Code colouring: comments, strings and keywords, one line at a time. ---

enum class CommentStyle { kNone, kHash, kSlash };

CommentStyle CommentStyleOf(std::string_view path) {
  static const std::set<std::string_view> kHash = {".py",   ".pyi", ".rb",   ".sh", ".bash",
                                                   ".yaml", ".yml", ".toml", ".pl", ".r"};
  static const std::set<std::string_view> kSlash = {
      ".c",  ".cc",  ".cpp",  ".cxx", ".h",  ".hh", ".hpp", ".js",    ".jsx",   ".mjs", ".cjs",
      ".ts", ".tsx", ".java", ".go",  ".rs", ".kt", ".cs",  ".swift", ".scala", ".php"};
  size_t slash = path.rfind('/');
  size_t dot = path.rfind('.');
  if (dot == std::string_view::npos || (slash != std::string_view::npos && dot < slash)) {
    return CommentStyle::kNone;
  }
  std::string_view ext = path.substr(dot);
  if (kHash.count(ext)) return CommentStyle::kHash;
  if (kSlash.count(ext)) return CommentStyle::kSlash;
  return CommentStyle::kNone;
}

bool IsKeyword(std::string_view word) {
  static const std::set<std::string_view> kKeywords = {
      "False",  "None",     "True",      "and",     "as",      "async",      "auto",
      "await",  "break",    "case",      "catch",   "class",   "const",      "continue",
      "def",    "default",  "defer",     "del",     "delete",  "elif",       "else",
      "enum",   "except",   "export",    "extends", "false",   "finally",    "for",
      "from",   "func",     "function",  "go",      "if",      "implements", "import",
      "in",     "include",  "interface", "is",      "lambda",  "let",        "namespace",
      "new",    "nil",      "not",       "null",    "nullptr", "or",         "package",
      "pass",   "private",  "protected", "public",  "raise",   "return",     "static",
      "struct", "switch",   "template",  "this",    "throw",   "true",       "try",
      "type",   "typename", "var",       "void",    "while",   "with",       "yield"};
  return kKeywords.count(word) > 0;
}

bool IsWordChar(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
}

// Where a comment starting at `i` ends, or `i` when none starts there.
size_t CommentEnd(std::string_view line, size_t i, CommentStyle style) {
  if (style == CommentStyle::kHash && line[i] == '#') return line.size();
  if (style != CommentStyle::kSlash || line.substr(i, 1) != "/") return i;
  if (line.substr(i, 2) == "//") return line.size();
  if (line.substr(i, 2) != "/*") return i;
  size_t close = line.find("*/", i + 2);
  return close == std::string_view::npos ? line.size() : close + 2;
}

// Where the string literal opened by the quote at `i` ends (its closing
// quote included; the end of the line when it is not closed there).
size_t StringEnd(std::string_view line, size_t i) {
  size_t j = i + 1;
  while (j < line.size() && line[j] != line[i]) j += line[j] == '\\' ? 2 : 1;
  return std::min(j + 1, line.size());
}

// One line of source as HTML: each token is escaped, then wrapped.
std::string ColourLine(std::string_view line, CommentStyle style) {
  std::string out;
  size_t plain = 0;  // start of the pending uncoloured text
  auto emit = [&](size_t begin, size_t end, std::string_view cls) {
    out += Escape(line.substr(plain, begin - plain));
    out +=
        fmt::format("<span class=\"{}\">{}</span>", cls, Escape(line.substr(begin, end - begin)));
    plain = end;
  };
  size_t i = 0;
  while (i < line.size()) {
    char c = line[i];
    size_t comment = CommentEnd(line, i, style);
    if (comment != i) {
      emit(i, comment, "c");
      i = comment;
    } else if (c == '"' || c == '\'' || c == '`') {
      size_t end = StringEnd(line, i);
      emit(i, end, "s");
      i = end;
    } else if (IsWordChar(c)) {
      size_t end = i;
      while (end < line.size() && IsWordChar(line[end])) ++end;
      if (IsKeyword(line.substr(i, end - i))) emit(i, end, "k");
      i = end;
    } else {
      ++i;
    }
  }
  return out + Escape(line.substr(plain));
}

// Source text (no diff markers) as coloured lines.
std::string ColourCode(std::string_view code, CommentStyle style) {
  std::string out;
  size_t begin = 0;
  while (begin < code.size()) {
    size_t end = code.find('\n', begin);
    if (end == std::string_view::npos) end = code.size();
    out += "<span class=\"ln\">" + ColourLine(code.substr(begin, end - begin), style) + "</span>";
    begin = end + 1;
  }
  return out;
}

// --- Unified diffs. ---

// The line counts of a hunk header "@@ -a,b +c,d @@" (a missing count is 1).
std::pair<int, int> HunkCounts(std::string_view header) {
  int old_count = 1;
  int new_count = 1;
  auto count_after = [&header](char sign, int* count) {
    size_t at = header.find(sign, 2);
    if (at == std::string_view::npos) return;
    size_t comma = header.find(',', at);
    size_t space = header.find(' ', at);
    if (comma != std::string_view::npos && comma < space) {
      *count = std::atoi(header.data() + comma + 1);
    }
  };
  count_after('-', &old_count);
  count_after('+', &new_count);
  return {old_count, new_count};
}

// One diff line: file headers and hunk headers as plain text, body lines
// with their marker apart and the code coloured.
std::string DiffLine(std::string_view line, std::string_view cls, bool body, CommentStyle style) {
  if (!body) return fmt::format("<span class=\"ln {}\">{}</span>", cls, Escape(line));
  return fmt::format("<span class=\"ln {}\"><span class=\"mk\">{}</span>{}</span>", cls,
                     Escape(line.substr(0, 1)), ColourLine(line.substr(1), style));
}

std::string RenderDiff(std::string_view diff, CommentStyle style) {
  std::string out;
  int old_left = 0;
  int new_left = 0;
  size_t begin = 0;
  while (begin < diff.size()) {
    size_t end = diff.find('\n', begin);
    if (end == std::string_view::npos) end = diff.size();
    std::string_view line = diff.substr(begin, end - begin);
    begin = end + 1;
    char mark = line.empty() ? ' ' : line[0];
    bool in_hunk = old_left > 0 || new_left > 0;
    if (line.starts_with("@@")) {
      std::tie(old_left, new_left) = HunkCounts(line);
      out += DiffLine(line, "hk", false, style);
    } else if (in_hunk && (mark == '+' || mark == '-' || mark == ' ')) {
      if (mark != '+') --old_left;
      if (mark != '-') --new_left;
      std::string_view cls = mark == '+' ? "add" : (mark == '-' ? "del" : "ctx");
      out += DiffLine(line.empty() ? " " : line, cls, true, style);
    } else {
      out += DiffLine(line, mark == '\\' ? "hk" : "dh", false, style);
    }
  }
  return "<pre class=\"diff\"><code>" + out + "</code></pre>\n";
}

// --- Page parts. ---

std::string Lines(const Finding& f) {
  if (f.end.line <= f.start.line) return fmt::format("{}", f.start.line);
  return fmt::format("{}-{}", f.start.line, f.end.line);
}

std::string MetaField(std::string_view name, const std::string& value, std::string_view cls = "") {
  std::string attr = cls.empty() ? "" : fmt::format(" class=\"{}\"", cls);
  return fmt::format("<div><dt>{}</dt><dd{}>{}</dd></div>", name, attr, Escape(value));
}

std::string RenderItem(const ReviewItem& item, size_t index) {
  const Finding& f = item.finding;
  std::string confidence = ConfidenceKey(item);
  std::string out = fmt::format("<li class=\"item\" id=\"item-{}\"", index);
  for (const Group& group : kGroups) {
    out += fmt::format(" data-{}=\"{}\"", group.name, Escape(group.key(item)));
  }
  out += ">\n";
  out += fmt::format("<h2 class=\"loc\">{}:{}</h2>\n", Escape(f.path), Lines(f));
  out += "<dl class=\"meta\">" + MetaField("owner", OwnerKey(item)) + MetaField("rule", f.rule) +
         MetaField("pack", f.pack) + MetaField("confidence", confidence, "conf-" + confidence) +
         MetaField("severity", std::string(SeverityName(f.severity))) + "</dl>\n";
  out += "<p class=\"message\">" + Escape(f.message) + "</p>\n";
  if (!f.review.empty()) {
    out += "<p class=\"reason\"><strong>Why review:</strong> " + Escape(f.review) + "</p>\n";
  }
  CommentStyle style = CommentStyleOf(f.path);
  if (!item.diff.empty()) {
    out += RenderDiff(item.diff, style);
  } else {
    if (!f.matched.empty()) {
      out += "<pre class=\"code\"><code>" + ColourCode(f.matched, style) + "</code></pre>\n";
    }
    out += "<p class=\"nofix\">No suggested change: this one is fixed by hand.</p>\n";
  }
  return out + "</li>\n";
}

std::string RenderRun(const RunReport& report) {
  std::string out = "<dl class=\"run\">\n";
  auto field = [&out](std::string_view name, const std::string& html) {
    out += fmt::format("<dt>{}</dt><dd>{}</dd>\n", name, html);
  };
  field("Run", "<code>" + Escape(report.id) + "</code>");
  std::string base = "<code>" + Escape(report.base) + "</code>";
  if (!report.base_ref.empty()) base += " (" + Escape(report.base_ref) + ")";
  field("Base", base);
  field("Repository", Escape(report.repo));
  if (report.time != 0) {
    field("Started", fmt::format("{:%Y-%m-%d %H:%M:%S} UTC",
                                 fmt::gmtime(static_cast<std::time_t>(report.time))));
  }
  std::string packs;
  for (const auto& [name, hash] : report.packs) packs += (packs.empty() ? "" : ", ") + Escape(name);
  if (!packs.empty()) field("Packs", packs);
  return out + "</dl>\n";
}

std::string RenderCounts(const std::vector<ReviewItem>& items) {
  std::string out = "<section id=\"counts\">\n<div class=\"groups\">\n";
  for (const Group& group : kGroups) {
    out += fmt::format("<table class=\"group\" id=\"count-{}\"><caption>{}</caption><tbody>\n",
                       group.name, group.title);
    for (const auto& [value, count] : CountBy(items, group)) {
      std::string v = Escape(value);
      out += fmt::format(
          "<tr><td><button type=\"button\" data-filter=\"{}\" data-value=\"{}\">{}</button></td>"
          "<td class=\"n\">{}</td></tr>\n",
          group.name, v, v, count);
    }
    out += "</tbody></table>\n";
  }
  return out + "</div>\n</section>\n";
}

std::string RenderFilters(const std::vector<ReviewItem>& items) {
  std::string out = "<form id=\"filters\">\n";
  for (const Group& group : kGroups) {
    out += fmt::format("<label>{} <select id=\"filter-{}\" name=\"{}\">", group.title, group.name,
                       group.name);
    out += fmt::format("<option value=\"\">all ({})</option>", items.size());
    for (const auto& [value, count] : CountBy(items, group)) {
      std::string v = Escape(value);
      out += fmt::format("<option value=\"{}\">{} ({})</option>", v, v, count);
    }
    out += "</select></label>\n";
  }
  return out + "<button type=\"button\" id=\"reset\">Show all</button>\n</form>\n";
}

}  // namespace

std::string RenderReviewQueueHtml(const RunReport& report) {
  const std::vector<ReviewItem>& items = report.review_items;
  std::string out =
      "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
      "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; "
      "style-src 'unsafe-inline'; script-src 'unsafe-inline'\">\n"
      "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n";
  out += "<title>Review queue: " + Escape(report.id) + "</title>\n";
  out += "<style>" + std::string(kStyle) + "</style>\n</head>\n<body>\n";
  out += "<header>\n<h1>Review queue</h1>\n" + RenderRun(report) + "</header>\n";
  out += RenderCounts(items) + RenderFilters(items);
  out += fmt::format("<p id=\"shown-count\" aria-live=\"polite\">{} of {} items shown</p>\n",
                     items.size(), items.size());
  out += "<ol id=\"items\">\n";
  for (size_t i = 0; i < items.size(); ++i) out += RenderItem(items[i], i + 1);
  out += "</ol>\n";
  if (items.empty()) out += "<p class=\"empty\">No review items: nothing needs a human.</p>\n";
  out += "<script>" + std::string(kScript) + "</script>\n</body>\n</html>\n";
  return out;
}

}  // namespace uprev
