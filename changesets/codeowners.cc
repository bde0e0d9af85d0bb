#include "changesets/codeowners.h"

#include <algorithm>
#include <initializer_list>

#include <fmt/format.h>

#include "core/gitignore.h"

namespace uprev {

namespace {

// GitHub does not load a CODEOWNERS file of this size or more ("must be
// under 3 MB"; the docs do not say whether a MB is 10^6 or 2^20 bytes).
constexpr size_t kMaxFileSize = 3 * 1024 * 1024;

// One whitespace-separated word of a line and its 1-based byte column.
struct Word {
  std::string_view text;
  size_t column;
};

// The words of `line` up to a comment: a word that starts with '#' begins
// one, whether it is the first word or follows the owners. A '\' keeps the
// character after it (a space too) inside the word, and stays in its text
// for WildMatch to read.
std::vector<Word> SplitWords(std::string_view line) {
  std::vector<Word> words;
  size_t i = 0;
  while (i < line.size()) {
    if (line[i] == ' ' || line[i] == '\t') {
      ++i;
      continue;
    }
    if (line[i] == '#') break;
    size_t start = i;
    while (i < line.size() && line[i] != ' ' && line[i] != '\t') {
      if (line[i] == '\\' && i + 1 < line.size()) ++i;
      ++i;
    }
    words.push_back({line.substr(start, i - start), start + 1});
  }
  return words;
}

// What GitHub rejects in a pattern, and where.
struct Problem {
  size_t offset;  // into the pattern
  std::string message;
};

std::optional<Problem> FindPatternProblem(std::string_view pattern) {
  if (pattern == "/")
    return Problem{0, "the pattern '/' never matches anything; did you mean '*'?"};
  if (pattern.front() == '!') {
    return Problem{0,
                   "'!' negation is not supported in CODEOWNERS; to leave paths without an owner, "
                   "list them on a later line with no owners"};
  }
  if (pattern.starts_with("\\#")) {
    return Problem{0,
                   "escaping a leading '#' with '\\' is not supported in CODEOWNERS; match the "
                   "'#' with '?' instead"};
  }
  for (size_t i = 0; i < pattern.size(); ++i) {
    if (pattern[i] == '\\') {
      ++i;
    } else if (pattern[i] == '[') {
      return Problem{i,
                     "'[ ]' character ranges are not supported in CODEOWNERS; write one line per "
                     "name, or match one character with '?'"};
    }
  }
  return std::nullopt;
}

bool IsNameChar(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' ||
         c == '_';
}

bool AllNameChars(std::string_view text, bool allow_dot) {
  return !text.empty() && std::all_of(text.begin(), text.end(), [&](char c) {
    return IsNameChar(c) || (allow_dot && c == '.');
  });
}

// `@user`, `@org/team` or `name@domain.tld`.
bool IsValidOwner(std::string_view owner) {
  if (owner.front() == '@') {
    std::string_view name = owner.substr(1);
    size_t slash = name.find('/');
    if (slash == std::string_view::npos) return AllNameChars(name, /*allow_dot=*/false);
    return AllNameChars(name.substr(0, slash), /*allow_dot=*/false) &&
           AllNameChars(name.substr(slash + 1), /*allow_dot=*/true);
  }
  size_t at = owner.find('@');
  if (at == 0 || at == std::string_view::npos) return false;
  std::string_view domain = owner.substr(at + 1);
  size_t dot = domain.find('.');
  return domain.find('@') == std::string_view::npos && owner.find('/') == std::string_view::npos &&
         dot != std::string_view::npos && dot > 0 && domain.back() != '.';
}

}  // namespace

Codeowners Codeowners::Parse(std::string_view path, std::string_view text) {
  Codeowners codeowners;
  if (text.size() >= kMaxFileSize) {
    codeowners.errors_.push_back(fmt::format(
        "{}:1:1: error: the file has {} bytes, and GitHub does not use a CODEOWNERS file of 3 MiB "
        "or more; use wildcard patterns to make it smaller",
        path, text.size()));
    return codeowners;
  }
  if (text.starts_with("\xEF\xBB\xBF")) text.remove_prefix(3);
  size_t line_number = 0;
  while (!text.empty()) {
    ++line_number;
    size_t eol = text.find('\n');
    std::string_view line = text.substr(0, eol);
    text.remove_prefix(eol == std::string_view::npos ? text.size() : eol + 1);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    codeowners.ParseLine(path, line_number, line);
  }
  return codeowners;
}

void Codeowners::ParseLine(std::string_view path, size_t line_number, std::string_view line) {
  std::vector<Word> words = SplitWords(line);
  if (words.empty()) return;
  const size_t errors_before = errors_.size();
  auto report = [&](size_t column, std::string_view message) {
    errors_.push_back(fmt::format("{}:{}:{}: error: {}", path, line_number, column, message));
  };

  const Word& pattern = words.front();
  if (std::optional<Problem> problem = FindPatternProblem(pattern.text)) {
    report(pattern.column + problem->offset, problem->message);
  }
  Rule rule = CompilePattern(pattern.text);
  for (size_t i = 1; i < words.size(); ++i) {
    std::string_view owner = words[i].text;
    if (!IsValidOwner(owner)) {
      report(words[i].column,
             fmt::format("invalid owner '{}'; an owner is @user, @org/team or an email address",
                         owner));
    } else if (std::find(rule.owners.begin(), rule.owners.end(), owner) == rule.owners.end()) {
      rule.owners.emplace_back(owner);
    }
  }
  // GitHub skips a line with an error and goes on with the others.
  if (errors_.size() == errors_before) rules_.push_back(std::move(rule));
}

Codeowners::Rule Codeowners::CompilePattern(std::string_view pattern) {
  Rule rule;
  if (pattern.size() > 1 && pattern.back() == '/') {
    rule.dir_only = true;
    pattern.remove_suffix(1);
  }
  rule.name_only = pattern.find('/') == std::string_view::npos;
  if (pattern.starts_with('/')) pattern.remove_prefix(1);
  size_t last_slash = pattern.rfind('/');
  std::string_view last_part =
      last_slash == std::string_view::npos ? pattern : pattern.substr(last_slash + 1);
  rule.files_only = !rule.dir_only && last_part == "*";
  rule.glob = std::string(pattern);
  return rule;
}

bool Codeowners::Matches(const Rule& rule, std::string_view path) {
  auto matches = [&rule](std::string_view file_or_folder) {
    if (!rule.name_only) return WildMatch(rule.glob, file_or_folder, /*pathname=*/true);
    size_t slash = file_or_folder.rfind('/');
    std::string_view name =
        slash == std::string_view::npos ? file_or_folder : file_or_folder.substr(slash + 1);
    return WildMatch(rule.glob, name, /*pathname=*/false);
  };
  if (!rule.dir_only && matches(path)) return true;
  if (rule.files_only) return false;
  // A pattern that matches a folder owns everything inside it.
  for (size_t slash = path.find('/'); slash != std::string_view::npos;
       slash = path.find('/', slash + 1)) {
    if (matches(path.substr(0, slash))) return true;
  }
  return false;
}

std::vector<std::string> Codeowners::OwnersOf(std::string_view path) const {
  for (auto rule = rules_.rbegin(); rule != rules_.rend(); ++rule) {
    if (Matches(*rule, path)) return rule->owners;
  }
  return {};
}

std::optional<std::string> FindCodeowners(const std::function<bool(const std::string&)>& exists) {
  for (const char* candidate : {".github/CODEOWNERS", "CODEOWNERS", "docs/CODEOWNERS"}) {
    if (exists(candidate)) return std::string(candidate);
  }
  return std::nullopt;
}

std::string OwnerChangeSetName(const std::vector<std::string>& owners) {
  if (owners.empty()) return "unowned";
  std::string name;
  for (const std::string& owner : owners) {
    if (!name.empty()) name += '+';
    std::string_view text = owner;
    if (text.starts_with('@')) text.remove_prefix(1);
    for (char c : text) {
      if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
      bool kept =
          (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '.' || c == '_' || c == '-';
      name += kept ? c : '-';
    }
  }
  return name;
}

}  // namespace uprev
