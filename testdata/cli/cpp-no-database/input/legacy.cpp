#include <cstddef>

int* find(int* begin, int* end, int value) {
  for (int* p = begin; p != end; ++p) {
    if (*p == value) return p;
  }
  return NULL;
}
