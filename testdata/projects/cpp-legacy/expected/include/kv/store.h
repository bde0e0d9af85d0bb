/*
 * store.h: the key/value store itself.
 */
#ifndef KV_STORE_H
#define KV_STORE_H

#include <cstddef>
#include <iosfwd>
#include <string>

#include "kv/list.h"
#include "kv/strutil.h"

namespace kv {

struct Entry {
    std::string key;
    std::string value;
    const char* comment; /* static text or NULL */

    Entry() : comment(nullptr) {}
    Entry(const std::string& k, const std::string& v, const char* c = nullptr)
        : key(k), value(v), comment(c)
    {
    }

    bool operator==(const Entry& other) const { return key == other.key; }
};

struct StoreStats {
    int lookups;
    int hits;
    int misses;
    int writes;

    StoreStats() : lookups(0), hits(0), misses(0), writes(0) {}
};

using ChangeHook = void (*)(const Entry& entry, void* user);

class Store {
public:
    explicit Store(const char* name = nullptr);
    ~Store();

    void set(const std::string& key, const std::string& value, const char* comment = nullptr);
    const Entry* find(const std::string& key) const;
    const char* get(const std::string& key, const char* fallback = nullptr) const;
    bool erase(const std::string& key);

    std::size_t size() const { return entries_.size(); }
    const char* name() const { return name_ != nullptr ? name_ : "(unnamed)"; }
    const Entry* first() const
    {
        const List<Entry>::Node* n = entries_.head();
        return n == nullptr ? nullptr : &n->value;
    }

    void set_hook(ChangeHook hook, void* user = nullptr);
    const StoreStats& stats() const { return stats_; }
    int stat(int StoreStats::*field) const;

    void dump(std::ostream& out) const;

private:
    Store(const Store&);
    Store& operator=(const Store&);

    List<Entry>::Node* locate(const std::string& key) const;

    List<Entry> entries_;
    const char* name_;
    ChangeHook hook_;
    void* hook_user_;
    mutable StoreStats stats_;
};

} // namespace kv

#endif /* KV_STORE_H */
