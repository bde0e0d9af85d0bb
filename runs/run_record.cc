#include "runs/run_record.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <sstream>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

namespace uprev {
namespace {

using nlohmann::json;

constexpr const char* kJournal = "journal.jsonl";

ChangeSetRecord FromJson(const json& j) {
  ChangeSetRecord c;
  c.name = j.value("name", "");
  c.review = j.value("review", false);
  c.files = j.value("files", std::vector<std::string>{});
  c.fixes = j.value("fixes", std::map<std::string, int>{});
  c.packs = j.value("packs", std::vector<std::string>{});
  return c;
}

json ToJson(const ChangeSetRecord& c) {
  return {{"name", c.name}, {"review", c.review}, {"files", c.files},
          {"fixes", c.fixes}, {"packs", c.packs}};
}

// Applies one journal event to `run`.
void Replay(const json& e, RunRecord* run) {
  std::string event = e.value("event", "");
  if (event == "start") {
    run->id = e.value("run", "");
    run->base = e.value("base", "");
    run->base_ref = e.value("base_ref", "");
    run->time = e.value("time", int64_t{0});
    run->split = e.value("split", "");
    run->verify = e.value("verify", "");
    for (const json& p : e.value("packs", json::array())) {
      run->packs.emplace_back(p.value("name", ""), p.value("hash", ""));
    }
    return;
  }
  if (event == "plan") {
    run->planned = true;
    run->findings = e.value("findings", size_t{0});
    run->review_items = e.value("review_items", size_t{0});
    run->change_sets.clear();
    for (const json& c : e.value("change_sets", json::array())) run->change_sets.push_back(FromJson(c));
    return;
  }
  if (event == "done") {
    run->done = true;
    return;
  }
  ChangeSetRecord* c = run->Find(e.value("change_set", ""));
  if (!c) return;
  if (event == "commit") {
    c->tree = e.value("tree", "");
    c->commit = e.value("commit", "");
  } else if (event == "branch") {
    c->branch = e.value("branch", "");
  } else if (event == "verify") {
    c->verification = e.value("passed", false) ? "passed" : "failed";
    c->verify_exit = e.value("exit", 0);
    c->verify_output = e.value("output", "");
  } else if (event == "drop") {
    c->dropped = e.value("why", "");
  } else if (event == "revert") {
    c->reverted = e.value("commit", "");
  }
}

}  // namespace

ChangeSetRecord* RunRecord::Find(const std::string& name) {
  for (ChangeSetRecord& c : change_sets) {
    if (c.name == name) return &c;
  }
  return nullptr;
}

Result<RunJournal> RunJournal::Open(const std::string& dir) {
  std::error_code ec;
  std::filesystem::create_directories(dir, ec);
  if (ec) return Status::Io(fmt::format("{}: error: cannot create: {}", dir, ec.message()));
  std::string path = dir + "/" + kJournal;
  int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0644);
  if (fd < 0) return Status::Io(fmt::format("{}: error: cannot open: {}", path, std::strerror(errno)));
  return RunJournal(dir, fd);
}

RunJournal::RunJournal(RunJournal&& other) noexcept : dir_(std::move(other.dir_)), fd_(other.fd_) {
  other.fd_ = -1;
}

RunJournal::~RunJournal() {
  if (fd_ >= 0) ::close(fd_);
}

Status RunJournal::Append(const std::string& line) {
  std::string data = line + "\n";
  size_t done = 0;
  while (done < data.size()) {
    ssize_t n = ::write(fd_, data.data() + done, data.size() - done);
    if (n < 0) {
      if (errno == EINTR) continue;
      return Status::Io(fmt::format("{}/{}: error: cannot write: {}", dir_, kJournal, std::strerror(errno)));
    }
    done += static_cast<size_t>(n);
  }
  if (::fsync(fd_) != 0) {
    return Status::Io(fmt::format("{}/{}: error: cannot sync: {}", dir_, kJournal, std::strerror(errno)));
  }
  return Status::Ok();
}

Status RunJournal::Start(const RunRecord& run) {
  json packs = json::array();
  for (const auto& [name, hash] : run.packs) packs.push_back({{"name", name}, {"hash", hash}});
  return Append(json{{"event", "start"}, {"run", run.id}, {"base", run.base},
                     {"base_ref", run.base_ref}, {"time", run.time}, {"split", run.split},
                     {"verify", run.verify}, {"packs", packs}}.dump());
}

Status RunJournal::Planned(const RunRecord& run) {
  json sets = json::array();
  for (const ChangeSetRecord& c : run.change_sets) sets.push_back(ToJson(c));
  return Append(json{{"event", "plan"}, {"findings", run.findings},
                     {"review_items", run.review_items}, {"change_sets", sets}}.dump());
}

Status RunJournal::Committed(const std::string& change_set, const std::string& tree,
                             const std::string& commit) {
  return Append(json{{"event", "commit"}, {"change_set", change_set}, {"tree", tree},
                     {"commit", commit}}.dump());
}

Status RunJournal::Branched(const std::string& change_set, const std::string& branch) {
  return Append(json{{"event", "branch"}, {"change_set", change_set}, {"branch", branch}}.dump());
}

Status RunJournal::Verified(const std::string& change_set, bool passed, int exit,
                            const std::string& output) {
  return Append(json{{"event", "verify"}, {"change_set", change_set}, {"passed", passed},
                     {"exit", exit}, {"output", output}}
                    .dump(-1, ' ', false, json::error_handler_t::replace));
}

Status RunJournal::Dropped(const std::string& change_set, const std::string& why) {
  return Append(json{{"event", "drop"}, {"change_set", change_set}, {"why", why}}.dump());
}

Status RunJournal::Reverted(const std::string& change_set, const std::string& revert_commit) {
  return Append(json{{"event", "revert"}, {"change_set", change_set}, {"commit", revert_commit}}.dump());
}

Status RunJournal::Done() { return Append(json{{"event", "done"}}.dump()); }

Result<RunRecord> ReadRunRecord(const std::string& dir) {
  std::string path = dir + "/" + kJournal;
  std::ifstream in(path);
  if (!in) return Status::Invalid(fmt::format("{}: error: no such run record", dir));
  RunRecord run;
  std::string line;
  while (std::getline(in, line)) {
    json e = json::parse(line, nullptr, /*allow_exceptions=*/false);
    if (e.is_discarded() || !e.is_object()) continue;  // a torn last line after a crash
    try {
      Replay(e, &run);
    } catch (const json::exception& error) {
      return Status::Invalid(fmt::format("{}: error: damaged run record: {}", path, error.what()));
    }
  }
  if (run.id.empty()) return Status::Invalid(fmt::format("{}: error: the run record has no start", path));
  return run;
}

}  // namespace uprev
