#include "core/crash_point.h"

#include <csignal>
#include <cstdlib>
#include <string>

#include <atomic>

namespace uprev {
namespace {

struct Target {
  std::string name;
  long count = 0;
};

const Target& TargetFromEnvironment() {
  static const Target target = [] {
    Target t;
    const char* spec = std::getenv("UPREV_TEST_CRASH");
    if (!spec) return t;
    std::string s(spec);
    size_t colon = s.rfind(':');
    if (colon == std::string::npos) return t;
    t.name = s.substr(0, colon);
    t.count = std::strtol(s.c_str() + colon + 1, nullptr, 10);
    return t;
  }();
  return target;
}

}  // namespace

void CrashPoint(std::string_view name) {
  const Target& target = TargetFromEnvironment();
  if (target.count <= 0 || name != target.name) return;
  static std::atomic<long> passes{0};
  if (passes.fetch_add(1) + 1 == target.count) std::raise(SIGKILL);
}

}  // namespace uprev
