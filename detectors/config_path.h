// Key paths of config rules: `spec.template.spec.containers.*.image`,
// `metadata.annotations."kubernetes.io/ingress.class"`, `steps.0.uses`,
// and their resolution on a ConfigDocument.
#ifndef UPREV_DETECTORS_CONFIG_PATH_H_
#define UPREV_DETECTORS_CONFIG_PATH_H_

#include <string>
#include <string_view>
#include <vector>

#include "core/status.h"
#include "detectors/config_tree.h"

namespace uprev {

struct KeySegment {
  enum class Kind {
    kKey,    // a mapping key
    kIndex,  // digits: a sequence index, or a mapping key spelled so
    kAny,    // `*`: every key of a mapping, every item of a sequence
  };
  Kind kind = Kind::kKey;
  std::string key;  // the key's text (kIndex: the digits)
  size_t index = 0;
};

struct KeyPath {
  std::string text;  // as written in the rule
  std::vector<KeySegment> segments;

  size_t Wildcards() const;
  // The path without its last segment.
  std::vector<KeySegment> Parent() const;
};

// Parses a key path: keys separated by `.`, `*`, numbers, and keys quoted
// with "..." or '...' when they contain `.` or `*`. On failure the message
// says what is wrong and `*error_offset` where, in bytes into `text`.
Result<KeyPath> ParseKeyPath(std::string_view text, uint32_t* error_offset);

// One entry a path leads to.
struct ResolvedEntry {
  const ConfigNode* parent = nullptr;  // the mapping or sequence holding it
  const ConfigEntry* entry = nullptr;
  std::vector<KeySegment> concrete;  // the path with each `*` filled in
};

// Every entry `segments` leads to in `doc`, in document order. Aliases are
// not followed (a path through `*x` finds nothing).
std::vector<ResolvedEntry> ResolvePath(const ConfigDocument& doc,
                                       const std::vector<KeySegment>& segments);

// The path written back as text (`a."b.c".0`).
std::string PathText(const std::vector<KeySegment>& segments);

// Where a finding about `entry` points: its key through its value when the
// value is a scalar, else its key (a sequence item: its value's start).
ByteRange PointOf(const ConfigEntry& entry);

}  // namespace uprev

#endif  // UPREV_DETECTORS_CONFIG_PATH_H_
