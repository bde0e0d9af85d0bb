#include "tools/pack_loader.h"

#include <algorithm>
#include <filesystem>

#include <fmt/format.h>

#include "core/file_system.h"
#include "detectors/rule_loader.h"
#include "rules/shipped_packs.h"

namespace uprev {
namespace {

namespace fs = std::filesystem;

Status LoadFile(const std::string& path, std::vector<RulePack>* out) {
  RealFileSystem disk;
  Result<std::string> text = disk.ReadFile(path);
  if (!text.ok()) return Status::Invalid(text.status().message());
  Result<RulePack> pack = ParseRulePack(path, *text);
  if (!pack.ok()) return pack.status();
  out->push_back(std::move(*pack));
  return Status::Ok();
}

Status LoadSpec(const std::string& spec, std::vector<RulePack>* out) {
  std::error_code ec;
  if (fs::is_directory(spec, ec)) {
    std::vector<std::string> files;
    for (const auto& entry : fs::directory_iterator(spec, ec)) {
      std::string ext = entry.path().extension().string();
      if (entry.is_regular_file(ec) && (ext == ".yaml" || ext == ".yml")) {
        files.push_back(entry.path().string());
      }
    }
    if (ec) return Status::Invalid(fmt::format("{}: error: cannot read folder: {}", spec, ec.message()));
    std::sort(files.begin(), files.end());
    if (files.empty()) return Status::Invalid(fmt::format("{}: error: no rule files (*.yaml) in this folder", spec));
    for (const std::string& f : files) {
      Status s = LoadFile(f, out);
      if (!s.ok()) return s;
    }
    return Status::Ok();
  }
  if (fs::exists(spec, ec)) return LoadFile(spec, out);
  if (const ShippedPack* shipped = FindShippedPack(spec)) {
    Result<RulePack> pack = ParseRulePack(std::string(shipped->path), shipped->contents);
    if (!pack.ok()) return pack.status();
    out->push_back(std::move(*pack));
    return Status::Ok();
  }
  std::vector<std::string_view> names;
  for (const ShippedPack& p : ShippedPacks()) names.push_back(p.name);
  return Status::Invalid(fmt::format("{}: error: no such rule file, folder or shipped pack; "
                                     "shipped packs: {}", spec, fmt::join(names, ", ")));
}

}  // namespace

Result<std::vector<RulePack>> LoadPacks(const std::vector<std::string>& specs) {
  std::vector<RulePack> packs;
  if (specs.empty()) {
    for (const ShippedPack& p : ShippedPacks()) {
      Status s = LoadSpec(std::string(p.name), &packs);
      if (!s.ok()) return s;
    }
    return packs;
  }
  for (const std::string& spec : specs) {
    Status s = LoadSpec(spec, &packs);
    if (!s.ok()) return s;
  }
  return packs;
}

}  // namespace uprev
