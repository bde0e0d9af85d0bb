#include "kv/ini.h"

#include <cassert>
#include <cstring>

#include "kv/list.h"

namespace kv {

namespace {

/* Comments we keep alongside the values; the store does not own them. */
const char* const kFromFile = "from file";
const char* const kInSection = "in section";

} // namespace

IniParser::IniParser(Store* target, const char* section_sep)
    : store_(target), sep_(KV_OR(section_sep, ".")), section_(), line_(0), error_(nullptr)
{
    assert(target != nullptr);
}

bool IniParser::fail(const char* why)
{
    error_ = why;
    return false;
}

bool IniParser::parse_line(char* line)
{
    assert(store_ != nullptr);
    ++line_;
    error_ = nullptr;
    char* s = trim(line);
    if (s == nullptr || s[0] == '\0' || s[0] == ';' || s[0] == '#')
        return true;

    if (s[0] == '[') {
        char* close = std::strchr(s, ']');
        if (close == nullptr)
            return fail("missing ']' after section name");
        *close = '\0';
        char* name = trim(s + 1);
        to_lower(name);
        section_ = name;
        return true;
    }

    char* value = split_pair(s, '=');
    if (!CHECK_PTR(value))
        return fail("expected key = value");
    char* key = trim(s);
    if (key[0] == '\0')
        return fail("empty key");
    to_lower(key);

    std::string full;
    if (!section_.empty()) {
        full = section_;
        full += sep_;
    }
    full += key;
    store_->set(full, trim(value), section_.empty() ? kFromFile : kInSection);
    return true;
}

bool IniParser::parse_text(const char* text)
{
    if (text == nullptr)
        return fail("no text");
    const char* p = text;
    while (*p != '\0') {
        const char* eol = std::strchr(p, '\n');
        std::size_t len = eol != nullptr ? static_cast<std::size_t>(eol - p) : std::strlen(p);
        char* line = dup_string(p, len);
        if (len == 0)
            line[0] = '\0';
        bool ok = parse_line(line);
        delete[] line;
        if (!ok)
            return false;
        p = eol ? eol + 1 : p + len;
    }
    return true;
}

} // namespace kv
