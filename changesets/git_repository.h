// GitRepository: the one place where uprev reads and writes git, through
// libgit2. Everything crossing this header is text: object ids are 40-digit
// hex strings, paths inside a tree are '/'-separated and relative to its root.
//
// Revisions: every parameter that names a commit, tree or blob accepts any
// git revspec ("HEAD~2", "main", "HEAD:src/a.py", a full or short hex id). A
// revision that names nothing is Status::Invalid("REV: error: unknown
// revision"); other libgit2 failures are Status::Io with libgit2's message
// and the path, ref or revision involved.
//
// Besides writing objects (WriteTree, CreateCommit, RevertOnHead) and files
// under ExportTree's folder, only CreateBranch, DeleteBranch and RevertOnHead
// change the repository. One GitRepository must be used by one thread at a
// time.
#ifndef UPREV_CHANGESETS_GIT_REPOSITORY_H_
#define UPREV_CHANGESETS_GIT_REPOSITORY_H_

#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "core/status.h"

namespace uprev {

// One blob of a tree: a regular file (mode 0100644 or 0100755) or a symbolic
// link (0120000, the blob holds the link target).
struct TreeFile {
  std::string path;  // '/'-separated, relative to the tree's root
  uint32_t mode = 0;
  std::string blob;  // hex id
};

struct GitSignature {
  std::string name;
  std::string email;
  int64_t time = 0;        // seconds since the epoch
  int offset_minutes = 0;  // time zone, east of UTC
};

struct CommitInfo {
  std::string id;
  std::string tree;
  std::vector<std::string> parents;  // in order; the first is the mainline
  std::string message;               // as stored, leading newlines removed
  GitSignature author;
  GitSignature committer;
};

class GitRepository {
 public:
  // Opens the repository containing `path` (searching upward like git).
  // Errors (Status::Invalid), always naming `path`:
  //   "PATH: error: no such file or directory"
  //   "PATH: error: not a git repository"
  //   "PATH: error: a bare repository has no working tree; run uprev in a clone"
  static Result<std::unique_ptr<GitRepository>> Open(const std::string& path);
  ~GitRepository();
  GitRepository(const GitRepository&) = delete;
  GitRepository& operator=(const GitRepository&) = delete;

  // Absolute, no trailing slash. In a linked worktree git_dir() is the
  // worktree's own folder (.git/worktrees/NAME) and common_dir() the main
  // repository's .git, where shared state such as uprev's run records goes.
  const std::string& git_dir() const { return git_dir_; }
  const std::string& common_dir() const { return common_dir_; }
  const std::string& workdir() const { return workdir_; }

  // Any revspec -> the id of the commit it names (tags are peeled).
  // "REV: error: unknown revision", "REV: error: ambiguous revision",
  // "REV: error: not a commit".
  Result<std::string> ResolveCommit(const std::string& rev) const;

  Result<bool> HeadDetached() const;
  // "refs/heads/main". Errors "WORKDIR: error: HEAD is detached; check out a
  // branch first" and "WORKDIR: error: HEAD has no commits yet".
  Result<std::string> HeadRef() const;

  // Whether tracked files differ between HEAD, index and working tree, or the
  // index has conflicts. Untracked and ignored files and submodules don't count.
  Result<bool> IsDirty() const;

  // The files the index changes against HEAD (added, modified, renamed;
  // not deleted), with the index's blob ids, sorted by path: what a commit
  // would record, whatever the working tree holds. With no commit yet, every
  // indexed file.
  Result<std::vector<TreeFile>> StagedFiles() const;

  // All blobs of `commit`'s tree, recursively, sorted by path (byte order).
  // Submodules (gitlinks) are skipped.
  Result<std::vector<TreeFile>> ListFiles(const std::string& commit) const;
  // The raw bytes of a blob (no filters): a blob id or a revspec like
  // "HEAD:path". "REV: error: not a blob" for a tree or commit.
  Result<std::string> ReadBlob(const std::string& blob) const;

  // Writes `changes` (path -> new raw contents) as blobs and returns the id of
  // `base_commit`'s tree with them replaced, mode kept. Each path must be a
  // regular file of that tree: "PATH: error: not a regular file in BASE".
  // Writes objects only.
  Result<std::string> WriteTree(const std::string& base_commit,
                                const std::map<std::string, std::string>& changes);

  // user.name and user.email from the repository's configuration (each falls
  // back to "uprev" and "uprev@localhost"), at `time` with offset 0.
  Result<GitSignature> DefaultSignature(int64_t time) const;

  // Writes a commit object with `message` stored as given; moves no ref.
  Result<std::string> CreateCommit(const std::string& tree, const std::vector<std::string>& parents,
                                   const std::string& message, const GitSignature& author,
                                   const GitSignature& committer);

  // Creates refs/heads/<name> at `commit`. Ok if it already points there;
  // "refs/heads/NAME: error: branch exists at ID" if it points elsewhere;
  // "NAME: error: not a valid branch name".
  Status CreateBranch(const std::string& name, const std::string& commit);
  // Deletes refs/heads/<name>; ok if absent. Refuses the checked-out branch.
  Status DeleteBranch(const std::string& name);
  // The commit refs/heads/<name> points to, or nullopt if there is none.
  Result<std::optional<std::string>> BranchTip(const std::string& name) const;
  // Every ref under refs/ -> the id it points to (symbolic refs resolved,
  // dangling ones left out; an annotated tag gives the tag object), sorted by
  // name, as `git for-each-ref --format='%(refname) %(objectname)'`.
  Result<std::vector<std::pair<std::string, std::string>>> ListRefs() const;

  Result<CommitInfo> ReadCommit(const std::string& commit) const;
  // Whether `ancestor` is reachable from `descendant`; a commit is its own
  // ancestor (as `git merge-base --is-ancestor`).
  Result<bool> IsAncestor(const std::string& ancestor, const std::string& descendant) const;

  // Writes the files of `commit` into `directory` (created if absent; must be
  // empty), as `git checkout` would (filters, executable bits, symbolic
  // links), without touching the repository's index or HEAD.
  // "DIR: error: not an empty directory".
  Status ExportTree(const std::string& commit, const std::string& directory) const;

  // Reverts `commit` on the checked-out branch, as `git revert` would (for a
  // merge commit, against its first parent): the commit has parent HEAD, and
  // the branch, the index and the working tree are updated. Returns the new
  // commit's id. Changes nothing and fails when HEAD is detached or unborn,
  // the working tree is dirty or mid-merge, the revert conflicts with HEAD
  // ("COMMIT: error: reverting conflicts with HEAD in PATH, PATH; revert it
  // by hand with git revert"), reverting changes nothing ("COMMIT: error:
  // reverting it changes nothing; ..."), or untracked files are in the way
  // ("WORKDIR: error: files are in the way: PATH; move them away first").
  Result<std::string> RevertOnHead(const std::string& commit, const std::string& message,
                                   const GitSignature& who);

 private:
  struct Handle;  // owns the libgit2 repository
  GitRepository(std::unique_ptr<Handle> handle, std::string git_dir, std::string common_dir,
                std::string workdir);

  Status CheckCleanForRevert() const;

  std::unique_ptr<Handle> handle_;
  std::string git_dir_;
  std::string common_dir_;
  std::string workdir_;
};

}  // namespace uprev

#endif  // UPREV_CHANGESETS_GIT_REPOSITORY_H_
