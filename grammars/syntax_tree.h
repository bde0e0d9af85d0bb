// SyntaxTree: a parsed file. Owns its TSTree; nodes handed out are valid as
// long as the tree lives. This is the one header that exposes tree-sitter
// types, to the modules allowed to walk trees (detectors, rewriters).
#ifndef UPREV_GRAMMARS_SYNTAX_TREE_H_
#define UPREV_GRAMMARS_SYNTAX_TREE_H_

#include <tree_sitter/api.h>

#include <optional>
#include <string_view>

#include "core/source_file.h"
#include "grammars/language.h"

namespace uprev {

class SyntaxTree {
 public:
  // Parses `text` (which must outlive the tree) with `language`'s grammar.
  // tree-sitter always yields a tree; syntax errors become ERROR/MISSING nodes.
  static SyntaxTree Parse(const Language& language, std::string_view text);

  SyntaxTree(SyntaxTree&& other) noexcept;
  SyntaxTree& operator=(SyntaxTree&& other) noexcept;
  SyntaxTree(const SyntaxTree&) = delete;
  SyntaxTree& operator=(const SyntaxTree&) = delete;
  ~SyntaxTree();

  TSNode root() const { return ts_tree_root_node(tree_); }
  const Language& language() const { return *language_; }
  std::string_view text() const { return text_; }

  bool HasError() const { return ts_node_has_error(root()); }
  // The number of ERROR and MISSING nodes.
  size_t CountErrors() const;
  // Where the first ERROR or MISSING node starts, if any.
  std::optional<uint32_t> FirstErrorOffset() const;

 private:
  SyntaxTree(const Language* language, std::string_view text, TSTree* tree)
      : language_(language), text_(text), tree_(tree) {}
  const Language* language_;
  std::string_view text_;
  TSTree* tree_;
};

// Symbols of one grammar folded so that two ids with the same name and
// namedness compare equal (tree-sitter aliases give one name several ids).
// Punctuation that never changes meaning for matching (`,` and `;`) maps to
// kSkippedSymbol.
inline constexpr TSSymbol kSkippedSymbol = 0xFFFF;
TSSymbol CanonicalSymbol(const Language& language, TSSymbol symbol);

// What a tree walk does after visiting a node.
enum class Walk { kDescend, kSkipChildren, kStop };

// Visits `root` and its descendants in pre-order (never above `root`);
// `visit(node)` returns a Walk.
template <typename Visit>
void WalkTree(TSNode root, Visit visit) {
  TSTreeCursor cursor = ts_tree_cursor_new(root);
  for (;;) {
    Walk next = visit(ts_tree_cursor_current_node(&cursor));
    if (next == Walk::kStop) break;
    if (next == Walk::kDescend && ts_tree_cursor_goto_first_child(&cursor)) continue;
    bool moved = false;
    while (!(moved = ts_tree_cursor_goto_next_sibling(&cursor))) {
      if (!ts_tree_cursor_goto_parent(&cursor)) break;
    }
    if (!moved) break;
  }
  ts_tree_cursor_delete(&cursor);
}

inline ByteRange NodeRange(TSNode node) {
  return ByteRange{ts_node_start_byte(node), ts_node_end_byte(node)};
}
inline std::string_view NodeText(TSNode node, std::string_view source) {
  uint32_t b = ts_node_start_byte(node), e = ts_node_end_byte(node);
  return source.substr(b, e - b);
}

}  // namespace uprev

#endif  // UPREV_GRAMMARS_SYNTAX_TREE_H_
