// No trigger word here, but the header it includes has one: parsed.
#include "h.h"

bool check(const int* p) { return missing(p); }
