#include "core/file_finder.h"

#include <dirent.h>
#include <fcntl.h>
#include <stdlib.h>
#include <sys/stat.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <memory>
#include <string_view>

#include <fmt/format.h>

#include "core/file_system.h"
#include "core/gitignore.h"

namespace uprev {

namespace {

// "./src//a/" -> "src/a", "." -> "", "/" -> "/". ".." is kept, since
// folding it away would be wrong past a symlink.
std::string NormalizeRoot(std::string_view root) {
  std::string normal = !root.empty() && root[0] == '/' ? "/" : "";
  while (!root.empty()) {
    size_t slash = root.find('/');
    std::string_view part = root.substr(0, slash);
    root.remove_prefix(slash == std::string_view::npos ? root.size() : slash + 1);
    if (part.empty() || part == ".") continue;
    if (!normal.empty() && normal.back() != '/') normal += '/';
    normal += part;
  }
  return normal;
}

std::string JoinPath(std::string_view dir, std::string_view name) {
  if (dir.empty()) return std::string(name);
  std::string path(dir);
  if (path.back() != '/') path += '/';
  path += name;
  return path;
}

// The path to hand to the operating system for a displayed path.
std::string OnDisk(const std::string& display) { return display.empty() ? "." : display; }

bool IsRegularFile(const std::string& path) {
  struct stat st;
  return ::lstat(path.c_str(), &st) == 0 && S_ISREG(st.st_mode);
}

bool Exists(const std::string& path) {
  struct stat st;
  return ::lstat(path.c_str(), &st) == 0;
}

enum class EntryType { kFile, kFolder, kSymlink, kOther };

struct Entry {
  std::string name;
  EntryType type;
};

EntryType TypeOf(DIR* dir, const dirent* entry) {
  switch (entry->d_type) {
    case DT_REG:
      return EntryType::kFile;
    case DT_DIR:
      return EntryType::kFolder;
    case DT_LNK:
      return EntryType::kSymlink;
    case DT_UNKNOWN:
      break;
    default:
      return EntryType::kOther;
  }
  struct stat st;
  if (::fstatat(::dirfd(dir), entry->d_name, &st, AT_SYMLINK_NOFOLLOW) != 0) {
    return EntryType::kOther;  // vanished since it was listed
  }
  if (S_ISREG(st.st_mode)) return EntryType::kFile;
  if (S_ISDIR(st.st_mode)) return EntryType::kFolder;
  if (S_ISLNK(st.st_mode)) return EntryType::kSymlink;
  return EntryType::kOther;
}

// Walks the folders of one root, with the ignore rules that apply to it.
class Walker {
 public:
  Walker(const FindOptions& options, FoundFiles* found) : options_(options), found_(found) {}

  void WalkRoot(const std::string& display);

 private:
  // Loads the ignore files above the root; returns the root's path relative
  // to its repository root, "" when it is one or there is none.
  std::string LoadRepositoryIgnoreFiles(const std::string& display);
  void LoadIgnoreFile(const std::string& path, std::string_view rel_dir, IgnoreRules* rules);
  bool ListFolder(const std::string& display, std::vector<Entry>* entries);
  bool Skipped(const Entry& entry, const std::string& rel) const;
  bool Ignored(const std::string& rel, bool is_dir) const;
  // `rel_dir` is `display` relative to the root of the ignore rules.
  void Walk(const std::string& display, const std::string& rel_dir);

  const FindOptions& options_;
  FoundFiles* found_;
  RealFileSystem file_system_;
  IgnoreRules dot_ignore_;  // .ignore files
  IgnoreRules gitignore_;   // .gitignore files
  IgnoreRules exclude_;     // .git/info/exclude
};

void Walker::WalkRoot(const std::string& display) {
  std::string rel_dir = options_.ignore_files ? LoadRepositoryIgnoreFiles(display) : "";
  Walk(display, rel_dir);
}

std::string Walker::LoadRepositoryIgnoreFiles(const std::string& display) {
  std::unique_ptr<char, decltype(&::free)> real(::realpath(OnDisk(display).c_str(), nullptr),
                                                &::free);
  if (!real) return "";
  std::string root = real.get();
  std::string repo = root;
  while (!Exists(JoinPath(repo, ".git"))) {
    if (repo == "/") return "";  // not in a repository: the root's own rules only
    size_t slash = repo.rfind('/');
    repo = slash == 0 ? "/" : repo.substr(0, slash);
  }
  std::string git_dir = JoinPath(repo, ".git");
  if (IsRegularFile(git_dir)) {
    // A worktree or submodule: ".git" is a file "gitdir: PATH".
    Result<std::string> link = file_system_.ReadFile(git_dir);
    if (link.ok() && link->rfind("gitdir: ", 0) == 0) {
      std::string target = link->substr(8, link->find_first_of("\r\n") - 8);
      if (!target.empty()) git_dir = target[0] == '/' ? target : JoinPath(repo, target);
    }
  }
  if (IsRegularFile(git_dir + "/info/exclude")) {
    LoadIgnoreFile(git_dir + "/info/exclude", "", &exclude_);
  }
  if (root == repo) return "";  // Walk reads the root's own files
  std::string rel_root = root.substr(repo == "/" ? 1 : repo.size() + 1);
  // The folders from the repository root down to the root's parent.
  std::vector<std::string> parents = {""};
  for (size_t slash = rel_root.find('/'); slash != std::string::npos;
       slash = rel_root.find('/', slash + 1)) {
    parents.push_back(rel_root.substr(0, slash));
  }
  for (const std::string& rel_dir : parents) {
    std::string dir = JoinPath(repo, rel_dir);
    if (IsRegularFile(dir + "/.gitignore")) {
      LoadIgnoreFile(dir + "/.gitignore", rel_dir, &gitignore_);
    }
    if (IsRegularFile(dir + "/.ignore")) LoadIgnoreFile(dir + "/.ignore", rel_dir, &dot_ignore_);
  }
  return rel_root;
}

void Walker::LoadIgnoreFile(const std::string& path, std::string_view rel_dir, IgnoreRules* rules) {
  Result<std::string> contents = file_system_.ReadFile(path);
  if (!contents.ok()) {
    found_->errors.push_back(contents.status().message());
    return;
  }
  rules->AddFile(rel_dir, *contents);
}

bool Walker::ListFolder(const std::string& display, std::vector<Entry>* entries) {
  std::string path = OnDisk(display);
  DIR* dir = ::opendir(path.c_str());
  if (dir == nullptr) {
    found_->errors.push_back(
        fmt::format("{}: error: cannot read folder: {}", path, std::strerror(errno)));
    return false;
  }
  for (;;) {
    errno = 0;
    const dirent* entry = ::readdir(dir);
    if (entry == nullptr) {
      if (errno != 0) {
        found_->errors.push_back(
            fmt::format("{}: error: cannot read folder: {}", path, std::strerror(errno)));
      }
      break;
    }
    std::string_view name = entry->d_name;
    if (name == "." || name == "..") continue;
    entries->push_back(Entry{std::string(name), TypeOf(dir, entry)});
  }
  ::closedir(dir);
  std::sort(entries->begin(), entries->end(),
            [](const Entry& a, const Entry& b) { return a.name < b.name; });
  return true;
}

bool Walker::Ignored(const std::string& rel, bool is_dir) const {
  // The walk never enters an ignored folder, so each entry's own patterns
  // decide. The first kind of file with an opinion wins.
  for (const IgnoreRules* rules : {&dot_ignore_, &gitignore_, &exclude_}) {
    IgnoreRules::Verdict verdict = rules->MatchEntry(rel, is_dir);
    if (verdict != IgnoreRules::Verdict::kNone) return verdict == IgnoreRules::Verdict::kIgnore;
  }
  return false;
}

bool Walker::Skipped(const Entry& entry, const std::string& rel) const {
  // Symlinks are never followed: a link to a folder could loop or leave the
  // tree, and a link to a file would be found twice or edited through the
  // link. An explicit root that is a symlink is still used.
  if (entry.type == EntryType::kSymlink || entry.type == EntryType::kOther) return true;
  bool is_dir = entry.type == EntryType::kFolder;
  if (is_dir && std::find(options_.skipped_folders.begin(), options_.skipped_folders.end(),
                          entry.name) != options_.skipped_folders.end()) {
    return true;
  }
  if (!options_.hidden && entry.name[0] == '.' &&
      std::find(options_.unhidden.begin(), options_.unhidden.end(), entry.name) ==
          options_.unhidden.end()) {
    return true;
  }
  return options_.ignore_files && Ignored(rel, is_dir);
}

void Walker::Walk(const std::string& display, const std::string& rel_dir) {
  std::vector<Entry> entries;
  if (!ListFolder(display, &entries)) return;
  if (options_.ignore_files) {
    // Read before any entry is judged: they apply to the whole folder.
    for (const Entry& entry : entries) {
      if (entry.type != EntryType::kFile) continue;  // git ignores symlinked ignore files
      if (entry.name == ".gitignore") {
        LoadIgnoreFile(JoinPath(display, entry.name), rel_dir, &gitignore_);
      } else if (entry.name == ".ignore") {
        LoadIgnoreFile(JoinPath(display, entry.name), rel_dir, &dot_ignore_);
      }
    }
  }
  for (const Entry& entry : entries) {
    std::string rel = JoinPath(rel_dir, entry.name);
    if (Skipped(entry, rel)) continue;
    std::string path = JoinPath(display, entry.name);
    if (entry.type == EntryType::kFolder) {
      Walk(path, rel);
    } else {
      found_->files.push_back(std::move(path));
    }
  }
}

}  // namespace

Result<FoundFiles> FindFiles(const std::vector<std::string>& roots, const FindOptions& options) {
  FoundFiles found;
  std::vector<std::string> folders;
  for (const std::string& root : roots) {
    struct stat st;
    if (::stat(root.c_str(), &st) != 0) {
      if (errno == ENOENT || errno == ENOTDIR) {
        return Status::Invalid(fmt::format("{}: error: no such file or directory", root));
      }
      found.errors.push_back(fmt::format("{}: error: cannot read: {}", root, std::strerror(errno)));
      continue;
    }
    std::string display = NormalizeRoot(root);
    if (S_ISDIR(st.st_mode)) {
      folders.push_back(std::move(display));
    } else {
      found.files.push_back(std::move(display));
    }
  }
  for (const std::string& folder : folders) {
    Walker(options, &found).WalkRoot(folder);
  }
  std::sort(found.files.begin(), found.files.end());
  found.files.erase(std::unique(found.files.begin(), found.files.end()), found.files.end());
  return found;
}

}  // namespace uprev
