/*
 * kv: loads a built-in configuration and prints what the store makes of it.
 * With an argument, prints only that key (or NULL when it is not set).
 */
#include <iostream>
#include <string>

#include "kv/ini.h"
#include "kv/report.h"
#include "kv/store.h"

namespace {

const char* const kConfig =
    "; sample configuration\n"
    "name = demo\n"
    "\n"
    "[Server]\n"
    "Host = localhost \n"
    "port = 8080\n"
    "\n"
    "[cache]\n"
    "size = 64\n"
    "policy = lru\n";

struct HookCounter {
    int calls;
    std::string last_key;
    HookCounter() : calls(0), last_key() {}
};

void count_changes(const kv::Entry& entry, void* user)
{
    HookCounter* counter = static_cast<HookCounter*>(user);
    if (counter == NULL)
        return;
    ++counter->calls;
    counter->last_key = entry.key;
}

const char* lookup(const kv::Store& store, const char* key)
{
    KV_RETURN_IF_NULL(key, 0);
    return store.get(key);
}

} // namespace

int main(int argc, char** argv)
{
    const char* only = argc > 1 ? argv[1] : NULL;

    kv::Store store("config");
    HookCounter counter;
    store.set_hook(count_changes, &counter);

    kv::IniParser parser(&store);
    if (!parser.parse_text(kConfig)) {
        std::cout << "line " << parser.line_number() << ": " << parser.last_error() << "\n";
        return 1;
    }
    if (only != NULL) {
        std::cout << kv::quoted(lookup(store, only)) << "\n";
        return 0;
    }

    store.set("server.port", "9090", NULL);
    store.set("debug", "off");
    store.dump(std::cout);

    std::cout << "host: " << kv::quoted(lookup(store, "server.host")) << "\n";
    std::cout << "timeout: " << kv::quoted(lookup(store, "server.timeout")) << "\n";
    std::cout << "user: " << KV_OR(store.get("user"), "nobody") << "\n";
    const char* policy = store.get("cache.policy", NULL);
    std::cout << "policy set: " << (policy != NULL ? "yes" : "no") << "\n";
    int port = kv::parse_int(store.get("server.port"), 80);
    std::cout << "next port: " << port + 1 << "\n";
    const kv::Entry* first = store.first();
    std::cout << "first: " << (first != 0 ? first->key : std::string("none")) << "\n";

    kv::IniParser strict(&store, NULL);
    char bad[] = "[broken";
    if (!strict.parse_line(bad))
        std::cout << "strict: line " << strict.line_number() << ": "
                  << kv::safe_str(strict.last_error()) << "\n";
    KV_NOTE(std::cout, "strict", strict.last_error());

    KV_NOTE(std::cout, "erasing debug", NULL);
    store.erase("debug");
    KV_NOTE(std::cout, "erased debug", 0);
    std::cout << "erase again: " << (store.erase("debug") ? "removed" : "absent") << "\n";

    kv::List<int> ports;
    ports.push_back(8080);
    ports.push_back(9090);
    ports.push_front(80);
    kv::print_list(std::cout, "ports", ports);
    const int* second = kv::value_at(ports, 1);
    const int* tenth = kv::value_at(ports, 10);
    std::cout << "second: " << (second ? *second : -1) << ", tenth set: " << (tenth == NULL ? "no" : "yes") << "\n";

    kv::List<std::string> names;
    kv::print_list(std::cout, "names", names);
    names.push_back("alpha");
    names.push_back("beta");
    names.remove(names.find("alpha"));
    names.remove(names.find("gamma"));
    kv::print_list(std::cout, "names", names);

    int weights[3] = { 5, 7, 9 };
    const char* labels[3] = { "low", "mid", "high" };
    weights[0] = 0;
    std::cout << "weights: " << kv::slot_or_zero(weights, 3, 0) << " " << kv::slot_or_zero(weights, 3, 2)
              << " " << kv::slot_or_zero(weights, 3, 5) << " " << kv::slot_or_zero<int>(NULL, 0, 0) << "\n";
    std::cout << "labels: " << kv::slot_or_zero(labels, 3, 1) << " "
              << kv::quoted(kv::slot_or_zero(labels, 3, 3)) << "\n";

    int kv::StoreStats::*pm = NULL;
    std::cout << "no field: " << store.stat(pm) << "\n";
    pm = &kv::StoreStats::hits;
    std::cout << "hits: " << store.stat(pm) << "\n";
    const char* (kv::Store::*namer)() const = 0;
    namer = &kv::Store::name;
    std::cout << "store: " << (store.*namer)() << ", version " << KV_VERSION << "\n";

    kv::print_stats(std::cout, store);
    std::cout << "hook calls: " << counter.calls << ", last: " << counter.last_key << "\n";

    store.set_hook(NULL);
    store.set("quiet", "yes");
    std::cout << "hook calls after unhook: " << counter.calls << "\n";
    return 0;
}
