// Clang-side helper shared by the frontend layer (grammars/clang) and the AST
// matchers (detectors/clang): runs one frontend action on one compile command
// with in-memory files. Included only by code that is built against Clang.
#ifndef UPREV_GRAMMARS_CLANG_CLANG_TOOL_H_
#define UPREV_GRAMMARS_CLANG_CLANG_TOOL_H_

#include <string>

#include "clang/Tooling/Tooling.h"
#include "grammars/clang/compilation_database.h"

namespace uprev {

// What one frontend run reported.
struct FrontendRun {
  bool ran = false;          // the action ran on a parsed translation unit
  unsigned errors = 0;       // error diagnostics
  std::string diagnostics;   // the errors, as "file:line:col: error: ..." lines
};

// Runs `action` on the translation unit of `command`, the files in
// `overlay` replacing their disk contents.
FrontendRun RunFrontendAction(const CompileCommand& command, const FileOverlay& overlay,
                              clang::tooling::ToolAction* action);

}  // namespace uprev

#endif  // UPREV_GRAMMARS_CLANG_CLANG_TOOL_H_
