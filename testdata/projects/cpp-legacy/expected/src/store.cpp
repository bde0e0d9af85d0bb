#include "kv/store.h"

#include <ostream>

namespace kv {

Store::Store(const char* name)
    : entries_(), name_(name), hook_(nullptr), hook_user_(nullptr), stats_()
{
}

Store::~Store()
{
    hook_ = nullptr;
    hook_user_ = (void*)nullptr;
}

List<Entry>::Node* Store::locate(const std::string& key) const
{
    return entries_.find(Entry(key, "", nullptr));
}

void Store::set(const std::string& key, const std::string& value, const char* comment)
{
    ++stats_.writes;
    List<Entry>::Node* n = locate(key);
    if (n != nullptr) {
        n->value.value = value;
        if (comment != nullptr)
            n->value.comment = comment;
    } else {
        entries_.push_back(Entry(key, value, comment));
        n = entries_.tail();
    }
    if (hook_ != nullptr)
        hook_(n->value, hook_user_);
}

const Entry* Store::find(const std::string& key) const
{
    ++stats_.lookups;
    const List<Entry>::Node* n = locate(key);
    if (n == nullptr) {
        ++stats_.misses;
        return nullptr;
    }
    ++stats_.hits;
    return &n->value;
}

const char* Store::get(const std::string& key, const char* fallback) const
{
    const Entry* e = find(key);
    return e != nullptr ? e->value.c_str() : fallback;
}

bool Store::erase(const std::string& key)
{
    List<Entry>::Node* n = locate(key);
    if (!CHECK_PTR(n))
        return false;
    return entries_.remove(n);
}

void Store::set_hook(ChangeHook hook, void* user)
{
    hook_ = hook;
    hook_user_ = hook != nullptr ? user : nullptr;
}

int Store::stat(int StoreStats::*field) const
{
    if (field == nullptr)
        return -1;
    return stats_.*field;
}

void Store::dump(std::ostream& out) const
{
    out << "[" << name() << "] " << entries_.size() << " entries\n";
    int index = 0;
    for (const List<Entry>::Node* n = entries_.head(); n != nullptr; n = n->next) {
        const Entry& e = n->value;
        out << "  " << index << ": " << e.key << " = " << e.value;
        out << "  ; " << (e.comment ? e.comment : "NULL") << "\n";
        ++index;
    }
}

} // namespace kv
