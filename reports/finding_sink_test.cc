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

TEST(FindingSinkTest, SarifResultsRulesFixesAndFingerprints) {
  std::string sarif = MakeSink("sarif")->Render(Sample(), ScanStats());
  for (const char* part : {
           "\"version\": \"2.1.0\"",
           "\"id\": \"datetime-utcnow\"",
           "\"ruleId\": \"fs-exists\",\n          \"ruleIndex\": 1,\n          \"level\": \"error\"",
           "\"startLine\": 3,\n                  \"startColumn\": 5,",
           "\"insertedContent\": {\n                        \"text\": \"datetime.now(timezone.utc)\"",
           "\"uprevFinding/v1\": \""}) {
    EXPECT_NE(sarif.find(part), std::string::npos) << part << "\n" << sarif;
  }
  // A finding that moved to another line keeps its fingerprint.
  std::vector<Finding> moved = Sample();
  moved[0].start.line = 30;
  moved[0].end.line = 30;
  std::string again = MakeSink("sarif")->Render(moved, ScanStats());
  auto fingerprint = [](const std::string& s) {
    size_t at = s.find("\"uprevFinding/v1\": \"") + 20;
    return s.substr(at, 16);
  };
  EXPECT_EQ(fingerprint(sarif), fingerprint(again));
}

TEST(FindingSinkTest, UnknownFormat) { EXPECT_EQ(MakeSink("xml"), nullptr); }

}  // namespace
}  // namespace uprev
