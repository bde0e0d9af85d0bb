#include "kv/report.h"

#include <iomanip>

namespace kv {

namespace {

const StatField kDefaultFields[] = {
    { "lookups", &StoreStats::lookups },
    { "hits", &StoreStats::hits },
    { "misses", &StoreStats::misses },
    { "writes", &StoreStats::writes },
    { NULL, 0 } /* end of table */
};

} // namespace

void print_row(std::ostream& out, const char* label, const char* value, const char* note)
{
    out << safe_str(label);
    if (value != NULL)
        out << " = " << value;
    if (note)
        out << "  (" << note << ")";
    out << "\n";
}

double hit_ratio(const StoreStats& stats)
{
    if (stats.lookups == 0)
        return 0.0;
    return static_cast<double>(stats.hits) / stats.lookups;
}

void print_stats(std::ostream& out, const Store& store, const StatField* fields)
{
    const StatField* f = fields != NULL ? fields : kDefaultFields;
    int printed = 0;
    for (; f->label != NULL; ++f) {
        int StoreStats::*field = f->field;
        if (field == 0)
            continue;
        out << "  " << std::setw(8) << std::left << f->label << store.stat(field) << "\n";
        ++printed;
    }
    double ratio = 0.0;
    if (printed > 0)
        ratio = hit_ratio(store.stats());
    out << "  hit ratio " << std::fixed << std::setprecision(2) << ratio << "\n";
}

} // namespace kv
