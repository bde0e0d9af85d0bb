// Import management for fixes: adds the imports a fix needs and drops the
// ones a fix left unused, as text edits in the file's own layout.
// Python and Go in this version; see README "Imports".
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
std::vector<Edit> PlanImportEdits(std::string_view language, std::string_view text,
                                  const ImportChanges& changes);

}  // namespace uprev

#endif  // UPREV_REWRITERS_IMPORT_EDITOR_H_
