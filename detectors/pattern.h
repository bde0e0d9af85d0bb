// Pattern: a code snippet with metavariables, compiled against one grammar
// into a tree that is matched node by node against a file's syntax tree.
#ifndef UPREV_DETECTORS_PATTERN_H_
#define UPREV_DETECTORS_PATTERN_H_

#include <memory>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "core/status.h"
#include "grammars/syntax_tree.h"

namespace uprev {

// One metavariable binding made while matching.
struct NodeBinding {
  const std::string* name;
  ByteRange range;
  bool sequence;
  TSNode node;  // the bound node; for a sequence, its first element (if any)
};

// Everything one match attempt needs about the file being matched.
class SymbolResolver;

struct MatchContext {
  const Language* language;
  std::string_view source;
  // What names mean in the file, for import-aware matching; null when the
  // language has no symbol resolution yet.
  SymbolResolver* symbols = nullptr;
};

// The metavariable spelling: `$X`, `$$$X`, `$_`, `$$$`.
bool IsMetavariableName(std::string_view name);

class Pattern {
 public:
  struct Node;
  // Compiles `text` for `language`. On a parse failure the Status says so and
  // `*error_offset` is the offset in `text` where parsing first failed.
  static Result<std::shared_ptr<const Pattern>> Compile(const Language& language,
                                                        std::string_view text,
                                                        uint32_t* error_offset);
  ~Pattern();

  // The canonical symbol every match's root has; kAnySymbol when the pattern
  // is a lone metavariable.
  static constexpr TSSymbol kAnySymbol = 0xFFFE;
  TSSymbol root_symbol() const;
  // Identifier-like words of the pattern that every match contains.
  const std::vector<std::string>& literals() const { return literals_; }
  // Metavariable names the pattern binds (not `_`).
  const std::set<std::string>& metavariables() const { return metavariables_; }
  const std::string& text() const { return text_; }

  // Tries to match at `node`. Bindings made are appended to `*bindings`; on
  // failure `*bindings` is left as it was. Names already in `*bindings` must
  // match equal text.
  bool MatchAt(TSNode node, const MatchContext& ctx,
               std::vector<NodeBinding>* bindings) const;

 private:
  Pattern() = default;
  std::string text_;
  std::unique_ptr<Node> root_;
  std::vector<std::string> literals_;
  std::set<std::string> metavariables_;
};

}  // namespace uprev

#endif  // UPREV_DETECTORS_PATTERN_H_
