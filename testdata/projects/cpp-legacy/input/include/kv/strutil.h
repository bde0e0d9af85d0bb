/*
 * strutil.h: C string helpers used by the loader and the command line tool.
 */
#ifndef KV_STRUTIL_H
#define KV_STRUTIL_H

#include <cstddef>
#include <string>

#include "kv/config.h"

namespace kv {

/* Copies at most len characters of s (all of it when len is 0); free with
 * delete[]. Returns NULL for a NULL s. */
char* dup_string(const char* s, std::size_t len = 0);

/* Strips blanks from both ends, in place; returns the new start. */
char* trim(char* s);

bool starts_with(const char* s, const char* prefix);

/* Splits "key<sep>value" in place and returns the value, or NULL when the
 * separator is missing. */
char* split_pair(char* line, char sep = '=');

/* Parses a decimal integer; *end (when given) points past the digits. */
int parse_int(const char* s, int fallback, const char** end = NULL);

std::size_t count_char(const char* s, char c);

void to_lower(char* s);

/* A printable form of a possibly NULL string, quoted when set. */
std::string quoted(const char* s);

} // namespace kv

#endif /* KV_STRUTIL_H */
