#include <gtest/gtest.h>

#include <string>

#include "reports/run_report.h"

namespace uprev {
namespace {

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
  f.start = {line, 5};
  f.end = {line, 20};
  return item;
}

RunReport Sample() {
  RunReport report;
  report.id = "20240501-120000-ab12";
  report.repo = "/src/shop";
  report.base = "0123456789abcdef";
  report.base_ref = "refs/heads/main";
  report.time = 1714564800;
  report.packs = {{"python-3.12", "h1"}, {"node-deprecations", "h2"}};
  ReviewItem a =
      Item("app/clock.py", 3, "@alice", "python-3.12", "datetime-utcnow", Confidence::kReview);
  a.finding.message = "datetime.utcnow() is deprecated";
  a.finding.review = "naive vs aware";
  a.diff =
      "--- a/app/clock.py\n"
      "+++ b/app/clock.py\n"
      "@@ -2,2 +2,2 @@\n"
      " import datetime\n"
      "-now = datetime.utcnow()  # \"naive\"\n"
      "+now = datetime.now(timezone.utc)  # 'aware'\n";
  ReviewItem b =
      Item("app/db.py", 9, "@alice", "python-3.12", "asyncio-get-event-loop", Confidence::kManual);
  b.finding.message = "no current loop";
  b.finding.matched = "loop = asyncio.get_event_loop()";
  ReviewItem c = Item("web/fs.js", 1, "", "node-deprecations", "fs-exists", Confidence::kReview);
  c.finding.end.line = 2;
  c.finding.message = "fs.exists is gone";
  c.finding.review = "callback shape";
  c.diff = "@@ -1 +1 @@\n-fs.exists(p, cb)\n+fs.access(p, e => cb(!e))\n";
  ReviewItem d =
      Item("web/x.js", 4, "@acme/web", "node-deprecations", "fs-exists", Confidence::kManual);
  d.finding.message = "fs.exists in a loop";
  report.review_items = {a, b, c, d};
  return report;
}

// A hostile item: source text that is HTML, in every field a report shows.
RunReport Hostile() {
  const std::string x = "<script>alert(1)</script>";
  RunReport report;
  report.id = "run";
  ReviewItem item =
      Item("web/" + x + ".js", 7, "@eve\" onclick=\"x", "p", "r", Confidence::kReview);
  item.finding.message = "msg " + x + " say \"hi\" & 'bye'";
  item.finding.review = "why " + x;
  item.diff =
      "--- a/web/" + x + ".js\n+++ b/web/" + x + ".js\n@@ -7 +7 @@\n-" + x + "\n+" + x + "\n";
  ReviewItem manual = Item("web/y.js", 1, "", "p", "r", Confidence::kManual);
  manual.finding.matched = x;
  report.review_items = {item, manual};
  return report;
}

size_t Occurrences(const std::string& text, const std::string& part) {
  size_t n = 0;
  for (size_t at = text.find(part); at != std::string::npos; at = text.find(part, at + 1)) ++n;
  return n;
}

TEST(ReviewQueueHtmlTest, EscapesSourceTextInPathMessageCodeAndDiff) {
  std::string html = RenderReviewQueueHtml(Hostile());
  const std::string escaped = "&lt;script&gt;alert(1)&lt;/script&gt;";
  EXPECT_EQ(html.find("<script>alert(1)</script>"), std::string::npos);
  EXPECT_EQ(Occurrences(html, "<script"), 1u);  // the page's own script
  EXPECT_EQ(Occurrences(html, "</script"), 1u);
  EXPECT_NE(html.find("<h2 class=\"loc\">web/" + escaped + ".js:7</h2>"), std::string::npos);
  EXPECT_NE(html.find("<p class=\"message\">msg " + escaped +
                      " say &quot;hi&quot; &amp; &#39;bye&#39;</p>"),
            std::string::npos);
  EXPECT_NE(html.find("<p class=\"reason\"><strong>Why review:</strong> why " + escaped + "</p>"),
            std::string::npos);
  EXPECT_NE(html.find("<span class=\"ln dh\">--- a/web/" + escaped + ".js</span>"),
            std::string::npos);
  EXPECT_NE(html.find("<span class=\"ln del\"><span class=\"mk\">-</span>" + escaped + "</span>"),
            std::string::npos);
  EXPECT_NE(html.find("<span class=\"ln add\"><span class=\"mk\">+</span>" + escaped + "</span>"),
            std::string::npos);
  EXPECT_NE(
      html.find("<pre class=\"code\"><code><span class=\"ln\">" + escaped + "</span></code></pre>"),
      std::string::npos);
  // An owner that tries to leave its attribute stays inside it.
  EXPECT_NE(html.find(" data-owner=\"@eve&quot; onclick=&quot;x\""), std::string::npos);
  EXPECT_EQ(html.find("onclick=\"x"), std::string::npos);
}

TEST(ReviewQueueHtmlTest, ShowsTheRun) {
  std::string html = RenderReviewQueueHtml(Sample());
  EXPECT_NE(html.find("<dl class=\"run\">\n"
                      "<dt>Run</dt><dd><code>20240501-120000-ab12</code></dd>\n"
                      "<dt>Base</dt><dd><code>0123456789abcdef</code> (refs/heads/main)</dd>\n"
                      "<dt>Repository</dt><dd>/src/shop</dd>\n"
                      "<dt>Started</dt><dd>2024-05-01 12:00:00 UTC</dd>\n"
                      "<dt>Packs</dt><dd>python-3.12, node-deprecations</dd>\n"
                      "</dl>\n"),
            std::string::npos);
  EXPECT_NE(html.find("<title>Review queue: 20240501-120000-ab12</title>"), std::string::npos);
}

TEST(ReviewQueueHtmlTest, CountsPerGroup) {
  std::string html = RenderReviewQueueHtml(Sample());
  EXPECT_NE(
      html.find("<table class=\"group\" id=\"count-owner\"><caption>Owner</caption><tbody>\n"
                "<tr><td><button type=\"button\" data-filter=\"owner\" data-value=\"@acme/web\">"
                "@acme/web</button></td><td class=\"n\">1</td></tr>\n"
                "<tr><td><button type=\"button\" data-filter=\"owner\" data-value=\"@alice\">"
                "@alice</button></td><td class=\"n\">2</td></tr>\n"
                "<tr><td><button type=\"button\" data-filter=\"owner\" data-value=\"unowned\">"
                "unowned</button></td><td class=\"n\">1</td></tr>\n"
                "</tbody></table>\n"),
      std::string::npos);
  EXPECT_NE(
      html.find("<table class=\"group\" id=\"count-confidence\"><caption>Confidence</caption>"
                "<tbody>\n"
                "<tr><td><button type=\"button\" data-filter=\"confidence\" data-value=\"manual\">"
                "manual</button></td><td class=\"n\">2</td></tr>\n"
                "<tr><td><button type=\"button\" data-filter=\"confidence\" data-value=\"review\">"
                "review</button></td><td class=\"n\">2</td></tr>\n"
                "</tbody></table>\n"),
      std::string::npos);
  EXPECT_NE(html.find("data-filter=\"pack\" data-value=\"node-deprecations\">node-deprecations"
                      "</button></td><td class=\"n\">2</td>"),
            std::string::npos);
  EXPECT_NE(html.find("data-filter=\"rule\" data-value=\"fs-exists\">fs-exists</button></td>"
                      "<td class=\"n\">2</td>"),
            std::string::npos);
  EXPECT_NE(html.find("<label>Rule <select id=\"filter-rule\" name=\"rule\">"
                      "<option value=\"\">all (4)</option>"
                      "<option value=\"asyncio-get-event-loop\">asyncio-get-event-loop (1)</option>"
                      "<option value=\"datetime-utcnow\">datetime-utcnow (1)</option>"
                      "<option value=\"fs-exists\">fs-exists (2)</option></select></label>\n"),
            std::string::npos);
  EXPECT_NE(html.find("<p id=\"shown-count\" aria-live=\"polite\">4 of 4 items shown</p>"),
            std::string::npos);
}

TEST(ReviewQueueHtmlTest, ConfidenceCountsListReviewAndManualEvenWhenZero) {
  RunReport report = Sample();
  report.review_items.resize(1);
  std::string html = RenderReviewQueueHtml(report);
  EXPECT_NE(html.find("data-value=\"manual\">manual</button></td><td class=\"n\">0</td>"),
            std::string::npos);
  EXPECT_NE(html.find("<option value=\"manual\">manual (0)</option>"), std::string::npos);
}

TEST(ReviewQueueHtmlTest, ItemsCarryDataAttributes) {
  std::string html = RenderReviewQueueHtml(Sample());
  EXPECT_NE(html.find("<li class=\"item\" id=\"item-1\" data-owner=\"@alice\" "
                      "data-pack=\"python-3.12\" data-rule=\"datetime-utcnow\" "
                      "data-confidence=\"review\">"),
            std::string::npos);
  EXPECT_NE(html.find("<li class=\"item\" id=\"item-3\" data-owner=\"unowned\" "
                      "data-pack=\"node-deprecations\" data-rule=\"fs-exists\" "
                      "data-confidence=\"review\">"),
            std::string::npos);
  EXPECT_NE(html.find("<li class=\"item\" id=\"item-4\" data-owner=\"@acme/web\" "
                      "data-pack=\"node-deprecations\" data-rule=\"fs-exists\" "
                      "data-confidence=\"manual\">"),
            std::string::npos);
}

TEST(ReviewQueueHtmlTest, RendersAReviewItemWithItsColouredDiff) {
  std::string html = RenderReviewQueueHtml(Sample());
  EXPECT_NE(
      html.find(
          "<li class=\"item\" id=\"item-1\" data-owner=\"@alice\" data-pack=\"python-3.12\" "
          "data-rule=\"datetime-utcnow\" data-confidence=\"review\">\n"
          "<h2 class=\"loc\">app/clock.py:3</h2>\n"
          "<dl class=\"meta\"><div><dt>owner</dt><dd>@alice</dd></div>"
          "<div><dt>rule</dt><dd>datetime-utcnow</dd></div>"
          "<div><dt>pack</dt><dd>python-3.12</dd></div>"
          "<div><dt>confidence</dt><dd class=\"conf-review\">review</dd></div>"
          "<div><dt>severity</dt><dd>warning</dd></div></dl>\n"
          "<p class=\"message\">datetime.utcnow() is deprecated</p>\n"
          "<p class=\"reason\"><strong>Why review:</strong> naive vs aware</p>\n"
          "<pre class=\"diff\"><code>"
          "<span class=\"ln dh\">--- a/app/clock.py</span>"
          "<span class=\"ln dh\">+++ b/app/clock.py</span>"
          "<span class=\"ln hk\">@@ -2,2 +2,2 @@</span>"
          "<span class=\"ln ctx\"><span class=\"mk\"> </span><span class=\"k\">import</span> "
          "datetime</span>"
          "<span class=\"ln del\"><span class=\"mk\">-</span>now = datetime.utcnow()  "
          "<span class=\"c\"># &quot;naive&quot;</span></span>"
          "<span class=\"ln add\"><span class=\"mk\">+</span>now = datetime.now(timezone.utc)  "
          "<span class=\"c\"># &#39;aware&#39;</span></span>"
          "</code></pre>\n"
          "</li>\n"),
      std::string::npos);
}

TEST(ReviewQueueHtmlTest, RendersAManualItemWithItsCode) {
  std::string html = RenderReviewQueueHtml(Sample());
  EXPECT_NE(html.find("<h2 class=\"loc\">app/db.py:9</h2>\n"), std::string::npos);
  EXPECT_NE(html.find("<div><dt>confidence</dt><dd class=\"conf-manual\">manual</dd></div>"
                      "<div><dt>severity</dt><dd>error</dd></div></dl>\n"
                      "<p class=\"message\">no current loop</p>\n"
                      "<pre class=\"code\"><code><span class=\"ln\">loop = "
                      "asyncio.get_event_loop()</span></code></pre>\n"
                      "<p class=\"nofix\">No suggested change: this one is fixed by hand.</p>\n"
                      "</li>\n"),
            std::string::npos);
}

TEST(ReviewQueueHtmlTest, ColoursJavaScriptStringsCommentsAndKeywords) {
  RunReport report;
  ReviewItem item = Item("a.ts", 2, "", "p", "r", Confidence::kReview);
  item.diff = "@@ -2 +2 @@\n-const s = \"<b>\\\"\"; /* old */ x\n+return `a` // new\n";
  report.review_items = {item};
  std::string html = RenderReviewQueueHtml(report);
  EXPECT_NE(html.find("<span class=\"ln hk\">@@ -2 +2 @@</span>"
                      "<span class=\"ln del\"><span class=\"mk\">-</span>"
                      "<span class=\"k\">const</span> s = "
                      "<span class=\"s\">&quot;&lt;b&gt;\\&quot;&quot;</span>; "
                      "<span class=\"c\">/* old */</span> x</span>"
                      "<span class=\"ln add\"><span class=\"mk\">+</span>"
                      "<span class=\"k\">return</span> <span class=\"s\">`a`</span> "
                      "<span class=\"c\">// new</span></span>"),
            std::string::npos);
}

TEST(ReviewQueueHtmlTest, SpansLinesWhenTheFindingDoes) {
  std::string html = RenderReviewQueueHtml(Sample());
  EXPECT_NE(html.find("<h2 class=\"loc\">web/fs.js:1-2</h2>"), std::string::npos);
}

TEST(ReviewQueueHtmlTest, IsSelfContained) {
  std::string html = RenderReviewQueueHtml(Sample());
  EXPECT_TRUE(html.starts_with("<!DOCTYPE html>\n"));
  EXPECT_TRUE(html.ends_with("</script>\n</body>\n</html>\n"));
  EXPECT_EQ(html.find("http://"), std::string::npos);
  EXPECT_EQ(html.find("https://"), std::string::npos);
  EXPECT_EQ(html.find(" src="), std::string::npos);
  EXPECT_EQ(html.find("<link"), std::string::npos);
  EXPECT_NE(html.find("content=\"default-src 'none';"), std::string::npos);
}

TEST(ReviewQueueHtmlTest, EmptyQueue) {
  RunReport report;
  report.id = "r";
  std::string html = RenderReviewQueueHtml(report);
  EXPECT_NE(html.find("<p id=\"shown-count\" aria-live=\"polite\">0 of 0 items shown</p>\n"
                      "<ol id=\"items\">\n</ol>\n"
                      "<p class=\"empty\">No review items: nothing needs a human.</p>\n"),
            std::string::npos);
}

TEST(ReviewQueueHtmlTest, IsDeterministic) {
  RunReport report = Sample();
  std::string first = RenderReviewQueueHtml(report);
  RunReport copy = report;
  EXPECT_EQ(RenderReviewQueueHtml(copy), first);
  EXPECT_EQ(RenderReviewQueueHtml(Sample()), first);
}

}  // namespace
}  // namespace uprev
