#include "changesets/git_repository.h"

#include <fmt/format.h>
#include <fmt/ranges.h>
#include <git2.h>

#include <algorithm>
#include <filesystem>
#include <string_view>
#include <system_error>

namespace uprev {
namespace {

// Owning pointers for libgit2 objects, each freed by its own function.
template <auto kFree>
struct GitFree {
  template <typename T>
  void operator()(T* object) const {
    kFree(object);
  }
};
template <typename T, auto kFree>
using GitPtr = std::unique_ptr<T, GitFree<kFree>>;

using BlobPtr = GitPtr<git_blob, git_blob_free>;
using CommitPtr = GitPtr<git_commit, git_commit_free>;
using ConfigPtr = GitPtr<git_config, git_config_free>;
using ConflictIteratorPtr = GitPtr<git_index_conflict_iterator, git_index_conflict_iterator_free>;
using IndexPtr = GitPtr<git_index, git_index_free>;
using ObjectPtr = GitPtr<git_object, git_object_free>;
using ReferenceIteratorPtr = GitPtr<git_reference_iterator, git_reference_iterator_free>;
using ReferencePtr = GitPtr<git_reference, git_reference_free>;
using SignaturePtr = GitPtr<git_signature, git_signature_free>;
using StatusListPtr = GitPtr<git_status_list, git_status_list_free>;
using TreeEntryPtr = GitPtr<git_tree_entry, git_tree_entry_free>;
using TreePtr = GitPtr<git_tree, git_tree_free>;

constexpr std::string_view kBranchPrefix = "refs/heads/";

void EnsureLibgit2() {
  static const int kInitialized = git_libgit2_init();
  (void)kInitialized;
}

std::string LastErrorMessage() {
  const git_error* error = git_error_last();
  return error != nullptr && error->message != nullptr ? error->message : "unknown libgit2 error";
}

// "SUBJECT: error: WHAT: <libgit2's message>".
Status GitFailure(std::string_view subject, std::string_view what) {
  return Status::Io(fmt::format("{}: error: {}: {}", subject, what, LastErrorMessage()));
}

std::string Hex(const git_oid* id) {
  char buffer[GIT_OID_HEXSZ + 1];
  git_oid_tostr(buffer, sizeof buffer, id);
  return buffer;
}

std::string WithoutTrailingSlash(const char* path) {
  std::string result = path != nullptr ? path : "";
  while (result.size() > 1 && result.back() == '/') result.pop_back();
  return result;
}

// Resolves a revspec to an object of `type`, peeling tags and commits as git does.
Result<ObjectPtr> Lookup(git_repository* repo, const std::string& rev, git_object_t type,
                         std::string_view type_name) {
  git_object* raw = nullptr;
  int error = git_revparse_single(&raw, repo, rev.c_str());
  if (error == GIT_ENOTFOUND || error == GIT_EINVALIDSPEC || error == GIT_EUNBORNBRANCH) {
    return Status::Invalid(rev + ": error: unknown revision");
  }
  if (error == GIT_EAMBIGUOUS) return Status::Invalid(rev + ": error: ambiguous revision");
  if (error < 0) return GitFailure(rev, "cannot resolve revision");
  ObjectPtr object(raw);
  git_object* peeled = nullptr;
  if (git_object_peel(&peeled, object.get(), type) < 0) {
    return Status::Invalid(fmt::format("{}: error: not a {}", rev, type_name));
  }
  return ObjectPtr(peeled);
}

Result<CommitPtr> LookupCommit(git_repository* repo, const std::string& rev) {
  Result<ObjectPtr> object = Lookup(repo, rev, GIT_OBJECT_COMMIT, "commit");
  if (!object.ok()) return object.status();
  return CommitPtr(reinterpret_cast<git_commit*>(object->release()));
}

Result<TreePtr> LookupTree(git_repository* repo, const std::string& rev) {
  Result<ObjectPtr> object = Lookup(repo, rev, GIT_OBJECT_TREE, "tree");
  if (!object.ok()) return object.status();
  return TreePtr(reinterpret_cast<git_tree*>(object->release()));
}

Result<TreePtr> CommitTree(const git_commit* commit, const std::string& rev) {
  git_tree* raw = nullptr;
  if (git_commit_tree(&raw, commit) < 0) return GitFailure(rev, "cannot read tree");
  return TreePtr(raw);
}

// The commit a ref points to after following symbolic refs; nullopt when
// the ref dangles.
Result<std::optional<std::string>> ResolvedTarget(const git_reference* ref) {
  git_reference* raw = nullptr;
  int error = git_reference_resolve(&raw, ref);
  if (error == GIT_ENOTFOUND) return std::optional<std::string>();
  if (error < 0) return GitFailure(git_reference_name(ref), "cannot resolve reference");
  ReferencePtr resolved(raw);
  return std::optional<std::string>(Hex(git_reference_target(resolved.get())));
}

GitSignature FromGitSignature(const git_signature* signature) {
  return GitSignature{signature->name, signature->email, signature->when.time,
                      signature->when.offset};
}

Result<SignaturePtr> ToGitSignature(const GitSignature& signature) {
  git_signature* raw = nullptr;
  if (git_signature_new(&raw, signature.name.c_str(), signature.email.c_str(), signature.time,
                        signature.offset_minutes) < 0) {
    return Status::Invalid(fmt::format("\"{} <{}>\": error: not a valid signature: {}",
                                       signature.name, signature.email, LastErrorMessage()));
  }
  return SignaturePtr(raw);
}

// A path as a tree stores it: no empty, "." or ".." component.
bool IsTreePath(const std::string& path) {
  size_t start = 0;
  while (true) {
    size_t end = path.find('/', start);
    std::string_view part = std::string_view(path).substr(start, end - start);
    if (part.empty() || part == "." || part == "..") return false;
    if (end == std::string::npos) return true;
    start = end + 1;
  }
}

// Writes `contents` as a blob and describes it as an update of `path`, which
// must be a regular file of `tree`.
Result<git_tree_update> BlobUpdate(git_repository* repo, git_tree* tree, const std::string& base,
                                   const std::string& path, const std::string& contents) {
  Status not_regular =
      Status::Invalid(fmt::format("{}: error: not a regular file in {}", path, base));
  if (!IsTreePath(path)) return not_regular;
  git_tree_entry* raw = nullptr;
  int error = git_tree_entry_bypath(&raw, tree, path.c_str());
  if (error == GIT_ENOTFOUND) return not_regular;
  if (error < 0) return GitFailure(path, "cannot read tree of " + base);
  TreeEntryPtr entry(raw);
  git_filemode_t mode = git_tree_entry_filemode(entry.get());
  if (mode != GIT_FILEMODE_BLOB && mode != GIT_FILEMODE_BLOB_EXECUTABLE) return not_regular;
  git_tree_update update{};
  update.action = GIT_TREE_UPDATE_UPSERT;
  update.filemode = mode;
  update.path = path.c_str();
  if (git_blob_create_from_buffer(&update.id, repo, contents.data(), contents.size()) < 0) {
    return GitFailure(path, "cannot write blob");
  }
  return update;
}

// The paths with conflicts in `index`, sorted, joined by ", ".
Result<std::string> ConflictPaths(git_index* index) {
  git_index_conflict_iterator* raw = nullptr;
  if (git_index_conflict_iterator_new(&raw, index) < 0) {
    return GitFailure("index", "cannot list conflicts");
  }
  ConflictIteratorPtr iterator(raw);
  std::vector<std::string> paths;
  const git_index_entry* entries[3];
  while (git_index_conflict_next(&entries[0], &entries[1], &entries[2], iterator.get()) == 0) {
    for (const git_index_entry* entry : entries) {
      if (entry != nullptr) {
        paths.push_back(entry->path);
        break;
      }
    }
  }
  std::sort(paths.begin(), paths.end());
  paths.erase(std::unique(paths.begin(), paths.end()), paths.end());
  return fmt::format("{}", fmt::join(paths, ", "));
}

// The tree of HEAD with `commit` reverted (against its first parent if it is
// a merge), or an error naming the conflicting paths.
Result<git_oid> RevertedTree(git_repository* repo, const std::string& rev, git_commit* commit,
                             git_commit* head) {
  unsigned int mainline = git_commit_parentcount(commit) > 1 ? 1 : 0;
  git_merge_options merge_options = GIT_MERGE_OPTIONS_INIT;
  git_index* raw = nullptr;
  if (git_revert_commit(&raw, repo, commit, head, mainline, &merge_options) < 0) {
    return GitFailure(rev, "cannot revert");
  }
  IndexPtr index(raw);
  if (git_index_has_conflicts(index.get())) {
    Result<std::string> paths = ConflictPaths(index.get());
    if (!paths.ok()) return paths.status();
    return Status::Invalid(fmt::format(
        "{}: error: reverting conflicts with HEAD in {}; revert it by hand with git revert", rev,
        *paths));
  }
  git_oid tree;
  if (git_index_write_tree_to(&tree, index.get(), repo) < 0) {
    return GitFailure(rev, "cannot write reverted tree");
  }
  return tree;
}

int CollectConflict(git_checkout_notify_t, const char* path, const git_diff_file*,
                    const git_diff_file*, const git_diff_file*, void* payload) {
  static_cast<std::vector<std::string>*>(payload)->push_back(path);
  return 0;
}

// Updates index and working tree from the tree of HEAD to `tree`, or changes
// nothing and names the files in the way.
Status CheckoutSafely(git_repository* repo, const std::string& workdir, git_object* tree) {
  std::vector<std::string> in_the_way;
  git_checkout_options options = GIT_CHECKOUT_OPTIONS_INIT;
  options.checkout_strategy = GIT_CHECKOUT_SAFE;
  options.notify_flags = GIT_CHECKOUT_NOTIFY_CONFLICT;
  options.notify_cb = CollectConflict;
  options.notify_payload = &in_the_way;
  int error = git_checkout_tree(repo, tree, &options);
  if (error == GIT_ECONFLICT && !in_the_way.empty()) {
    return Status::Invalid(fmt::format("{}: error: files are in the way: {}; move them away first",
                                       workdir, fmt::join(in_the_way, ", ")));
  }
  if (error < 0) return GitFailure(workdir, "cannot update the working tree");
  return Status::Ok();
}

std::string FirstLine(const std::string& message) { return message.substr(0, message.find('\n')); }

}  // namespace

struct GitRepository::Handle {
  explicit Handle(git_repository* repo) : repo(repo) {}
  ~Handle() { git_repository_free(repo); }
  git_repository* repo;
};

GitRepository::GitRepository(std::unique_ptr<Handle> handle, std::string git_dir,
                             std::string common_dir, std::string workdir)
    : handle_(std::move(handle)),
      git_dir_(std::move(git_dir)),
      common_dir_(std::move(common_dir)),
      workdir_(std::move(workdir)) {}

GitRepository::~GitRepository() = default;

Result<std::unique_ptr<GitRepository>> GitRepository::Open(const std::string& path) {
  EnsureLibgit2();
  namespace fs = std::filesystem;
  std::error_code ec;
  fs::file_status status = fs::status(path, ec);
  if (!fs::exists(status)) return Status::Invalid(path + ": error: no such file or directory");
  std::string start = fs::is_directory(status) ? path : fs::path(path).parent_path().string();
  if (start.empty()) start = ".";
  git_repository* raw = nullptr;
  int error = git_repository_open_ext(&raw, start.c_str(), 0, nullptr);
  if (error == GIT_ENOTFOUND) return Status::Invalid(path + ": error: not a git repository");
  if (error < 0) return GitFailure(path, "cannot open repository");
  auto handle = std::make_unique<Handle>(raw);
  if (git_repository_is_bare(raw)) {
    return Status::Invalid(path +
                           ": error: a bare repository has no working tree; run uprev in a clone");
  }
  return std::unique_ptr<GitRepository>(
      new GitRepository(std::move(handle), WithoutTrailingSlash(git_repository_path(raw)),
                        WithoutTrailingSlash(git_repository_commondir(raw)),
                        WithoutTrailingSlash(git_repository_workdir(raw))));
}

Result<std::string> GitRepository::ResolveCommit(const std::string& rev) const {
  Result<CommitPtr> commit = LookupCommit(handle_->repo, rev);
  if (!commit.ok()) return commit.status();
  return Hex(git_commit_id(commit->get()));
}

Result<bool> GitRepository::HeadDetached() const {
  int detached = git_repository_head_detached(handle_->repo);
  if (detached < 0) return GitFailure(workdir_, "cannot read HEAD");
  return detached == 1;
}

Result<std::string> GitRepository::HeadRef() const {
  git_reference* raw = nullptr;
  if (git_reference_lookup(&raw, handle_->repo, "HEAD") < 0) {
    return GitFailure(workdir_, "cannot read HEAD");
  }
  ReferencePtr head(raw);
  if (git_reference_type(head.get()) != GIT_REFERENCE_SYMBOLIC) {
    return Status::Invalid(workdir_ + ": error: HEAD is detached; check out a branch first");
  }
  int unborn = git_repository_head_unborn(handle_->repo);
  if (unborn < 0) return GitFailure(workdir_, "cannot read HEAD");
  if (unborn == 1) return Status::Invalid(workdir_ + ": error: HEAD has no commits yet");
  return std::string(git_reference_symbolic_target(head.get()));
}

Result<bool> GitRepository::IsDirty() const {
  git_status_options options = GIT_STATUS_OPTIONS_INIT;
  options.show = GIT_STATUS_SHOW_INDEX_AND_WORKDIR;
  options.flags = GIT_STATUS_OPT_EXCLUDE_SUBMODULES;
  git_status_list* raw = nullptr;
  if (git_status_list_new(&raw, handle_->repo, &options) < 0) {
    return GitFailure(workdir_, "cannot read status");
  }
  StatusListPtr list(raw);
  const unsigned int kIgnored = GIT_STATUS_WT_NEW | GIT_STATUS_IGNORED;
  for (size_t i = 0; i < git_status_list_entrycount(list.get()); ++i) {
    if ((git_status_byindex(list.get(), i)->status & ~kIgnored) != 0) return true;
  }
  return false;
}

Result<std::vector<TreeFile>> GitRepository::StagedFiles() const {
  git_status_options options = GIT_STATUS_OPTIONS_INIT;
  options.show = GIT_STATUS_SHOW_INDEX_ONLY;
  options.flags = GIT_STATUS_OPT_EXCLUDE_SUBMODULES | GIT_STATUS_OPT_RENAMES_HEAD_TO_INDEX;
  git_status_list* raw = nullptr;
  if (git_status_list_new(&raw, handle_->repo, &options) < 0) {
    return GitFailure(workdir_, "cannot read the index");
  }
  StatusListPtr list(raw);
  const unsigned int kStaged = GIT_STATUS_INDEX_NEW | GIT_STATUS_INDEX_MODIFIED |
                               GIT_STATUS_INDEX_RENAMED | GIT_STATUS_INDEX_TYPECHANGE;
  std::vector<TreeFile> files;
  for (size_t i = 0; i < git_status_list_entrycount(list.get()); ++i) {
    const git_status_entry* entry = git_status_byindex(list.get(), i);
    if ((entry->status & kStaged) == 0 || !entry->head_to_index) continue;
    const git_diff_file& file = entry->head_to_index->new_file;
    if ((file.mode & 0170000) != 0100000) continue;  // regular files only
    files.push_back(TreeFile{file.path, static_cast<uint32_t>(file.mode), Hex(&file.id)});
  }
  std::sort(files.begin(), files.end(),
            [](const TreeFile& a, const TreeFile& b) { return a.path < b.path; });
  return files;
}

Result<std::vector<TreeFile>> GitRepository::ListFiles(const std::string& commit) const {
  Result<CommitPtr> found = LookupCommit(handle_->repo, commit);
  if (!found.ok()) return found.status();
  Result<TreePtr> tree = CommitTree(found->get(), commit);
  if (!tree.ok()) return tree.status();
  std::vector<TreeFile> files;
  auto collect = [](const char* root, const git_tree_entry* entry, void* payload) -> int {
    if (git_tree_entry_type(entry) == GIT_OBJECT_BLOB) {
      static_cast<std::vector<TreeFile>*>(payload)->push_back(TreeFile{
          std::string(root) + git_tree_entry_name(entry),
          static_cast<uint32_t>(git_tree_entry_filemode(entry)), Hex(git_tree_entry_id(entry))});
    }
    return 0;
  };
  if (git_tree_walk(tree->get(), GIT_TREEWALK_PRE, collect, &files) < 0) {
    return GitFailure(commit, "cannot read tree");
  }
  std::sort(files.begin(), files.end(),
            [](const TreeFile& a, const TreeFile& b) { return a.path < b.path; });
  return files;
}

Result<std::string> GitRepository::ReadBlob(const std::string& blob) const {
  Result<ObjectPtr> object = Lookup(handle_->repo, blob, GIT_OBJECT_BLOB, "blob");
  if (!object.ok()) return object.status();
  auto* found = reinterpret_cast<git_blob*>(object->get());
  return std::string(static_cast<const char*>(git_blob_rawcontent(found)),
                     static_cast<size_t>(git_blob_rawsize(found)));
}

Result<std::string> GitRepository::WriteTree(const std::string& base_commit,
                                             const std::map<std::string, std::string>& changes) {
  Result<CommitPtr> base = LookupCommit(handle_->repo, base_commit);
  if (!base.ok()) return base.status();
  Result<TreePtr> tree = CommitTree(base->get(), base_commit);
  if (!tree.ok()) return tree.status();
  std::vector<git_tree_update> updates;
  updates.reserve(changes.size());
  for (const auto& [path, contents] : changes) {
    Result<git_tree_update> update =
        BlobUpdate(handle_->repo, tree->get(), base_commit, path, contents);
    if (!update.ok()) return update.status();
    updates.push_back(*update);
  }
  git_oid id;
  if (git_tree_create_updated(&id, handle_->repo, tree->get(), updates.size(), updates.data()) <
      0) {
    return GitFailure(base_commit, "cannot write tree");
  }
  return Hex(&id);
}

Result<GitSignature> GitRepository::DefaultSignature(int64_t time) const {
  git_config* raw = nullptr;
  if (git_repository_config_snapshot(&raw, handle_->repo) < 0) {
    return GitFailure(git_dir_, "cannot read configuration");
  }
  ConfigPtr config(raw);
  auto get = [&config](const char* key, const char* fallback) {
    const char* value = nullptr;
    if (git_config_get_string(&value, config.get(), key) == 0 && value != nullptr &&
        *value != '\0') {
      return std::string(value);
    }
    git_error_clear();
    return std::string(fallback);
  };
  return GitSignature{get("user.name", "uprev"), get("user.email", "uprev@localhost"), time, 0};
}

Result<std::string> GitRepository::CreateCommit(const std::string& tree,
                                                const std::vector<std::string>& parents,
                                                const std::string& message,
                                                const GitSignature& author,
                                                const GitSignature& committer) {
  Result<TreePtr> found_tree = LookupTree(handle_->repo, tree);
  if (!found_tree.ok()) return found_tree.status();
  std::vector<CommitPtr> found_parents;
  std::vector<const git_commit*> parent_pointers;
  for (const std::string& parent : parents) {
    Result<CommitPtr> found = LookupCommit(handle_->repo, parent);
    if (!found.ok()) return found.status();
    parent_pointers.push_back(found->get());
    found_parents.push_back(std::move(*found));
  }
  Result<SignaturePtr> author_signature = ToGitSignature(author);
  if (!author_signature.ok()) return author_signature.status();
  Result<SignaturePtr> committer_signature = ToGitSignature(committer);
  if (!committer_signature.ok()) return committer_signature.status();
  git_oid id;
  if (git_commit_create(&id, handle_->repo, nullptr, author_signature->get(),
                        committer_signature->get(), nullptr, message.c_str(), found_tree->get(),
                        parent_pointers.size(), parent_pointers.data()) < 0) {
    return GitFailure(tree, "cannot write commit");
  }
  return Hex(&id);
}

Status GitRepository::CreateBranch(const std::string& name, const std::string& commit) {
  int valid = 0;
  if (git_branch_name_is_valid(&valid, name.c_str()) < 0 || !valid) {
    return Status::Invalid(name + ": error: not a valid branch name");
  }
  Result<CommitPtr> target = LookupCommit(handle_->repo, commit);
  if (!target.ok()) return target.status();
  std::string ref_name = std::string(kBranchPrefix) + name;
  const git_oid* target_id = git_commit_id(target->get());
  git_reference* raw = nullptr;
  int error = git_reference_create(&raw, handle_->repo, ref_name.c_str(), target_id, 0,
                                   "uprev: create branch");
  ReferencePtr created(raw);
  if (error == 0) return Status::Ok();
  if (error != GIT_EEXISTS) return GitFailure(ref_name, "cannot create branch");
  Result<std::optional<std::string>> tip = BranchTip(name);
  if (!tip.ok()) return tip.status();
  if (*tip == Hex(target_id)) return Status::Ok();
  return Status::Invalid(
      fmt::format("{}: error: branch exists at {}", ref_name, tip->value_or("nothing")));
}

Status GitRepository::DeleteBranch(const std::string& name) {
  std::string ref_name = std::string(kBranchPrefix) + name;
  git_reference* raw = nullptr;
  int error = git_branch_lookup(&raw, handle_->repo, name.c_str(), GIT_BRANCH_LOCAL);
  if (error == GIT_ENOTFOUND) return Status::Ok();
  if (error == GIT_EINVALIDSPEC) return Status::Invalid(name + ": error: not a valid branch name");
  if (error < 0) return GitFailure(ref_name, "cannot read branch");
  ReferencePtr branch(raw);
  if (git_branch_is_checked_out(branch.get()) == 1) {
    return Status::Invalid(ref_name + ": error: cannot delete the checked-out branch");
  }
  if (git_branch_delete(branch.get()) < 0) return GitFailure(ref_name, "cannot delete branch");
  return Status::Ok();
}

Result<std::optional<std::string>> GitRepository::BranchTip(const std::string& name) const {
  std::string ref_name = std::string(kBranchPrefix) + name;
  git_reference* raw = nullptr;
  int error = git_reference_lookup(&raw, handle_->repo, ref_name.c_str());
  if (error == GIT_ENOTFOUND) return std::optional<std::string>();
  if (error == GIT_EINVALIDSPEC) return Status::Invalid(name + ": error: not a valid branch name");
  if (error < 0) return GitFailure(ref_name, "cannot read branch");
  ReferencePtr ref(raw);
  return ResolvedTarget(ref.get());
}

Result<std::vector<std::pair<std::string, std::string>>> GitRepository::ListRefs() const {
  git_reference_iterator* raw = nullptr;
  if (git_reference_iterator_new(&raw, handle_->repo) < 0) {
    return GitFailure(git_dir_, "cannot list references");
  }
  ReferenceIteratorPtr iterator(raw);
  std::vector<std::pair<std::string, std::string>> refs;
  git_reference* next = nullptr;
  int error;
  while ((error = git_reference_next(&next, iterator.get())) == 0) {
    ReferencePtr ref(next);
    Result<std::optional<std::string>> target = ResolvedTarget(ref.get());
    if (!target.ok()) return target.status();
    if (target->has_value()) refs.emplace_back(git_reference_name(ref.get()), **target);
  }
  if (error != GIT_ITEROVER) return GitFailure(git_dir_, "cannot list references");
  std::sort(refs.begin(), refs.end());
  return refs;
}

Result<CommitInfo> GitRepository::ReadCommit(const std::string& commit) const {
  Result<CommitPtr> found = LookupCommit(handle_->repo, commit);
  if (!found.ok()) return found.status();
  const git_commit* c = found->get();
  CommitInfo info;
  info.id = Hex(git_commit_id(c));
  info.tree = Hex(git_commit_tree_id(c));
  for (unsigned int i = 0; i < git_commit_parentcount(c); ++i) {
    info.parents.push_back(Hex(git_commit_parent_id(c, i)));
  }
  const char* message = git_commit_message(c);
  info.message = message != nullptr ? message : "";
  info.author = FromGitSignature(git_commit_author(c));
  info.committer = FromGitSignature(git_commit_committer(c));
  return info;
}

Result<bool> GitRepository::IsAncestor(const std::string& ancestor,
                                       const std::string& descendant) const {
  Result<CommitPtr> older = LookupCommit(handle_->repo, ancestor);
  if (!older.ok()) return older.status();
  Result<CommitPtr> newer = LookupCommit(handle_->repo, descendant);
  if (!newer.ok()) return newer.status();
  const git_oid* older_id = git_commit_id(older->get());
  const git_oid* newer_id = git_commit_id(newer->get());
  if (git_oid_equal(older_id, newer_id)) return true;
  int result = git_graph_descendant_of(handle_->repo, newer_id, older_id);
  if (result < 0) return GitFailure(descendant, "cannot walk history to " + ancestor);
  return result == 1;
}

Status GitRepository::ExportTree(const std::string& commit, const std::string& directory) const {
  namespace fs = std::filesystem;
  std::error_code ec;
  fs::path target = fs::absolute(directory, ec);
  if (fs::exists(target, ec)) {
    if (!fs::is_directory(target, ec) || !fs::is_empty(target, ec)) {
      return Status::Invalid(directory + ": error: not an empty directory");
    }
  } else if (!fs::create_directories(target, ec)) {
    return Status::Io(
        fmt::format("{}: error: cannot create directory: {}", directory, ec.message()));
  }
  Result<CommitPtr> found = LookupCommit(handle_->repo, commit);
  if (!found.ok()) return found.status();
  std::string target_string = target.string();
  git_checkout_options options = GIT_CHECKOUT_OPTIONS_INIT;
  // FORCE writes every file of the tree into the (empty) target; the index is
  // neither updated in memory nor written.
  options.checkout_strategy =
      GIT_CHECKOUT_FORCE | GIT_CHECKOUT_DONT_UPDATE_INDEX | GIT_CHECKOUT_DONT_WRITE_INDEX;
  options.target_directory = target_string.c_str();
  if (git_checkout_tree(handle_->repo, reinterpret_cast<git_object*>(found->get()), &options) < 0) {
    return GitFailure(directory, "cannot export " + commit);
  }
  return Status::Ok();
}

Status GitRepository::CheckCleanForRevert() const {
  Result<bool> dirty = IsDirty();
  if (!dirty.ok()) return dirty.status();
  if (*dirty) {
    return Status::Invalid(workdir_ +
                           ": error: the working tree has uncommitted changes; commit or stash "
                           "them first");
  }
  if (git_repository_state(handle_->repo) != GIT_REPOSITORY_STATE_NONE) {
    return Status::Invalid(workdir_ +
                           ": error: a merge, revert or rebase is in progress; finish or abort "
                           "it first");
  }
  return Status::Ok();
}

Result<std::string> GitRepository::RevertOnHead(const std::string& commit,
                                                const std::string& message,
                                                const GitSignature& who) {
  git_repository* repo = handle_->repo;
  Result<std::string> branch = HeadRef();
  if (!branch.ok()) return branch.status();
  if (Status clean = CheckCleanForRevert(); !clean.ok()) return clean;
  Result<CommitPtr> reverted = LookupCommit(repo, commit);
  if (!reverted.ok()) return reverted.status();
  Result<CommitPtr> head = LookupCommit(repo, "HEAD");
  if (!head.ok()) return head.status();
  Result<git_oid> tree = RevertedTree(repo, commit, reverted->get(), head->get());
  if (!tree.ok()) return tree.status();
  if (git_oid_equal(&*tree, git_commit_tree_id(head->get()))) {
    return Status::Invalid(commit +
                           ": error: reverting it changes nothing; it is not in HEAD or is "
                           "already reverted");
  }
  const git_oid* head_id = git_commit_id(head->get());
  Result<std::string> created = CreateCommit(Hex(&*tree), {Hex(head_id)}, message, who, who);
  if (!created.ok()) return created.status();
  Result<CommitPtr> revert = LookupCommit(repo, *created);
  if (!revert.ok()) return revert.status();
  // A safe checkout finds files in the way before it writes anything.
  auto* revert_object = reinterpret_cast<git_object*>(revert->get());
  if (Status checkout = CheckoutSafely(repo, workdir_, revert_object); !checkout.ok()) {
    return checkout;
  }
  git_reference* raw = nullptr;
  if (git_reference_create_matching(&raw, repo, branch->c_str(), git_commit_id(revert->get()), 1,
                                    head_id, ("revert: " + FirstLine(message)).c_str()) < 0) {
    Status failure = GitFailure(*branch, "cannot move branch");
    // Put the index and working tree back to HEAD, which did not move.
    Result<TreePtr> revert_tree = CommitTree(revert->get(), *created);
    git_checkout_options options = GIT_CHECKOUT_OPTIONS_INIT;
    options.checkout_strategy = GIT_CHECKOUT_FORCE;
    options.baseline = revert_tree.ok() ? revert_tree->get() : nullptr;
    (void)git_checkout_tree(repo, reinterpret_cast<git_object*>(head->get()), &options);
    return failure;
  }
  git_reference_free(raw);
  return *created;
}

}  // namespace uprev
