#include "engine/analyzer.h"

#include <algorithm>
#include <cctype>
#include <optional>

#include <fmt/format.h>

#include "core/api_map.h"
#include "grammars/syntax_tree.h"
#include "rewriters/api_call.h"
#include "rewriters/fix_template.h"
#include "rewriters/qualified_names.h"

namespace uprev {
namespace {

bool IsWordChar(char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '_'; }

bool ContainsIdentifier(std::string_view text, std::string_view name) {
  auto word = IsWordChar;
  for (size_t at = text.find(name); at != std::string_view::npos; at = text.find(name, at + 1)) {
    size_t end = at + name.size();
    bool left = at == 0 || (!word(text[at - 1]) && text[at - 1] != '.');
    if (left && (end == text.size() || !word(text[end]))) return true;
  }
  return false;
}

// An api-map move of a name the file from-imports from v1 (`from orders.v1
// import get_order`, then `get_order(7)`): `templ`, which starts with the
// v2 name in full, starts with its last part instead, and the import to
// add (`orders.v2:fetch_order`) is returned. Nothing when the file names
// the v1 symbol otherwise, or already uses the v2 name for something else.
std::optional<std::string> FromImportV2(const ApiSymbol& symbol, std::string_view matched,
                                        std::string_view text,
                                        const std::vector<ImportBinding>& imports,
                                        std::string* templ) {
  size_t end = 0;
  while (end < matched.size() && IsWordChar(matched[end])) ++end;
  std::string_view written = matched.substr(0, end);
  if (written.empty() || (end < matched.size() && matched[end] != '(')) return std::nullopt;
  std::string v1_module = symbol.v1_name.substr(0, symbol.v1_name.size() - symbol.name.size() - 1);
  size_t dot = symbol.v2_name.rfind('.');
  std::string v2_module = symbol.v2_name.substr(0, dot);
  std::string v2_local = symbol.v2_name.substr(dot + 1);
  auto bound = [&](std::string_view name, const std::string& module) {
    return std::any_of(imports.begin(), imports.end(), [&](const ImportBinding& b) {
      return b.name == name && b.from == module;
    });
  };
  if (!bound(written, v1_module)) return std::nullopt;
  if (ContainsIdentifier(text, v2_local) && !bound(v2_local, v2_module)) return std::nullopt;
  const std::string& full = symbol.v2_name;
  if (templ->compare(0, full.size(), full) != 0 ||
      (templ->size() > full.size() && (IsWordChar((*templ)[full.size()]) || (*templ)[full.size()] == '.'))) {
    return std::nullopt;
  }
  *templ = v2_local + templ->substr(full.size());
  return v2_module + ":" + v2_local;
}

Finding MakeFinding(const Rule& rule, const Match& match, const SourceFile& file,
                    const std::vector<ImportBinding>& imports) {
  Finding f = FindingAt(rule, file, match.range);
  std::string templ = rule.fix.value_or("");
  ApiCallRewrite call;
  if (rule.api_call && rule.api_call->has_params) {
    call = MapPythonCall(*rule.api_call, f.matched);
    if (!call.review.empty()) {
      // Not moved: the call keeps working through the shim, and a human
      // decides. No fix is offered.
      f.confidence = Confidence::kReview;
      f.review = call.review + "; it keeps working through the shim (`uprev shim`)" +
                 (f.review.empty() ? "" : "; " + f.review);
      return f;
    }
    templ = call.templ;
  }
  if (rule.fix) {
    Fix fix{"", rule.imports};
    const std::string& language = file.language();
    if (language == "python" || language == "go" || language == "javascript" ||
        language == "typescript" || language == "tsx") {
      // Qualified names in the fix, written the way this file refers to them.
      // Module entries (`numpy`, `io`) are added only where a name needs them;
      // `M:name` and path entries (`io/ioutil`) always.
      std::vector<std::string> modules, explicit_entries;
      for (const std::string& entry : rule.imports.add) {
        bool module = entry.find_first_of(":/") == std::string::npos;
        (module ? modules : explicit_entries).push_back(entry);
      }
      if (rule.api_call) {
        std::optional<std::string> entry = FromImportV2(*rule.api_call, f.matched, file.text(),
                                                        imports, &templ);
        if (entry) {
          // The v2 module itself is imported only if the rest still names it.
          std::string module = entry->substr(0, entry->find(':'));
          if (templ.find(module + ".") == std::string::npos) {
            modules.erase(std::remove(modules.begin(), modules.end(), module), modules.end());
          }
          explicit_entries.push_back(std::move(*entry));
        }
      }
      fix.imports.add = explicit_entries;
      WrittenNames names = WriteQualifiedNames(templ, imports, modules);
      fix.replacement = rule.api_call && rule.api_call->has_params
                            ? RenderFixWithTexts(names.text, call.values)
                            : RenderFix(names.text, match, file);
      for (std::string& entry : names.imports) {
        if (std::find(fix.imports.add.begin(), fix.imports.add.end(), entry) == fix.imports.add.end()) {
          fix.imports.add.push_back(std::move(entry));
        }
      }
      // A from-imported name the match used goes when the fix leaves it unused.
      for (const ImportBinding& b : imports) {
        if (!b.from.empty() && ContainsIdentifier(f.matched, b.name)) {
          fix.imports.remove.push_back(b.from + ":" + b.name);
        }
      }
    } else {
      fix.replacement = RenderFix(*rule.fix, match, file);
    }
    f.fix = std::move(fix);
  }
  return f;
}

// A `config:` rule's finding points at `at`; its fix replaces the span from
// the first to the last edited byte. Edits left undone make it a review item.
Finding MakeConfigFinding(const Rule& rule, const ConfigMatch& match, const SourceFile& file) {
  Finding f = FindingAt(rule, file, match.replacement ? match.span : match.at);
  f.start = file.PositionAt(match.at.begin);
  f.end = file.PositionAt(match.at.end);
  if (match.replacement) f.fix = Fix{*match.replacement, {}};
  if (!match.review.empty() && f.confidence != Confidence::kManual) {
    f.confidence = Confidence::kReview;
    f.review = f.review.empty() ? match.review : f.review + "; " + match.review;
  }
  return f;
}

// A config fix spans its rule's first to last edit in a document, so two
// rules' fixes there can overlap in part, which the fixer would count as a
// conflict in every pass. Widening such a span over the other fix (the bytes
// in between are copied unchanged) nests them instead: the outer is applied
// and the inner found again on its result in the next pass. `matched` stays
// the rule's own span, so fingerprints do not depend on other findings.
void NestConfigFixes(const SourceFile& file, const std::vector<bool>& is_config,
                     std::vector<Finding>* findings) {
  for (bool widened = true; widened;) {
    widened = false;
    for (size_t c = 0; c < findings->size(); ++c) {
      Finding& config = (*findings)[c];
      if (!is_config[c] || !config.fix) continue;
      for (size_t o = 0; o < findings->size(); ++o) {
        const Finding& other = (*findings)[o];
        if (o == c || !other.fix || !config.range.Overlaps(other.range) ||
            config.range.Contains(other.range) || other.range.Contains(config.range)) {
          continue;
        }
        ByteRange wide{std::min(config.range.begin, other.range.begin),
                       std::max(config.range.end, other.range.end)};
        config.fix->replacement =
            std::string(file.Slice(ByteRange{wide.begin, config.range.begin})) +
            config.fix->replacement + std::string(file.Slice(ByteRange{config.range.end, wide.end}));
        config.range = wide;
        widened = true;
      }
    }
  }
}

// The line that marks `text` as generated (`// Code generated by protoc.
// DO NOT EDIT.`, `@generated`, uprev's own shims), in the first 20 lines;
// empty when there is none.
std::string GeneratedMarker(std::string_view text) {
  std::string previous;
  size_t pos = 0;
  for (int line = 0; line < 20 && pos < text.size(); ++line) {
    size_t eol = text.find('\n', pos);
    if (eol == std::string_view::npos) eol = text.size();
    std::string_view raw = text.substr(pos, eol - pos);
    pos = eol + 1;
    std::string lower(raw);
    std::transform(lower.begin(), lower.end(), lower.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    bool generated = lower.find("generated") != std::string::npos;
    if (lower.find("@generated") != std::string::npos ||
        (lower.find("do not edit") != std::string::npos &&
         (generated || previous.find("generated") != std::string::npos))) {
      size_t begin = raw.find_first_not_of(" \t");
      return std::string(raw.substr(begin == std::string_view::npos ? 0 : begin));
    }
    previous = std::move(lower);
  }
  return "";
}

// A fix in a generated file is lost when the file is made again: a human
// changes what generates it, or takes the fix knowingly.
void DemoteInGeneratedFile(const SourceFile& file, std::vector<Finding>* findings) {
  std::string marker;
  bool looked = false;
  for (Finding& f : *findings) {
    if (!f.fix || f.confidence != Confidence::kSafe) continue;
    if (!looked) {
      marker = GeneratedMarker(file.text());
      looked = true;
    }
    if (marker.empty()) return;
    f.confidence = Confidence::kReview;
    f.review = fmt::format("the file is generated ({}); a fix here is lost when it is made again, "
                           "so change what generates it", marker);
  }
}

// A suppression counts only in a comment, not in a string or code.
void KeepThoseInComments(const SyntaxTree& tree, std::vector<Suppression>* suppressions) {
  auto not_in_comment = [&](const Suppression& s) {
    TSNode node = ts_node_descendant_for_byte_range(tree.root(), s.offset, s.offset + 1);
    return std::string_view(ts_node_type(node)).find("comment") == std::string_view::npos;
  };
  suppressions->erase(std::remove_if(suppressions->begin(), suppressions->end(), not_in_comment),
                      suppressions->end());
}

}  // namespace

Finding FindingAt(const Rule& rule, const SourceFile& file, ByteRange range) {
  Finding f;
  f.rule = rule.id;
  f.pack = rule.pack;
  f.severity = rule.severity;
  f.confidence = rule.confidence;
  f.message = rule.message;
  f.review = rule.review;
  f.path = file.path();
  f.range = range;
  f.start = file.PositionAt(range.begin);
  f.end = file.PositionAt(range.end);
  f.matched = std::string(file.Slice(range));
  return f;
}

Analysis AnalyzeFile(const RuleSet& rules, const SourceFile& file,
                     const std::vector<Finding>* extra) {
  Analysis analysis;
  const Language* language = FindLanguage(file.language());
  if (!language) return analysis;
  bool has_suppressions = file.text().find("uprev-ignore") != std::string::npos;
  std::vector<int> active = rules.ActiveRules(*language, file.text());
  if (extra) {
    // Only the findings of rules in this set (a run fixes pack by pack).
    for (const Finding& f : *extra) {
      if (std::any_of(rules.rules().begin(), rules.rules().end(),
                      [&](const Rule* r) { return r->id == f.rule && r->pack == f.pack; })) {
        analysis.findings.push_back(f);
      }
    }
  }
  if (active.empty() && !has_suppressions) {
    DemoteInGeneratedFile(file, &analysis.findings);
    return analysis;
  }
  SyntaxTree tree = SyntaxTree::Parse(*language, file.text());
  analysis.parsed = true;
  if (has_suppressions) {
    analysis.suppressions = FindSuppressions(file);
    KeepThoseInComments(tree, &analysis.suppressions);
  }
  std::vector<ImportBinding> imports;
  if (!active.empty()) {
    for (const Match& match : rules.FindMatches(tree, active, &imports)) {
      analysis.findings.push_back(MakeFinding(*rules.rules()[match.rule], match, file, imports));
    }
    std::vector<bool> is_config(analysis.findings.size(), false);
    for (const RuleSet::ConfigRuleMatch& m : rules.FindConfigMatches(tree, active)) {
      analysis.findings.push_back(MakeConfigFinding(*rules.rules()[m.rule], m.match, file));
      is_config.push_back(true);
    }
    NestConfigFixes(file, is_config, &analysis.findings);
  }
  ApplySuppressions(&analysis.suppressions, &analysis.findings);
  DemoteInGeneratedFile(file, &analysis.findings);
  std::sort(analysis.findings.begin(), analysis.findings.end(), FindingLess);
  return analysis;
}

std::vector<Finding> UnusedSuppressionFindings(const RuleSet& rules, const SourceFile& file,
                                               const Analysis& analysis) {
  std::vector<Finding> out;
  for (const Suppression& s : analysis.suppressions) {
    if (s.used) continue;
    bool known = s.rules.empty() ||
                 std::any_of(s.rules.begin(), s.rules.end(), [&](const std::string& id) {
                   return std::any_of(rules.rules().begin(), rules.rules().end(),
                                      [&](const Rule* r) { return r->id == id; });
                 });
    if (!known) continue;
    Finding f;
    f.rule = std::string(kUnusedSuppressionRule);
    f.pack = "uprev";
    f.severity = Severity::kInfo;
    f.confidence = Confidence::kManual;
    f.message = "this uprev-ignore comment suppresses no finding; remove it";
    f.path = file.path();
    f.start = Position{s.line, s.col};
    f.end = Position{s.line, s.col + 12};
    uint32_t begin = file.LineStart(s.line) + s.col - 1;
    f.range = ByteRange{begin, begin + 12};
    f.matched = "uprev-ignore";
    out.push_back(std::move(f));
  }
  return out;
}

}  // namespace uprev
