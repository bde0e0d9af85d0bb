#include "core/gitignore.h"

#include <stdlib.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include <gtest/gtest.h>

namespace uprev {
namespace {

std::string_view VerdictName(IgnoreRules::Verdict verdict) {
  switch (verdict) {
    case IgnoreRules::Verdict::kNone:
      return "none";
    case IgnoreRules::Verdict::kIgnore:
      return "ignore";
    case IgnoreRules::Verdict::kInclude:
      return "include";
  }
  return "?";
}

// One line per path, "path -> verdict"; a path ending in '/' is a folder.
std::string Verdicts(const IgnoreRules& rules, const std::vector<std::string>& paths) {
  std::string out;
  for (std::string path : paths) {
    bool is_dir = !path.empty() && path.back() == '/';
    if (is_dir) path.pop_back();
    out += path + (is_dir ? "/" : "") + " -> " +
           std::string(VerdictName(rules.Match(path, is_dir))) + "\n";
  }
  return out;
}

IgnoreRules RootRules(std::string_view contents) {
  IgnoreRules rules;
  rules.AddFile("", contents);
  return rules;
}

TEST(WildMatchTest, LiteralsAndWildcards) {
  EXPECT_TRUE(WildMatch("foo", "foo", true));
  EXPECT_FALSE(WildMatch("foo", "bar", true));
  EXPECT_FALSE(WildMatch("foo", "foox", true));
  EXPECT_TRUE(WildMatch("???", "foo", true));
  EXPECT_FALSE(WildMatch("??", "foo", true));
  EXPECT_TRUE(WildMatch("*", "foo", true));
  EXPECT_TRUE(WildMatch("f*", "foo", true));
  EXPECT_FALSE(WildMatch("*f", "foo", true));
  EXPECT_TRUE(WildMatch("*foo*", "foo", true));
  EXPECT_TRUE(WildMatch("*ob*a*r*", "foobar", true));
  EXPECT_TRUE(WildMatch("*ab", "aaaaaaabababab", true));
  EXPECT_TRUE(WildMatch("foo\\*", "foo*", true));
  EXPECT_FALSE(WildMatch("foo\\*bar", "foobar", true));
  EXPECT_TRUE(WildMatch("f\\\\oo", "f\\oo", true));
  EXPECT_FALSE(WildMatch("foo\\", "foo", true));  // a dangling escape
}

TEST(WildMatchTest, CharacterClasses) {
  EXPECT_TRUE(WildMatch("*[al]?", "ball", true));
  EXPECT_FALSE(WildMatch("[ten]", "ten", true));
  EXPECT_TRUE(WildMatch("t[a-g]n", "ten", true));
  EXPECT_FALSE(WildMatch("t[!a-g]n", "ten", true));
  EXPECT_TRUE(WildMatch("t[!a-g]n", "ton", true));
  EXPECT_TRUE(WildMatch("t[^a-g]n", "ton", true));
  EXPECT_TRUE(WildMatch("a[]]b", "a]b", true));
  EXPECT_TRUE(WildMatch("a[]-]b", "a-b", true));
  EXPECT_TRUE(WildMatch("a[]-]b", "a]b", true));
  EXPECT_FALSE(WildMatch("a[]-]b", "aab", true));
  EXPECT_TRUE(WildMatch("a[]a-]b", "aab", true));
  EXPECT_TRUE(WildMatch("[[:digit:]]x", "7x", true));
  EXPECT_FALSE(WildMatch("[[:digit:]]x", "ax", true));
  EXPECT_TRUE(WildMatch("[[:upper:][:digit:]]", "Q", true));
  EXPECT_FALSE(WildMatch("[[:bogus:]]", "b", true));
  EXPECT_FALSE(WildMatch("[abc", "a", true));  // unterminated
  EXPECT_FALSE(WildMatch("a[/]b", "a/b", true));
  EXPECT_TRUE(WildMatch("a[/]b", "a/b", false));
}

TEST(WildMatchTest, SlashesAndDoubleStars) {
  EXPECT_FALSE(WildMatch("foo*bar", "foo/baz/bar", true));
  EXPECT_TRUE(WildMatch("foo*bar", "foo/baz/bar", false));
  EXPECT_FALSE(WildMatch("foo?bar", "foo/bar", true));
  EXPECT_TRUE(WildMatch("foo/**/bar", "foo/bar", true));
  EXPECT_TRUE(WildMatch("foo/**/bar", "foo/baz/bar", true));
  EXPECT_TRUE(WildMatch("foo/**/bar", "foo/b/a/z/bar", true));
  EXPECT_FALSE(WildMatch("foo/**/bar", "foo/barx", true));
  EXPECT_TRUE(WildMatch("**/foo", "foo", true));
  EXPECT_TRUE(WildMatch("**/foo", "a/b/foo", true));
  EXPECT_FALSE(WildMatch("**/foo", "a/b/xfoo", true));
  EXPECT_FALSE(WildMatch("a/**", "a", true));
  EXPECT_TRUE(WildMatch("a/**", "a/b", true));
  EXPECT_TRUE(WildMatch("a/**", "a/b/c", true));
  EXPECT_FALSE(WildMatch("a/*", "a/b/c", true));
  EXPECT_TRUE(WildMatch("*/b", "a/b", true));
  EXPECT_FALSE(WildMatch("*/b", "x/a/b", true));
  EXPECT_TRUE(WildMatch("x**y", "xaby", true));  // `**` inside a name is '*'
  EXPECT_FALSE(WildMatch("x**y", "xa/by", true));
}

TEST(IgnoreRulesTest, CommentsBlankLinesAndEscapes) {
  IgnoreRules rules = RootRules(
      "# a comment\n"
      "\n"
      "   \n"
      "\\#hash\n"
      "\\!bang\n"
      "a#b\n");
  EXPECT_EQ(Verdicts(rules, {"# a comment", "#hash", "!bang", "bang", "a#b", "   "}),
            "# a comment -> none\n"
            "#hash -> ignore\n"
            "!bang -> ignore\n"
            "bang -> none\n"
            "a#b -> ignore\n"
            "    -> none\n");
}

TEST(IgnoreRulesTest, TrailingSpacesTrimmedUnlessEscaped) {
  IgnoreRules rules = RootRules("a.txt   \nb\\ \nc\\  \n lead\n");
  EXPECT_EQ(Verdicts(rules, {"a.txt", "a.txt   ", "b ", "b", "c ", "c  ", " lead", "lead"}),
            "a.txt -> ignore\n"
            "a.txt    -> none\n"
            "b  -> ignore\n"
            "b -> none\n"
            "c  -> ignore\n"
            "c   -> none\n"
            " lead -> ignore\n"
            "lead -> none\n");
}

TEST(IgnoreRulesTest, CrlfLineEndingsAndByteOrderMark) {
  IgnoreRules rules = RootRules(
      "\xEF\xBB\xBF"
      "first\r\nsecond\r\n");
  EXPECT_EQ(Verdicts(rules, {"first", "second", "second\r"}),
            "first -> ignore\n"
            "second -> ignore\n"
            "second\r -> none\n");
}

TEST(IgnoreRulesTest, LaterNegationWins) {
  IgnoreRules rules = RootRules("*.log\n!keep.log\n*.bak\n!*.bak\nfinal.bak\n");
  EXPECT_EQ(Verdicts(rules, {"a.log", "keep.log", "src/keep.log", "a.bak", "final.bak"}),
            "a.log -> ignore\n"
            "keep.log -> include\n"
            "src/keep.log -> include\n"
            "a.bak -> include\n"
            "final.bak -> ignore\n");
}

TEST(IgnoreRulesTest, FileInExcludedFolderCannotBeReincluded) {
  IgnoreRules rules = RootRules("build/\n!build/keep.txt\nnested/*\n!nested/keep\n");
  EXPECT_EQ(Verdicts(rules, {"build/", "build/keep.txt", "build/x/y", "nested/", "nested/drop",
                             "nested/keep", "nested/keep/", "nested/keep/a"}),
            "build/ -> ignore\n"
            "build/keep.txt -> ignore\n"
            "build/x/y -> ignore\n"
            "nested/ -> none\n"
            "nested/drop -> ignore\n"
            "nested/keep -> include\n"
            "nested/keep/ -> include\n"
            "nested/keep/a -> none\n");
  // A walker that skips ignored folders only asks about the entry itself.
  EXPECT_EQ(rules.MatchEntry("build/keep.txt", false), IgnoreRules::Verdict::kInclude);
}

TEST(IgnoreRulesTest, SlashAnchorsPatternToItsFolder) {
  IgnoreRules rules = RootRules("/root.txt\nsrc/gen.c\nany.txt\n/*.tmp\n");
  EXPECT_EQ(Verdicts(rules, {"root.txt", "a/root.txt", "src/gen.c", "x/src/gen.c", "any.txt",
                             "a/b/any.txt", "x.tmp", "a/x.tmp"}),
            "root.txt -> ignore\n"
            "a/root.txt -> none\n"
            "src/gen.c -> ignore\n"
            "x/src/gen.c -> none\n"
            "any.txt -> ignore\n"
            "a/b/any.txt -> ignore\n"
            "x.tmp -> ignore\n"
            "a/x.tmp -> none\n");
}

TEST(IgnoreRulesTest, TrailingSlashMatchesOnlyFolders) {
  IgnoreRules rules = RootRules("build/\nsrc/out/\n");
  EXPECT_EQ(Verdicts(rules, {"build/", "build", "a/build/", "a/build", "src/out/", "src/out",
                             "x/src/out/"}),
            "build/ -> ignore\n"
            "build -> none\n"
            "a/build/ -> ignore\n"
            "a/build -> none\n"
            "src/out/ -> ignore\n"
            "src/out -> none\n"
            "x/src/out/ -> none\n");
}

TEST(IgnoreRulesTest, Wildcards) {
  IgnoreRules rules = RootRules("tmp?.txt\ndata[0-9].csv\ndata[!0-9].bin\n*/mid.txt\n");
  EXPECT_EQ(Verdicts(rules, {"tmp1.txt", "tmp12.txt", "a/tmpx.txt", "data1.csv", "dataa.csv",
                             "data1.bin", "dataa.bin", "mid.txt", "x/mid.txt", "x/y/mid.txt"}),
            "tmp1.txt -> ignore\n"
            "tmp12.txt -> none\n"
            "a/tmpx.txt -> ignore\n"
            "data1.csv -> ignore\n"
            "dataa.csv -> none\n"
            "data1.bin -> none\n"
            "dataa.bin -> ignore\n"
            "mid.txt -> none\n"
            "x/mid.txt -> ignore\n"
            "x/y/mid.txt -> none\n");
}

TEST(IgnoreRulesTest, DoubleStars) {
  IgnoreRules rules = RootRules("**/cache\nlogs/**\na/**/z.txt\n**/gen/**\n");
  EXPECT_EQ(Verdicts(rules, {"cache", "x/y/cache", "x/y/cache/f", "logs/", "logs/a", "logs/b/c",
                             "a/z.txt", "a/b/c/z.txt", "b/a/z.txt", "gen/", "gen/f", "x/gen/y/f"}),
            "cache -> ignore\n"
            "x/y/cache -> ignore\n"
            "x/y/cache/f -> ignore\n"
            "logs/ -> none\n"
            "logs/a -> ignore\n"
            "logs/b/c -> ignore\n"
            "a/z.txt -> ignore\n"
            "a/b/c/z.txt -> ignore\n"
            "b/a/z.txt -> none\n"
            "gen/ -> none\n"
            "gen/f -> ignore\n"
            "x/gen/y/f -> ignore\n");
}

TEST(IgnoreRulesTest, DeeperFileWinsWhateverTheOrderAdded) {
  IgnoreRules rules;
  rules.AddFile("sub", "!*.txt\n/only\n");
  rules.AddFile("", "*.txt\n");
  EXPECT_EQ(Verdicts(rules, {"a.txt", "sub/a.txt", "sub/x/a.txt", "subx/a.txt", "only", "sub/only",
                             "sub/x/only"}),
            "a.txt -> ignore\n"
            "sub/a.txt -> include\n"
            "sub/x/a.txt -> include\n"
            "subx/a.txt -> ignore\n"
            "only -> none\n"
            "sub/only -> ignore\n"
            "sub/x/only -> none\n");
}

TEST(IgnoreRulesTest, LaterFileForSameFolderWins) {
  IgnoreRules rules;
  rules.AddFile("", "!*.o\n");  // e.g. .git/info/exclude
  rules.AddFile("", "*.o\n");   // the folder's .gitignore
  EXPECT_EQ(Verdicts(rules, {"a.o"}), "a.o -> ignore\n");
}

TEST(IgnoreRulesTest, EmptyRulesMatchNothing) {
  IgnoreRules rules = RootRules("# only a comment\n\n/\n!\n");
  EXPECT_TRUE(rules.empty());
  EXPECT_EQ(Verdicts(rules, {"a", "a/"}), "a -> none\na/ -> none\n");
}

// --- Against git itself ---------------------------------------------------

class ScopedTempDir {
 public:
  ScopedTempDir() {
    std::string pattern =
        std::filesystem::temp_directory_path().string() + "/uprev_gitignore_XXXXXX";
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
  std::error_code ec;
  std::filesystem::create_directories(std::filesystem::path(path).parent_path(), ec);
  std::ofstream(path, std::ios::binary) << contents;
}

std::string ReadWholeFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream buffer;
  buffer << in.rdbuf();
  return buffer.str();
}

std::vector<std::string> SplitNul(const std::string& text) {
  std::vector<std::string> fields;
  size_t start = 0;
  for (size_t nul; (nul = text.find('\0', start)) != std::string::npos; start = nul + 1) {
    fields.push_back(text.substr(start, nul - start));
  }
  return fields;
}

// Runs git hermetically (no system or user config, no global excludes).
int RunGit(const std::string& dir, const std::string& args) {
  std::string command = "cd '" + dir +
                        "' && GIT_CONFIG_NOSYSTEM=1 GIT_CONFIG_GLOBAL=/dev/null "
                        "git -c core.excludesFile=/dev/null " +
                        args;
  return std::system(command.c_str());
}

bool HaveGit() { return std::system("git --version >/dev/null 2>&1") == 0; }

constexpr char kRootGitignore[] =
    "# a comment line\n"
    " \n"
    "\\#hash.txt\n"
    "\\!bang.txt\n"
    "*.log\n"
    "!keep.log\n"
    "build/\n"
    "/root_only.txt\n"
    "docs/*.md\n"
    "!docs/README.md\n"
    "**/cache\n"
    "logs/**\n"
    "!logs/keep/\n"
    "a/**/z.txt\n"
    "tmp?.txt\n"
    "data[0-9].csv\n"
    "data[!0-9].bin\n"
    "trailing.txt   \n"
    "space\\ \n"
    " lead.txt\n"
    "a#b.txt\n"
    "out/\n"
    "!out/keep.txt\n"
    "/*.tmp\n"
    "sub/deep/\n"
    "nested/*\n"
    "!nested/keep\n"
    "**/generated/**\n"
    "[[:digit:]]x.txt\n"
    "foo/**/bar/\n"
    "*/middle.txt\n"
    "crlf.txt\r\n"
    "*.bak\n"
    "!*.bak\n"
    "final.bak\n";

constexpr char kSubGitignore[] =
    "*.txt\n"
    "!important.txt\n"
    "/anchored.dat\n"
    "deep2/x.cfg\n"
    "!*.log\n";

const char* const kFiles[] = {
    "#hash.txt",
    "!bang.txt",
    "bang.txt",
    "app.log",
    "keep.log",
    "src/app.log",
    "src/keep.log",
    "build/out.bin",
    "src/build/x.c",
    "notdir/build",
    "root_only.txt",
    "src/root_only.txt",
    "docs/a.md",
    "docs/README.md",
    "docs/sub/b.md",
    "cache/c1",
    "src/cache/c2",
    "lib/cache",
    "logs/x.txt",
    "logs/keep/y.txt",
    "a/z.txt",
    "a/b/z.txt",
    "a/b/c/z.txt",
    "b/a/z.txt",
    "tmp1.txt",
    "tmp12.txt",
    "src/tmpx.txt",
    "data1.csv",
    "dataa.csv",
    "data1.bin",
    "dataa.bin",
    "trailing.txt",
    "space ",
    "space",
    " lead.txt",
    "lead.txt",
    "a#b.txt",
    "out/keep.txt",
    "out/other.txt",
    "x.tmp",
    "src/x.tmp",
    "sub/deep/f.c",
    "other/sub/deep/f.c",
    "nested/drop.txt",
    "nested/dropdir/f.c",
    "nested/keep/inner.c",
    "gen/generated/g.c",
    "generated/h.c",
    "x/generated/y/z.c",
    "1x.txt",
    "ax.txt",
    "foo/bar/f",
    "foo/a/b/bar/f",
    "foo/bar2/f",
    "x/middle.txt",
    "x/y/middle.txt",
    "middle.txt",
    "crlf.txt",
    "a.bak",
    "final.bak",
    "sub/a.txt",
    "sub/important.txt",
    "sub/anchored.dat",
    "sub/more/anchored.dat",
    "sub/deep2/x.cfg",
    "sub/more/deep2/x.cfg",
    "sub/app.log",
    "sub/keep.log",
};

TEST(IgnoreRulesTest, AgreesWithGit) {
  if (!HaveGit()) GTEST_SKIP() << "git is not installed";
  ScopedTempDir tmp;
  ASSERT_FALSE(tmp.path().empty());
  const std::string& root = tmp.path();
  ASSERT_EQ(RunGit(root, "init -q"), 0);
  WriteFile(root + "/.gitignore", kRootGitignore);
  WriteFile(root + "/sub/.gitignore", kSubGitignore);

  // Every file and every folder above one, folders marked with a '/'.
  std::set<std::string> paths;
  for (const char* file : kFiles) {
    WriteFile(root + "/" + file, "x\n");
    paths.insert(file);
    std::string_view dir = file;
    for (size_t slash; (slash = dir.rfind('/')) != std::string_view::npos;) {
      dir = dir.substr(0, slash);
      paths.insert(std::string(dir) + "/");
    }
  }
  IgnoreRules rules;
  rules.AddFile("", kRootGitignore);
  rules.AddFile("sub", kSubGitignore);

  // check-ignore -v -n names the deciding pattern, negations with their '!'.
  std::string input;
  for (const std::string& path : paths) {
    input += (path.back() == '/' ? path.substr(0, path.size() - 1) : path) + '\0';
  }
  WriteFile(root + "/.git/check-ignore.in", input);
  RunGit(root,
         "check-ignore --no-index -v -n -z --stdin <.git/check-ignore.in "
         ">.git/check-ignore.out");
  std::vector<std::string> fields = SplitNul(ReadWholeFile(root + "/.git/check-ignore.out"));
  ASSERT_EQ(fields.size(), paths.size() * 4);
  std::map<std::string, IgnoreRules::Verdict> git_verdicts;
  for (size_t i = 0; i < fields.size(); i += 4) {
    const std::string& pattern = fields[i + 2];
    git_verdicts[fields[i + 3]] = pattern.empty()     ? IgnoreRules::Verdict::kNone
                                  : pattern[0] == '!' ? IgnoreRules::Verdict::kInclude
                                                      : IgnoreRules::Verdict::kIgnore;
  }
  std::string expected;
  for (const std::string& path : paths) {
    bool is_dir = path.back() == '/';
    std::string plain = is_dir ? path.substr(0, path.size() - 1) : path;
    expected += path + " -> " + std::string(VerdictName(git_verdicts[plain])) + "\n";
  }
  EXPECT_EQ(Verdicts(rules, {paths.begin(), paths.end()}), expected);

  // status lists every file as ignored ("!!") or untracked ("??").
  RunGit(root, "status --porcelain --ignored -uall -z >.git/status.out");
  std::map<std::string, bool> git_ignored;
  for (const std::string& entry : SplitNul(ReadWholeFile(root + "/.git/status.out"))) {
    git_ignored[entry.substr(3)] = entry.substr(0, 2) == "!!";
  }
  std::string ours;
  std::string theirs;
  for (const char* file : kFiles) {
    bool ignored = rules.Match(file, false) == IgnoreRules::Verdict::kIgnore;
    ours += std::string(file) + (ignored ? " ignored\n" : " kept\n");
    ASSERT_TRUE(git_ignored.count(file)) << file;
    theirs += std::string(file) + (git_ignored[file] ? " ignored\n" : " kept\n");
  }
  EXPECT_EQ(ours, theirs);
}

}  // namespace
}  // namespace uprev
