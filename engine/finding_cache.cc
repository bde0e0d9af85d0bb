#include "engine/finding_cache.h"

#include <fcntl.h>
#include <unistd.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>

#include <fmt/format.h>

namespace uprev {
namespace {

uint64_t Fnv1a(std::string_view bytes, uint64_t h = 14695981039346656037ull) {
  for (unsigned char c : bytes) {
    h ^= c;
    h *= 1099511628211ull;
  }
  return h;
}

constexpr std::string_view kMagic = "uprev-findings 1\n";

// Fields are written as "<length>:<bytes>", so any byte may appear in them.
void Put(std::string* out, std::string_view s) {
  out->append(std::to_string(s.size()));
  out->push_back(':');
  out->append(s);
}

void Put(std::string* out, uint64_t n) { Put(out, std::to_string(n)); }

class Reader {
 public:
  explicit Reader(std::string_view data) : data_(data) {}
  bool ok() const { return ok_; }
  bool done() const { return pos_ == data_.size(); }

  std::string Text() {
    size_t colon = data_.find(':', pos_);
    if (!ok_ || colon == std::string_view::npos || colon == pos_ || colon - pos_ > 12) return Fail();
    size_t n = 0;
    for (size_t i = pos_; i < colon; ++i) {
      if (data_[i] < '0' || data_[i] > '9') return Fail();
      n = n * 10 + static_cast<size_t>(data_[i] - '0');
    }
    if (colon + 1 + n > data_.size()) return Fail();
    std::string out(data_.substr(colon + 1, n));
    pos_ = colon + 1 + n;
    return out;
  }
  uint32_t Number() {
    std::string s = Text();
    if (!ok_ || s.empty() || s.size() > 10) return Fail(), 0;
    return static_cast<uint32_t>(std::stoull(s));
  }

 private:
  std::string Fail() {
    ok_ = false;
    return "";
  }
  std::string_view data_;
  size_t pos_ = 0;
  bool ok_ = true;
};

}  // namespace

std::string EncodeFindings(const std::vector<Finding>& findings) {
  std::string out(kMagic);
  Put(&out, findings.size());
  for (const Finding& f : findings) {
    for (std::string_view s : {std::string_view(f.rule), std::string_view(f.pack),
                               SeverityName(f.severity), ConfidenceName(f.confidence),
                               std::string_view(f.message), std::string_view(f.review),
                               std::string_view(f.path), std::string_view(f.matched)}) {
      Put(&out, s);
    }
    for (uint32_t n : {f.range.begin, f.range.end, f.start.line, f.start.col, f.end.line,
                       f.end.col}) {
      Put(&out, n);
    }
    Put(&out, f.fix ? 1 : 0);
    if (!f.fix) continue;
    Put(&out, f.fix->replacement);
    for (const std::vector<std::string>* list : {&f.fix->imports.add, &f.fix->imports.remove}) {
      Put(&out, list->size());
      for (const std::string& entry : *list) Put(&out, entry);
    }
  }
  return out;
}

std::optional<std::vector<Finding>> DecodeFindings(std::string_view data) {
  if (data.substr(0, kMagic.size()) != kMagic) return std::nullopt;
  Reader in(data.substr(kMagic.size()));
  uint32_t count = in.Number();
  std::vector<Finding> out;
  for (uint32_t i = 0; in.ok() && i < count; ++i) {
    Finding f;
    f.rule = in.Text();
    f.pack = in.Text();
    f.severity = ParseSeverity(in.Text()).value_or(Severity::kWarning);
    f.confidence = ParseConfidence(in.Text()).value_or(Confidence::kManual);
    f.message = in.Text();
    f.review = in.Text();
    f.path = in.Text();
    f.matched = in.Text();
    for (uint32_t* n : {&f.range.begin, &f.range.end, &f.start.line, &f.start.col, &f.end.line,
                        &f.end.col}) {
      *n = in.Number();
    }
    if (in.Number() == 1) {
      f.fix = Fix{in.Text(), {}};
      for (std::vector<std::string>* list : {&f.fix->imports.add, &f.fix->imports.remove}) {
        uint32_t entries = in.Number();
        for (uint32_t e = 0; in.ok() && e < entries; ++e) list->push_back(in.Text());
      }
    }
    out.push_back(std::move(f));
  }
  if (!in.ok() || !in.done()) return std::nullopt;
  return out;
}

FindingCache::FindingCache(std::string dir, const RuleSet& rules, std::string_view binary)
    : dir_(std::move(dir)) {
  uint64_t h = Fnv1a(binary);
  for (const RulePack& pack : rules.packs()) h = Fnv1a(pack.name + "\n" + pack.hash + "\n", h);
  rules_key_ = fmt::format("{:016x}", h);
}

std::string FindingCache::EntryPath(const std::string& path, std::string_view text) const {
  uint64_t name = Fnv1a(path + "\n" + rules_key_ + "\n", Fnv1a(text));
  return fmt::format("{}/{:02x}/{:016x}-{:x}", dir_, name >> 56, name, text.size());
}

std::optional<std::vector<Finding>> FindingCache::Get(const std::string& path,
                                                      std::string_view text) const {
  std::ifstream in(EntryPath(path, text), std::ios::binary);
  if (!in) return std::nullopt;
  std::ostringstream data;
  data << in.rdbuf();
  std::string entry = data.str();
  // The entry starts with the key's parts in full, so a name collision is a miss.
  std::string header = fmt::format("{}\n{}\n{:016x}\n", path, rules_key_, Fnv1a(text));
  if (entry.compare(0, header.size(), header) != 0) return std::nullopt;
  return DecodeFindings(std::string_view(entry).substr(header.size()));
}

void FindingCache::Put(const std::string& path, std::string_view text,
                       const std::vector<Finding>& findings) const {
  std::string file = EntryPath(path, text);
  std::error_code ec;
  std::filesystem::create_directories(std::filesystem::path(file).parent_path(), ec);
  std::string temp = file + fmt::format(".tmp{}", ::getpid());
  {
    std::ofstream out(temp, std::ios::binary | std::ios::trunc);
    if (!out) return;  // a cache that cannot be written is only slower
    out << fmt::format("{}\n{}\n{:016x}\n", path, rules_key_, Fnv1a(text))
        << EncodeFindings(findings);
    if (!out) {
      std::filesystem::remove(temp, ec);
      return;
    }
  }
  std::filesystem::rename(temp, file, ec);
  if (ec) std::filesystem::remove(temp, ec);
}

}  // namespace uprev
