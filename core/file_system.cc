#include "core/file_system.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

#include <fmt/format.h>

namespace uprev {

Result<std::string> RealFileSystem::ReadFile(const std::string& path) const {
  int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) {
    return Status::Io(fmt::format("{}: error: cannot read: {}", path, std::strerror(errno)));
  }
  std::string data;
  struct stat st;
  if (::fstat(fd, &st) == 0 && st.st_size > 0) data.reserve(static_cast<size_t>(st.st_size));
  char buf[65536];
  for (;;) {
    ssize_t n = ::read(fd, buf, sizeof buf);
    if (n < 0) {
      if (errno == EINTR) continue;
      int err = errno;
      ::close(fd);
      return Status::Io(fmt::format("{}: error: cannot read: {}", path, std::strerror(err)));
    }
    if (n == 0) break;
    data.append(buf, static_cast<size_t>(n));
  }
  ::close(fd);
  return data;
}

Status RealFileSystem::WriteFileAtomic(const std::string& path,
                                       const std::string& contents) {
  std::string tmp = path + ".uprev-tmp." + std::to_string(::getpid());
  mode_t mode = 0644;
  struct stat st;
  if (::stat(path.c_str(), &st) == 0) mode = st.st_mode & 07777;
  int fd = ::open(tmp.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, mode);
  if (fd < 0) {
    return Status::Io(fmt::format("{}: error: cannot write: {}", path, std::strerror(errno)));
  }
  size_t done = 0;
  while (done < contents.size()) {
    ssize_t n = ::write(fd, contents.data() + done, contents.size() - done);
    if (n < 0) {
      if (errno == EINTR) continue;
      int err = errno;
      ::close(fd);
      ::unlink(tmp.c_str());
      return Status::Io(fmt::format("{}: error: cannot write: {}", path, std::strerror(err)));
    }
    done += static_cast<size_t>(n);
  }
  if (::fsync(fd) != 0 || ::close(fd) != 0) {
    int err = errno;
    ::unlink(tmp.c_str());
    return Status::Io(fmt::format("{}: error: cannot write: {}", path, std::strerror(err)));
  }
  if (::rename(tmp.c_str(), path.c_str()) != 0) {
    int err = errno;
    ::unlink(tmp.c_str());
    return Status::Io(fmt::format("{}: error: cannot replace: {}", path, std::strerror(err)));
  }
  return Status::Ok();
}

Result<std::string> MemoryFileSystem::ReadFile(const std::string& path) const {
  auto it = files_.find(path);
  if (it == files_.end()) {
    return Status::Io(fmt::format("{}: error: cannot read: No such file or directory", path));
  }
  return it->second;
}

Status MemoryFileSystem::WriteFileAtomic(const std::string& path,
                                         const std::string& contents) {
  files_[path] = contents;
  return Status::Ok();
}

Result<std::string> OverlayFileSystem::ReadFile(const std::string& path) const {
  auto it = texts_.find(path);
  return it == texts_.end() ? under_.ReadFile(path) : Result<std::string>(it->second);
}

Status OverlayFileSystem::WriteFileAtomic(const std::string& path, const std::string&) {
  return Status::Internal(path + ": an overlay of fixed texts is not written");
}

}  // namespace uprev
