#include <cstddef>

// Without compile_commands.json the Clang rules (NULL -> nullptr) cannot
// run; the tree-sitter rules (throw() -> noexcept) still do.
void reset() throw();

int* find(int* begin, int* end, int value) {
  for (int* p = begin; p != end; ++p) {
    if (*p == value) return p;
  }
  return NULL;
}
