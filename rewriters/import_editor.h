// Import management for fixes: adds the imports a fix needs and drops the
// ones a fix left unused, as text edits in the file's own layout.
// Python, Go, JavaScript/TypeScript, Java, C and C++; see README "Imports".
#ifndef UPREV_REWRITERS_IMPORT_EDITOR_H_
#define UPREV_REWRITERS_IMPORT_EDITOR_H_

#include <string_view>
#include <vector>

#include "core/edit_set.h"
#include "core/finding.h"

namespace uprev {

// The edits that make `text` (a whole file) import every entry of
// `changes.add` that it lacks, and drop every entry of `changes.remove` that
// nothing in the file refers to any more. Python entries are module names
// (`os.path`), Go entries import paths (`io/ioutil`).
//
// C and C++ entries are headers: `<memory>`, `"util/foo.h"`, or a bare
// `memory` (an angle include). An added header that the file includes
// already, in either spelling and even under an `#if`, is not added again;
// otherwise its `#include` joins the best block of its kind (sorted place
// if the block is sorted, else last), or starts a new block after the last
// include, or after the include guard, `#pragma once` or licence comment.
// `remove` drops every `#include` of a listed header whether or not the
// file still uses it: the preprocessor gives no way to tell which names a
// header declares, so only what the rule lists explicitly goes.
std::vector<Edit> PlanImportEdits(std::string_view language, std::string_view text,
                                  const ImportChanges& changes);

}  // namespace uprev

#endif  // UPREV_REWRITERS_IMPORT_EDITOR_H_
