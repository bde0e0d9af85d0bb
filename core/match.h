// Match: where a rule's pattern matched in a file, and what each of its
// metavariables stood for. Byte ranges only: no syntax nodes leave detectors.
#ifndef UPREV_CORE_MATCH_H_
#define UPREV_CORE_MATCH_H_

#include <string>
#include <vector>

#include "core/source_file.h"

namespace uprev {

struct Binding {
  std::string name;    // without the `$`: "X", "ARGS"
  ByteRange range;     // a sequence spans its first to last element
  bool sequence = false;
};

struct Match {
  int rule = -1;  // index of the rule in the rule set that matched
  ByteRange range;
  std::vector<Binding> bindings;

  const Binding* Find(std::string_view name) const {
    for (const Binding& b : bindings) {
      if (b.name == name) return &b;
    }
    return nullptr;
  }
};

}  // namespace uprev

#endif  // UPREV_CORE_MATCH_H_
