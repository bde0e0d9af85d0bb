// Codeowners: a GitHub CODEOWNERS file, read with GitHub's rules, so that
// `uprev run --split owner` can give each owner one change set holding
// exactly the files that GitHub would ask them to review.
//
// The rules are those of GitHub's "About code owners":
// - each line is a gitignore-style pattern followed by owners (`@user`,
//   `@org/team` or an email address); `#` starts a comment, at the start of
//   a line or as a word of its own after the pattern ("*.js @a # note");
// - the last matching line wins, and a line with no owners leaves the paths
//   it matches without an owner;
// - a pattern without a '/' (other than a trailing one) matches a name at any
//   depth, one with a '/' at its start or middle is anchored to the root, and
//   one ending in '/' matches only what is inside a folder of that name;
// - a pattern matches a file and, as in gitignore, everything inside a folder
//   it matches, except that a last part of exactly `*` matches files only:
//   `docs/*` owns docs/a.md but not docs/build-app/b.md;
// - `!` negation, `[ ]` character ranges and `\#` at the start of a pattern
//   do not work on GitHub, so such a line is an error here too;
// - a line with an error is skipped and the rest of the file still applies,
//   as GitHub does; a file of 3 MiB or more is not used at all.
#ifndef UPREV_CHANGESETS_CODEOWNERS_H_
#define UPREV_CHANGESETS_CODEOWNERS_H_

#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace uprev {

class Codeowners {
 public:
  // Parses the text of a CODEOWNERS file read from `path`, which names the
  // file in error messages. Never fails: problems are collected in errors().
  static Codeowners Parse(std::string_view path, std::string_view text);

  // The owners of the repository-relative file `path` ('/'-separated, no
  // leading "./" or '/'), as written on the last line that matches it, in
  // that line's order without repeats; empty when no line matches or the
  // last one that does has no owners. Paths are case-sensitive.
  std::vector<std::string> OwnersOf(std::string_view path) const;

  // One "PATH:LINE:COL: error: what is wrong; hint" per problem, in file
  // order. Each line named here was skipped.
  const std::vector<std::string>& errors() const { return errors_; }

 private:
  struct Rule {
    std::string glob;         // without a leading or trailing '/'
    bool dir_only = false;    // ended in '/': matches only inside a folder
    bool name_only = false;   // had no '/': matches a name at any depth
    bool files_only = false;  // its last part is `*`: never matches a folder
    std::vector<std::string> owners;
  };

  // Adds the rule of one line, or the errors that keep it out.
  void ParseLine(std::string_view path, size_t line_number, std::string_view line);
  static Rule CompilePattern(std::string_view pattern);
  static bool Matches(const Rule& rule, std::string_view path);

  std::vector<Rule> rules_;  // in file order
  std::vector<std::string> errors_;
};

// The CODEOWNERS file that GitHub uses: the first of .github/CODEOWNERS,
// CODEOWNERS and docs/CODEOWNERS (relative to the repository root) for which
// `exists` is true, or nullopt when there is none.
std::optional<std::string> FindCodeowners(const std::function<bool(const std::string&)>& exists);

// A change-set name for the owners of a group of files: "@org/team" gives
// "org-team", "@alice" gives "alice", "docs@example.com" gives
// "docs-example.com", several owners are joined by '+' in the order given,
// and no owner gives "unowned". The result is lower case and holds only
// [a-z0-9._+-]; any other character, and a '+' inside one owner, becomes '-'.
// Different owner lists can give one name ("@Alice" and "@alice", or
// "@org/team" and "@org-team"), so a caller that groups files by owner should
// group by this name.
std::string OwnerChangeSetName(const std::vector<std::string>& owners);

}  // namespace uprev

#endif  // UPREV_CHANGESETS_CODEOWNERS_H_
