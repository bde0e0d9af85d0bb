// `uprev shim --rules PACK [--lang python|cpp] [--out FILE]`: the
// compatibility module of an api-map pack (a Python module or a C++ header
// that keeps every v1 name working on top of v2, and warns) to stdout or
// FILE, written atomically (its folder is made if need be). Exit 2 when the pack is not one api-map pack, or
// its language is not the one `--lang` names.
#include <fmt/format.h>

#include <cstdio>
#include <filesystem>

#include "core/api_map.h"
#include "core/file_system.h"
#include "grammars/language.h"
#include "rewriters/api_shim.h"
#include "tools/arg_parser.h"
#include "tools/commands.h"
#include "tools/pack_loader.h"

namespace uprev {
namespace {

constexpr const char* kShimUsage = "uprev shim --rules PACK [--lang python|cpp] [--out FILE]";

Status Usage(std::string_view what) {
  return Status::Invalid(fmt::format("uprev shim: error: {}; usage: {}", what, kShimUsage));
}

}  // namespace

int RunShim(const Args& args) {
  ArgParser parser("shim");
  std::vector<std::string> rules;
  std::string lang, out;
  parser.Repeated("--rules", &rules);
  parser.Option("--lang", &lang);
  parser.Option("--out", &out);
  std::vector<std::string> rest;
  if (Status s = parser.Parse(args, &rest); !s.ok()) return Fail(s);
  if (!rest.empty()) return Fail(Usage(fmt::format("unexpected argument '{}'", rest[0])));
  if (rules.size() != 1) return Fail(Usage("name one api-map pack with --rules"));
  Result<std::vector<RulePack>> packs = LoadPacks(rules);
  if (!packs.ok()) return Fail(packs.status());
  if (packs->size() != 1 || !(*packs)[0].api_map) {
    return Fail(Usage(fmt::format("{} is not an api-map pack", rules[0])));
  }
  const RulePack& pack = (*packs)[0];
  const ApiMap& map = *pack.api_map;
  const Language* wanted = lang.empty() ? nullptr : FindLanguage(lang);
  if (!lang.empty() && (!wanted || wanted->name != map.language)) {
    return Fail(Usage(fmt::format("the api-map of {} is for {}, not {}", pack.name,
                                  map.language, lang)));
  }
  Result<std::string> shim = WriteApiShim(map, pack.name);
  if (!shim.ok()) return Fail(shim.status());
  if (out.empty()) {
    std::fwrite(shim->data(), 1, shim->size(), stdout);
    return 0;
  }
  // The v1 module's folder may be gone with v1 itself.
  std::error_code ec;
  std::filesystem::path parent = std::filesystem::path(out).parent_path();
  if (!parent.empty()) std::filesystem::create_directories(parent, ec);
  RealFileSystem disk;
  if (Status s = disk.WriteFileAtomic(out, *shim); !s.ok()) return Fail(s);
  return 0;
}

}  // namespace uprev
