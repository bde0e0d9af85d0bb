// Qualified names in fix templates, written the way a file refers to them:
// `datetime.timezone.utc` becomes `dt.timezone.utc` after `import datetime
// as dt`, or `timezone.utc` (adding `timezone` to the from-import) after
// `from datetime import datetime`. Python for now.
#ifndef UPREV_REWRITERS_QUALIFIED_NAMES_H_
#define UPREV_REWRITERS_QUALIFIED_NAMES_H_

#include <string>
#include <string_view>
#include <vector>

#include "core/import_binding.h"

namespace uprev {

struct WrittenNames {
  std::string text;                  // the template with its names rewritten
  std::vector<std::string> imports;  // to add: "M" (import M), "M:x" (from M import x)
};

// Rewrites every dotted name of two or more segments in `templ` (outside
// strings and metavariables). A name no binding reaches is left as written;
// it gets `import M` only when `modules` (the rule's module entries of
// `imports.add`) has a module M that is a prefix of it. A module of
// `modules` is imported only when a name needs it (or when a binding
// reaches only its parent package: `import collections` does not load
// `collections.abc`), or when the template names nothing under it.
WrittenNames WriteQualifiedNames(std::string_view templ, const std::vector<ImportBinding>& bindings,
                                 const std::vector<std::string>& modules);

}  // namespace uprev

#endif  // UPREV_REWRITERS_QUALIFIED_NAMES_H_
