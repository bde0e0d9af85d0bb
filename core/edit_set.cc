#include "core/edit_set.h"

#include <algorithm>
#include <cassert>

namespace uprev {

bool EditSet::Add(Edit edit, int* conflict_with) {
  auto pos = std::lower_bound(
      edits_.begin(), edits_.end(), edit, [](const Edit& a, const Edit& b) {
        return a.range.begin != b.range.begin ? a.range.begin < b.range.begin
                                              : a.range.end < b.range.end;
      });
  // Only the neighbours can overlap, but an empty edit may sit between.
  for (auto it = pos == edits_.begin() ? pos : pos - 1; it != edits_.end(); ++it) {
    if (it->range.begin > edit.range.end) break;
    if (it->range == edit.range && it->replacement == edit.replacement) return true;
    if (it->range.Overlaps(edit.range)) {
      if (conflict_with) *conflict_with = it->tag;
      return false;
    }
  }
  edits_.insert(pos, std::move(edit));
  return true;
}

bool EditSet::RemoveTag(int tag) {
  auto it = std::find_if(edits_.begin(), edits_.end(),
                         [tag](const Edit& e) { return e.tag == tag; });
  if (it == edits_.end()) return false;
  edits_.erase(it);
  return true;
}

std::string EditSet::Apply(std::string_view text) const {
  std::string out;
  out.reserve(text.size());
  uint32_t cursor = 0;
  for (const Edit& e : edits_) {
    assert(e.range.begin >= cursor && e.range.end <= text.size());
    out.append(text.substr(cursor, e.range.begin - cursor));
    out.append(e.replacement);
    cursor = e.range.end;
  }
  out.append(text.substr(cursor));
  return out;
}

}  // namespace uprev
