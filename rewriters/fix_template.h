// Fix templates: the text of a rule's `fix` with its metavariables replaced
// by what they matched, re-indented to where the match stands.
#ifndef UPREV_REWRITERS_FIX_TEMPLATE_H_
#define UPREV_REWRITERS_FIX_TEMPLATE_H_

#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/match.h"
#include "core/source_file.h"

namespace uprev {

// Renders `templ` for `match` in `file`. `$NAME` and `$$$NAME` become the
// exact source text they matched. Lines after the first get the indentation
// of the line the match starts on. A final newline of the template is
// dropped unless the matched text itself ends with one.
std::string RenderFix(std::string_view templ, const Match& match, const SourceFile& file);

// Renders `templ` with `$name` replaced by the text bound to `name` (Clang
// matcher bindings, which are any identifiers). Longer names win (`$ptr`
// before `$p`); a `$` that names nothing stays as written.
std::string RenderFixWithTexts(std::string_view templ,
                               const std::vector<std::pair<std::string, std::string>>& texts);

}  // namespace uprev

#endif  // UPREV_REWRITERS_FIX_TEMPLATE_H_
