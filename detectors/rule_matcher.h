// CompiledMatcher: a rule's matching conditions for one language, and the
// function that decides whether they hold at a syntax node. Internal to
// detectors/.
#ifndef UPREV_DETECTORS_RULE_MATCHER_H_
#define UPREV_DETECTORS_RULE_MATCHER_H_

#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "detectors/pattern.h"
#include "detectors/rule.h"

namespace uprev {

struct Condition {
  enum class Op { kPattern, kNot, kInside, kNotInside, kHas, kAny };
  Op op = Op::kPattern;
  std::shared_ptr<const Pattern> pattern;  // all but kAny
  std::vector<Condition> alternatives;     // kAny: each a kPattern
};

struct QueryDeleter {
  void operator()(TSQuery* query) const { ts_query_delete(query); }
};

struct CompiledMatcher {
  const Language* language = nullptr;
  // conditions[0] is the primary: kPattern or kAny of kPatterns.
  std::vector<Condition> conditions;

  // `query:` rules. The rule's own language compiles its query when the
  // pack loads (errors are reported then); the other languages it runs on
  // (TypeScript, TSX for a javascript rule) compile it on first use, since
  // compiling queries for those large grammars is most of a run's start-up.
  bool is_query = false;
  std::string query_text;
  // The compiled query, or null when it does not compile for `language`.
  const TSQuery* Query() const;
  uint32_t MatchCapture() const {
    Query();
    return match_capture;
  }
  void SetQuery(TSQuery* compiled);

 private:
  mutable std::once_flag once_;
  mutable std::unique_ptr<TSQuery, QueryDeleter> query_;
  mutable uint32_t match_capture = 0;  // the reported capture
};

// Whether every condition after the primary holds at `node`, the primary
// having matched with `*bindings`; bindings of `inside` and `has` are added.
bool CheckConditions(const CompiledMatcher& matcher, TSNode node,
                     const MatchContext& ctx, std::vector<NodeBinding>* bindings);

// Whether the `where` constraints hold for `bindings`.
bool CheckConstraints(const Rule& rule, const std::vector<NodeBinding>& bindings,
                      const MatchContext& ctx);

}  // namespace uprev

#endif  // UPREV_DETECTORS_RULE_MATCHER_H_
