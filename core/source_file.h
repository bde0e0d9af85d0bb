// SourceFile: one file read once into memory, with its language and an index
// of line starts so that byte offsets turn into 1-based line:col positions.
#ifndef UPREV_CORE_SOURCE_FILE_H_
#define UPREV_CORE_SOURCE_FILE_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace uprev {

// A half-open byte range [begin, end) in a file's text.
struct ByteRange {
  uint32_t begin = 0;
  uint32_t end = 0;

  uint32_t size() const { return end - begin; }
  bool empty() const { return begin == end; }
  bool Contains(const ByteRange& other) const {
    return begin <= other.begin && other.end <= end;
  }
  bool Overlaps(const ByteRange& other) const {
    // Two empty insertions at one point overlap; an insertion at the edge of
    // a replacement does not.
    if (empty() && other.empty()) return begin == other.begin;
    return begin < other.end && other.begin < end;
  }
  friend bool operator==(const ByteRange&, const ByteRange&) = default;
};

// 1-based line and 1-based byte column.
struct Position {
  uint32_t line = 1;
  uint32_t col = 1;
  friend bool operator==(const Position&, const Position&) = default;
};

class SourceFile {
 public:
  SourceFile(std::string path, std::string text, std::string language);

  const std::string& path() const { return path_; }
  const std::string& text() const { return text_; }
  const std::string& language() const { return language_; }

  Position PositionAt(uint32_t offset) const;
  // The text of the 1-based line `line`, without its newline.
  std::string_view Line(uint32_t line) const;
  uint32_t line_count() const { return static_cast<uint32_t>(line_starts_.size()); }
  // The byte offset where 1-based line `line` starts.
  uint32_t LineStart(uint32_t line) const { return line_starts_[line - 1]; }
  std::string_view Slice(ByteRange range) const {
    return std::string_view(text_).substr(range.begin, range.size());
  }

 private:
  std::string path_;
  std::string text_;
  std::string language_;
  std::vector<uint32_t> line_starts_;
};

// True when `text` is valid UTF-8.
bool IsValidUtf8(std::string_view text);

// Appends the UTF-8 encoding of `code_point` to `out`.
void AppendUtf8(uint32_t code_point, std::string* out);
// True when `text` looks binary (a NUL byte in its first 8 KiB).
bool LooksBinary(std::string_view text);

}  // namespace uprev

#endif  // UPREV_CORE_SOURCE_FILE_H_
