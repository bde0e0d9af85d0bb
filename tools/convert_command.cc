// `uprev convert FILE --to json|yaml|toml|ini|pyproject [--from F] [--out FILE]`:
// the converted text to stdout (or FILE, written atomically), what could
// not be carried over to stderr; exit 0 when nothing was lost, 1 when
// something was, 2 for bad usage or input that does not parse.
#include <fmt/format.h>

#include <cstdio>

#include "core/file_system.h"
#include "rewriters/config_convert.h"
#include "tools/arg_parser.h"
#include "tools/commands.h"

namespace uprev {
namespace {

constexpr const char* kConvertUsage =
    "uprev convert FILE --to json|yaml|toml|ini|pyproject [--from json|yaml|toml|ini] "
    "[--out FILE]";

Status Usage(std::string_view what) {
  return Status::Invalid(fmt::format("uprev convert: error: {}; usage: {}", what, kConvertUsage));
}

}  // namespace

int RunConvert(const Args& args) {
  ArgParser parser("convert");
  std::string to, from, out;
  parser.Option("--to", &to);
  parser.Option("--from", &from);
  parser.Option("--out", &out);
  std::vector<std::string> files;
  if (Status s = parser.Parse(args, &files); !s.ok()) return Fail(s);
  if (files.size() != 1) return Fail(Usage("name one file to convert"));
  if (to.empty()) return Fail(Usage("--to is missing"));
  std::optional<ConvertTarget> target = ConvertTargetNamed(to);
  if (!target) {
    return Fail(
        Usage(fmt::format("unknown --to '{}'; expected json, yaml, toml, ini or pyproject", to)));
  }
  const std::string& path = files[0];
  std::optional<DataFormat> format = from.empty() ? DataFormatForPath(path) : DataFormatNamed(from);
  if (!format) {
    return Fail(Usage(
        from.empty() ? fmt::format("cannot tell the format of {} from its extension (.json "
                                   ".yaml .yml .toml .ini .cfg); give --from",
                                   path)
                     : fmt::format("unknown --from '{}'; expected json, yaml, toml or ini", from)));
  }
  RealFileSystem disk;
  Result<std::string> text = disk.ReadFile(path);
  if (!text.ok()) return Fail(text.status());
  Result<Conversion> converted = ConvertConfig(path, *text, *format, *target);
  if (!converted.ok()) return Fail(converted.status());
  if (out.empty()) {
    std::fwrite(converted->text.data(), 1, converted->text.size(), stdout);
  } else if (Status s = disk.WriteFileAtomic(out, converted->text); !s.ok()) {
    return Fail(s);
  }
  for (const std::string& line : converted->losses) std::fprintf(stderr, "%s\n", line.c_str());
  for (const std::string& line : converted->notes) std::fprintf(stderr, "%s\n", line.c_str());
  return converted->losses.empty() ? 0 : 1;
}

}  // namespace uprev
