// Clang AST matchers written in clang-query syntax (`matcher:` in rules):
// compiled once when a pack loads, run on parsed translation units. What
// comes out is plain data: files, byte ranges and text. No Clang type
// crosses this header.
#ifndef UPREV_DETECTORS_CLANG_AST_MATCHER_H_
#define UPREV_DETECTORS_CLANG_AST_MATCHER_H_

#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/source_file.h"
#include "core/status.h"
#include "grammars/clang/compilation_database.h"

namespace uprev {

// A compiled matcher; its top node is bound as "root", as in clang-query.
struct AstMatcher;

// Compiles `text` with Clang's dynamic matcher parser. On failure the
// message says what is wrong and `*error_offset` is its byte offset in
// `text`.
Result<std::shared_ptr<const AstMatcher>> CompileAstMatcher(std::string_view text,
                                                            uint32_t* error_offset);

// The names `.bind("...")` gives in the matcher's text, plus "root".
const std::vector<std::string>& BoundNames(const AstMatcher& matcher);

// A node a match bound by name.
struct AstBinding {
  std::string name;
  std::string text;  // its source text as written in the file
  std::string kind;  // Clang's node kind: "IntegerLiteral", "CXXRecordDecl", ...
};

// One match of one matcher, located in the file where the text of its root
// node is written.
struct AstMatch {
  size_t matcher = 0;     // index into the matchers that were run
  std::string file;       // real path; empty for nodes with no file location
  ByteRange range;        // what a fix replaces
  std::vector<AstBinding> bindings;
  // Why the range cannot be edited in place, or "" when it can: the node
  // comes from a macro's body or argument (a system macro such as NULL used
  // on its own, like `p = NULL`, is edited as written).
  std::string macro;
  // False when `range` only points at a macro invocation whose expansion
  // holds the match: there is no text to replace, so no fix is offered.
  bool editable = true;
  bool in_system_header = false;
};

struct UnitMatches {
  std::vector<AstMatch> matches;
  // Compiler errors; a unit that does not compile gives no matches, since
  // its AST is not to be trusted.
  std::string errors;
};

// Parses the unit of `command` (files in `overlay` replacing the disk) and
// runs `matchers` on it.
UnitMatches MatchTranslationUnit(const CompileCommand& command,
                                 const std::vector<const AstMatcher*>& matchers,
                                 const FileOverlay& overlay = {});

}  // namespace uprev

#endif  // UPREV_DETECTORS_CLANG_AST_MATCHER_H_
