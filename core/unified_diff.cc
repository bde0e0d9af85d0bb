#include "core/unified_diff.h"

#include <algorithm>
#include <cassert>
#include <unordered_map>
#include <vector>

#include <fmt/format.h>

namespace uprev {

namespace {

// The lines of `text`, each with its '\n' except perhaps the last.
std::vector<std::string_view> SplitLines(std::string_view text) {
  std::vector<std::string_view> lines;
  while (!text.empty()) {
    size_t eol = text.find('\n');
    size_t length = eol == std::string_view::npos ? text.size() : eol + 1;
    lines.push_back(text.substr(0, length));
    text.remove_prefix(length);
  }
  return lines;
}

// A run of equal lines a[x0, x1) == b[y0, y1) on an optimal edit path.
struct Snake {
  int x0, y0, x1, y1;
};

// Myers' O((N+M)D) line diff in linear space ("An O(ND) Difference
// Algorithm and Its Variations", 1986, section 4b): find the middle snake
// of an optimal path, then solve the two halves on either side of it.
class LineDiffer {
 public:
  LineDiffer(const std::vector<int>& a, const std::vector<int>& b, std::vector<bool>* deleted,
             std::vector<bool>* inserted)
      : a_(a), b_(b), deleted_(*deleted), inserted_(*inserted) {}

  // Marks a[a_lo, a_hi) lines as deleted and b[b_lo, b_hi) lines as
  // inserted unless they are on the optimal path.
  void Compare(int a_lo, int a_hi, int b_lo, int b_hi);

 private:
  Snake MiddleSnake(int a_lo, int a_hi, int b_lo, int b_hi);

  const std::vector<int>& a_;
  const std::vector<int>& b_;
  std::vector<bool>& deleted_;
  std::vector<bool>& inserted_;
  std::vector<int> forward_;
  std::vector<int> backward_;
};

void LineDiffer::Compare(int a_lo, int a_hi, int b_lo, int b_hi) {
  while (a_lo < a_hi && b_lo < b_hi && a_[a_lo] == b_[b_lo]) ++a_lo, ++b_lo;
  while (a_lo < a_hi && b_lo < b_hi && a_[a_hi - 1] == b_[b_hi - 1]) --a_hi, --b_hi;
  if (a_lo == a_hi || b_lo == b_hi) {
    for (int i = a_lo; i < a_hi; ++i) deleted_[i] = true;
    for (int j = b_lo; j < b_hi; ++j) inserted_[j] = true;
    return;
  }
  Snake snake = MiddleSnake(a_lo, a_hi, b_lo, b_hi);
  Compare(a_lo, snake.x0, b_lo, snake.y0);
  Compare(snake.x1, a_hi, snake.y1, b_hi);
}

Snake LineDiffer::MiddleSnake(int a_lo, int a_hi, int b_lo, int b_hi) {
  const int n = a_hi - a_lo;
  const int m = b_hi - b_lo;
  const int delta = n - m;
  const bool odd = (delta & 1) != 0;
  const int max_d = (n + m + 1) / 2;
  const int offset = max_d + 1;
  // v[offset + k]: the furthest x reached on diagonal k = x - y, staying in
  // the grid, or -1. The backward search runs on the reversed sequences.
  forward_.assign(2 * offset + 1, -1);
  backward_.assign(2 * offset + 1, -1);
  forward_[offset + 1] = 0;
  backward_[offset + 1] = 0;
  auto step = [&](std::vector<int>& v, int k, int* x0, int* y0) {
    int down = v[offset + k + 1];
    if (down >= 0 && down - k > m) down = -1;
    int right = v[offset + k - 1] >= 0 ? v[offset + k - 1] + 1 : -1;
    if (right > n) right = -1;
    int x = std::max(down, right);
    *x0 = x;
    *y0 = x - k;
    return x;
  };
  for (int d = 0; d <= max_d; ++d) {
    for (int k = -d; k <= d; k += 2) {
      int x0, y0;
      int x = step(forward_, k, &x0, &y0);
      if (x < 0) {
        forward_[offset + k] = -1;
        continue;
      }
      int y = y0;
      while (x < n && y < m && a_[a_lo + x] == b_[b_lo + y]) ++x, ++y;
      forward_[offset + k] = x;
      int c = delta - k;  // the same diagonal in the backward search
      if (odd && c >= -(d - 1) && c <= d - 1 && backward_[offset + c] >= 0 &&
          x + backward_[offset + c] >= n) {
        return Snake{a_lo + x0, b_lo + y0, a_lo + x, b_lo + y};
      }
    }
    for (int c = -d; c <= d; c += 2) {
      int x0, y0;
      int x = step(backward_, c, &x0, &y0);
      if (x < 0) {
        backward_[offset + c] = -1;
        continue;
      }
      int y = y0;
      while (x < n && y < m && a_[a_hi - 1 - x] == b_[b_hi - 1 - y]) ++x, ++y;
      backward_[offset + c] = x;
      int k = delta - c;
      if (!odd && k >= -d && k <= d && forward_[offset + k] >= 0 && x + forward_[offset + k] >= n) {
        return Snake{a_hi - x, b_hi - y, a_hi - x0, b_hi - y0};
      }
    }
  }
  assert(false && "the forward and backward searches always meet");
  return Snake{a_hi, b_hi, a_hi, b_hi};
}

enum class OpKind { kEqual, kDelete, kInsert };

struct Op {
  OpKind kind;
  int old_line;  // 0-based index into the old lines (kEqual, kDelete)
  int new_line;  // 0-based index into the new lines (kEqual, kInsert)
};

// The edit script from `a` to `b`, deletions before insertions in a change.
std::vector<Op> DiffLines(const std::vector<std::string_view>& a,
                          const std::vector<std::string_view>& b) {
  // Number the distinct lines, then set aside the lines that occur in only
  // one of the texts: they cannot be matched, so the diff stays minimal and
  // wholly rewritten regions cost nothing.
  std::unordered_map<std::string_view, int> ids;
  std::vector<int> count_a, count_b;
  auto number = [&](const std::vector<std::string_view>& lines, std::vector<int>* counts) {
    std::vector<int> numbered;
    numbered.reserve(lines.size());
    for (std::string_view line : lines) {
      int id = ids.emplace(line, static_cast<int>(ids.size())).first->second;
      if (id >= static_cast<int>(count_a.size())) count_a.resize(id + 1), count_b.resize(id + 1);
      ++(*counts)[id];
      numbered.push_back(id);
    }
    return numbered;
  };
  std::vector<int> a_ids = number(a, &count_a);
  std::vector<int> b_ids = number(b, &count_b);
  std::vector<bool> deleted(a.size(), true), inserted(b.size(), true);
  std::vector<int> a_kept, b_kept, a_index, b_index;
  for (size_t i = 0; i < a.size(); ++i) {
    if (count_b[a_ids[i]] > 0) a_kept.push_back(a_ids[i]), a_index.push_back(static_cast<int>(i));
  }
  for (size_t j = 0; j < b.size(); ++j) {
    if (count_a[b_ids[j]] > 0) b_kept.push_back(b_ids[j]), b_index.push_back(static_cast<int>(j));
  }
  std::vector<bool> kept_deleted(a_kept.size()), kept_inserted(b_kept.size());
  LineDiffer(a_kept, b_kept, &kept_deleted, &kept_inserted)
      .Compare(0, static_cast<int>(a_kept.size()), 0, static_cast<int>(b_kept.size()));
  for (size_t i = 0; i < a_kept.size(); ++i) deleted[a_index[i]] = kept_deleted[i];
  for (size_t j = 0; j < b_kept.size(); ++j) inserted[b_index[j]] = kept_inserted[j];

  std::vector<Op> ops;
  int i = 0, j = 0;
  const int n = static_cast<int>(a.size()), m = static_cast<int>(b.size());
  while (i < n || j < m) {
    if (i < n && deleted[i]) {
      ops.push_back({OpKind::kDelete, i++, j});
    } else if (j < m && inserted[j]) {
      ops.push_back({OpKind::kInsert, i, j++});
    } else {
      assert(i < n && j < m && a[i] == b[j]);
      ops.push_back({OpKind::kEqual, i++, j++});
    }
  }
  return ops;
}

// `prefix` + `name`, C-quoted as a whole when `name` needs it, like git's
// quote_c_style with core.quotePath on.
std::string QuoteName(std::string_view prefix, std::string_view name) {
  bool needs_quotes = std::any_of(name.begin(), name.end(), [](char c) {
    unsigned char u = static_cast<unsigned char>(c);
    return u < 0x20 || u >= 0x7f || c == '"' || c == '\\';
  });
  if (!needs_quotes) return std::string(prefix) + std::string(name);
  std::string quoted = "\"" + std::string(prefix);
  for (char c : name) {
    unsigned char u = static_cast<unsigned char>(c);
    switch (c) {
      case '\a':
        quoted += "\\a";
        break;
      case '\b':
        quoted += "\\b";
        break;
      case '\t':
        quoted += "\\t";
        break;
      case '\n':
        quoted += "\\n";
        break;
      case '\v':
        quoted += "\\v";
        break;
      case '\f':
        quoted += "\\f";
        break;
      case '\r':
        quoted += "\\r";
        break;
      case '"':
        quoted += "\\\"";
        break;
      case '\\':
        quoted += "\\\\";
        break;
      default:
        if (u < 0x20 || u >= 0x7f) {
          quoted += fmt::format("\\{:03o}", u);
        } else {
          quoted += c;
        }
    }
  }
  return quoted + "\"";
}

// "-l,n" or "-l" for one line; an empty range names the line before it.
std::string HunkRange(char sign, int first, int count) {
  if (count == 1) return fmt::format("{}{}", sign, first + 1);
  return fmt::format("{}{},{}", sign, count == 0 ? first : first + 1, count);
}

void AppendLine(std::string* out, char sign, std::string_view line) {
  *out += sign;
  *out += line;
  if (line.empty() || line.back() != '\n') *out += "\n\\ No newline at end of file\n";
}

void AppendHunk(std::string* out, const std::vector<Op>& ops, size_t begin, size_t end,
                const std::vector<std::string_view>& a, const std::vector<std::string_view>& b) {
  int old_count = 0, new_count = 0;
  for (size_t k = begin; k < end; ++k) {
    if (ops[k].kind != OpKind::kInsert) ++old_count;
    if (ops[k].kind != OpKind::kDelete) ++new_count;
  }
  *out += fmt::format("@@ {} {} @@\n", HunkRange('-', ops[begin].old_line, old_count),
                      HunkRange('+', ops[begin].new_line, new_count));
  for (size_t k = begin; k < end; ++k) {
    const Op& op = ops[k];
    switch (op.kind) {
      case OpKind::kEqual:
        AppendLine(out, ' ', a[op.old_line]);
        break;
      case OpKind::kDelete:
        AppendLine(out, '-', a[op.old_line]);
        break;
      case OpKind::kInsert:
        AppendLine(out, '+', b[op.new_line]);
        break;
    }
  }
}

}  // namespace

std::string UnifiedDiff(std::string_view path, std::string_view before, std::string_view after,
                        int context) {
  if (before == after) return "";
  const size_t span = static_cast<size_t>(std::max(context, 0));
  std::vector<std::string_view> a = SplitLines(before);
  std::vector<std::string_view> b = SplitLines(after);
  std::vector<Op> ops = DiffLines(a, b);

  if (!path.empty() && path[0] == '/') path.remove_prefix(1);
  std::string old_name = QuoteName("a/", path);
  std::string new_name = QuoteName("b/", path);
  // Like git, a name with a space ends with a tab on the ---/+++ lines.
  const char* tab = path.find(' ') != std::string_view::npos ? "\t" : "";
  std::string out = fmt::format("diff --git {} {}\n--- {}{}\n+++ {}{}\n", old_name, new_name,
                                old_name, tab, new_name, tab);
  auto is_change = [&](size_t k) { return ops[k].kind != OpKind::kEqual; };
  size_t k = 0;
  while (k < ops.size()) {
    while (k < ops.size() && !is_change(k)) ++k;
    if (k == ops.size()) break;
    size_t begin = k >= span ? k - span : 0;
    // Extend the hunk while the next change is within 2 * context lines.
    size_t last_change = k;
    for (size_t next = k + 1; next < ops.size() && next <= last_change + 2 * span + 1; ++next) {
      if (is_change(next)) last_change = next;
    }
    size_t end = std::min(ops.size(), last_change + span + 1);
    AppendHunk(&out, ops, begin, end, a, b);
    k = end;
  }
  return out;
}

}  // namespace uprev
