// Nothing any Clang rule looks for: never parsed (units_parsed counts 2 of 3).
int twice(int x) { return x + x; }
