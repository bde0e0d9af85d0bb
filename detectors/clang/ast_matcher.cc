#include "detectors/clang/ast_matcher.h"

#include <regex>
#include <tuple>

#include "clang/AST/ASTContext.h"
#include "clang/ASTMatchers/ASTMatchFinder.h"
#include "clang/ASTMatchers/Dynamic/Diagnostics.h"
#include "clang/ASTMatchers/Dynamic/Parser.h"
#include "clang/Basic/SourceManager.h"
#include "clang/Frontend/CompilerInstance.h"
#include "clang/Frontend/FrontendAction.h"
#include "clang/Lex/MacroArgs.h"
#include "clang/Lex/MacroInfo.h"
#include "clang/Lex/PPCallbacks.h"
#include "clang/Lex/Preprocessor.h"
#include "clang/Lex/Lexer.h"
#include "grammars/clang/clang_tool.h"

namespace uprev {

struct AstMatcher {
  AstMatcher(clang::ast_matchers::internal::DynTypedMatcher m, std::vector<std::string> n)
      : matcher(std::move(m)), names(std::move(n)) {}
  clang::ast_matchers::internal::DynTypedMatcher matcher;
  std::vector<std::string> names;
};

namespace {

namespace dynamic = clang::ast_matchers::dynamic;
using clang::CharSourceRange;
using clang::SourceLocation;
using clang::SourceManager;

uint32_t OffsetOf(std::string_view text, unsigned line, unsigned column) {
  uint32_t offset = 0;
  for (unsigned l = 1; l < line && offset < text.size(); ++offset) {
    if (text[offset] == '\n') ++l;
  }
  return std::min<uint32_t>(offset + (column > 0 ? column - 1 : 0),
                            static_cast<uint32_t>(text.size()));
}

std::vector<std::string> BindNamesIn(std::string_view text) {
  std::vector<std::string> names = {"root"};
  static const std::regex kBind(R"re(\.bind\(\s*"([^"]*)"\s*\))re");
  std::string s(text);
  for (auto it = std::sregex_iterator(s.begin(), s.end(), kBind); it != std::sregex_iterator(); ++it) {
    std::string name = (*it)[1];
    if (std::find(names.begin(), names.end(), name) == names.end()) names.push_back(name);
  }
  return names;
}

// A macro argument written in a main or header file: where its text is and
// how many times the macro's body uses it (-1 when it pastes it with ##).
struct ArgumentSpan {
  std::string file;  // real path
  unsigned begin = 0, end = 0;
  int uses = 0;
  std::string macro;
};

std::string PathOf(const SourceManager &sm, clang::FileID file) {
  const clang::FileEntry *entry = sm.getFileEntryForID(file);
  if (!entry) return "";
  llvm::StringRef real = entry->tryGetRealPathName();
  return RealPath(real.empty() ? entry->getName().str() : real.str());
}

// Records the arguments of every function-like macro invoked in a file, so
// that a match inside one can be checked against all uses of the argument.
class ArgumentRecorder : public clang::PPCallbacks {
 public:
  ArgumentRecorder(const SourceManager &sm, std::vector<ArgumentSpan> *out) : sm_(sm), out_(out) {}

  void MacroExpands(const clang::Token &name, const clang::MacroDefinition &definition,
                    clang::SourceRange, const clang::MacroArgs *args) override {
    const clang::MacroInfo *info = definition.getMacroInfo();
    if (!args || !info || !info->isFunctionLike() || !name.getLocation().isFileID()) return;
    for (unsigned i = 0; i < info->getNumParams() && i < args->getNumMacroArguments(); ++i) {
      const clang::Token *token = args->getUnexpArgument(i);
      if (token->is(clang::tok::eof) || !token->getLocation().isFileID()) continue;
      ArgumentSpan span;
      clang::FileID file;
      std::tie(file, span.begin) = sm_.getDecomposedLoc(token->getLocation());
      span.file = PathOf(sm_, file);
      for (; token->isNot(clang::tok::eof); ++token) {
        if (!token->getLocation().isFileID()) continue;
        span.end = sm_.getFileOffset(token->getLocation()) + token->getLength();
      }
      span.uses = UsesOf(*info, info->params()[i]);
      span.macro = name.getIdentifierInfo()->getName().str();
      out_->push_back(span);
    }
  }

 private:
  // How many times the body expands `param`; `#param` makes a string, not
  // code, and does not count; `a##param` cannot be edited safely.
  static int UsesOf(const clang::MacroInfo &info, const clang::IdentifierInfo *param) {
    int uses = 0;
    llvm::ArrayRef<clang::Token> body = info.tokens();
    for (size_t i = 0; i < body.size(); ++i) {
      if (body[i].getIdentifierInfo() != param) continue;
      bool pasted = (i > 0 && body[i - 1].is(clang::tok::hashhash)) ||
                    (i + 1 < body.size() && body[i + 1].is(clang::tok::hashhash));
      if (pasted) return -1;
      if (i > 0 && body[i - 1].is(clang::tok::hash)) continue;
      ++uses;
    }
    return uses;
  }

  const SourceManager &sm_;
  std::vector<ArgumentSpan> *out_;
};

// The macros a location went through on its way from where it is written to
// the file: argument substitutions, and bodies of macros (system ones, such
// as NULL, or the user's).
struct MacroChain {
  std::string user_body;     // innermost-first: a user macro's body holds the text
  std::string system_outer;  // a system macro's body wraps more than the node
  std::string argument;      // the text is in an argument of this macro
};

MacroChain WalkMacros(SourceLocation loc, const SourceManager &sm,
                      const clang::LangOptions &lang) {
  MacroChain chain;
  bool first_body = true;  // the node may be a whole system macro (NULL)
  while (loc.isMacroID()) {
    std::string name = clang::Lexer::getImmediateMacroName(loc, sm, lang).str();
    if (sm.isMacroArgExpansion(loc)) {
      chain.argument = name;
      loc = sm.getImmediateSpellingLoc(loc);
      continue;
    }
    if (!sm.isInSystemHeader(sm.getSpellingLoc(loc))) {
      if (chain.user_body.empty()) chain.user_body = name;
    } else if (!first_body && chain.system_outer.empty()) {
      chain.system_outer = name;
    }
    first_body = false;
    loc = sm.getImmediateExpansionRange(loc).getBegin();
  }
  return chain;
}

// Finds where a match's text is written and whether it can be edited there.
class Locator {
 public:
  Locator(const SourceManager &sm, const clang::LangOptions &lang) : sm_(sm), lang_(lang) {}

  // Sets the match's file and range; returns the macro whose argument holds
  // the match when only a check of the argument's other uses can clear it.
  std::string Locate(clang::SourceRange range, AstMatch *match) const {
    SourceLocation begin = range.getBegin(), end = range.getEnd();
    if (begin.isFileID() && end.isFileID()) {
      SetRange(CharSourceRange::getTokenRange(begin, end), match);
      return "";
    }
    MacroChain first = WalkMacros(begin, sm_, lang_), last = WalkMacros(end, sm_, lang_);
    CharSourceRange file_range = clang::Lexer::makeFileCharRange(
        CharSourceRange::getTokenRange(begin, end), sm_, lang_);
    std::string user = !first.user_body.empty() ? first.user_body : last.user_body;
    if (!file_range.isValid() || !user.empty()) {
      SetRange(file_range.isValid() ? file_range : sm_.getExpansionRange(begin), match);
      match->editable = false;
      match->macro = user.empty()
                         ? "the match spans a macro boundary; it cannot be edited as one piece"
                         : "the match is inside the body of macro " + user +
                               "; editing it would change every use of the macro";
      return "";
    }
    SetRange(file_range, match);
    std::string system = !first.system_outer.empty() ? first.system_outer : last.system_outer;
    if (!system.empty()) {
      match->editable = false;
      match->macro = "the match is inside the expansion of macro " + system;
      return "";
    }
    return !first.argument.empty() ? first.argument : last.argument;
  }

 private:
  void SetRange(CharSourceRange range, AstMatch *match) const {
    if (range.isTokenRange()) {
      SourceLocation end = range.getEnd();
      range = CharSourceRange::getCharRange(
          range.getBegin(), end.getLocWithOffset(static_cast<int>(
                                clang::Lexer::MeasureTokenLength(end, sm_, lang_))));
    }
    SourceLocation begin = sm_.getExpansionLoc(range.getBegin());
    std::pair<clang::FileID, unsigned> b = sm_.getDecomposedLoc(begin);
    std::pair<clang::FileID, unsigned> e = sm_.getDecomposedLoc(sm_.getExpansionLoc(range.getEnd()));
    match->range = ByteRange{b.second, e.first == b.first ? e.second : b.second};
    match->in_system_header = sm_.isInSystemHeader(begin);
    match->file = PathOf(sm_, b.first);
  }

  const SourceManager &sm_;
  const clang::LangOptions &lang_;
};

std::string TextOf(const clang::DynTypedNode &node, const SourceManager &sm,
                   const clang::LangOptions &lang) {
  clang::SourceRange range = node.getSourceRange();
  CharSourceRange token = CharSourceRange::getTokenRange(range);
  CharSourceRange file = clang::Lexer::makeFileCharRange(token, sm, lang);
  if (!file.isValid()) {
    file = CharSourceRange::getTokenRange(sm.getSpellingLoc(range.getBegin()),
                                          sm.getSpellingLoc(range.getEnd()));
  }
  bool invalid = false;
  llvm::StringRef text = clang::Lexer::getSourceText(file, sm, lang, &invalid);
  return invalid ? std::string() : text.str();
}

// A match inside a macro argument, kept until every match is in: it can be
// edited only if each use of the argument is matched with the same fix.
struct PendingArgument {
  size_t match;   // index into the unit's matches
  std::string macro;
};

class Collector : public clang::ast_matchers::MatchFinder::MatchCallback {
 public:
  Collector(size_t index, std::vector<AstMatch> *out, std::vector<PendingArgument> *pending)
      : index_(index), out_(out), pending_(pending) {}

  void run(const clang::ast_matchers::MatchFinder::MatchResult &result) override {
    const auto &nodes = result.Nodes.getMap();
    auto root = nodes.find("root");
    if (root == nodes.end() || !result.SourceManager) return;
    const clang::LangOptions &lang = result.Context->getLangOpts();
    AstMatch match;
    match.matcher = index_;
    std::string argument_of =
        Locator(*result.SourceManager, lang).Locate(root->second.getSourceRange(), &match);
    if (match.file.empty()) return;
    if (!argument_of.empty()) pending_->push_back(PendingArgument{out_->size(), argument_of});
    for (const auto &[name, node] : nodes) {
      match.bindings.push_back(AstBinding{name, TextOf(node, *result.SourceManager, lang),
                                          node.getNodeKind().asStringRef().str()});
    }
    out_->push_back(std::move(match));
  }

 private:
  size_t index_;
  std::vector<AstMatch> *out_;
  std::vector<PendingArgument> *pending_;
};

// The frontend action of a match run: records macro arguments while
// preprocessing, then runs the matchers on the AST.
class MatchAction : public clang::ASTFrontendAction {
 public:
  MatchAction(clang::ast_matchers::MatchFinder *finder, std::vector<ArgumentSpan> *arguments)
      : finder_(finder), arguments_(arguments) {}

  std::unique_ptr<clang::ASTConsumer> CreateASTConsumer(clang::CompilerInstance &ci,
                                                        llvm::StringRef) override {
    ci.getPreprocessor().addPPCallbacks(
        std::make_unique<ArgumentRecorder>(ci.getSourceManager(), arguments_));
    return finder_->newASTConsumer();
  }

 private:
  clang::ast_matchers::MatchFinder *finder_;
  std::vector<ArgumentSpan> *arguments_;
};

class MatchActionFactory : public clang::tooling::FrontendActionFactory {
 public:
  MatchActionFactory(clang::ast_matchers::MatchFinder *finder,
                     std::vector<ArgumentSpan> *arguments)
      : finder_(finder), arguments_(arguments) {}
  std::unique_ptr<clang::FrontendAction> create() override {
    return std::make_unique<MatchAction>(finder_, arguments_);
  }

 private:
  clang::ast_matchers::MatchFinder *finder_;
  std::vector<ArgumentSpan> *arguments_;
};

// Clears the argument matches whose argument is matched at every use, and
// marks the others as review items.
void SettleArguments(const std::vector<PendingArgument> &pending,
                     const std::vector<ArgumentSpan> &arguments, std::vector<AstMatch> *matches) {
  for (const PendingArgument &p : pending) {
    AstMatch &m = (*matches)[p.match];
    // The innermost argument written in the file that holds the match.
    const ArgumentSpan *span = nullptr;
    for (const ArgumentSpan &a : arguments) {
      if (a.file == m.file && a.begin <= m.range.begin && m.range.end <= a.end &&
          (!span || a.end - a.begin < span->end - span->begin)) {
        span = &a;
      }
    }
    // Same place, same matcher: one match per use of the argument.
    int matched = 0;
    for (const PendingArgument &q : pending) {
      const AstMatch &o = (*matches)[q.match];
      matched += o.matcher == m.matcher && o.file == m.file && o.range == m.range;
    }
    if (span && span->uses > 0 && matched == span->uses) continue;
    std::string macro = span ? span->macro : p.macro;
    m.macro = span && span->uses < 0
                  ? "the match is in an argument that macro " + macro + " pastes with ##"
                  : "the match is in an argument of macro " + macro +
                        " that is also used where this rule does not match";
  }
}

}  // namespace

Result<std::shared_ptr<const AstMatcher>> CompileAstMatcher(std::string_view text,
                                                            uint32_t* error_offset) {
  llvm::StringRef code(text.data(), text.size());
  dynamic::Diagnostics diagnostics;
  llvm::Optional<clang::ast_matchers::internal::DynTypedMatcher> parsed =
      dynamic::Parser::parseMatcherExpression(code, nullptr, nullptr, &diagnostics);
  if (!parsed) {
    *error_offset = 0;
    std::string message = diagnostics.toString();
    if (!diagnostics.errors().empty() && !diagnostics.errors()[0].Messages.empty()) {
      const dynamic::SourceRange &at = diagnostics.errors()[0].Messages[0].Range;
      *error_offset = OffsetOf(text, at.Start.Line, at.Start.Column);
      // "1:8: Error parsing ..." -> "Error parsing ...": the rule loader
      // gives the position in the pack file instead.
      size_t colon = message.find(": ");
      if (colon != std::string::npos && colon < 12) message = message.substr(colon + 2);
    }
    while (!message.empty() && message.back() == '\n') message.pop_back();
    return Status::Invalid("the matcher does not parse: " + message);
  }
  llvm::Optional<clang::ast_matchers::internal::DynTypedMatcher> bound = parsed->tryBind("root");
  if (!bound) {
    *error_offset = 0;
    return Status::Invalid("the matcher's top node cannot be bound (is it a node matcher such "
                           "as callExpr(...)?)");
  }
  return std::shared_ptr<const AstMatcher>(
      std::make_shared<AstMatcher>(*bound, BindNamesIn(text)));
}

const std::vector<std::string>& BoundNames(const AstMatcher& matcher) { return matcher.names; }

UnitMatches MatchTranslationUnit(const CompileCommand& command,
                                 const std::vector<const AstMatcher*>& matchers,
                                 const FileOverlay& overlay) {
  UnitMatches out;
  std::vector<AstMatch> found;
  std::vector<PendingArgument> pending;
  std::vector<ArgumentSpan> arguments;
  std::vector<std::unique_ptr<Collector>> collectors;
  clang::ast_matchers::MatchFinder finder;
  for (size_t i = 0; i < matchers.size(); ++i) {
    collectors.push_back(std::make_unique<Collector>(i, &found, &pending));
    finder.addDynamicMatcher(matchers[i]->matcher, collectors.back().get());
  }
  MatchActionFactory factory(&finder, &arguments);
  FrontendRun run = RunFrontendAction(command, overlay, &factory);
  if (run.errors > 0) {
    out.errors = run.diagnostics;
    return out;
  }
  SettleArguments(pending, arguments, &found);
  out.matches = std::move(found);
  return out;
}

}  // namespace uprev
