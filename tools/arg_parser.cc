#include "tools/arg_parser.h"

#include <fmt/format.h>

namespace uprev {

Status ArgParser::Parse(const std::vector<std::string>& args,
                        std::vector<std::string>* positional) const {
  bool flags_done = false;
  for (size_t i = 0; i < args.size(); ++i) {
    const std::string& arg = args[i];
    if (flags_done || arg.size() < 2 || arg[0] != '-' || arg == "-") {
      positional->push_back(arg);
      continue;
    }
    if (arg == "--") {
      flags_done = true;
      continue;
    }
    size_t eq = arg.find('=');
    std::string name = arg.substr(0, eq);
    const Spec* spec = nullptr;
    for (const Spec& s : specs_) {
      if (s.name == name) spec = &s;
    }
    if (!spec) {
      return Status::Invalid(fmt::format("uprev {}: error: unknown flag '{}'; see 'uprev help'",
                                         command_, name));
    }
    if (spec->flag) {
      if (eq != std::string::npos) {
        return Status::Invalid(fmt::format("uprev {}: error: {} takes no value", command_, name));
      }
      *spec->flag = true;
      continue;
    }
    std::string value;
    if (eq != std::string::npos) {
      value = arg.substr(eq + 1);
    } else if (i + 1 < args.size()) {
      value = args[++i];
    } else {
      return Status::Invalid(fmt::format("uprev {}: error: {} needs a value", command_, name));
    }
    if (spec->option) {
      *spec->option = value;
    } else {
      spec->repeated->push_back(value);
    }
  }
  return Status::Ok();
}

}  // namespace uprev
