#include "changesets/codeowners.h"

#include <set>
#include <string>
#include <vector>

#include <gtest/gtest.h>

namespace uprev {
namespace {

// One "path -> owners" line per path; "(none)" when nobody owns it.
std::string OwnersTable(const Codeowners& codeowners, const std::vector<std::string>& paths) {
  std::string out;
  for (const std::string& path : paths) {
    out += path + " ->";
    std::vector<std::string> owners = codeowners.OwnersOf(path);
    if (owners.empty()) out += " (none)";
    for (const std::string& owner : owners) out += " " + owner;
    out += "\n";
  }
  return out;
}

std::string ErrorLines(const Codeowners& codeowners) {
  std::string out;
  for (const std::string& error : codeowners.errors()) out += error + "\n";
  return out;
}

// The example of GitHub's "About code owners", with its comments shortened.
constexpr std::string_view kGitHubExample = R"(# This is a comment.
# Each line is a file pattern followed by one or more owners.

# The default owners for everything in the repo, unless a later match
# takes precedence.
*       @global-owner1 @global-owner2

# Order is important; the last matching pattern takes the most precedence.
*.js    @js-owner #This is an inline comment.

# Email addresses work too.
*.go docs@example.com

# Teams are written @org/team-name.
*.txt @octo-org/octocats

# build/logs at the root and everything below it.
/build/logs/ @doctocat

# Files directly in docs/ (not docs/build-app/troubleshooting.md).
docs/*  docs@example.com

# An apps folder anywhere in the repository.
apps/ @octocat

# docs/ at the root and everything below it.
/docs/ @doctocat

/scripts/ @doctocat @octocat

# Any logs folder: build/logs, scripts/logs, deeply/nested/logs.
**/logs @octocat

# apps/ at the root, except apps/github, whose owners are left empty.
/apps/ @octocat
/apps/github
)";

TEST(CodeownersTest, GitHubExample) {
  Codeowners codeowners = Codeowners::Parse(".github/CODEOWNERS", kGitHubExample);
  EXPECT_EQ(ErrorLines(codeowners), "");
  EXPECT_EQ(OwnersTable(codeowners,
                        {
                            "README.md",
                            "src/index.js",
                            "src/deep/widget.js",
                            "main.go",
                            "notes.txt",
                            "build/out.bin",
                            "build/logs/today.log",
                            "docs/getting-started.md",
                            "docs/build-app/troubleshooting.md",
                            "web/docs/guide.md",
                            "web/apps/main.c",
                            "web/apps/ui/button.js",
                            "apps/main.c",
                            "apps/github/hook.rb",
                            "apps/github/ui/app.js",
                            "apps/github.md",
                            "scripts/deploy.sh",
                            "scripts/logs/run.log",
                            "deeply/nested/logs/x.txt",
                            "catalogs/x.txt",
                            "Docs/README.md",
                        }),
            "README.md -> @global-owner1 @global-owner2\n"
            "src/index.js -> @js-owner\n"
            "src/deep/widget.js -> @js-owner\n"
            "main.go -> docs@example.com\n"
            "notes.txt -> @octo-org/octocats\n"
            "build/out.bin -> @global-owner1 @global-owner2\n"
            "build/logs/today.log -> @octocat\n"
            "docs/getting-started.md -> @doctocat\n"
            "docs/build-app/troubleshooting.md -> @doctocat\n"
            "web/docs/guide.md -> @global-owner1 @global-owner2\n"
            "web/apps/main.c -> @octocat\n"
            "web/apps/ui/button.js -> @octocat\n"
            "apps/main.c -> @octocat\n"
            "apps/github/hook.rb -> (none)\n"
            "apps/github/ui/app.js -> (none)\n"
            "apps/github.md -> @octocat\n"
            "scripts/deploy.sh -> @doctocat @octocat\n"
            "scripts/logs/run.log -> @octocat\n"
            "deeply/nested/logs/x.txt -> @octocat\n"
            "catalogs/x.txt -> @octo-org/octocats\n"
            "Docs/README.md -> @global-owner1 @global-owner2\n");
}

// For each pattern, the paths (all files) that it matches.
TEST(CodeownersTest, PatternsMatchLikeGitHub) {
  const std::vector<std::string> paths = {
      "README.md",           "app.js",           "src/app.js", "docs/a.md",
      "docs/build-app/b.md", "web/docs/c.md",    "apps",       "apps/main.c",
      "web/apps/ui/d.js",    "build/logs/e.log", "logs/f.log", "deeply/nested/logs/g",
      "path with spaces/h",
  };
  const std::vector<std::string> patterns = {
      "*",
      "*.js",
      "*.md",
      "/*",
      "docs/*",
      "/docs/",
      "/docs/**",
      "docs",
      "docs/**/*.md",
      "apps/",
      "/apps",
      "?pps/",
      "/build/logs/",
      "**/logs",
      "logs/",
      "nested/logs",
      "*/logs",
      "path\\ with\\ spaces/",
  };
  std::string out;
  for (const std::string& pattern : patterns) {
    Codeowners codeowners = Codeowners::Parse("CODEOWNERS", pattern + " @owner\n");
    EXPECT_EQ(ErrorLines(codeowners), "") << pattern;
    std::string matched;
    for (const std::string& path : paths) {
      if (codeowners.OwnersOf(path).empty()) continue;
      matched += (matched.empty() ? "" : ", ") + path;
    }
    out += pattern + " -> " + (matched.empty() ? "(nothing)" : matched) + "\n";
  }
  EXPECT_EQ(out,
            "* -> README.md, app.js, src/app.js, docs/a.md, docs/build-app/b.md, web/docs/c.md, "
            "apps, apps/main.c, web/apps/ui/d.js, build/logs/e.log, logs/f.log, "
            "deeply/nested/logs/g, path with spaces/h\n"
            "*.js -> app.js, src/app.js, web/apps/ui/d.js\n"
            "*.md -> README.md, docs/a.md, docs/build-app/b.md, web/docs/c.md\n"
            "/* -> README.md, app.js, apps\n"
            "docs/* -> docs/a.md\n"
            "/docs/ -> docs/a.md, docs/build-app/b.md\n"
            "/docs/** -> docs/a.md, docs/build-app/b.md\n"
            "docs -> docs/a.md, docs/build-app/b.md, web/docs/c.md\n"
            "docs/**/*.md -> docs/a.md, docs/build-app/b.md\n"
            "apps/ -> apps/main.c, web/apps/ui/d.js\n"
            "/apps -> apps, apps/main.c\n"
            "?pps/ -> apps/main.c, web/apps/ui/d.js\n"
            "/build/logs/ -> build/logs/e.log\n"
            "**/logs -> build/logs/e.log, logs/f.log, deeply/nested/logs/g\n"
            "logs/ -> build/logs/e.log, logs/f.log, deeply/nested/logs/g\n"
            "nested/logs -> (nothing)\n"
            "*/logs -> build/logs/e.log\n"
            "path\\ with\\ spaces/ -> path with spaces/h\n");
}

TEST(CodeownersTest, LastMatchWins) {
  Codeowners codeowners = Codeowners::Parse("CODEOWNERS",
                                            "*.md @docs-team\n"
                                            "/guides/ @alice @bob @alice\n"
                                            "*.md @writers\n"
                                            "/guides/internal/ @org/security\n");
  EXPECT_EQ(ErrorLines(codeowners), "");
  EXPECT_EQ(OwnersTable(codeowners, {"README.md", "guides/intro.md", "guides/setup.sh",
                                     "guides/internal/keys.md", "src/main.cc"}),
            "README.md -> @writers\n"
            "guides/intro.md -> @writers\n"
            "guides/setup.sh -> @alice @bob\n"
            "guides/internal/keys.md -> @org/security\n"
            "src/main.cc -> (none)\n");
}

TEST(CodeownersTest, LineWithoutOwnersUnassigns) {
  Codeowners codeowners = Codeowners::Parse("CODEOWNERS",
                                            "* @global\n"
                                            "/vendor/\n"
                                            "/vendor/ours/ @alice\n"
                                            "*.lock\n");
  EXPECT_EQ(ErrorLines(codeowners), "");
  EXPECT_EQ(OwnersTable(codeowners, {"main.cc", "vendor/lib/x.c", "vendor/ours/y.c",
                                     "vendor/ours/Cargo.lock", "Cargo.lock"}),
            "main.cc -> @global\n"
            "vendor/lib/x.c -> (none)\n"
            "vendor/ours/y.c -> @alice\n"
            "vendor/ours/Cargo.lock -> (none)\n"
            "Cargo.lock -> (none)\n");
}

TEST(CodeownersTest, CommentsAndEscapes) {
  Codeowners codeowners = Codeowners::Parse("CODEOWNERS",
                                            "\xEF\xBB\xBF# A comment after a byte order mark.\n"
                                            "   # An indented comment.\n"
                                            "\t\n"
                                            "/a/ @alice # an inline comment naming @bob\n"
                                            "/b/ @bob #no space after the hash\n"
                                            "/c/\\#1/ @carol\n"
                                            "path\\ with\\ spaces/ @dave\n"
                                            "/e/f#g @erin\n"
                                            "*.h @frank\r\n"
                                            "/z/ # no owners: un-assigns\n");
  EXPECT_EQ(ErrorLines(codeowners), "");
  EXPECT_EQ(OwnersTable(codeowners, {"a/x", "b/x", "c/#1/x", "path with spaces/x", "e/f#g",
                                     "include/x.h", "z/y.h"}),
            "a/x -> @alice\n"
            "b/x -> @bob\n"
            "c/#1/x -> @carol\n"
            "path with spaces/x -> @dave\n"
            "e/f#g -> @erin\n"
            "include/x.h -> @frank\n"
            "z/y.h -> (none)\n");
}

TEST(CodeownersTest, InvalidLinesAreReportedAndSkipped) {
  Codeowners codeowners = Codeowners::Parse(".github/CODEOWNERS",
                                            "* @global\n"
                                            "!/vendor/ @alice\n"
                                            "/third_party/[ab]*.c @bob\n"
                                            "\\#notes.md @carol\n"
                                            "/ @dave\n"
                                            "*.md @erin user @org/ ops@example\n"
                                            "/third_party/\\[x\\] @frank\n"
                                            "?notes.md @carol\n");
  EXPECT_EQ(ErrorLines(codeowners),
            ".github/CODEOWNERS:2:1: error: '!' negation is not supported in CODEOWNERS; to leave "
            "paths without an owner, list them on a later line with no owners\n"
            ".github/CODEOWNERS:3:14: error: '[ ]' character ranges are not supported in "
            "CODEOWNERS; write one line per name, or match one character with '?'\n"
            ".github/CODEOWNERS:4:1: error: escaping a leading '#' with '\\' is not supported in "
            "CODEOWNERS; match the '#' with '?' instead\n"
            ".github/CODEOWNERS:5:1: error: the pattern '/' never matches anything; did you mean "
            "'*'?\n"
            ".github/CODEOWNERS:6:12: error: invalid owner 'user'; an owner is @user, @org/team "
            "or an email address\n"
            ".github/CODEOWNERS:6:17: error: invalid owner '@org/'; an owner is @user, @org/team "
            "or an email address\n"
            ".github/CODEOWNERS:6:23: error: invalid owner 'ops@example'; an owner is @user, "
            "@org/team or an email address\n");
  EXPECT_EQ(OwnersTable(codeowners, {"vendor/x.c", "third_party/a.c", "#notes.md", "guide.md",
                                     "third_party/[x]"}),
            "vendor/x.c -> @global\n"
            "third_party/a.c -> @global\n"
            "#notes.md -> @carol\n"
            "guide.md -> @global\n"
            "third_party/[x] -> @frank\n");
}

TEST(CodeownersTest, FileOfThreeMebibytesIsNotUsed) {
  std::string text = "* @alice\n";
  text.resize(3 * 1024 * 1024 - 1, '\n');
  Codeowners below = Codeowners::Parse("CODEOWNERS", text);
  EXPECT_EQ(ErrorLines(below), "");
  EXPECT_EQ(OwnersTable(below, {"a.cc"}), "a.cc -> @alice\n");

  text += '\n';
  Codeowners at_limit = Codeowners::Parse("CODEOWNERS", text);
  EXPECT_EQ(ErrorLines(at_limit),
            "CODEOWNERS:1:1: error: the file has 3145728 bytes, and GitHub does not use a "
            "CODEOWNERS file of 3 MiB or more; use wildcard patterns to make it smaller\n");
  EXPECT_EQ(OwnersTable(at_limit, {"a.cc"}), "a.cc -> (none)\n");
}

TEST(CodeownersTest, FindCodeownersTakesTheFirstInGitHubsOrder) {
  auto find_among = [](std::set<std::string> files) {
    std::optional<std::string> found =
        FindCodeowners([&files](const std::string& path) { return files.count(path) > 0; });
    return found.value_or("(none)");
  };
  EXPECT_EQ(find_among({"docs/CODEOWNERS", "CODEOWNERS", ".github/CODEOWNERS"}),
            ".github/CODEOWNERS");
  EXPECT_EQ(find_among({"docs/CODEOWNERS", "CODEOWNERS"}), "CODEOWNERS");
  EXPECT_EQ(find_among({"docs/CODEOWNERS"}), "docs/CODEOWNERS");
  EXPECT_EQ(find_among({".gitlab/CODEOWNERS", "src/CODEOWNERS", "codeowners"}), "(none)");
}

TEST(CodeownersTest, OwnerChangeSetName) {
  std::string out;
  for (const std::vector<std::string>& owners : std::vector<std::vector<std::string>>{
           {},
           {"@alice"},
           {"@org/team"},
           {"@Octo-Org/Docs_Team"},
           {"docs@example.com"},
           {"a+b@example.com"},
           {"@alice", "@org/team"},
           {"@org/team", "@alice", "docs@example.com"},
       }) {
    std::string joined;
    for (const std::string& owner : owners) joined += (joined.empty() ? "" : " ") + owner;
    out += "[" + joined + "] -> " + OwnerChangeSetName(owners) + "\n";
  }
  EXPECT_EQ(out,
            "[] -> unowned\n"
            "[@alice] -> alice\n"
            "[@org/team] -> org-team\n"
            "[@Octo-Org/Docs_Team] -> octo-org-docs_team\n"
            "[docs@example.com] -> docs-example.com\n"
            "[a+b@example.com] -> a-b-example.com\n"
            "[@alice @org/team] -> alice+org-team\n"
            "[@org/team @alice docs@example.com] -> org-team+alice+docs-example.com\n");
}

}  // namespace
}  // namespace uprev
