#include "runs/command_runner.h"

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <chrono>
#include <cstring>

#include <fmt/format.h>

namespace uprev {
namespace {

constexpr size_t kKeep = 64 * 1024;

void KeepTail(std::string* out) {
  if (out->size() > 2 * kKeep) out->erase(0, out->size() - kKeep);
}

}  // namespace

Result<CommandResult> RunCommand(const std::string& command, const std::string& directory,
                                 int timeout_seconds) {
  int pipe_fds[2];
  if (::pipe2(pipe_fds, O_CLOEXEC) != 0) {
    return Status::Io(fmt::format("error: cannot run '{}': {}", command, std::strerror(errno)));
  }
  pid_t pid = ::fork();
  if (pid < 0) {
    ::close(pipe_fds[0]);
    ::close(pipe_fds[1]);
    return Status::Io(fmt::format("error: cannot run '{}': {}", command, std::strerror(errno)));
  }
  if (pid == 0) {
    ::setpgid(0, 0);
    int null = ::open("/dev/null", O_RDONLY);
    ::dup2(null, 0);
    ::dup2(pipe_fds[1], 1);
    ::dup2(pipe_fds[1], 2);
    if (::chdir(directory.c_str()) != 0) ::_exit(126);
    ::execl("/bin/sh", "sh", "-c", command.c_str(), static_cast<char*>(nullptr));
    ::_exit(127);
  }
  ::setpgid(pid, pid);
  ::close(pipe_fds[1]);
  CommandResult result;
  auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(timeout_seconds);
  char buf[8192];
  for (;;) {
    auto left = std::chrono::duration_cast<std::chrono::milliseconds>(
                    deadline - std::chrono::steady_clock::now()).count();
    if (left <= 0) {
      result.timed_out = true;
      ::kill(-pid, SIGKILL);
      break;
    }
    pollfd pfd{pipe_fds[0], POLLIN, 0};
    int ready = ::poll(&pfd, 1, static_cast<int>(std::min<long long>(left, 1000)));
    if (ready < 0 && errno != EINTR) break;
    if (ready <= 0) continue;
    ssize_t n = ::read(pipe_fds[0], buf, sizeof buf);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) break;  // every writer closed its end
    result.output.append(buf, static_cast<size_t>(n));
    KeepTail(&result.output);
  }
  ::close(pipe_fds[0]);
  int status = 0;
  while (::waitpid(pid, &status, 0) < 0 && errno == EINTR) {
  }
  ::kill(-pid, SIGKILL);  // what the command left running in its group
  if (result.output.size() > kKeep) result.output.erase(0, result.output.size() - kKeep);
  if (result.timed_out) {
    result.exit = 124;
    result.output += fmt::format("\nuprev: the command ran longer than {} s and was killed\n",
                                 timeout_seconds);
  } else if (WIFEXITED(status)) {
    result.exit = WEXITSTATUS(status);
  } else if (WIFSIGNALED(status)) {
    result.exit = 128 + WTERMSIG(status);
  }
  return result;
}

}  // namespace uprev
