// IgnoreRules: the patterns of .gitignore-style files (.gitignore, .ignore,
// .git/info/exclude), matched with git's own semantics (gitignore(5)), and
// WildMatch, git's glob matcher that the patterns are built on.
#ifndef UPREV_CORE_GITIGNORE_H_
#define UPREV_CORE_GITIGNORE_H_

#include <functional>
#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace uprev {

// Matches `text` against the glob `pattern` as git's wildmatch() does:
// `*`, `?`, `[a-z]`, `[!a-z]`, `[^a-z]`, `[[:alpha:]]` and `\` escapes. With
// `pathname`, `*`, `?` and classes never match '/', and `**` between slashes
// (or at either end) matches any number of folders.
bool WildMatch(std::string_view pattern, std::string_view text, bool pathname);

class IgnoreRules {
 public:
  enum class Verdict {
    kNone,     // no pattern matched
    kIgnore,   // the last matching pattern excludes the path
    kInclude,  // the last matching pattern is a `!` negation
  };

  // Adds the patterns of one ignore file. `base_dir` is the folder that holds
  // it, relative to the root that paths are given relative to, with '/'
  // separators and no trailing '/', "" for the root itself.
  //
  // Precedence is git's: for one path, a file in a deeper folder wins over a
  // file in a shallower folder; within one folder, a pattern added later
  // (later in its file, or in a file added later) wins over an earlier one.
  // So a caller that wants git's order adds .git/info/exclude first.
  void AddFile(std::string_view base_dir, std::string_view contents);

  // The verdict for `path` (relative to the root, '/' separators, no "./"
  // and no trailing '/') as git sees it: a path inside an ignored folder is
  // kIgnore whatever its own patterns say, since git never looks inside.
  Verdict Match(std::string_view path, bool is_dir) const;

  // The verdict of the patterns for `path` alone, assuming that no folder
  // above it is ignored: what a walker that never enters ignored folders
  // needs, without Match's cost of re-checking every parent.
  Verdict MatchEntry(std::string_view path, bool is_dir) const;

  bool empty() const { return patterns_by_dir_.empty(); }

 private:
  struct Pattern {
    std::string glob;  // without `!`, the trailing '/' and a leading '/'
    bool negated = false;
    bool dir_only = false;       // had a trailing '/'
    bool basename_only = false;  // had no '/': matches the name at any depth
  };

  static bool Matches(const Pattern& pattern, std::string_view base_dir, std::string_view path,
                      bool is_dir);

  // base_dir -> its patterns in the order added.
  std::map<std::string, std::vector<Pattern>, std::less<>> patterns_by_dir_;
};

}  // namespace uprev

#endif  // UPREV_CORE_GITIGNORE_H_
