#include <cstdio>

#include "tools/commands.h"

namespace uprev {

int Fail(const Status& status) {
  std::fprintf(stderr, "%s\n", status.message().c_str());
  return status.code() == StatusCode::kInvalid ? 2 : 3;
}

}  // namespace uprev
