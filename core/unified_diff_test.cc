#include "core/unified_diff.h"

#include <stdlib.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <random>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

#include <gtest/gtest.h>

namespace uprev {
namespace {

// "1\n2\n...\nN\n"
std::string Numbered(int n) {
  std::string text;
  for (int i = 1; i <= n; ++i) text += std::to_string(i) + "\n";
  return text;
}

TEST(UnifiedDiffTest, EqualTextsGiveNothing) {
  EXPECT_EQ(UnifiedDiff("a.py", "", ""), "");
  EXPECT_EQ(UnifiedDiff("a.py", "x\ny", "x\ny"), "");
}

TEST(UnifiedDiffTest, OneChangedLineWithContext) {
  std::string after = Numbered(10);
  after.replace(after.find("5\n"), 2, "five\n");
  EXPECT_EQ(UnifiedDiff("src/a.py", Numbered(10), after),
            "diff --git a/src/a.py b/src/a.py\n"
            "--- a/src/a.py\n"
            "+++ b/src/a.py\n"
            "@@ -2,7 +2,7 @@\n"
            " 2\n"
            " 3\n"
            " 4\n"
            "-5\n"
            "+five\n"
            " 6\n"
            " 7\n"
            " 8\n");
}

TEST(UnifiedDiffTest, InsertionAtStartAndDeletionAtEnd) {
  EXPECT_EQ(UnifiedDiff("f", "a\nb\nc\nd\ne\nf\ng\nh\ni\n", "new\na\nb\nc\nd\ne\nf\ng\nh\n"),
            "diff --git a/f b/f\n"
            "--- a/f\n"
            "+++ b/f\n"
            "@@ -1,3 +1,4 @@\n"
            "+new\n"
            " a\n"
            " b\n"
            " c\n"
            "@@ -6,4 +7,3 @@\n"
            " f\n"
            " g\n"
            " h\n"
            "-i\n");
}

TEST(UnifiedDiffTest, HunksMergeWhenAtMostTwiceTheContextApart) {
  // Lines 2 and 9 changed: 6 equal lines between them, one hunk.
  std::string merged = Numbered(10);
  merged.replace(merged.find("2\n"), 2, "two\n");
  merged.replace(merged.find("9\n"), 2, "nine\n");
  EXPECT_EQ(UnifiedDiff("f", Numbered(10), merged),
            "diff --git a/f b/f\n"
            "--- a/f\n"
            "+++ b/f\n"
            "@@ -1,10 +1,10 @@\n"
            " 1\n"
            "-2\n"
            "+two\n"
            " 3\n"
            " 4\n"
            " 5\n"
            " 6\n"
            " 7\n"
            " 8\n"
            "-9\n"
            "+nine\n"
            " 10\n");
  // Lines 2 and 10 changed: 7 equal lines between them, two hunks.
  std::string split = Numbered(11);
  split.replace(split.find("2\n"), 2, "two\n");
  split.replace(split.find("10\n"), 3, "ten\n");
  EXPECT_EQ(UnifiedDiff("f", Numbered(11), split),
            "diff --git a/f b/f\n"
            "--- a/f\n"
            "+++ b/f\n"
            "@@ -1,5 +1,5 @@\n"
            " 1\n"
            "-2\n"
            "+two\n"
            " 3\n"
            " 4\n"
            " 5\n"
            "@@ -7,5 +7,5 @@\n"
            " 7\n"
            " 8\n"
            " 9\n"
            "-10\n"
            "+ten\n"
            " 11\n");
}

TEST(UnifiedDiffTest, ZeroContextWritesCountsOfOneAndEmptyRanges) {
  EXPECT_EQ(UnifiedDiff("f", "a\nb\nc\n", "a\nB\nc\nd\n", 0),
            "diff --git a/f b/f\n"
            "--- a/f\n"
            "+++ b/f\n"
            "@@ -2 +2 @@\n"
            "-b\n"
            "+B\n"
            "@@ -3,0 +4 @@\n"
            "+d\n");
  EXPECT_EQ(UnifiedDiff("f", "a\nb\nc\n", "a\nc\n", -5),
            "diff --git a/f b/f\n"
            "--- a/f\n"
            "+++ b/f\n"
            "@@ -2 +1,0 @@\n"
            "-b\n");
}

TEST(UnifiedDiffTest, NoNewlineAtEndOfFile) {
  EXPECT_EQ(UnifiedDiff("f", "a\nb", "a\nc"),
            "diff --git a/f b/f\n"
            "--- a/f\n"
            "+++ b/f\n"
            "@@ -1,2 +1,2 @@\n"
            " a\n"
            "-b\n"
            "\\ No newline at end of file\n"
            "+c\n"
            "\\ No newline at end of file\n");
  EXPECT_EQ(UnifiedDiff("f", "a\nb", "a\nb\n"),
            "diff --git a/f b/f\n"
            "--- a/f\n"
            "+++ b/f\n"
            "@@ -1,2 +1,2 @@\n"
            " a\n"
            "-b\n"
            "\\ No newline at end of file\n"
            "+b\n");
  EXPECT_EQ(UnifiedDiff("f", "a\nb\nc", "x\nb\nc"),
            "diff --git a/f b/f\n"
            "--- a/f\n"
            "+++ b/f\n"
            "@@ -1,3 +1,3 @@\n"
            "-a\n"
            "+x\n"
            " b\n"
            " c\n"
            "\\ No newline at end of file\n");
}

TEST(UnifiedDiffTest, WholeFileAddedOrRemoved) {
  EXPECT_EQ(UnifiedDiff("f", "", "a\nb\n"),
            "diff --git a/f b/f\n"
            "--- a/f\n"
            "+++ b/f\n"
            "@@ -0,0 +1,2 @@\n"
            "+a\n"
            "+b\n");
  EXPECT_EQ(UnifiedDiff("f", "a\n", ""),
            "diff --git a/f b/f\n"
            "--- a/f\n"
            "+++ b/f\n"
            "@@ -1 +0,0 @@\n"
            "-a\n");
}

TEST(UnifiedDiffTest, NamesAreWrittenLikeGit) {
  EXPECT_EQ(UnifiedDiff("my file.py", "a\n", "b\n"),
            "diff --git a/my file.py b/my file.py\n"
            "--- a/my file.py\t\n"
            "+++ b/my file.py\t\n"
            "@@ -1 +1 @@\n"
            "-a\n"
            "+b\n");
  EXPECT_EQ(UnifiedDiff("q\"\\\t\xC3\xA9.py", "a\n", "b\n"),
            "diff --git \"a/q\\\"\\\\\\t\\303\\251.py\" \"b/q\\\"\\\\\\t\\303\\251.py\"\n"
            "--- \"a/q\\\"\\\\\\t\\303\\251.py\"\n"
            "+++ \"b/q\\\"\\\\\\t\\303\\251.py\"\n"
            "@@ -1 +1 @@\n"
            "-a\n"
            "+b\n");
  EXPECT_EQ(UnifiedDiff("/abs/f", "a\n", "b\n"),
            "diff --git a/abs/f b/abs/f\n"
            "--- a/abs/f\n"
            "+++ b/abs/f\n"
            "@@ -1 +1 @@\n"
            "-a\n"
            "+b\n");
}

// --- Properties ------------------------------------------------------------

std::vector<std::string> SplitKeepingNewlines(const std::string& text) {
  std::vector<std::string> lines;
  for (size_t pos = 0; pos < text.size();) {
    size_t eol = text.find('\n', pos);
    size_t end = eol == std::string::npos ? text.size() : eol + 1;
    lines.push_back(text.substr(pos, end - pos));
    pos = end;
  }
  return lines;
}

// Applies `diff` to `before` as patch(1) would, checking every context and
// removed line; sets *ok to false on any mismatch.
std::string ApplyDiff(const std::string& before, const std::string& diff, bool* ok) {
  constexpr std::string_view kNoNewline = "\\ No newline at end of file";
  *ok = true;
  std::vector<std::string> old_lines = SplitKeepingNewlines(before);
  std::vector<std::string> lines;
  std::istringstream in(diff);
  for (std::string line; std::getline(in, line);) lines.push_back(line);
  std::string out;
  size_t next_old = 0;
  for (size_t i = 3; i < lines.size(); ++i) {  // after the three header lines
    const std::string& line = lines[i];
    if (line.rfind("@@ ", 0) == 0) {
      int start = 0, count = 1;
      std::sscanf(line.c_str(), "@@ -%d,%d", &start, &count);
      size_t lines_before = static_cast<size_t>(count == 0 ? start : start - 1);
      if (lines_before < next_old) *ok = false;
      while (next_old < lines_before && next_old < old_lines.size()) {
        out += old_lines[next_old++];
      }
      continue;
    }
    if (line == kNoNewline) continue;  // read ahead below
    bool newline = i + 1 == lines.size() || lines[i + 1] != kNoNewline;
    std::string text = line.substr(std::min<size_t>(1, line.size())) + (newline ? "\n" : "");
    char sign = line.empty() ? '?' : line[0];
    if (sign == ' ' || sign == '-') {
      if (next_old >= old_lines.size() || old_lines[next_old] != text) *ok = false;
      ++next_old;
      if (sign == ' ') out += text;
    } else if (sign == '+') {
      out += text;
    } else {
      *ok = false;
    }
  }
  while (next_old < old_lines.size()) out += old_lines[next_old++];
  return out;
}

std::vector<std::string> RandomLines(std::mt19937* rng, int max_lines, int alphabet) {
  std::uniform_int_distribution<int> count(0, max_lines);
  std::uniform_int_distribution<int> letter(0, alphabet - 1);
  std::vector<std::string> lines(count(*rng));
  for (std::string& line : lines) line = std::string(1, static_cast<char>('a' + letter(*rng)));
  return lines;
}

std::string Join(const std::vector<std::string>& lines, bool final_newline) {
  std::string text;
  for (size_t i = 0; i < lines.size(); ++i) {
    text += lines[i];
    if (i + 1 < lines.size() || final_newline) text += "\n";
  }
  return text;
}

size_t ChangedLines(const std::string& diff) {
  size_t changed = 0;
  std::istringstream in(diff);
  std::string line;
  for (int header = 0; header < 3 && std::getline(in, line);) ++header;
  while (std::getline(in, line)) changed += !line.empty() && (line[0] == '-' || line[0] == '+');
  return changed;
}

size_t LongestCommonSubsequence(const std::vector<std::string>& a,
                                const std::vector<std::string>& b) {
  std::vector<std::vector<size_t>> lcs(a.size() + 1, std::vector<size_t>(b.size() + 1));
  for (size_t i = 1; i <= a.size(); ++i) {
    for (size_t j = 1; j <= b.size(); ++j) {
      lcs[i][j] =
          a[i - 1] == b[j - 1] ? lcs[i - 1][j - 1] + 1 : std::max(lcs[i - 1][j], lcs[i][j - 1]);
    }
  }
  return lcs[a.size()][b.size()];
}

TEST(UnifiedDiffTest, RandomDiffsAreMinimalAndApply) {
  std::mt19937 rng(20240601);
  for (int round = 0; round < 3000; ++round) {
    std::vector<std::string> a = RandomLines(&rng, 14, round % 2 ? 3 : 6);
    std::vector<std::string> b = RandomLines(&rng, 14, round % 2 ? 3 : 6);
    bool a_newline = rng() % 4 != 0, b_newline = rng() % 4 != 0;
    std::string before = Join(a, a_newline), after = Join(b, b_newline);
    int context = static_cast<int>(rng() % 4);
    std::string diff = UnifiedDiff("f", before, after, context);
    SCOPED_TRACE("before:\n" + before + "\nafter:\n" + after + "\ndiff:\n" + diff);
    if (before == after) {
      EXPECT_EQ(diff, "");
      continue;
    }
    bool ok;
    EXPECT_EQ(ApplyDiff(before, diff, &ok), after);
    EXPECT_TRUE(ok);
    // A missing final newline makes the last line differ from its twin.
    std::vector<std::string> a_keys = a, b_keys = b;
    if (!a_newline && !a_keys.empty()) a_keys.back() += "<no newline>";
    if (!b_newline && !b_keys.empty()) b_keys.back() += "<no newline>";
    EXPECT_EQ(ChangedLines(diff),
              a_keys.size() + b_keys.size() - 2 * LongestCommonSubsequence(a_keys, b_keys));
    if (HasFailure()) break;
  }
}

TEST(UnifiedDiffTest, LargeFilesAreFast) {
  std::mt19937 rng(7);
  std::vector<std::string> a;
  for (int i = 0; i < 200000; ++i) a.push_back("line " + std::to_string(rng() % 5000));
  std::vector<std::string> b = a;
  for (int edit = 0; edit < 200; ++edit) {
    size_t at = rng() % b.size();
    if (edit % 3 == 0) {
      b.erase(b.begin() + static_cast<long>(at));
    } else if (edit % 3 == 1) {
      b.insert(b.begin() + static_cast<long>(at), "inserted " + std::to_string(edit));
    } else {
      b[at] = "line " + std::to_string(rng() % 5000);
    }
  }
  std::string before = Join(a, true), after = Join(b, true);
  bool ok;
  EXPECT_EQ(ApplyDiff(before, UnifiedDiff("big", before, after), &ok), after);
  EXPECT_TRUE(ok);
  // Two unrelated files: every line is unique to one side.
  std::string x, y;
  for (int i = 0; i < 100000; ++i) x += "x" + std::to_string(i) + "\n";
  for (int i = 0; i < 100000; ++i) y += "y" + std::to_string(i) + "\n";
  EXPECT_EQ(ApplyDiff(x, UnifiedDiff("big", x, y), &ok), y);
  EXPECT_TRUE(ok);
}

// --- Against git apply ------------------------------------------------------

class ScopedTempDir {
 public:
  ScopedTempDir() {
    std::string pattern =
        std::filesystem::temp_directory_path().string() + "/uprev_unified_diff_XXXXXX";
    if (::mkdtemp(pattern.data()) != nullptr) path_ = pattern;
  }
  ~ScopedTempDir() {
    std::error_code ec;
    if (!path_.empty()) std::filesystem::remove_all(path_, ec);
  }
  const std::string& path() const { return path_; }

 private:
  std::string path_;
};

void WriteFile(const std::string& path, const std::string& contents) {
  std::ofstream(path, std::ios::binary) << contents;
}

std::string ReadWholeFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream buffer;
  buffer << in.rdbuf();
  return buffer.str();
}

// A random edit of `lines`: some lines deleted, inserted and replaced.
std::vector<std::string> RandomEdit(std::mt19937* rng, std::vector<std::string> lines) {
  int edits = 1 + static_cast<int>((*rng)() % 6);
  for (int e = 0; e < edits; ++e) {
    size_t at = lines.empty() ? 0 : (*rng)() % (lines.size() + 1);
    switch ((*rng)() % 3) {
      case 0:
        if (at < lines.size()) lines.erase(lines.begin() + static_cast<long>(at));
        break;
      case 1:
        lines.insert(lines.begin() + static_cast<long>(at), "new " + std::to_string(e));
        break;
      default:
        if (at < lines.size()) lines[at] = "changed " + std::to_string(e);
    }
  }
  return lines;
}

TEST(UnifiedDiffTest, GitApplyAcceptsRandomEdits) {
  if (std::system("git --version >/dev/null 2>&1") != 0) GTEST_SKIP() << "no git";
  ScopedTempDir tmp;
  ASSERT_FALSE(tmp.path().empty());
  const std::string git =
      "cd '" + tmp.path() + "' && GIT_CONFIG_NOSYSTEM=1 GIT_CONFIG_GLOBAL=/dev/null git ";
  ASSERT_EQ(std::system((git + "init -q").c_str()), 0);
  std::mt19937 rng(12345);
  for (int round = 0; round < 24; ++round) {
    std::vector<std::string> a;
    int lines = round < 2 ? round : 1 + static_cast<int>(rng() % 40);
    for (int i = 0; i < lines; ++i) a.push_back("line " + std::to_string(rng() % 8));
    std::vector<std::string> b = RandomEdit(&rng, a);
    std::string before = Join(a, round % 5 != 3), after = Join(b, round % 7 != 4);
    if (before == after) after += "tail\n";
    std::string name = round % 4 == 0   ? "dir/file " + std::to_string(round) + ".txt"
                       : round % 4 == 1 ? "dir/odd \"q\\\t\xC3\xA9" + std::to_string(round)
                                        : "file" + std::to_string(round) + ".py";
    std::filesystem::create_directories(tmp.path() + "/dir");
    WriteFile(tmp.path() + "/" + name, before);
    int context = static_cast<int>(round % 4);
    std::string diff = UnifiedDiff(name, before, after, context);
    WriteFile(tmp.path() + "/.git/edit.patch", diff);
    SCOPED_TRACE(diff);
    // Like for `git diff -U0`, git apply wants to be told about no context.
    std::string apply = context == 0 ? "apply --unidiff-zero " : "apply ";
    ASSERT_EQ(std::system((git + apply + "--check .git/edit.patch").c_str()), 0);
    ASSERT_EQ(std::system((git + apply + ".git/edit.patch").c_str()), 0);
    EXPECT_EQ(ReadWholeFile(tmp.path() + "/" + name), after);
  }
}

}  // namespace
}  // namespace uprev
