/*
 * kv - a tiny key/value store with an INI loader.
 *
 * config.h: macros and small helpers shared by every module.
 */
#ifndef KV_CONFIG_H
#define KV_CONFIG_H

#include <cstddef>

#define KV_VERSION "0.4.1"

/* True when the pointer is set (not NULL). */
#define CHECK_PTR(p) ((p) != NULL)

/* Marks an empty link in a list. */
#define EMPTY_NODE 0

/* Returns `value` from the enclosing function when `p` is a null pointer. */
#define KV_RETURN_IF_NULL(p, value) \
    do { if ((p) == 0) return (value); } while (0)

/* `p` when it is set, `fallback` otherwise. */
#define KV_OR(p, fallback) ((p) ? (p) : (fallback))

namespace kv {

/* Never hands a NULL to an output stream. */
inline const char* safe_str(const char* s)
{
    return s != nullptr ? s : "";
}

/* Deletes the object and clears the caller's pointer. */
template <typename T>
inline void safe_delete(T*& p)
{
    delete p;
    p = nullptr;
}

} // namespace kv

#endif /* KV_CONFIG_H */
