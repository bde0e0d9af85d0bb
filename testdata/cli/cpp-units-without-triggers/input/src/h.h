#ifndef H_H
#define H_H
#include <cstddef>
inline bool missing(const int* p) { return p == NULL; }
#endif
