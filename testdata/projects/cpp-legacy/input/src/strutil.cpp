#include "kv/strutil.h"

#include <cctype>
#include <cstdlib>
#include <cstring>

namespace kv {

char* dup_string(const char* s, std::size_t len)
{
    if (s == NULL)
        return NULL;
    std::size_t n = std::strlen(s);
    if (len != 0 && len < n)
        n = len;
    char* copy = new char[n + 1];
    std::memcpy(copy, s, n);
    copy[n] = '\0';
    return copy;
}

char* trim(char* s)
{
    if (!CHECK_PTR(s))
        return 0;
    while (*s != '\0' && std::isspace(static_cast<unsigned char>(*s)))
        ++s;
    std::size_t n = std::strlen(s);
    while (n > 0 && std::isspace(static_cast<unsigned char>(s[n - 1])))
        s[--n] = '\0';
    return s;
}

bool starts_with(const char* s, const char* prefix)
{
    if (s == 0 || prefix == 0)
        return false;
    return std::strncmp(s, prefix, std::strlen(prefix)) == 0;
}

char* split_pair(char* line, char sep)
{
    KV_RETURN_IF_NULL(line, NULL);
    char* at = std::strchr(line, sep);
    if (at == NULL)
        return NULL;
    *at = '\0';
    return at + 1;
}

int parse_int(const char* s, int fallback, const char** end)
{
    if (NULL == s || *s == '\0') {
        if (end != NULL)
            *end = s;
        return fallback;
    }
    char* stop = 0;
    long v = std::strtol(s, &stop, 10);
    if (stop == s)
        v = fallback;
    if (end)
        *end = stop;
    return static_cast<int>(v);
}

std::size_t count_char(const char* s, char c)
{
    std::size_t n = 0;
    for (const char* p = s; p != NULL && *p != '\0'; ++p) {
        if (*p == c)
            ++n;
    }
    return n;
}

void to_lower(char* s)
{
    for (; s && *s; ++s)
        *s = static_cast<char>(std::tolower(static_cast<unsigned char>(*s)));
}

std::string quoted(const char* s)
{
    if (!s)
        return "NULL";
    std::string out = "\"";
    out += s;
    out += "\"";
    return out;
}

} // namespace kv
