#include "rewriters/fix_template.h"

#include <cctype>

namespace uprev {
namespace {

bool IsNameChar(char c) {
  return std::isupper(static_cast<unsigned char>(c)) ||
         std::isdigit(static_cast<unsigned char>(c)) || c == '_';
}

std::string_view IndentOf(const SourceFile& file, uint32_t offset) {
  Position pos = file.PositionAt(offset);
  std::string_view line = file.Line(pos.line);
  size_t n = 0;
  while (n < line.size() && (line[n] == ' ' || line[n] == '\t')) ++n;
  return line.substr(0, n);
}

// An empty `$$$X` takes one of its separators with it: `f($A, $$$X)`
// renders `f(a)`, not `f(a, )`. Returns where the template goes on.
size_t DropSeparator(std::string_view templ, size_t next, std::string* out) {
  size_t k = out->size();
  while (k > 0 && (*out)[k - 1] == ' ') --k;
  if (k > 0 && (*out)[k - 1] == ',') {
    out->resize(k - 1);
    return next;
  }
  size_t m = next;
  while (m < templ.size() && templ[m] == ' ') ++m;
  if (m < templ.size() && templ[m] == ',') {
    ++m;
    while (m < templ.size() && templ[m] == ' ') ++m;
    return m;
  }
  return next;
}

}  // namespace

std::string RenderFix(std::string_view templ, const Match& match, const SourceFile& file) {
  std::string_view matched = file.Slice(match.range);
  if (!templ.empty() && templ.back() == '\n' && (matched.empty() || matched.back() != '\n')) {
    templ.remove_suffix(1);
  }
  std::string_view indent = IndentOf(file, match.range.begin);
  std::string out;
  for (size_t i = 0; i < templ.size();) {
    char c = templ[i];
    if (c == '$') {
      size_t start = templ.compare(i, 3, "$$$") == 0 ? i + 3 : i + 1;
      size_t end = start;
      while (end < templ.size() && IsNameChar(templ[end])) ++end;
      if (end > start && std::isupper(static_cast<unsigned char>(templ[start]))) {
        if (const Binding* b = match.Find(templ.substr(start, end - start))) {
          out.append(file.Slice(b->range));
          i = end;
          if (b->sequence && b->range.empty()) i = DropSeparator(templ, i, &out);
          continue;
        }
      }
    }
    out.push_back(c);
    ++i;
    if (c == '\n' && i < templ.size() && templ[i] != '\n') out.append(indent);
  }
  return out;
}

std::string RenderFixWithTexts(std::string_view templ,
                               const std::vector<std::pair<std::string, std::string>>& texts) {
  std::string out;
  for (size_t i = 0; i < templ.size();) {
    const std::pair<std::string, std::string>* best = nullptr;
    if (templ[i] == '$') {
      for (const auto& entry : texts) {
        size_t end = i + 1 + entry.first.size();
        bool whole = end >= templ.size() ||
                     !(std::isalnum(static_cast<unsigned char>(templ[end])) || templ[end] == '_');
        if (whole && templ.compare(i + 1, entry.first.size(), entry.first) == 0 &&
            (!best || entry.first.size() > best->first.size())) {
          best = &entry;
        }
      }
    }
    if (best) {
      out += best->second;
      i += 1 + best->first.size();
    } else {
      out.push_back(templ[i++]);
    }
  }
  return out;
}

}  // namespace uprev
