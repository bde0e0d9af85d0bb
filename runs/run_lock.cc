#include "runs/run_lock.h"

#include <fcntl.h>
#include <signal.h>
#include <unistd.h>

#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <string>

#include <fmt/format.h>

namespace uprev {
namespace {

bool ProcessAlive(long pid) {
  return pid > 0 && (::kill(static_cast<pid_t>(pid), 0) == 0 || errno == EPERM);
}

}  // namespace

Result<RunLock> RunLock::Acquire(const std::string& path) {
  std::error_code ec;
  std::filesystem::create_directories(std::filesystem::path(path).parent_path(), ec);
  for (int attempt = 0; attempt < 2; ++attempt) {
    int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0644);
    if (fd >= 0) {
      std::string pid = std::to_string(::getpid()) + "\n";
      bool written = ::write(fd, pid.data(), pid.size()) == static_cast<ssize_t>(pid.size());
      ::close(fd);
      if (!written) {
        ::unlink(path.c_str());
        return Status::Io(fmt::format("{}: error: cannot write the lock", path));
      }
      return RunLock(path);
    }
    if (errno != EEXIST) {
      return Status::Io(fmt::format("{}: error: cannot create the lock: {}", path, std::strerror(errno)));
    }
    std::ifstream in(path);
    long owner = 0;
    in >> owner;
    if (ProcessAlive(owner)) {
      return Status::Invalid(fmt::format(
          "{}: error: another uprev run (pid {}) is writing to this repository; wait for it to "
          "finish", path, owner));
    }
    ::unlink(path.c_str());  // left by a run that was killed: take it over
  }
  return Status::Invalid(fmt::format("{}: error: another uprev run holds this lock", path));
}

RunLock::~RunLock() {
  if (!path_.empty()) ::unlink(path_.c_str());
}

}  // namespace uprev
