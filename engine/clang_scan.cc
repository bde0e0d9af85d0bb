#include "engine/clang_scan.h"

#include <algorithm>
#include <cctype>
#include <deque>
#include <map>
#include <regex>
#include <set>
#include <tuple>

#include <fmt/format.h>

#include "detectors/clang/ast_matcher.h"
#include "engine/analyzer.h"
#include "engine/batch.h"
#include "grammars/clang/compilation_database.h"
#include "grammars/language.h"
#include "rewriters/api_call.h"
#include "rewriters/fix_template.h"

namespace uprev {
namespace {

bool IsCFamily(const std::string& path) {
  const Language* language = LanguageForPath(path);
  return language && (language->name == "c" || language->name == "cpp");
}

// Headers are reached through the units that include them; a source file
// without a command is worth a note.
bool IsHeader(const std::string& path) {
  size_t dot = path.find_last_of('.');
  if (dot == std::string::npos) return true;
  static const std::set<std::string> kHeaders = {".h", ".hh", ".hpp", ".hxx", ".h++",
                                                 ".ipp", ".inl", ".tcc"};
  return kHeaders.count(path.substr(dot)) > 0;
}

const AstBinding* FindBinding(const AstMatch& match, const std::string& name) {
  for (const AstBinding& b : match.bindings) {
    if (b.name == name) return &b;
  }
  return nullptr;
}

bool Holds(const MetavarConstraint& c, const AstBinding& b) {
  if (c.regex && !std::regex_search(b.text, *c.regex)) return false;
  if (c.not_regex && std::regex_search(b.text, *c.not_regex)) return false;
  if (!c.in.empty() && std::find(c.in.begin(), c.in.end(), b.text) == c.in.end()) return false;
  if (!c.kinds.empty() && std::find(c.kinds.begin(), c.kinds.end(), b.kind) == c.kinds.end()) {
    return false;
  }
  return true;
}

// Whether `replacement` starts with a qualified name (`geo::v2::Box`) and
// the text before `range` ends with a qualifier (`Outer::`): Clang gives
// a name inside a nested-name-specifier without what qualifies it.
bool QualifiedTwice(std::string_view text, ByteRange range, std::string_view replacement) {
  size_t word = 0;
  while (word < replacement.size() &&
         (std::isalnum(static_cast<unsigned char>(replacement[word])) || replacement[word] == '_')) {
    ++word;
  }
  if (word == 0 || replacement.substr(word, 2) != "::") return false;
  size_t at = range.begin;
  while (at > 0 && std::isspace(static_cast<unsigned char>(text[at - 1]))) --at;
  return at >= 2 && text.substr(at - 2, 2) == "::";
}

// The finding of `rule` for `match` in `file`, or nullopt when a `where`
// constraint rules it out.
std::optional<Finding> MakeAstFinding(const Rule& rule, const AstMatch& match,
                                      const SourceFile& file) {
  for (const MetavarConstraint& c : rule.where) {
    const AstBinding* b = FindBinding(match, c.name);
    if (!b || !Holds(c, *b)) return std::nullopt;
  }
  if (match.range.end > file.text().size() || match.range.begin > match.range.end) {
    return std::nullopt;
  }
  Finding f = FindingAt(rule, file, match.range);
  if (rule.api_call && rule.api_call->has_params && match.editable) {
    // Arguments bound by parameter name; a default argument has no text.
    std::vector<std::optional<std::string>> arguments(rule.api_call->params.size());
    for (size_t i = 0; i < arguments.size(); ++i) {
      const AstBinding* b = FindBinding(match, rule.api_call->params[i].name);
      if (b && b->kind != "CXXDefaultArgExpr") arguments[i] = b->text;
    }
    const AstBinding* callee = FindBinding(match, kCalleeBinding);
    std::string overload =
        callee ? CppOverloadMismatch(*rule.api_call, callee->text) : "the callee is not known";
    ApiCallRewrite call = overload.empty() ? MapCppCall(*rule.api_call, arguments)
                                           : ApiCallRewrite{"", {}, overload};
    if (call.review.empty()) {
      f.fix = Fix{RenderFixWithTexts(call.templ, call.values), rule.imports};
    } else {
      f.confidence = Confidence::kReview;
      f.review = call.review + "; it keeps working through the shim (`uprev shim`)";
    }
  } else if (rule.fix && match.editable) {
    std::vector<std::pair<std::string, std::string>> texts;
    for (const AstBinding& b : match.bindings) texts.emplace_back(b.name, b.text);
    f.fix = Fix{RenderFixWithTexts(*rule.fix, texts), rule.imports};
  }
  if (f.fix && QualifiedTwice(file.text(), match.range, f.fix->replacement)) {
    f.fix.reset();
    f.confidence = Confidence::kReview;
    f.review = "the name follows a qualifier that the match does not cover (`X::Name`); the "
               "qualified replacement would be qualified twice, so no fix is offered";
    return f;
  }
  if (!match.editable && f.confidence != Confidence::kManual) {
    f.confidence = Confidence::kReview;  // a human edits the macro, or not
    f.review = match.macro + "; no fix is offered";
  } else if (!match.macro.empty() && f.confidence == Confidence::kSafe) {
    f.confidence = Confidence::kReview;
    f.review = match.macro;
  } else if (!match.macro.empty() && f.confidence == Confidence::kReview) {
    f.review = match.macro + "; " + f.review;
  }
  return f;
}

// `#include "x.h"` and `#include <x.h>` spellings in `text`.
std::vector<std::string> IncludesOf(std::string_view text) {
  std::vector<std::string> out;
  size_t pos = 0;
  while (pos < text.size()) {
    size_t eol = text.find('\n', pos);
    if (eol == std::string_view::npos) eol = text.size();
    std::string_view line = text.substr(pos, eol - pos);
    pos = eol + 1;
    size_t i = line.find_first_not_of(" \t");
    if (i == std::string_view::npos || line[i] != '#') continue;
    i = line.find_first_not_of(" \t", i + 1);
    if (i == std::string_view::npos || line.compare(i, 7, "include") != 0) continue;
    i = line.find_first_of("\"<", i + 7);
    if (i == std::string_view::npos) continue;
    size_t close = line.find(line[i] == '"' ? '"' : '>', i + 1);
    if (close != std::string_view::npos) out.emplace_back(line.substr(i + 1, close - i - 1));
  }
  return out;
}

// Which rules each unit can need: a rule runs on a unit when the unit's text,
// or a selected header it includes (directly or not), contains one of the
// rule's triggers. Headers are found by path suffix, as an include path would.
class TriggerIndex {
 public:
  TriggerIndex(const RuleSet& rules, const std::vector<int>& clang_rules,
               const std::vector<std::string>& paths, const std::vector<std::string>& texts)
      : rules_(rules), clang_rules_(clang_rules), paths_(paths) {
    words_.resize(paths.size());
    includes_.resize(paths.size());
    for (size_t i = 0; i < paths.size(); ++i) {
      for (size_t k = 0; k < clang_rules.size(); ++k) {
        const Rule& rule = *rules.rules()[clang_rules[k]];
        bool hit = std::any_of(rule.triggers.begin(), rule.triggers.end(),
                               [&](const std::string& w) { return TextContainsWord(texts[i], w); });
        if (hit) words_[i].insert(k);
      }
      includes_[i] = IncludesOf(texts[i]);
      std::string name = paths[i].substr(paths[i].find_last_of('/') + 1);
      by_name_[name].push_back(i);
    }
  }

  // The matchers unit `i` needs, as indexes into the rule set.
  std::vector<int> RulesFor(size_t unit) const {
    std::set<size_t> hit;
    std::set<size_t> seen = {unit};
    std::deque<size_t> queue = {unit};
    while (!queue.empty()) {
      size_t i = queue.front();
      queue.pop_front();
      hit.insert(words_[i].begin(), words_[i].end());
      for (const std::string& spelled : includes_[i]) {
        std::string name = spelled.substr(spelled.find_last_of('/') + 1);
        auto it = by_name_.find(name);
        if (it == by_name_.end()) continue;
        for (size_t h : it->second) {
          const std::string& p = paths_[h];
          bool suffix = p == spelled || (p.size() > spelled.size() &&
                                         p.compare(p.size() - spelled.size(), spelled.size(), spelled) == 0 &&
                                         p[p.size() - spelled.size() - 1] == '/');
          if (suffix && seen.insert(h).second) queue.push_back(h);
        }
      }
    }
    std::vector<int> out;
    for (size_t k = 0; k < clang_rules_.size(); ++k) {
      if (rules_.rules()[clang_rules_[k]]->triggers.empty() || hit.count(k)) {
        out.push_back(clang_rules_[k]);
      }
    }
    return out;
  }

 private:
  const RuleSet& rules_;
  const std::vector<int>& clang_rules_;
  const std::vector<std::string>& paths_;
  std::vector<std::set<size_t>> words_;
  std::vector<std::vector<std::string>> includes_;
  std::map<std::string, std::vector<size_t>> by_name_;
};

// Turns matches into findings, once per place however many units found it.
class FindingMerger {
 public:
  void Add(Finding f) {
    auto key = std::make_tuple(f.path, f.range.begin, f.range.end, f.rule);
    auto [it, inserted] = index_.emplace(key, findings_.size());
    if (inserted) {
      findings_.push_back(std::move(f));
      return;
    }
    Finding& held = findings_[it->second];
    std::string a = held.fix ? held.fix->replacement : "", b = f.fix ? f.fix->replacement : "";
    if (a != b && held.confidence == Confidence::kSafe) {
      held.confidence = Confidence::kReview;
      held.review = fmt::format("translation units disagree on this fix ('{}' and '{}'): the "
                                "code means different things under different flags or "
                                "template arguments", a, b);
    } else if (f.confidence == Confidence::kReview && held.confidence == Confidence::kSafe) {
      held = std::move(f);  // one unit sees a macro the other does not
    }
  }
  std::vector<Finding>& findings() { return findings_; }

 private:
  std::map<std::tuple<std::string, uint32_t, uint32_t, std::string>, size_t> index_;
  std::vector<Finding> findings_;
};

}  // namespace

ClangScan ScanTranslationUnits(const RuleSet& rules, const FileSystem& fs,
                               const std::vector<std::string>& paths,
                               const ClangScanOptions& options) {
  ClangScan scan;
  std::vector<int> clang_rules = rules.AstMatcherRules();
  std::vector<std::string> files;
  for (const std::string& p : paths) {
    if (IsCFamily(p)) files.push_back(p);
  }
  if (clang_rules.empty() || files.empty()) return scan;
  std::optional<CompilationDatabase> loaded;
  const CompilationDatabase* db = options.database;
  if (!db) {
    std::optional<std::string> dir = options.database_dir.empty()
                                         ? CompilationDatabase::Find(options.root)
                                         : std::optional<std::string>(options.database_dir);
    if (!dir) {
      scan.notes.push_back(fmt::format(
          "{}: note: no compile_commands.json here or in build/ (give one with -p DIR): {} Clang "
          "matcher rule(s) skipped for {} C/C++ file(s); pattern rules still ran",
          options.root, clang_rules.size(), files.size()));
      return scan;
    }
    Result<CompilationDatabase> read = CompilationDatabase::Load(*dir);
    if (!read.ok()) {
      scan.notes.push_back(read.status().message() + "; Clang matcher rules skipped");
      return scan;
    }
    loaded = std::move(*read);
    db = &*loaded;
  }
  auto on_disk = [&](const std::string& path) {
    return options.tree_root.empty() ? path : options.tree_root + "/" + path;
  };
  std::vector<std::string> texts(files.size());
  std::map<std::string, size_t> by_real_path;
  std::vector<size_t> units;
  for (size_t i = 0; i < files.size(); ++i) {
    Result<std::string> text = fs.ReadFile(files[i]);
    if (text.ok()) texts[i] = std::move(*text);
    by_real_path.emplace(RealPath(on_disk(files[i])), i);
    if (db->For(on_disk(files[i]))) {
      units.push_back(i);
    } else if (!IsHeader(files[i])) {
      scan.skipped.push_back(SkippedFile{files[i], "not in " + db->path() +
                                                       "; Clang matcher rules not run"});
    }
  }
  scan.units = units.size();
  FileOverlay overlay;
  for (const auto& [path, text] : options.overlay) overlay.emplace(RealPath(on_disk(path)), text);
  TriggerIndex triggers(rules, clang_rules, files, texts);
  std::vector<UnitMatches> results(units.size());
  std::vector<std::vector<int>> unit_rules(units.size());
  for (size_t u = 0; u < units.size(); ++u) unit_rules[u] = triggers.RulesFor(units[u]);
  ParallelFor(units.size(), options.jobs, [&](size_t u) {
    if (unit_rules[u].empty()) return;
    std::vector<const AstMatcher*> matchers;
    for (int r : unit_rules[u]) matchers.push_back(rules.rules()[r]->ast_matcher.get());
    results[u] = MatchTranslationUnit(*db->For(on_disk(files[units[u]])), matchers, overlay);
  });
  std::map<size_t, SourceFile> sources;
  FindingMerger merger;
  for (size_t u = 0; u < units.size(); ++u) {
    if (unit_rules[u].empty()) continue;
    ++scan.parsed;
    if (!results[u].errors.empty()) {
      std::string first = results[u].errors.substr(0, results[u].errors.find('\n'));
      scan.skipped.push_back(SkippedFile{
          files[units[u]], "does not compile, Clang matcher rules not run: " + first});
      continue;
    }
    for (const AstMatch& m : results[u].matches) {
      auto at = by_real_path.find(m.file);
      if (m.in_system_header || at == by_real_path.end()) continue;
      size_t i = at->second;
      auto source = sources.find(i);
      if (source == sources.end()) {
        source = sources.emplace(i, SourceFile(files[i], texts[i],
                                               std::string(LanguageForPath(files[i])->name)))
                     .first;
      }
      const Rule& rule = *rules.rules()[unit_rules[u][m.matcher]];
      if (std::optional<Finding> f = MakeAstFinding(rule, m, source->second)) {
        merger.Add(std::move(*f));
      }
    }
  }
  for (Finding& f : merger.findings()) scan.by_path[f.path].push_back(std::move(f));
  for (auto& [path, list] : scan.by_path) std::sort(list.begin(), list.end(), FindingLess);
  return scan;
}

Result<std::vector<Finding>> ScanSourceWithClang(const RuleSet& rules, const SourceFile& file) {
  std::vector<int> clang_rules = rules.AstMatcherRules();
  std::vector<Finding> out;
  if (clang_rules.empty()) return out;
  bool c = file.language() == "c";
  std::string name = file.path().substr(file.path().find_last_of('/') + 1);
  // The directory must exist (Clang changes into it); the file need not.
  CompileCommand command{"/", "/uprev-rule-test/" + name,
                         {c ? "clang" : "clang++", c ? "-std=c11" : "-std=c++14",
                          "-fsyntax-only", "/uprev-rule-test/" + name}};
  std::vector<const AstMatcher*> matchers;
  for (int r : clang_rules) matchers.push_back(rules.rules()[r]->ast_matcher.get());
  // A case declares what it uses itself; a project header it includes
  // (`#include "geo/v2.h"`, often one a fix added) is empty.
  FileOverlay overlay = {{command.file, std::string(file.text())}};
  for (const std::string& header : IncludesOf(file.text())) {
    if (file.text().find("\"" + header + "\"") != std::string_view::npos) {
      overlay.emplace("/uprev-rule-test/" + header, "");
    }
  }
  UnitMatches result = MatchTranslationUnit(command, matchers, overlay);
  if (!result.errors.empty()) {
    return Status::Invalid("the code does not compile as " +
                           std::string(c ? "C11" : "C++14") + ":\n" + result.errors);
  }
  FindingMerger merger;
  for (const AstMatch& m : result.matches) {
    if (m.in_system_header || m.file != command.file) continue;
    if (std::optional<Finding> f = MakeAstFinding(*rules.rules()[clang_rules[m.matcher]], m, file)) {
      merger.Add(std::move(*f));
    }
  }
  out = std::move(merger.findings());
  std::sort(out.begin(), out.end(), FindingLess);
  return out;
}

}  // namespace uprev
