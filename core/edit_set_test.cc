#include "core/edit_set.h"

#include <gtest/gtest.h>

namespace uprev {
namespace {

TEST(EditSetTest, AppliesEditsInOrder) {
  EditSet set;
  EXPECT_TRUE(set.Add(Edit{{6, 11}, "there", 1}));
  EXPECT_TRUE(set.Add(Edit{{0, 5}, "Hi", 0}));
  EXPECT_TRUE(set.Add(Edit{{11, 11}, "!", 2}));
  EXPECT_EQ(set.Apply("hello world"), "Hi there!");
}

TEST(EditSetTest, OverlapIsAConflictNamingTheHeldEdit) {
  EditSet set;
  ASSERT_TRUE(set.Add(Edit{{2, 8}, "x", 7}));
  int held = -1;
  EXPECT_FALSE(set.Add(Edit{{5, 10}, "y", 8}, &held));
  EXPECT_EQ(held, 7);
  EXPECT_FALSE(set.Add(Edit{{0, 3}, "y", 9}, &held));
  EXPECT_FALSE(set.Add(Edit{{4, 4}, "inside", 10}, &held));
  EXPECT_EQ(set.edits().size(), 1u);
}

TEST(EditSetTest, TouchingEditsAndIdenticalDuplicatesAreAccepted) {
  EditSet set;
  ASSERT_TRUE(set.Add(Edit{{2, 4}, "ab", 0}));
  EXPECT_TRUE(set.Add(Edit{{4, 6}, "cd", 1}));
  EXPECT_TRUE(set.Add(Edit{{2, 2}, "<", 2}));
  EXPECT_TRUE(set.Add(Edit{{2, 4}, "ab", 3}));  // duplicate: not stored twice
  EXPECT_EQ(set.edits().size(), 3u);
  EXPECT_EQ(set.Apply("0123456789"), "01<abcd6789");
}

TEST(EditSetTest, TwoInsertionsAtOnePointConflict) {
  EditSet set;
  ASSERT_TRUE(set.Add(Edit{{3, 3}, "a", 0}));
  EXPECT_FALSE(set.Add(Edit{{3, 3}, "b", 1}));
}

TEST(EditSetTest, RemoveTag) {
  EditSet set;
  ASSERT_TRUE(set.Add(Edit{{0, 1}, "x", 4}));
  EXPECT_TRUE(set.RemoveTag(4));
  EXPECT_FALSE(set.RemoveTag(4));
  EXPECT_TRUE(set.empty());
  EXPECT_EQ(set.Apply("abc"), "abc");
}

}  // namespace
}  // namespace uprev
