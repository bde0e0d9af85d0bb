/*
 * ini.h: loads "key = value" files with [sections] into a Store.
 */
#ifndef KV_INI_H
#define KV_INI_H

#include <string>

#include "kv/store.h"
#include "kv/strutil.h"

namespace kv {

class IniParser {
public:
    explicit IniParser(Store* target, const char* section_sep = ".");

    /* Parses one line (modified in place). Returns false on a syntax error;
     * last_error() then says why. */
    bool parse_line(char* line);

    /* Parses a whole text; stops at the first error. */
    bool parse_text(const char* text);

    int line_number() const { return line_; }
    const char* last_error() const { return error_; } /* NULL when fine */
    const std::string& section() const { return section_; }

private:
    bool fail(const char* why);

    Store* store_;
    const char* sep_;
    std::string section_;
    int line_;
    const char* error_;
};

} // namespace kv

#endif /* KV_INI_H */
