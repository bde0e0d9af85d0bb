#include "engine/batch.h"

#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstdio>
#include <mutex>
#include <thread>

#include "core/crash_point.h"
#include "engine/analyzer.h"
#include "engine/finding_cache.h"
#include "grammars/language.h"

namespace uprev {
namespace {

using Clock = std::chrono::steady_clock;

double SecondsSince(Clock::time_point start) {
  return std::chrono::duration<double>(Clock::now() - start).count();
}

void PrintProgress(size_t done, size_t total, double seconds) {
  double rate = seconds > 0 ? static_cast<double>(done) / seconds : 0.0;
  double eta = rate > 0 ? static_cast<double>(total - done) / rate : 0.0;
  std::fprintf(stderr, "\r\033[K%zu/%zu files  %.0f files/s  ETA %.0fs", done, total, rate, eta);
  std::fflush(stderr);
}

}  // namespace

void ParallelFor(size_t n, int jobs, const std::function<void(size_t)>& work, bool progress) {
  if (jobs <= 0) jobs = static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
  jobs = static_cast<int>(std::min<size_t>(static_cast<size_t>(jobs), std::max<size_t>(n, 1)));
  std::atomic<size_t> next{0};
  std::atomic<size_t> done{0};
  auto worker = [&] {
    for (size_t i; (i = next.fetch_add(1)) < n;) {
      work(i);
      done.fetch_add(1);
    }
  };
  std::vector<std::thread> threads;
  for (int t = 1; t < jobs; ++t) threads.emplace_back(worker);
  std::mutex mu;
  std::condition_variable cv;
  bool finished = false;
  std::thread reporter;
  if (progress) {
    reporter = std::thread([&] {
      Clock::time_point start = Clock::now();
      std::unique_lock<std::mutex> lock(mu);
      while (!cv.wait_for(lock, std::chrono::milliseconds(200), [&] { return finished; })) {
        PrintProgress(done.load(), n, SecondsSince(start));
      }
      std::fprintf(stderr, "\r\033[K");
      std::fflush(stderr);
    });
  }
  worker();
  for (std::thread& t : threads) t.join();
  if (progress) {
    {
      std::lock_guard<std::mutex> lock(mu);
      finished = true;
    }
    cv.notify_all();
    reporter.join();
  }
}

LoadedFile LoadFile(const FileSystem& fs, const std::string& path,
                    const std::vector<std::string>& languages) {
  LoadedFile out;
  const Language* language = LanguageForPath(path);
  if (!language) return out;
  if (!languages.empty() &&
      std::find(languages.begin(), languages.end(), language->name) == languages.end()) {
    return out;
  }
  Result<std::string> text = fs.ReadFile(path);
  if (!text.ok()) {
    // The message is "PATH: error: WHY"; the reason is WHY.
    const std::string& message = text.status().message();
    size_t at = message.find("error: ");
    out.skipped = SkippedFile{path, at == std::string::npos ? message : message.substr(at + 7)};
  } else if (LooksBinary(*text)) {
    out.skipped = SkippedFile{path, "binary"};
  } else if (!IsValidUtf8(*text)) {
    out.skipped = SkippedFile{path, "not UTF-8"};
  } else {
    out.source.emplace(path, std::move(*text), std::string(language->name));
  }
  return out;
}

namespace {

// Per-file slots filled by the workers, then merged in input order.
struct Slot {
  std::vector<Finding> findings;
  std::optional<SkippedFile> skipped;
  std::optional<FileFix> fix;
  size_t bytes = 0;
  bool analysed = false;
  bool cached = false;
};

void MergeStats(const std::vector<Slot>& slots, ScanStats* stats) {
  for (const Slot& slot : slots) {
    if (slot.analysed) {
      ++stats->files;
      stats->bytes += slot.bytes;
    }
    if (slot.cached) ++stats->cached;
    if (slot.skipped) stats->skipped.push_back(*slot.skipped);
  }
}

// Loads every file on the batch's threads and hands each one to analyse to
// `work` with its slot.
template <typename Work>
std::vector<Slot> ForEachSource(const FileSystem& fs, const std::vector<std::string>& paths,
                                const BatchOptions& options, Work work) {
  std::vector<Slot> slots(paths.size());
  ParallelFor(paths.size(), options.jobs, [&](size_t i) {
    LoadedFile file = LoadFile(fs, paths[i], options.languages);
    slots[i].skipped = std::move(file.skipped);
    if (!file.source) return;
    slots[i].analysed = true;
    slots[i].bytes = file.source->text().size();
    work(*file.source, &slots[i]);
    CrashPoint("file");
  }, options.progress);
  return slots;
}

}  // namespace

namespace {

const std::vector<Finding>* ExtraFor(const ExtraFindings* extra, const std::string& path) {
  if (!extra) return nullptr;
  auto it = extra->find(path);
  return it == extra->end() ? nullptr : &it->second;
}

}  // namespace

ScanResult ScanFiles(const RuleSet& rules, const FileSystem& fs,
                     const std::vector<std::string>& paths, const BatchOptions& options,
                     const ExtraFindings* extra) {
  Clock::time_point start = Clock::now();
  std::vector<Slot> slots = ForEachSource(fs, paths, options, [&](const SourceFile& source, Slot* slot) {
    const std::vector<Finding>* clang = ExtraFor(extra, source.path());
    // Files with Clang findings depend on more than their own text: not cached.
    const FindingCache* cache = clang ? nullptr : options.cache;
    if (cache) {
      if (std::optional<std::vector<Finding>> hit = cache->Get(source.path(), source.text())) {
        slot->findings = std::move(*hit);
        slot->cached = true;
        return;
      }
    }
    Analysis analysis = AnalyzeFile(rules, source, clang);
    slot->findings = std::move(analysis.findings);
    for (Finding& f : UnusedSuppressionFindings(rules, source, analysis)) {
      slot->findings.push_back(std::move(f));
    }
    if (cache) cache->Put(source.path(), source.text(), slot->findings);
  });
  ScanResult result;
  MergeStats(slots, &result.stats);
  for (Slot& slot : slots) {
    for (Finding& f : slot.findings) result.findings.push_back(std::move(f));
  }
  std::sort(result.findings.begin(), result.findings.end(), FindingLess);
  result.stats.seconds = SecondsSince(start);
  return result;
}

FixResult FixFiles(const RuleSet& rules, const FileSystem& fs,
                   const std::vector<std::string>& paths, const FixOptions& fix_options,
                   const BatchOptions& options, const ExtraFindings* extra) {
  Clock::time_point start = Clock::now();
  std::vector<Slot> slots = ForEachSource(fs, paths, options, [&](const SourceFile& source, Slot* slot) {
    FixOutcome outcome = FixFile(rules, source, fix_options, ExtraFor(extra, source.path()));
    if (outcome.changed() || !outcome.conflicts.empty() || !outcome.demoted.empty()) {
      slot->fix = FileFix{source.path(), source.text(), std::move(outcome)};
    }
  });
  FixResult result;
  MergeStats(slots, &result.stats);
  for (Slot& slot : slots) {
    if (slot.fix) result.files.push_back(std::move(*slot.fix));
  }
  result.stats.seconds = SecondsSince(start);
  return result;
}

FixResult FixFilesWithRescan(const RuleSet& rules, const FileSystem& fs,
                             const std::vector<std::string>& paths, const FixOptions& fix_options,
                             const BatchOptions& options, const ExtraFindings* extra,
                             const RescanFindings& rescan) {
  FixResult result = FixFiles(rules, fs, paths, fix_options, options, extra);
  if (!extra || !rescan) return result;
  auto from_extra = [&](const Finding& f) {
    auto it = extra->find(f.path);
    return it != extra->end() &&
           std::any_of(it->second.begin(), it->second.end(), [&](const Finding& e) {
             return e.rule == f.rule && e.pack == f.pack;
           });
  };
  for (int pass = 2; pass <= 3; ++pass) {
    std::map<std::string, std::string> fixed;
    std::map<std::string, FileFix*> by_path;
    std::vector<std::string> waiting;
    for (FileFix& file : result.files) {
      if (file.outcome.changed()) fixed[file.path] = file.outcome.text;
      by_path[file.path] = &file;
      if (std::any_of(file.outcome.conflicts.begin(), file.outcome.conflicts.end(), from_extra)) {
        waiting.push_back(file.path);
      }
    }
    if (waiting.empty()) break;
    OverlayFileSystem texts(fs, std::move(fixed));
    ExtraFindings again = rescan(rules, texts, texts.texts());
    FixResult next = FixFiles(rules, texts, waiting, fix_options, options, &again);
    for (FileFix& file : next.files) {
      FixOutcome& outcome = by_path[file.path]->outcome;
      outcome.text = file.outcome.text;
      outcome.applied.insert(outcome.applied.end(), file.outcome.applied.begin(),
                             file.outcome.applied.end());
      outcome.conflicts = std::move(file.outcome.conflicts);
      outcome.demoted.insert(outcome.demoted.end(), file.outcome.demoted.begin(),
                             file.outcome.demoted.end());
      outcome.passes += file.outcome.passes;
    }
    // A file the next pass left unchanged keeps its outcome, conflicts
    // included: they are reported, never dropped.
  }
  return result;
}

}  // namespace uprev
