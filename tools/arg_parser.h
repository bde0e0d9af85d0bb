// ArgParser: the command line's flags, declared by each command and parsed
// in one place, so every command rejects unknown flags the same way.
#ifndef UPREV_TOOLS_ARG_PARSER_H_
#define UPREV_TOOLS_ARG_PARSER_H_

#include <string>
#include <vector>

#include "core/status.h"

namespace uprev {

class ArgParser {
 public:
  explicit ArgParser(std::string command) : command_(std::move(command)) {}

  void Flag(std::string name, bool* out) { specs_.push_back({std::move(name), out, nullptr, nullptr}); }
  void Option(std::string name, std::string* out) {
    specs_.push_back({std::move(name), nullptr, out, nullptr});
  }
  void Repeated(std::string name, std::vector<std::string>* out) {
    specs_.push_back({std::move(name), nullptr, nullptr, out});
  }

  // Parses `args` (after the command word). `--name value` and
  // `--name=value` both work; `--` ends the flags.
  Status Parse(const std::vector<std::string>& args, std::vector<std::string>* positional) const;

 private:
  struct Spec {
    std::string name;
    bool* flag;
    std::string* option;
    std::vector<std::string>* repeated;
  };
  std::string command_;
  std::vector<Spec> specs_;
};

}  // namespace uprev

#endif  // UPREV_TOOLS_ARG_PARSER_H_
