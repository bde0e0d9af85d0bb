#include "runs/command_runner.h"

#include <gtest/gtest.h>

namespace uprev {
namespace {

TEST(CommandRunnerTest, CapturesOutputAndExit) {
  Result<CommandResult> r = RunCommand("echo out; echo err >&2; pwd; exit 3", "/tmp", 10);
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r->exit, 3);
  EXPECT_FALSE(r->timed_out);
  EXPECT_EQ(r->output, "out\nerr\n/tmp\n");
}

TEST(CommandRunnerTest, KillsWhatRunsTooLong) {
  Result<CommandResult> r = RunCommand("echo start; sleep 30", "/tmp", 1);
  ASSERT_TRUE(r.ok());
  EXPECT_TRUE(r->timed_out);
  EXPECT_EQ(r->exit, 124);
  EXPECT_EQ(r->output, "start\n\nuprev: the command ran longer than 1 s and was killed\n");
}

TEST(CommandRunnerTest, KeepsTheLast64KiB) {
  Result<CommandResult> r = RunCommand("head -c 200000 /dev/zero | tr '\\0' a; echo END", "/tmp", 10);
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r->exit, 0);
  EXPECT_EQ(r->output.size(), 64u * 1024);
  EXPECT_EQ(r->output.substr(r->output.size() - 4), "END\n");
}

}  // namespace
}  // namespace uprev
