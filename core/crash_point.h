// Crash points: fault injection for the tests of interrupted runs. With
// UPREV_TEST_CRASH=NAME:N in the environment, the N-th time the process
// passes CrashPoint("NAME") it kills itself with SIGKILL, as a power cut or
// `kill -9` would. Without the variable a crash point costs one branch.
#ifndef UPREV_CORE_CRASH_POINT_H_
#define UPREV_CORE_CRASH_POINT_H_

#include <string_view>

namespace uprev {

void CrashPoint(std::string_view name);

}  // namespace uprev

#endif  // UPREV_CORE_CRASH_POINT_H_
