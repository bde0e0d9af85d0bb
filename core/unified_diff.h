// UnifiedDiff: the change from one text to another as a git-style unified
// diff, for review output and for patches that `git apply` accepts.
#ifndef UPREV_CORE_UNIFIED_DIFF_H_
#define UPREV_CORE_UNIFIED_DIFF_H_

#include <string>
#include <string_view>

namespace uprev {

// Returns the diff of `before` and `after`, both the contents of `path`:
//
//   diff --git a/PATH b/PATH
//   --- a/PATH
//   +++ b/PATH
//   @@ -l,n +l,n @@
//    context
//   -removed
//   +added
//
// with `context` unchanged lines around each change (negative means 0),
// hunks closer than 2 * `context` lines merged, a count of 1 written as
// "-l" like git, and "\ No newline at end of file" after a last line that
// lacks one. PATH is written as git writes it: C-quoted when it holds a
// control character, '"', '\' or a non-ASCII byte, with a leading '/'
// dropped. The line diff is minimal (Myers, in linear space). Returns ""
// when `before` == `after`.
std::string UnifiedDiff(std::string_view path, std::string_view before, std::string_view after,
                        int context = 3);

}  // namespace uprev

#endif  // UPREV_CORE_UNIFIED_DIFF_H_
