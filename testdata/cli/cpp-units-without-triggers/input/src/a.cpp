#include <cstddef>

const char* name(const char* given) { return given != NULL ? given : "anonymous"; }
