#include <fmt/format.h>

#include "reports/finding_sink.h"

namespace uprev {
namespace {

// One finding, one line: line breaks in a message become spaces.
std::string OneLine(const std::string& text) {
  std::string out = text;
  for (char& c : out) {
    if (c == '\n' || c == '\r') c = ' ';
  }
  return out;
}

class TextSink : public FindingSink {
 public:
  std::string Render(const std::vector<Finding>& findings, const ScanStats&) override {
    std::string out;
    for (const Finding& f : findings) {
      out += fmt::format("{}:{}:{}: {}: {} [{}]\n", f.path, f.start.line, f.start.col,
                         SeverityName(f.severity), OneLine(f.message), f.rule);
    }
    return out;
  }
};

}  // namespace

std::unique_ptr<FindingSink> MakeTextSink() { return std::make_unique<TextSink>(); }

}  // namespace uprev
