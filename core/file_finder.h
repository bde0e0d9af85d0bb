// FindFiles: which files a run looks at, found the way ripgrep finds them:
// explicit files as given, folders walked while skipping hidden entries,
// dependency folders and whatever .gitignore, .ignore and .git/info/exclude
// exclude.
#ifndef UPREV_CORE_FILE_FINDER_H_
#define UPREV_CORE_FILE_FINDER_H_

#include <string>
#include <vector>

#include "core/status.h"

namespace uprev {

struct FindOptions {
  // Also walk entries whose name starts with '.'. `skipped_folders` stay
  // skipped either way.
  bool hidden = false;
  // Respect .gitignore, .ignore and .git/info/exclude.
  bool ignore_files = true;
  // Hidden names that are walked all the same: CI configuration is code that
  // upgrades touch (GitHub Actions workflows, CircleCI, GitLab CI,
  // pre-commit).
  std::vector<std::string> unhidden = {".github", ".circleci", ".gitlab-ci.yml",
                                       ".pre-commit-config.yaml"};
  // Folder names never walked into, wherever they are.
  std::vector<std::string> skipped_folders = {".git", "node_modules", "vendor", "third_party"};
};

struct FoundFiles {
  // '/'-separated paths as the user would write them, relative to the
  // working folder for a relative root ("." gives "src/a.py", "src" gives
  // "src/a.py") and absolute for an absolute root; sorted, no duplicates.
  std::vector<std::string> files;
  // One complete message per folder or ignore file that could not be read,
  // "PATH: error: cannot read folder: Permission denied", in walk order.
  // The walk goes on without it.
  std::vector<std::string> errors;
};

// Finds the files under `roots`, each a file or a folder.
//
// - An explicit file root is always returned, even if hidden or ignored.
// - A folder root is always walked, even if hidden, skipped or ignored; its
//   contents are filtered: hidden entries, `skipped_folders`, symlinks and
//   what the ignore files exclude are left out.
// - Ignore files are read from every folder walked and from the folders
//   above the root up to the repository root (the nearest folder holding
//   `.git`), plus that repository's .git/info/exclude. As in ripgrep, .ignore
//   wins over .gitignore, which wins over .git/info/exclude, and .gitignore
//   is respected outside a repository too.
//
// Fails with Status::Invalid("PATH: error: no such file or directory")
// when a root does not exist, before anything is walked.
Result<FoundFiles> FindFiles(const std::vector<std::string>& roots,
                             const FindOptions& options = FindOptions());

}  // namespace uprev

#endif  // UPREV_CORE_FILE_FINDER_H_
