#include "runs/run_record.h"

#include <gtest/gtest.h>
#include <stdlib.h>

#include <filesystem>
#include <fstream>

namespace uprev {
namespace {

std::string TempDir() {
  std::string templ = (std::filesystem::temp_directory_path() / "uprev-record-XXXXXX").string();
  return ::mkdtemp(templ.data());
}

TEST(RunRecordTest, JournalReplaysIntoTheRecord) {
  std::string dir = TempDir() + "/runs/r1";
  {
    Result<RunJournal> journal = RunJournal::Open(dir);
    ASSERT_TRUE(journal.ok()) << journal.status().message();
    RunRecord run;
    run.id = "r1";
    run.base = "abc";
    run.base_ref = "refs/heads/main";
    run.time = 1700000000;
    run.split = "pack";
    run.packs = {{"python-3.12", "0123"}};
    ASSERT_TRUE(journal->Start(run).ok());
    ChangeSetRecord set;
    set.name = "python-3.12";
    set.files = {"a.py"};
    set.fixes = {{"logging-warn", 2}};
    set.packs = {"python-3.12"};
    run.change_sets = {set};
    run.findings = 3;
    ASSERT_TRUE(journal->Planned(run).ok());
    ASSERT_TRUE(journal->Committed("python-3.12", "tree1", "commit1").ok());
    ASSERT_TRUE(journal->Branched("python-3.12", "uprev/r1/python-3.12").ok());
    ASSERT_TRUE(journal->Verified("python-3.12", false, 1, "boom\n").ok());
    ASSERT_TRUE(journal->Dropped("python-3.12", "verification failed (exit 1)").ok());
  }
  // A crash mid-write leaves a torn line; replay ignores it.
  std::ofstream(dir + "/journal.jsonl", std::ios::app) << "{\"event\":\"do";
  Result<RunRecord> run = ReadRunRecord(dir);
  ASSERT_TRUE(run.ok()) << run.status().message();
  EXPECT_EQ(run->id, "r1");
  EXPECT_EQ(run->time, 1700000000);
  EXPECT_EQ(run->packs, (std::vector<std::pair<std::string, std::string>>{{"python-3.12", "0123"}}));
  EXPECT_TRUE(run->planned);
  EXPECT_FALSE(run->done);
  ASSERT_EQ(run->change_sets.size(), 1u);
  const ChangeSetRecord& c = run->change_sets[0];
  EXPECT_EQ(c.files, std::vector<std::string>{"a.py"});
  EXPECT_EQ(c.fixes.at("logging-warn"), 2);
  EXPECT_EQ(c.commit, "commit1");
  EXPECT_EQ(c.branch, "uprev/r1/python-3.12");
  EXPECT_EQ(c.verification, "failed");
  EXPECT_EQ(c.verify_output, "boom\n");
  EXPECT_EQ(c.dropped, "verification failed (exit 1)");
  std::filesystem::remove_all(std::filesystem::path(dir).parent_path().parent_path());
}

TEST(RunRecordTest, MissingRecordIsAClearError) {
  Result<RunRecord> run = ReadRunRecord("/nonexistent/runs/x");
  ASSERT_FALSE(run.ok());
  EXPECT_EQ(run.status().message(), "/nonexistent/runs/x: error: no such run record");
}

}  // namespace
}  // namespace uprev
