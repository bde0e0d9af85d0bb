#include "core/source_file.h"

#include <gtest/gtest.h>

namespace uprev {
namespace {

TEST(SourceFileTest, PositionsAreOneBasedByteColumns) {
  SourceFile f("a.py", "ab\nc\xc3\xa9" "d\n\nx", "python");
  EXPECT_EQ(f.PositionAt(0), (Position{1, 1}));
  EXPECT_EQ(f.PositionAt(2), (Position{1, 3}));
  EXPECT_EQ(f.PositionAt(3), (Position{2, 1}));
  EXPECT_EQ(f.PositionAt(6), (Position{2, 4}));  // after the 2-byte é
  EXPECT_EQ(f.PositionAt(9), (Position{4, 1}));
  EXPECT_EQ(f.line_count(), 4u);
  EXPECT_EQ(f.Line(2), "c\xc3\xa9" "d");
  EXPECT_EQ(f.Line(3), "");
  EXPECT_EQ(f.Line(4), "x");
  EXPECT_EQ(f.Line(5), "");
  EXPECT_EQ(f.LineStart(2), 3u);
}

TEST(SourceFileTest, LineDropsCarriageReturn) {
  SourceFile f("a.c", "int x;\r\nint y;\r\n", "c");
  EXPECT_EQ(f.Line(1), "int x;");
}

TEST(SourceFileTest, Utf8Validation) {
  EXPECT_TRUE(IsValidUtf8("plain ascii"));
  EXPECT_TRUE(IsValidUtf8("caf\xc3\xa9 \xe2\x82\xac \xf0\x9f\x98\x80"));
  EXPECT_FALSE(IsValidUtf8("\xff"));
  EXPECT_FALSE(IsValidUtf8("caf\xe9"));            // Latin-1
  EXPECT_FALSE(IsValidUtf8("\xc0\xaf"));           // overlong
  EXPECT_FALSE(IsValidUtf8("\xed\xa0\x80"));       // surrogate
  EXPECT_FALSE(IsValidUtf8("\xe2\x82"));           // truncated
  EXPECT_FALSE(IsValidUtf8("\xf4\x90\x80\x80"));   // above U+10FFFF
}

TEST(SourceFileTest, AppendUtf8EncodesEachLength) {
  std::string out;
  for (uint32_t cp : {0x41u, 0xE9u, 0x20ACu, 0x1F600u}) AppendUtf8(cp, &out);
  EXPECT_EQ(out, "A\xc3\xa9\xe2\x82\xac\xf0\x9f\x98\x80");
  EXPECT_TRUE(IsValidUtf8(out));
}

TEST(SourceFileTest, BinaryMeansNulInTheFirst8KiB) {
  EXPECT_FALSE(LooksBinary("text\n"));
  EXPECT_TRUE(LooksBinary(std::string("ab\0cd", 5)));
  std::string late(9000, 'a');
  late[8500] = '\0';
  EXPECT_FALSE(LooksBinary(late));
}

}  // namespace
}  // namespace uprev
