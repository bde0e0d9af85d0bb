#include <fmt/format.h>

#include "reports/finding_sink.h"

namespace uprev {
namespace {

// Workflow command values escape %, CR and LF; properties also , and :.
std::string Escape(std::string_view s, bool property) {
  std::string out;
  for (char c : s) {
    switch (c) {
      case '%': out += "%25"; break;
      case '\r': out += "%0D"; break;
      case '\n': out += "%0A"; break;
      case ':': out += property ? "%3A" : ":"; break;
      case ',': out += property ? "%2C" : ","; break;
      default: out.push_back(c);
    }
  }
  return out;
}

std::string_view Command(Severity severity) {
  switch (severity) {
    case Severity::kError: return "error";
    case Severity::kWarning: return "warning";
    case Severity::kInfo: return "notice";
  }
  return "warning";
}

class GithubSink : public FindingSink {
 public:
  std::string Render(const std::vector<Finding>& findings, const ScanStats&) override {
    std::string out;
    for (const Finding& f : findings) {
      out += fmt::format("::{} file={},line={},col={},endLine={},endColumn={},title={}::{}\n",
                         Command(f.severity), Escape(f.path, true), f.start.line, f.start.col,
                         f.end.line, f.end.col, Escape(f.rule, true), Escape(f.message, false));
    }
    return out;
  }
};

}  // namespace

std::unique_ptr<FindingSink> MakeGithubSink() { return std::make_unique<GithubSink>(); }

}  // namespace uprev
