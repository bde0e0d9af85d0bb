#include "grammars/syntax_tree.h"

#include <cassert>
#include <vector>

namespace uprev {
namespace {

// One parser per thread and language: ts_parser_new is not free, and a
// parser may not be shared between threads.
TSParser* ParserFor(const Language& language) {
  thread_local std::vector<std::pair<const Language*, TSParser*>> parsers;
  for (auto& [lang, parser] : parsers) {
    if (lang == &language) return parser;
  }
  TSParser* parser = ts_parser_new();
  bool ok = ts_parser_set_language(parser, language.grammar());
  assert(ok && "grammar ABI does not match the tree-sitter runtime");
  (void)ok;
  parsers.emplace_back(&language, parser);
  return parser;
}

// ts_builtin_sym_error; the 0.20 API has no ts_node_is_error.
constexpr TSSymbol kErrorSymbol = static_cast<TSSymbol>(-1);

// Calls `visit` on every ERROR and MISSING node until it returns false.
template <typename Visit>
void VisitErrors(TSNode root, Visit visit) {
  if (!ts_node_has_error(root)) return;
  WalkTree(root, [&](TSNode node) {
    if (ts_node_symbol(node) == kErrorSymbol || ts_node_is_missing(node)) {
      return visit(node) ? Walk::kSkipChildren : Walk::kStop;
    }
    return ts_node_has_error(node) ? Walk::kDescend : Walk::kSkipChildren;
  });
}

std::vector<TSSymbol> BuildCanonicalTable(const Language& language) {
  const TSLanguage* grammar = language.grammar();
  uint32_t count = ts_language_symbol_count(grammar);
  std::vector<TSSymbol> table(count);
  for (uint32_t s = 0; s < count; ++s) {
    const char* name = ts_language_symbol_name(grammar, static_cast<TSSymbol>(s));
    TSSymbolType type = ts_language_symbol_type(grammar, static_cast<TSSymbol>(s));
    bool named = type == TSSymbolTypeRegular;
    std::string_view n(name ? name : "");
    if (!named && (n == "," || n == ";")) {
      table[s] = kSkippedSymbol;
      continue;
    }
    TSSymbol canon = ts_language_symbol_for_name(grammar, n.data(),
                                                 static_cast<uint32_t>(n.size()), named);
    table[s] = canon == 0 && s != 0 ? static_cast<TSSymbol>(s) : canon;
  }
  return table;
}

}  // namespace

TSSymbol CanonicalSymbol(const Language& language, TSSymbol symbol) {
  static const std::vector<std::vector<TSSymbol>> tables = [] {
    std::vector<std::vector<TSSymbol>> all;
    for (const Language& lang : AllLanguages()) all.push_back(BuildCanonicalTable(lang));
    return all;
  }();
  const auto& table = tables[&language - AllLanguages().data()];
  return symbol < table.size() ? table[symbol] : symbol;
}

SyntaxTree SyntaxTree::Parse(const Language& language, std::string_view text) {
  TSParser* parser = ParserFor(language);
  TSTree* tree = ts_parser_parse_string(parser, nullptr, text.data(),
                                        static_cast<uint32_t>(text.size()));
  assert(tree != nullptr);
  return SyntaxTree(&language, text, tree);
}

SyntaxTree::SyntaxTree(SyntaxTree&& other) noexcept
    : language_(other.language_), text_(other.text_), tree_(other.tree_) {
  other.tree_ = nullptr;
}

SyntaxTree& SyntaxTree::operator=(SyntaxTree&& other) noexcept {
  if (this != &other) {
    if (tree_) ts_tree_delete(tree_);
    language_ = other.language_;
    text_ = other.text_;
    tree_ = other.tree_;
    other.tree_ = nullptr;
  }
  return *this;
}

SyntaxTree::~SyntaxTree() {
  if (tree_) ts_tree_delete(tree_);
}

size_t SyntaxTree::CountErrors() const {
  size_t count = 0;
  VisitErrors(root(), [&count](TSNode) {
    ++count;
    return true;
  });
  return count;
}

std::optional<uint32_t> SyntaxTree::FirstErrorOffset() const {
  std::optional<uint32_t> first;
  VisitErrors(root(), [&first](TSNode node) {
    first = ts_node_start_byte(node);
    return false;
  });
  return first;
}

}  // namespace uprev
