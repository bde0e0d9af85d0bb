// EditSet: the edits of one file. It cannot hold two overlapping edits: an
// overlap is returned to the caller as a conflict, never applied.
#ifndef UPREV_CORE_EDIT_SET_H_
#define UPREV_CORE_EDIT_SET_H_

#include <string>
#include <string_view>
#include <vector>

#include "core/source_file.h"

namespace uprev {

struct Edit {
  ByteRange range;
  std::string replacement;
  int tag = -1;  // caller's index of what produced the edit (a finding)
};

class EditSet {
 public:
  // Adds `edit` unless it overlaps one already held. An edit identical to one
  // held (same range and text) is accepted as a duplicate and not stored.
  // Returns false on a conflict; `*conflict_with` is then the held edit's tag.
  bool Add(Edit edit, int* conflict_with = nullptr);
  // Removes the edit with `tag`; true when there was one.
  bool RemoveTag(int tag);

  const std::vector<Edit>& edits() const { return edits_; }  // sorted by range
  bool empty() const { return edits_.empty(); }

  // The text with every edit applied. Ranges must lie inside `text`.
  std::string Apply(std::string_view text) const;

 private:
  std::vector<Edit> edits_;
};

}  // namespace uprev

#endif  // UPREV_CORE_EDIT_SET_H_
