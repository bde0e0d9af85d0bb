// JavaSymbols: import-aware matching for Java. Single-type imports
// (`import org.junit.Assert;`), static imports (`import static
// org.junit.Assert.assertEquals;`) and, when a file has just one of them,
// an on-demand import (`import org.junit.*;`, `import static
// org.junit.Assert.*;`) resolve simple names; fully qualified uses match as
// written. Method calls resolve with their receiver chain:
// `Assert.assertEquals(...)` is `org.junit.Assert.assertEquals`.
#ifndef UPREV_DETECTORS_JAVA_SYMBOLS_H_
#define UPREV_DETECTORS_JAVA_SYMBOLS_H_

#include "detectors/symbol_resolver.h"

namespace uprev {

class JavaSymbols : public SymbolResolver {
 public:
  JavaSymbols(TSNode root, std::string_view source);
  const std::vector<ImportBinding>& bindings() const override { return bindings_; }
  std::optional<std::string> Resolve(TSNode node) override;
  bool Matches(TSNode node, const std::string& qualified) override;

 private:
  std::string_view source_;
  std::vector<ImportBinding> bindings_;
  std::vector<std::string> type_on_demand_;    // "org.junit" of `import org.junit.*;`
  std::vector<std::string> static_on_demand_;  // "org.junit.Assert" of `import static ...*;`
};

// Names joined by dots (identifiers, field accesses, scoped identifiers and
// types) and method calls on such a chain (`a.B.m(...)` gives a, B, m).
std::vector<std::string_view> JavaChain(TSNode node, std::string_view source);

}  // namespace uprev

#endif  // UPREV_DETECTORS_JAVA_SYMBOLS_H_
