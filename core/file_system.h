// FileSystem: the seam between uprev and the disk, so that tests can run on an
// in-memory tree and every write in the product goes through one atomic path.
#ifndef UPREV_CORE_FILE_SYSTEM_H_
#define UPREV_CORE_FILE_SYSTEM_H_

#include <map>
#include <string>

#include "core/status.h"

namespace uprev {

class FileSystem {
 public:
  virtual ~FileSystem() = default;
  virtual Result<std::string> ReadFile(const std::string& path) const = 0;
  // Writes `contents` so that a reader sees either the old or the new file,
  // never a half-written one (temp file in the same folder + rename).
  virtual Status WriteFileAtomic(const std::string& path,
                                 const std::string& contents) = 0;
};

class RealFileSystem : public FileSystem {
 public:
  Result<std::string> ReadFile(const std::string& path) const override;
  Status WriteFileAtomic(const std::string& path,
                         const std::string& contents) override;
};

// An in-memory file system for tests: path -> contents.
class MemoryFileSystem : public FileSystem {
 public:
  Result<std::string> ReadFile(const std::string& path) const override;
  Status WriteFileAtomic(const std::string& path,
                         const std::string& contents) override;
  std::map<std::string, std::string>& files() { return files_; }

 private:
  std::map<std::string, std::string> files_;
};

// Texts that stand in for some files of another file system, read-only:
// what a fix pass or a change set made of them. Writing is an error.
class OverlayFileSystem : public FileSystem {
 public:
  OverlayFileSystem(const FileSystem& under, std::map<std::string, std::string> texts)
      : under_(under), texts_(std::move(texts)) {}
  Result<std::string> ReadFile(const std::string& path) const override;
  Status WriteFileAtomic(const std::string& path, const std::string& contents) override;
  const std::map<std::string, std::string>& texts() const { return texts_; }

 private:
  const FileSystem& under_;
  std::map<std::string, std::string> texts_;
};

}  // namespace uprev

#endif  // UPREV_CORE_FILE_SYSTEM_H_
