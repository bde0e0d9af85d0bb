#include "core/gitignore.h"

#include <cctype>

namespace uprev {

namespace {

// A port of git's wildmatch.c (itself from rsync), kept close to the
// original so that its edge cases stay git's edge cases.
enum WildResult {
  kWildMatch,
  kWildNoMatch,
  kWildAbortAll,         // the text ran out: no later star can help
  kWildAbortToStarStar,  // a single star hit a '/': only a `**` can help
  kWildContinue,         // internal: keep matching after the construct
};

bool IsGlobSpecial(unsigned char c) { return c == '*' || c == '?' || c == '[' || c == '\\'; }

bool InCharClass(std::string_view name, unsigned char c, bool* known) {
  *known = true;
  if (name == "alnum") return std::isalnum(c);
  if (name == "alpha") return std::isalpha(c);
  if (name == "blank") return c == ' ' || c == '\t';
  if (name == "cntrl") return std::iscntrl(c);
  if (name == "digit") return std::isdigit(c);
  if (name == "graph") return std::isgraph(c);
  if (name == "lower") return std::islower(c);
  if (name == "print") return std::isprint(c);
  if (name == "punct") return std::ispunct(c);
  if (name == "space") return std::isspace(c);
  if (name == "upper") return std::isupper(c);
  if (name == "xdigit") return std::isxdigit(c);
  *known = false;
  return false;
}

class WildMatcher {
 public:
  WildMatcher(std::string_view pattern, std::string_view text, bool pathname)
      : pattern_(pattern), text_(text), pathname_(pathname) {}

  // Matches pattern_[p..] against text_[t..].
  int Match(size_t p, size_t t) const;

 private:
  // Like C strings: '\0' past the end.
  unsigned char P(size_t i) const {
    return i < pattern_.size() ? static_cast<unsigned char>(pattern_[i]) : 0;
  }
  unsigned char T(size_t i) const {
    return i < text_.size() ? static_cast<unsigned char>(text_[i]) : 0;
  }
  bool TextHasSlashFrom(size_t t) const {
    return t < text_.size() && text_.find('/', t) != std::string_view::npos;
  }

  // `*p` is at a '*'; `pattern_start` is where this Match call began.
  int MatchStar(size_t* p, size_t* t, size_t pattern_start) const;
  // `*p` is at a '['; on success leaves `*p` at the closing ']'.
  int MatchClass(size_t* p, unsigned char t_ch) const;

  std::string_view pattern_;
  std::string_view text_;
  bool pathname_;
};

int WildMatcher::Match(size_t p, size_t t) const {
  const size_t pattern_start = p;
  for (; P(p) != '\0'; ++t, ++p) {
    unsigned char p_ch = P(p);
    unsigned char t_ch = T(t);
    if (t_ch == '\0' && p_ch != '*') return kWildAbortAll;
    int result = kWildContinue;
    switch (p_ch) {
      case '\\':
        // A literal match with the next character; a trailing '\' compares
        // '\0' with a text character and fails.
        p_ch = P(++p);
        if (t_ch != p_ch) return kWildNoMatch;
        break;
      case '?':
        if (pathname_ && t_ch == '/') return kWildNoMatch;
        break;
      case '*':
        result = MatchStar(&p, &t, pattern_start);
        break;
      case '[':
        result = MatchClass(&p, t_ch);
        break;
      default:
        if (t_ch != p_ch) return kWildNoMatch;
        break;
    }
    if (result != kWildContinue) return result;
  }
  return T(t) ? kWildNoMatch : kWildMatch;
}

int WildMatcher::MatchStar(size_t* p_io, size_t* t_io, size_t pattern_start) const {
  size_t p = *p_io;
  size_t t = *t_io;
  bool match_slash;
  if (P(++p) == '*') {
    bool after_slash = p < pattern_start + 2 || P(p - 2) == '/';
    while (P(++p) == '*') {
    }
    if (!pathname_) {
      match_slash = true;  // without pathname, '*' == '**'
    } else if (after_slash && (P(p) == '\0' || P(p) == '/' || (P(p) == '\\' && P(p + 1) == '/'))) {
      // `**/` may match no folder at all: "a/**/b" matches "a/b".
      if (P(p) == '/' && Match(p + 1, t) == kWildMatch) return kWildMatch;
      match_slash = true;
    } else {
      match_slash = false;  // a `**` inside a name is a plain '*'
    }
  } else {
    match_slash = !pathname_;
  }
  if (P(p) == '\0') {
    // A trailing `**` matches everything; a trailing '*' only the last name.
    if (!match_slash && TextHasSlashFrom(t)) return kWildNoMatch;
    return kWildMatch;
  }
  if (!match_slash && P(p) == '/') {
    // "*/" matches exactly one folder name.
    size_t slash = text_.find('/', t);
    if (t >= text_.size() || slash == std::string_view::npos) return kWildNoMatch;
    *p_io = p;  // at the '/', which the caller's loop consumes with the text's
    *t_io = slash;
    return kWildContinue;
  }
  for (unsigned char t_ch = T(t); t_ch != '\0'; t_ch = T(++t)) {
    // Skip ahead to the next occurrence of a literal that follows the star.
    if (!IsGlobSpecial(P(p))) {
      unsigned char p_ch = P(p);
      while ((t_ch = T(t)) != '\0' && (match_slash || t_ch != '/')) {
        if (t_ch == p_ch) break;
        ++t;
      }
      if (t_ch != p_ch) return kWildNoMatch;
    }
    int matched = Match(p, t);
    if (matched != kWildNoMatch) {
      if (!match_slash || matched != kWildAbortToStarStar) return matched;
    } else if (!match_slash && t_ch == '/') {
      return kWildAbortToStarStar;
    }
  }
  return kWildAbortAll;
}

int WildMatcher::MatchClass(size_t* p_io, unsigned char t_ch) const {
  size_t p = *p_io;
  unsigned char p_ch = P(++p);
  const bool negated = p_ch == '!' || p_ch == '^';
  if (negated) p_ch = P(++p);
  unsigned char prev_ch = 0;
  bool matched = false;
  do {
    if (!p_ch) return kWildAbortAll;
    if (p_ch == '\\') {
      p_ch = P(++p);
      if (!p_ch) return kWildAbortAll;
      if (t_ch == p_ch) matched = true;
    } else if (p_ch == '-' && prev_ch && P(p + 1) && P(p + 1) != ']') {
      p_ch = P(++p);
      if (p_ch == '\\') {
        p_ch = P(++p);
        if (!p_ch) return kWildAbortAll;
      }
      if (t_ch <= p_ch && t_ch >= prev_ch) matched = true;
      p_ch = 0;  // a range cannot start another range
    } else if (p_ch == '[' && P(p + 1) == ':') {
      size_t name_start = p += 2;
      while ((p_ch = P(p)) && p_ch != ']') ++p;
      if (!p_ch) return kWildAbortAll;
      if (p < name_start + 1 || P(p - 1) != ':') {
        // No ":]": the '[' is an ordinary member of the set.
        p = name_start - 2;
        p_ch = '[';
        if (t_ch == p_ch) matched = true;
        continue;
      }
      bool known;
      std::string_view name = pattern_.substr(name_start, p - 1 - name_start);
      if (InCharClass(name, t_ch, &known)) matched = true;
      if (!known) return kWildAbortAll;
      p_ch = 0;
    } else if (t_ch == p_ch) {
      matched = true;
    }
  } while (prev_ch = p_ch, (p_ch = P(++p)) != ']');
  if (matched == negated || (pathname_ && t_ch == '/')) return kWildNoMatch;
  *p_io = p;
  return kWildContinue;
}

// git trims trailing spaces unless they are escaped with a backslash.
std::string_view TrimTrailingSpaces(std::string_view line) {
  size_t last_space = std::string_view::npos;
  for (size_t i = 0; i < line.size(); ++i) {
    if (line[i] == ' ') {
      if (last_space == std::string_view::npos) last_space = i;
      continue;
    }
    if (line[i] == '\\') {
      if (++i == line.size()) return line;
    }
    last_space = std::string_view::npos;
  }
  return last_space == std::string_view::npos ? line : line.substr(0, last_space);
}

// The folders above `path`, deepest first: "a/b/c" gives "a/b", "a", "".
template <typename Visit>
void ForEachParentDeepestFirst(std::string_view path, Visit visit) {
  size_t slash = path.rfind('/');
  while (slash != std::string_view::npos && slash > 0) {
    if (visit(path.substr(0, slash))) return;
    slash = path.rfind('/', slash - 1);
  }
  visit(std::string_view());
}

}  // namespace

bool WildMatch(std::string_view pattern, std::string_view text, bool pathname) {
  return WildMatcher(pattern, text, pathname).Match(0, 0) == kWildMatch;
}

void IgnoreRules::AddFile(std::string_view base_dir, std::string_view contents) {
  if (contents.substr(0, 3) == "\xEF\xBB\xBF") contents.remove_prefix(3);
  std::vector<Pattern>* patterns = nullptr;
  while (!contents.empty()) {
    size_t eol = contents.find('\n');
    std::string_view line = contents.substr(0, eol);
    contents.remove_prefix(eol == std::string_view::npos ? contents.size() : eol + 1);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    // A NUL ends the line for git, which reads patterns as C strings.
    line = line.substr(0, line.find('\0'));
    if (line.empty() || line[0] == '#') continue;
    line = TrimTrailingSpaces(line);

    Pattern pattern;
    if (!line.empty() && line[0] == '!') {
      pattern.negated = true;
      line.remove_prefix(1);
    }
    if (!line.empty() && line.back() == '/') {
      pattern.dir_only = true;
      line.remove_suffix(1);
    }
    pattern.basename_only = line.find('/') == std::string_view::npos;
    if (!line.empty() && line[0] == '/') line.remove_prefix(1);
    if (line.empty()) continue;  // "", "/", "!": git's match nothing either
    pattern.glob = std::string(line);
    if (!patterns) {
      auto it = patterns_by_dir_.find(base_dir);
      if (it == patterns_by_dir_.end()) {
        it = patterns_by_dir_.emplace(std::string(base_dir), std::vector<Pattern>()).first;
      }
      patterns = &it->second;
    }
    patterns->push_back(std::move(pattern));
  }
}

bool IgnoreRules::Matches(const Pattern& pattern, std::string_view base_dir, std::string_view path,
                          bool is_dir) {
  if (pattern.dir_only && !is_dir) return false;
  if (pattern.basename_only) {
    size_t slash = path.rfind('/');
    std::string_view name = slash == std::string_view::npos ? path : path.substr(slash + 1);
    return WildMatch(pattern.glob, name, /*pathname=*/false);
  }
  // The pattern is relative to the folder of its file.
  std::string_view relative = base_dir.empty() ? path : path.substr(base_dir.size() + 1);
  return WildMatch(pattern.glob, relative, /*pathname=*/true);
}

IgnoreRules::Verdict IgnoreRules::MatchEntry(std::string_view path, bool is_dir) const {
  Verdict verdict = Verdict::kNone;
  if (patterns_by_dir_.empty()) return verdict;
  ForEachParentDeepestFirst(path, [&](std::string_view dir) {
    auto it = patterns_by_dir_.find(dir);
    if (it == patterns_by_dir_.end()) return false;
    const std::vector<Pattern>& patterns = it->second;
    for (auto p = patterns.rbegin(); p != patterns.rend(); ++p) {
      if (Matches(*p, dir, path, is_dir)) {
        verdict = p->negated ? Verdict::kInclude : Verdict::kIgnore;
        return true;
      }
    }
    return false;
  });
  return verdict;
}

IgnoreRules::Verdict IgnoreRules::Match(std::string_view path, bool is_dir) const {
  if (patterns_by_dir_.empty()) return Verdict::kNone;
  for (size_t slash = path.find('/'); slash != std::string_view::npos;
       slash = path.find('/', slash + 1)) {
    if (slash == 0) continue;
    if (MatchEntry(path.substr(0, slash), /*is_dir=*/true) == Verdict::kIgnore) {
      return Verdict::kIgnore;
    }
  }
  return MatchEntry(path, is_dir);
}

}  // namespace uprev
