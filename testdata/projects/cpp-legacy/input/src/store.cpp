#include "kv/store.h"

#include <ostream>

namespace kv {

Store::Store(const char* name)
    : entries_(), name_(name), hook_(NULL), hook_user_(0), stats_()
{
}

Store::~Store()
{
    hook_ = 0;
    hook_user_ = (void*)0;
}

List<Entry>::Node* Store::locate(const std::string& key) const
{
    return entries_.find(Entry(key, "", NULL));
}

void Store::set(const std::string& key, const std::string& value, const char* comment)
{
    ++stats_.writes;
    List<Entry>::Node* n = locate(key);
    if (n != NULL) {
        n->value.value = value;
        if (comment != NULL)
            n->value.comment = comment;
    } else {
        entries_.push_back(Entry(key, value, comment));
        n = entries_.tail();
    }
    if (hook_ != NULL)
        hook_(n->value, hook_user_);
}

const Entry* Store::find(const std::string& key) const
{
    ++stats_.lookups;
    const List<Entry>::Node* n = locate(key);
    if (n == 0) {
        ++stats_.misses;
        return NULL;
    }
    ++stats_.hits;
    return &n->value;
}

const char* Store::get(const std::string& key, const char* fallback) const
{
    const Entry* e = find(key);
    return e != NULL ? e->value.c_str() : fallback;
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
    hook_user_ = hook != NULL ? user : NULL;
}

int Store::stat(int StoreStats::*field) const
{
    if (field == 0)
        return -1;
    return stats_.*field;
}

void Store::dump(std::ostream& out) const
{
    out << "[" << name() << "] " << entries_.size() << " entries\n";
    int index = 0;
    for (const List<Entry>::Node* n = entries_.head(); n != NULL; n = n->next) {
        const Entry& e = n->value;
        out << "  " << index << ": " << e.key << " = " << e.value;
        out << "  ; " << (e.comment ? e.comment : "NULL") << "\n";
        ++index;
    }
}

} // namespace kv
