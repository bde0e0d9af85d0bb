#include "engine/suppression.h"

#include <algorithm>
#include <cctype>

namespace uprev {

std::vector<Suppression> FindSuppressions(const SourceFile& file) {
  static constexpr std::string_view kMarker = "uprev-ignore";
  std::vector<Suppression> out;
  const std::string& text = file.text();
  size_t pos = 0;
  while ((pos = text.find(kMarker, pos)) != std::string::npos) {
    Position at = file.PositionAt(static_cast<uint32_t>(pos));
    Suppression s{static_cast<uint32_t>(pos), at.line, at.col, {}, false};
    size_t i = pos + kMarker.size();
    while (i < text.size() && text[i] == ' ') ++i;
    if (i < text.size() && text[i] == ':') {
      ++i;
      for (;;) {
        while (i < text.size() && (text[i] == ' ' || text[i] == '\t')) ++i;
        size_t start = i;
        while (i < text.size() && (std::isalnum(static_cast<unsigned char>(text[i])) ||
                                   text[i] == '-' || text[i] == '_' || text[i] == '.')) {
          ++i;
        }
        if (i == start) break;
        s.rules.push_back(text.substr(start, i - start));
        while (i < text.size() && text[i] == ' ') ++i;
        if (i >= text.size() || text[i] != ',') break;
        ++i;
      }
    }
    out.push_back(std::move(s));
    pos += kMarker.size();
  }
  return out;
}

void ApplySuppressions(std::vector<Suppression>* suppressions, std::vector<Finding>* findings) {
  if (suppressions->empty()) return;
  auto covered = [&](const Finding& f) {
    bool hit = false;
    for (Suppression& s : *suppressions) {
      if (s.line != f.start.line && s.line + 1 != f.start.line) continue;
      if (!s.rules.empty() && std::find(s.rules.begin(), s.rules.end(), f.rule) == s.rules.end()) {
        continue;
      }
      s.used = true;
      hit = true;
    }
    return hit;
  };
  findings->erase(std::remove_if(findings->begin(), findings->end(), covered), findings->end());
}

}  // namespace uprev
