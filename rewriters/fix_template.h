// Fix templates: the text of a rule's `fix` with its metavariables replaced
// by what they matched, re-indented to where the match stands.
#ifndef UPREV_REWRITERS_FIX_TEMPLATE_H_
#define UPREV_REWRITERS_FIX_TEMPLATE_H_

#include <string>
#include <string_view>

#include "core/match.h"
#include "core/source_file.h"

namespace uprev {

// Renders `templ` for `match` in `file`. `$NAME` and `$$$NAME` become the
// exact source text they matched. Lines after the first get the indentation
// of the line the match starts on. A final newline of the template is
// dropped unless the matched text itself ends with one.
std::string RenderFix(std::string_view templ, const Match& match, const SourceFile& file);

}  // namespace uprev

#endif  // UPREV_REWRITERS_FIX_TEMPLATE_H_
