/*
 * report.h: human-readable output for the kv tool.
 */
#ifndef KV_REPORT_H
#define KV_REPORT_H

#include <ostream>
#include <string>

#include "kv/list.h"
#include "kv/store.h"

namespace kv {

/* One counter of StoreStats to print; a NULL label ends a table. */
struct StatField {
    const char* label;
    int StoreStats::*field;
};

void print_row(std::ostream& out, const char* label, const char* value, const char* note = nullptr);
void print_stats(std::ostream& out, const Store& store, const StatField* fields = nullptr);
double hit_ratio(const StoreStats& stats);

/* A row with a note and no value; the note may be NULL. */
#define KV_NOTE(out, label, note) kv::print_row(out, label, 0, note)

inline void describe(std::ostream& out, int v, const char* unit)
{
    out << v;
    if (unit != nullptr)
        out << ' ' << unit;
}

inline void describe(std::ostream& out, const std::string& v, const char* unit)
{
    out << '"' << v << '"';
    if (CHECK_PTR(unit))
        out << ' ' << unit;
}

template <typename T>
void print_list(std::ostream& out, const char* title, const List<T>& list)
{
    print_row(out, title, nullptr, list.empty() ? "empty" : nullptr);
    int i = 0;
    for (const ListNode<T>* n = list.head(); n != nullptr; n = n->next) {
        out << "  #" << i++ << " ";
        describe(out, n->value, nullptr);
        out << "\n";
    }
}

} // namespace kv

#endif /* KV_REPORT_H */
