#include "detectors/rule_matcher.h"

#include <algorithm>

namespace uprev {
namespace {

bool MatchesAncestor(const Pattern& pattern, TSNode node, const MatchContext& ctx,
                     std::vector<NodeBinding>* bindings) {
  for (TSNode a = ts_node_parent(node); !ts_node_is_null(a); a = ts_node_parent(a)) {
    if (pattern.MatchAt(a, ctx, bindings)) return true;
  }
  return false;
}

bool MatchesDescendant(const Pattern& pattern, TSNode node, const MatchContext& ctx,
                       std::vector<NodeBinding>* bindings) {
  bool found = false;
  WalkTree(node, [&](TSNode n) {
    if (ts_node_eq(n, node)) return Walk::kDescend;  // strict descendants only
    found = pattern.MatchAt(n, ctx, bindings);
    return found ? Walk::kStop : Walk::kDescend;
  });
  return found;
}

bool Holds(const Condition& c, TSNode node, const MatchContext& ctx,
           std::vector<NodeBinding>* bindings) {
  switch (c.op) {
    case Condition::Op::kPattern:
      return c.pattern->MatchAt(node, ctx, bindings);
    case Condition::Op::kAny:
      return std::any_of(c.alternatives.begin(), c.alternatives.end(),
                         [&](const Condition& alt) { return Holds(alt, node, ctx, bindings); });
    case Condition::Op::kNot: {
      std::vector<NodeBinding> scratch = *bindings;
      return !c.pattern->MatchAt(node, ctx, &scratch);
    }
    case Condition::Op::kInside:
      return MatchesAncestor(*c.pattern, node, ctx, bindings);
    case Condition::Op::kNotInside: {
      std::vector<NodeBinding> scratch = *bindings;
      return !MatchesAncestor(*c.pattern, node, ctx, &scratch);
    }
    case Condition::Op::kHas:
      return MatchesDescendant(*c.pattern, node, ctx, bindings);
  }
  return false;
}

uint32_t FindMatchCapture(const TSQuery* query) {
  uint32_t captures = ts_query_capture_count(query);
  for (uint32_t i = 0; i < captures; ++i) {
    uint32_t len = 0;
    const char* name = ts_query_capture_name_for_id(query, i, &len);
    if (std::string_view(name, len) == "match") return i;
  }
  return 0;
}

}  // namespace

void CompiledMatcher::SetQuery(TSQuery* compiled) {
  std::call_once(once_, [&] {
    query_.reset(compiled);
    match_capture = FindMatchCapture(compiled);
  });
}

const TSQuery* CompiledMatcher::Query() const {
  std::call_once(once_, [&] {
    uint32_t offset = 0;
    TSQueryError error = TSQueryErrorNone;
    query_.reset(ts_query_new(language->grammar(), query_text.data(),
                              static_cast<uint32_t>(query_text.size()), &offset, &error));
    if (query_) match_capture = FindMatchCapture(query_.get());
  });
  return query_.get();
}

bool CheckConditions(const CompiledMatcher& matcher, TSNode node, const MatchContext& ctx,
                     std::vector<NodeBinding>* bindings) {
  for (size_t i = 1; i < matcher.conditions.size(); ++i) {
    if (!Holds(matcher.conditions[i], node, ctx, bindings)) return false;
  }
  return true;
}

bool CheckConstraints(const Rule& rule, const std::vector<NodeBinding>& bindings,
                      const MatchContext& ctx) {
  for (const MetavarConstraint& c : rule.where) {
    auto it = std::find_if(bindings.begin(), bindings.end(),
                           [&](const NodeBinding& b) { return *b.name == c.name; });
    if (it == bindings.end()) return false;
    std::string text(ctx.source.substr(it->range.begin, it->range.size()));
    if (c.regex && !std::regex_search(text, *c.regex)) return false;
    if (c.not_regex && std::regex_search(text, *c.not_regex)) return false;
    if (!c.in.empty() && std::find(c.in.begin(), c.in.end(), text) == c.in.end()) return false;
    if (!c.kinds.empty()) {
      if (it->sequence) return false;
      std::string_view kind = ts_node_type(it->node);
      if (std::find(c.kinds.begin(), c.kinds.end(), kind) == c.kinds.end()) return false;
    }
  }
  return true;
}

}  // namespace uprev
