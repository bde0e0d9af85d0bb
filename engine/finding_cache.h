// FindingCache: per-file scan results kept on disk (under .git/uprev/cache/
// of the repository being scanned), so that a repeated scan reads and hashes
// every file but parses only those that changed. An entry is keyed by the
// file's path and content (FNV-1a 64 and size, both checked again on a hit),
// and by the rules (every pack's content hash) and the uprev binary that made
// it. Entries are written atomically (temp file + rename); a damaged or
// missing entry is a miss, never an error.
#ifndef UPREV_ENGINE_FINDING_CACHE_H_
#define UPREV_ENGINE_FINDING_CACHE_H_

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/finding.h"
#include "detectors/rule_set.h"

namespace uprev {

class FindingCache {
 public:
  // `dir` is created when the first entry is written. `binary` names the
  // uprev build (version, and anything that tells two builds apart).
  FindingCache(std::string dir, const RuleSet& rules, std::string_view binary);

  std::optional<std::vector<Finding>> Get(const std::string& path, std::string_view text) const;
  void Put(const std::string& path, std::string_view text,
           const std::vector<Finding>& findings) const;

  const std::string& dir() const { return dir_; }

 private:
  std::string EntryPath(const std::string& path, std::string_view text) const;

  std::string dir_;
  std::string rules_key_;
};

// Serialized findings, and back (nullopt when damaged); exposed for tests.
std::string EncodeFindings(const std::vector<Finding>& findings);
std::optional<std::vector<Finding>> DecodeFindings(std::string_view data);

}  // namespace uprev

#endif  // UPREV_ENGINE_FINDING_CACHE_H_
