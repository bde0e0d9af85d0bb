// SymbolResolver: what names mean in one file, for import-aware matching:
// the bindings of its imports, and where a local name shadows them. One
// implementation per language (Python, Go so far).
#ifndef UPREV_DETECTORS_SYMBOL_RESOLVER_H_
#define UPREV_DETECTORS_SYMBOL_RESOLVER_H_

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/import_binding.h"
#include "grammars/syntax_tree.h"

namespace uprev {

class SymbolResolver {
 public:
  virtual ~SymbolResolver() = default;
  virtual const std::vector<ImportBinding>& bindings() const = 0;
  // The qualified name `node` stands for when it is a qualified chain (see
  // QualifiedChain) whose first name is imported and not shadowed where
  // `node` is; the chain's own text when its first name is not imported at
  // all; nothing when it is shadowed, inside an import, or not a chain.
  virtual std::optional<std::string> Resolve(TSNode node) = 0;
  // Whether `node` can stand for `qualified`; a language whose imports leave
  // several readings (Java's on-demand imports) accepts any of them.
  virtual bool Matches(TSNode node, const std::string& qualified) {
    std::optional<std::string> resolved = Resolve(node);
    return resolved && *resolved == qualified;
  }
};

// A resolver built on first use: most files never need one, because the
// cheap checks of a match fail before any name is resolved.
class LazySymbolResolver : public SymbolResolver {
 public:
  LazySymbolResolver(const Language& language, TSNode root, std::string_view source)
      : language_(language), root_(root), source_(source) {}
  const std::vector<ImportBinding>& bindings() const override;
  std::optional<std::string> Resolve(TSNode node) override { return Get()->Resolve(node); }
  bool Matches(TSNode node, const std::string& qualified) override {
    return Get()->Matches(node, qualified);
  }

 private:
  SymbolResolver* Get() const;
  const Language& language_;
  TSNode root_;
  std::string_view source_;
  mutable std::unique_ptr<SymbolResolver> real_;
};

// Whether `language` has import-aware matching.
bool HasSymbolResolver(const Language& language);

// The resolver for a file of `language`, or null when the language has no
// import-aware matching yet.
std::unique_ptr<SymbolResolver> MakeSymbolResolver(const Language& language, TSNode root,
                                                   std::string_view source);

// The binding of local `name`: the last one, as a later import wins.
const ImportBinding* FindBinding(const std::vector<ImportBinding>& bindings, std::string_view name);

// `head` followed by the chain's segments after the first, joined by dots:
// the qualified name of a chain whose first name stands for `head`.
std::string Qualify(std::string head, const std::vector<std::string_view>& chain);

// The usual resolution of `chain`, the chain at `node`: nothing when `node`
// is a chain's tail, the chain is empty, or `shadowed(node, first_name)`;
// otherwise the first name through `bindings` (or as written).
template <typename Shadowed>
std::optional<std::string> ResolveThroughImports(TSNode node,
                                                 const std::vector<std::string_view>& chain,
                                                 const std::vector<ImportBinding>& bindings,
                                                 Shadowed shadowed);

// Whether `node` is the right-hand name of a larger chain (the `c` of
// `a.b.c`): such a name is no symbol of its own.
bool IsChainTail(TSNode node);

// The segments of `node` when it is a chain of names that can be a
// qualified symbol in `language` (Python `a.b.c`, Go `pkg.Name`); empty
// otherwise or when the language has no import-aware matching.
std::vector<std::string_view> QualifiedChain(const Language& language, TSNode node,
                                             std::string_view source);

template <typename Shadowed>
std::optional<std::string> ResolveThroughImports(TSNode node,
                                                 const std::vector<std::string_view>& chain,
                                                 const std::vector<ImportBinding>& bindings,
                                                 Shadowed shadowed) {
  if (chain.empty() || IsChainTail(node)) return std::nullopt;
  std::string root(chain[0]);
  if (shadowed(node, root)) return std::nullopt;
  const ImportBinding* binding = FindBinding(bindings, root);
  return Qualify(binding ? binding->qualified : root, chain);
}

}  // namespace uprev

#endif  // UPREV_DETECTORS_SYMBOL_RESOLVER_H_
