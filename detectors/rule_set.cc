#include "detectors/rule_set.h"

#include <algorithm>
#include <cctype>
#include <cstring>
#include <tuple>
#include <unordered_map>

#include "detectors/symbol_resolver.h"
#include "detectors/rule_matcher.h"

namespace uprev {
namespace {

const CompiledMatcher* MatcherFor(const Rule& rule, const Language& language) {
  for (const auto& m : rule.matchers) {
    if (m->language == &language) return m.get();
  }
  return nullptr;
}

bool IsWordByte(char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '_'; }

// Whether `word` occurs in `text` not as part of a longer identifier (`imp`
// does not occur in `import`). Words that start or end with punctuation
// (`in` values such as '"punycode"') only need to occur.
bool ContainsWord(std::string_view text, std::string_view word) {
  const char* data = text.data();
  size_t size = text.size();
  size_t from = 0;
  bool check_left = IsWordByte(word.front()), check_right = IsWordByte(word.back());
  while (from + word.size() <= size) {
    const void* hit = memmem(data + from, size - from, word.data(), word.size());
    if (!hit) return false;
    size_t at = static_cast<const char*>(hit) - data;
    size_t end = at + word.size();
    bool left_ok = !check_left || at == 0 || !IsWordByte(data[at - 1]);
    bool right_ok = !check_right || end == size || !IsWordByte(data[end]);
    if (left_ok && right_ok) return true;
    from = at + 1;
  }
  return false;
}

// The node's range without comments at its edges (a TOML pair owns the
// comment after it): a fix replaces the code, not the comment.
ByteRange RangeWithoutEdgeExtras(TSNode node) {
  ByteRange range = NodeRange(node);
  uint32_t count = ts_node_child_count(node);
  uint32_t first = 0, last = count;
  while (first < count && ts_node_is_extra(ts_node_child(node, first))) ++first;
  while (last > first && ts_node_is_extra(ts_node_child(node, last - 1))) --last;
  if (first == count) return range;
  range.begin = ts_node_start_byte(ts_node_child(node, first));
  range.end = ts_node_end_byte(ts_node_child(node, last - 1));
  return range;
}

// Whether every syntax error inside `node` (an ERROR node, a token the parser
// made up) lies inside a binding. Matching skips such nodes, so one outside
// the bindings is text the fix would silently drop: `typedef int T1 UNUSED;`
// (UNUSED an unknown macro) must not become `using UNUSED = int;`.
bool ErrorsInsideBindings(TSNode node, const std::vector<NodeBinding>& bindings) {
  if (!ts_node_has_error(node)) return true;
  bool is_error = ts_node_symbol(node) == static_cast<TSSymbol>(-1) || ts_node_is_missing(node);
  if (is_error) {
    ByteRange range = NodeRange(node);
    return std::any_of(bindings.begin(), bindings.end(),
                       [&](const NodeBinding& b) { return b.range.Contains(range); });
  }
  uint32_t count = ts_node_child_count(node);
  for (uint32_t i = 0; i < count; ++i) {
    if (!ErrorsInsideBindings(ts_node_child(node, i), bindings)) return false;
  }
  return true;
}

Match MakeMatch(int rule, TSNode node, const std::vector<NodeBinding>& bindings) {
  Match match;
  match.rule = rule;
  match.range = RangeWithoutEdgeExtras(node);
  for (const NodeBinding& b : bindings) {
    match.bindings.push_back(Binding{*b.name, b.range, b.sequence});
  }
  return match;
}

struct Candidate {
  int rule;
  const CompiledMatcher* matcher;
  const Pattern* primary;
};

// Evaluates a tree-sitter query's text predicates (#eq?, #not-eq?,
// #match?, #not-match?, #any-of?) for one query match.
bool PredicatesHold(const TSQuery* query, const TSQueryMatch& m, std::string_view source) {
  uint32_t steps = 0;
  const TSQueryPredicateStep* s = ts_query_predicates_for_pattern(query, m.pattern_index, &steps);
  auto capture_text = [&](uint32_t id) -> std::optional<std::string_view> {
    for (uint16_t i = 0; i < m.capture_count; ++i) {
      if (m.captures[i].index == id) return NodeText(m.captures[i].node, source);
    }
    return std::nullopt;
  };
  auto string_value = [&](uint32_t id) {
    uint32_t len = 0;
    const char* v = ts_query_string_value_for_id(query, id, &len);
    return std::string_view(v, len);
  };
  for (uint32_t i = 0; i < steps;) {
    uint32_t end = i;
    while (end < steps && s[end].type != TSQueryPredicateStepTypeDone) ++end;
    std::string_view op = string_value(s[i].value_id);
    bool negate = op.find("not-") != std::string_view::npos;
    std::optional<std::string_view> subject =
        end > i + 1 && s[i + 1].type == TSQueryPredicateStepTypeCapture
            ? capture_text(s[i + 1].value_id)
            : std::nullopt;
    if (subject) {
      bool result = false;
      if (op == "eq?" || op == "not-eq?") {
        std::optional<std::string_view> other =
            s[i + 2].type == TSQueryPredicateStepTypeCapture ? capture_text(s[i + 2].value_id)
                                                              : string_value(s[i + 2].value_id);
        result = other && *other == *subject;
      } else if (op == "match?" || op == "not-match?") {
        std::regex re(std::string(string_value(s[i + 2].value_id)));
        result = std::regex_search(std::string(*subject), re);
      } else if (op == "any-of?" || op == "not-any-of?") {
        for (uint32_t k = i + 2; k < end; ++k) result |= string_value(s[k].value_id) == *subject;
      }
      if (result == negate) return false;
    }
    i = end + 1;
  }
  return true;
}

}  // namespace

RuleSet::RuleSet(std::vector<RulePack> packs) : packs_(std::move(packs)) {
  for (const RulePack& pack : packs_) {
    for (const Rule& rule : pack.rules) rules_.push_back(&rule);
  }
}

RuleSet RuleSet::Only(const std::vector<std::string>& ids) const {
  std::vector<RulePack> packs;
  for (const RulePack& pack : packs_) {
    RulePack copy = pack;
    copy.rules.clear();
    for (const Rule& rule : pack.rules) {
      if (std::find(ids.begin(), ids.end(), rule.id) != ids.end()) copy.rules.push_back(rule);
    }
    if (!copy.rules.empty()) packs.push_back(std::move(copy));
  }
  return RuleSet(std::move(packs));
}

bool TextContainsWord(std::string_view text, std::string_view word) {
  return !word.empty() && ContainsWord(text, word);
}

std::vector<int> RuleSet::AstMatcherRules() const {
  std::vector<int> out;
  for (size_t i = 0; i < rules_.size(); ++i) {
    if (rules_[i]->ast_matcher) out.push_back(static_cast<int>(i));
  }
  return out;
}

std::vector<int> RuleSet::ActiveRules(const Language& language, std::string_view text) const {
  std::vector<int> active;
  for (size_t i = 0; i < rules_.size(); ++i) {
    const Rule& rule = *rules_[i];
    bool applies = rule.config ? rule.language == &language : MatcherFor(rule, language) != nullptr;
    if (!applies) continue;
    bool pass = std::all_of(
        rule.prefilter.begin(), rule.prefilter.end(), [&](const std::vector<std::string>& group) {
          return std::any_of(group.begin(), group.end(),
                             [&](const std::string& w) { return ContainsWord(text, w); });
        });
    if (pass) active.push_back(static_cast<int>(i));
  }
  return active;
}

std::vector<Match> RuleSet::FindMatches(const SyntaxTree& tree, const std::vector<int>& active,
                                        std::vector<ImportBinding>* imports) const {
  const Language& language = tree.language();
  MatchContext ctx{&language, tree.text()};
  std::optional<LazySymbolResolver> symbols;
  if (HasSymbolResolver(language)) {
    symbols.emplace(language, tree.root(), tree.text());
    ctx.symbols = &*symbols;
  }
  std::unordered_map<TSSymbol, std::vector<Candidate>> by_symbol;
  std::vector<Candidate> any_symbol;
  std::vector<std::pair<int, const CompiledMatcher*>> queries;
  for (int index : active) {
    if (rules_[index]->config) continue;
    const CompiledMatcher* m = MatcherFor(*rules_[index], language);
    if (m->is_query) {
      if (m->Query()) queries.emplace_back(index, m);
      continue;
    }
    const Condition& primary = m->conditions[0];
    std::vector<const Pattern*> roots;
    if (primary.op == Condition::Op::kAny) {
      for (const Condition& alt : primary.alternatives) roots.push_back(alt.pattern.get());
    } else {
      roots.push_back(primary.pattern.get());
    }
    for (const Pattern* p : roots) {
      Candidate c{index, m, p};
      if (p->root_symbol() == Pattern::kAnySymbol) {
        any_symbol.push_back(c);
      } else {
        by_symbol[p->root_symbol()].push_back(c);
      }
    }
  }

  std::vector<Match> matches;
  std::vector<NodeBinding> bindings;
  auto try_candidate = [&](const Candidate& c, TSNode node) {
    bindings.clear();
    if (!c.primary->MatchAt(node, ctx, &bindings)) return;
    if (!CheckConditions(*c.matcher, node, ctx, &bindings)) return;
    if (!CheckConstraints(*rules_[c.rule], bindings, ctx)) return;
    if (!ErrorsInsideBindings(node, bindings)) return;
    matches.push_back(MakeMatch(c.rule, node, bindings));
  };
  if (!by_symbol.empty() || !any_symbol.empty()) {
    WalkTree(tree.root(), [&](TSNode node) {
      if (ts_node_is_extra(node)) return Walk::kDescend;
      auto it = by_symbol.find(CanonicalSymbol(language, ts_node_symbol(node)));
      if (it != by_symbol.end()) {
        for (const Candidate& c : it->second) try_candidate(c, node);
      }
      if (ts_node_is_named(node)) {
        for (const Candidate& c : any_symbol) try_candidate(c, node);
      }
      return Walk::kDescend;
    });
  }

  for (auto [index, m] : queries) {
    TSQueryCursor* qc = ts_query_cursor_new();
    const TSQuery* query = m->Query();
    ts_query_cursor_exec(qc, query, tree.root());
    TSQueryMatch qm;
    while (ts_query_cursor_next_match(qc, &qm)) {
      if (!PredicatesHold(query, qm, ctx.source)) continue;
      std::vector<std::string> names;
      names.reserve(qm.capture_count);  // NodeBinding points at these
      std::vector<NodeBinding> found;
      std::optional<TSNode> reported;
      for (uint16_t i = 0; i < qm.capture_count; ++i) {
        uint32_t len = 0;
        const char* name = ts_query_capture_name_for_id(query, qm.captures[i].index, &len);
        names.emplace_back(name, len);
        if (qm.captures[i].index == m->MatchCapture()) reported = qm.captures[i].node;
      }
      for (uint16_t i = 0; i < qm.capture_count; ++i) {
        TSNode node = qm.captures[i].node;
        found.push_back(NodeBinding{&names[i], NodeRange(node), false, node});
      }
      if (!reported || !CheckConstraints(*rules_[index], found, ctx)) continue;
      if (!ErrorsInsideBindings(*reported, found)) continue;
      Match match = MakeMatch(index, *reported, {});
      for (const NodeBinding& b : found) {
        if (!match.Find(*b.name)) match.bindings.push_back(Binding{*b.name, b.range, false});
      }
      matches.push_back(std::move(match));
    }
    ts_query_cursor_delete(qc);
  }

  // Fixes write names through the imports: only files with matches need them.
  if (imports && symbols && !matches.empty()) *imports = symbols->bindings();
  std::sort(matches.begin(), matches.end(), [](const Match& a, const Match& b) {
    return std::tie(a.range.begin, a.range.end, a.rule) < std::tie(b.range.begin, b.range.end, b.rule);
  });
  matches.erase(std::unique(matches.begin(), matches.end(),
                            [](const Match& a, const Match& b) {
                              return a.rule == b.rule && a.range == b.range;
                            }),
                matches.end());
  return matches;
}

std::vector<RuleSet::ConfigRuleMatch> RuleSet::FindConfigMatches(
    const SyntaxTree& tree, const std::vector<int>& active) const {
  std::vector<ConfigRuleMatch> out;
  std::optional<std::vector<ConfigDocument>> docs;
  for (int index : active) {
    const Rule& rule = *rules_[index];
    if (!rule.config) continue;
    if (!docs) docs = BuildConfigDocuments(tree);
    for (ConfigMatch& m : MatchConfigRule(*rule.config, *docs, tree.language())) {
      out.push_back(ConfigRuleMatch{index, std::move(m)});
    }
  }
  return out;
}

}  // namespace uprev
