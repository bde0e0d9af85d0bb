#include "reports/finding_sink.h"

#include <gtest/gtest.h>

namespace uprev {
namespace {

std::vector<Finding> Sample() {
  Finding a;
  a.rule = "datetime-utcnow";
  a.pack = "python-3.12";
  a.severity = Severity::kWarning;
  a.confidence = Confidence::kReview;
  a.message = "datetime.utcnow() is deprecated, since 3.12";
  a.review = "aware: \"now\"";
  a.path = "src/app.py";
  a.range = {10, 29};
  a.start = {3, 5};
  a.end = {3, 24};
  a.matched = "datetime.utcnow()";
  a.fix = Fix{"datetime.now(timezone.utc)", {{"datetime"}, {}}};
  Finding b;
  b.rule = "fs-exists";
  b.pack = "node-deprecations";
  b.severity = Severity::kError;
  b.confidence = Confidence::kManual;
  b.message = "fs.exists: 100% gone\nuse fs.access";
  b.path = "web/a,b.js";
  b.start = {1, 1};
  b.end = {1, 10};
  b.matched = "fs.exists";
  return {a, b};
}

TEST(FindingSinkTest, Text) {
  EXPECT_EQ(MakeSink("text")->Render(Sample(), ScanStats()),
            "src/app.py:3:5: warning: datetime.utcnow() is deprecated, since 3.12 [datetime-utcnow]\n"
            "web/a,b.js:1:1: error: fs.exists: 100% gone use fs.access [fs-exists]\n");
}

TEST(FindingSinkTest, Json) {
  ScanStats stats;
  stats.files = 2;
  stats.bytes = 300;
  stats.seconds = 0.5;
  stats.skipped = {{"x.bin.py", "binary"}};
  EXPECT_EQ(
      MakeSink("json")->Render(Sample(), stats),
      R"json({"version":1,"findings":[{"rule":"datetime-utcnow","pack":"python-3.12","severity":"warning","confidence":"review","message":"datetime.utcnow() is deprecated, since 3.12","review":"aware: \"now\"","path":"src/app.py","start":{"line":3,"col":5},"end":{"line":3,"col":24},"matched":"datetime.utcnow()","fix":{"replacement":"datetime.now(timezone.utc)","imports":{"add":["datetime"]}}},{"rule":"fs-exists","pack":"node-deprecations","severity":"error","confidence":"manual","message":"fs.exists: 100% gone\nuse fs.access","path":"web/a,b.js","start":{"line":1,"col":1},"end":{"line":1,"col":10},"matched":"fs.exists"}],"stats":{"files":2,"bytes":300,"seconds":0.5,"skipped":[{"path":"x.bin.py","reason":"binary"}]}})json"
      "\n");
}

TEST(FindingSinkTest, GithubEscapesPropertiesAndMessages) {
  EXPECT_EQ(MakeSink("github")->Render(Sample(), ScanStats()),
            "::warning file=src/app.py,line=3,col=5,endLine=3,endColumn=24,title=datetime-utcnow::"
            "datetime.utcnow() is deprecated, since 3.12\n"
            "::error file=web/a%2Cb.js,line=1,col=1,endLine=1,endColumn=10,title=fs-exists::"
            "fs.exists: 100%25 gone%0Ause fs.access\n");
}

TEST(FindingSinkTest, UnknownFormat) { EXPECT_EQ(MakeSink("xml"), nullptr); }

}  // namespace
}  // namespace uprev
