// review-queue.html in a real browser: Debian's headless Chromium (installed
// by tools/setup), driven by tools/checkers/review-queue-browser.js through
// playwright-core. The page is filtered through its filter bar, the visible
// items are counted, source text holding a <script> must show as text and
// never run, and no network request may be made. The screenshot of each run
// is kept under the build folder (browser-test/).
#include <gtest/gtest.h>

#include <filesystem>
#include <string>

#include <nlohmann/json.hpp>

#include "reports/run_report.h"
#include "tools/cli_harness.h"

namespace uprev {
namespace {

using testing_support::Invocation;
using testing_support::Quote;
using testing_support::RunShell;
using testing_support::TempDir;
using testing_support::WriteAll;
namespace fs = std::filesystem;

const fs::path kChromium = "/usr/bin/chromium";
const fs::path kCheckers = fs::path(UPREV_SOURCE_DIR) / "tools/checkers";
const fs::path kShots = fs::path(UPREV_BINARY_DIR) / "browser-test";
const std::string kHostile = "<script>window.__pwned=1</script>";

ReviewItem Item(std::string path, uint32_t line, std::string owner, std::string pack,
                std::string rule, Confidence confidence) {
  ReviewItem item;
  item.owner = std::move(owner);
  Finding& f = item.finding;
  f.path = std::move(path);
  f.pack = std::move(pack);
  f.rule = std::move(rule);
  f.confidence = confidence;
  f.severity = confidence == Confidence::kManual ? Severity::kError : Severity::kWarning;
  f.start = {line, 1};
  f.end = {line, 30};
  f.message = f.rule + " needs a look";
  if (confidence == Confidence::kReview) f.review = "the fix changes behaviour";
  return item;
}

std::string Diff(const std::string& path, uint32_t line, const std::string& before,
                 const std::string& after) {
  return "--- a/" + path + "\n+++ b/" + path + "\n@@ -" + std::to_string(line) + " +" +
         std::to_string(line) + " @@\n-" + before + "\n+" + after + "\n";
}

// Six items: @alice 3 (one of them hostile), @acme/web 2, unowned 1; packs
// python-3.12 and node-deprecations; rules datetime-utcnow,
// asyncio-get-event-loop and fs-exists; review and manual.
RunReport Report() {
  RunReport report;
  report.id = "20240501-120000-ab12";
  report.repo = "/src/shop";
  report.base = "0123456789abcdef0123456789abcdef01234567";
  report.base_ref = "refs/heads/main";
  report.packs = {{"python-3.12", "h1"}, {"node-deprecations", "h2"}};
  ReviewItem a =
      Item("app/clock.py", 3, "@alice", "python-3.12", "datetime-utcnow", Confidence::kReview);
  a.diff = Diff("app/clock.py", 3, "now = datetime.utcnow()  # \"naive\"",
                "now = datetime.now(timezone.utc)  # 'aware'");
  ReviewItem b =
      Item("app/db.py", 9, "@alice", "python-3.12", "asyncio-get-event-loop", Confidence::kManual);
  b.finding.matched = "loop = asyncio.get_event_loop()";
  ReviewItem c =
      Item("app/page.py", 12, "@alice", "python-3.12", "datetime-utcnow", Confidence::kReview);
  c.finding.message = "utcnow in a template: " + kHostile;
  c.finding.matched = "html = '" + kHostile + "' + str(datetime.utcnow())";
  c.diff = Diff("app/page.py", 12, c.finding.matched,
                "html = '" + kHostile + "' + str(datetime.now(timezone.utc))");
  ReviewItem d =
      Item("web/fs.js", 1, "@acme/web", "node-deprecations", "fs-exists", Confidence::kReview);
  d.diff = Diff("web/fs.js", 1, "fs.exists(p, cb) // old", "fs.access(p, (e) => cb(!e))");
  ReviewItem e = Item("web/x\"'><img src=x onerror=\"window.__pwned=2\">.js", 4, "@acme/web",
                      "node-deprecations", "fs-exists", Confidence::kManual);
  ReviewItem f =
      Item("tools/sync.js", 7, "", "node-deprecations", "fs-exists", Confidence::kManual);
  report.review_items = {a, b, c, f, d, e};  // by path
  return report;
}

struct BrowserRun {
  Invocation run;
  nlohmann::json result;
};

// Writes the page and runs the browser script on it with one filter.
BrowserRun Browse(const fs::path& dir, const std::string& kind, const std::string& value,
                  const fs::path& screenshot) {
  fs::path page = dir / "review-queue.html";
  WriteAll(page, RenderReviewQueueHtml(Report()));
  fs::create_directories(screenshot.parent_path());
  fs::remove(screenshot);
  BrowserRun browse;
  browse.run = RunShell(dir, "node " + Quote((kCheckers / "review-queue-browser.js").string()) +
                                 " " + Quote(page.string()) + " " + Quote(screenshot.string()) +
                                 " " + Quote(kind) + " " + Quote(value));
  browse.result = nlohmann::json::parse(browse.run.out, nullptr, false);
  return browse;
}

class BrowserTest : public ::testing::Test {
 protected:
  void SetUp() override {
    ASSERT_TRUE(fs::exists(kChromium))
        << kChromium << " is missing: run tools/setup, which installs Debian's chromium";
    ASSERT_TRUE(fs::exists(kCheckers / "node_modules/playwright-core/package.json"))
        << "playwright-core is missing from " << kCheckers
        << "/node_modules: run tools/setup (npm ci --ignore-scripts there)";
  }
  TempDir dir_;
};

void ExpectSafe(const BrowserRun& browse) {
  const nlohmann::json& r = browse.result;
  EXPECT_EQ(r["total"], 6);
  EXPECT_EQ(r["before"]["visible"], 6);
  EXPECT_EQ(r["before"]["counter"], "6 of 6 items shown");
  EXPECT_EQ(r["scriptShownAsText"], true) << "source text holding <script> must show as text";
  EXPECT_EQ(r["scriptRan"], false) << "a script from the report's data ran";
  EXPECT_EQ(r["requests"], nlohmann::json::array()) << "the page made network requests";
  EXPECT_EQ(r["errors"], nlohmann::json::array());
}

TEST_F(BrowserTest, FilterByOwnerShowsThatOwnersItemsAndSourceAsText) {
  fs::path shot = kShots / "review-queue.png";
  BrowserRun browse = Browse(dir_.path(), "owner", "@alice", shot);
  ASSERT_EQ(browse.run.exit, 0) << browse.run.out << browse.run.err;
  ASSERT_FALSE(browse.result.is_discarded()) << browse.run.out;
  ExpectSafe(browse);
  EXPECT_EQ(browse.result["after"]["visible"], 3);
  EXPECT_EQ(browse.result["after"]["counter"], "3 of 6 items shown");
  ASSERT_TRUE(fs::exists(shot)) << shot;
  EXPECT_GT(fs::file_size(shot), 0u);
}

TEST_F(BrowserTest, FilterByConfidenceManual) {
  fs::path shot = kShots / "review-queue-manual.png";
  BrowserRun browse = Browse(dir_.path(), "confidence", "manual", shot);
  ASSERT_EQ(browse.run.exit, 0) << browse.run.out << browse.run.err;
  ASSERT_FALSE(browse.result.is_discarded()) << browse.run.out;
  ExpectSafe(browse);
  EXPECT_EQ(browse.result["after"]["visible"], 3);
  EXPECT_EQ(browse.result["after"]["counter"], "3 of 6 items shown");
  ASSERT_TRUE(fs::exists(shot)) << shot;
  EXPECT_GT(fs::file_size(shot), 0u);
}

}  // namespace
}  // namespace uprev
