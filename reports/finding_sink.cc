#include "reports/finding_sink.h"

namespace uprev {

std::unique_ptr<FindingSink> MakeSink(std::string_view format) {
  if (format == "text") return MakeTextSink();
  if (format == "json") return MakeJsonSink();
  if (format == "github") return MakeGithubSink();
  if (format == "sarif") return MakeSarifSink();
  if (format == "md") return MakeMarkdownSink();
  return nullptr;
}

}  // namespace uprev
