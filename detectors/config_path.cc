#include "detectors/config_path.h"

#include <algorithm>
#include <cctype>

namespace uprev {
namespace {

bool AllDigits(std::string_view s) {
  return !s.empty() && s.size() < 10 && std::all_of(s.begin(), s.end(), [](char c) {
    return std::isdigit(static_cast<unsigned char>(c));
  });
}

void Resolve(const ConfigNode* node, const std::vector<KeySegment>& segments, size_t at,
             std::vector<KeySegment>* concrete, std::vector<ResolvedEntry>* out) {
  if (!node) return;
  bool mapping = node->kind == ConfigNode::Kind::kMapping;
  if (!mapping && node->kind != ConfigNode::Kind::kSequence) return;
  const KeySegment& want = segments[at];
  for (size_t i = 0; i < node->entries.size(); ++i) {
    const ConfigEntry& entry = node->entries[i];
    bool hit = want.kind == KeySegment::Kind::kAny ||
               (mapping ? entry.key == want.key
                        : want.kind == KeySegment::Kind::kIndex && want.index == i);
    if (!hit) continue;
    KeySegment step = mapping ? KeySegment{KeySegment::Kind::kKey, entry.key, 0}
                              : KeySegment{KeySegment::Kind::kIndex, std::to_string(i), i};
    concrete->push_back(step);
    if (at + 1 == segments.size()) {
      out->push_back(ResolvedEntry{node, &entry, *concrete});
    } else {
      Resolve(entry.value, segments, at + 1, concrete, out);
    }
    concrete->pop_back();
  }
}

uint32_t FirstByte(const ResolvedEntry& r) {
  const ConfigEntry& e = *r.entry;
  uint32_t first = e.value ? e.value->range.begin : 0;
  for (const ByteRange& k : e.key_ranges) first = std::min(first, k.begin);
  for (const ConfigSite& s : e.sites) first = std::min(first, s.range.begin);
  return first;
}

}  // namespace

size_t KeyPath::Wildcards() const {
  return static_cast<size_t>(
      std::count_if(segments.begin(), segments.end(),
                    [](const KeySegment& s) { return s.kind == KeySegment::Kind::kAny; }));
}

std::vector<KeySegment> KeyPath::Parent() const {
  return std::vector<KeySegment>(segments.begin(), segments.end() - (segments.empty() ? 0 : 1));
}

Result<KeyPath> ParseKeyPath(std::string_view text, uint32_t* error_offset) {
  KeyPath path;
  path.text = std::string(text);
  auto fail = [&](size_t at, std::string message) -> Result<KeyPath> {
    *error_offset = static_cast<uint32_t>(at);
    return Status::Invalid(std::move(message));
  };
  if (text.empty()) return fail(0, "the key path is empty");
  size_t i = 0;
  for (;;) {
    KeySegment seg;
    size_t start = i;
    if (i < text.size() && (text[i] == '"' || text[i] == '\'')) {
      char quote = text[i++];
      bool closed = false;
      while (i < text.size()) {
        char c = text[i++];
        if (c == quote) {
          closed = true;
          break;
        }
        if (c == '\\' && quote == '"' && i < text.size()) c = text[i++];
        seg.key.push_back(c);
      }
      if (!closed) return fail(start, "the quoted key is not closed");
      if (i < text.size() && text[i] != '.') return fail(i, "expected '.' after a quoted key");
    } else {
      size_t end = text.find('.', i);
      if (end == std::string_view::npos) end = text.size();
      std::string_view bare = text.substr(i, end - i);
      if (bare.empty()) return fail(i, "empty key in the key path");
      size_t star = bare.find('*');
      if (star != std::string_view::npos && bare != "*") {
        return fail(i + star, "'*' must be a whole key; quote a key that contains '*' or '.'");
      }
      if (bare == "*") {
        seg.kind = KeySegment::Kind::kAny;
      } else if (AllDigits(bare)) {
        seg.kind = KeySegment::Kind::kIndex;
        seg.index = std::stoul(std::string(bare));
      }
      seg.key = std::string(bare);
      i = end;
    }
    path.segments.push_back(std::move(seg));
    if (i >= text.size()) break;
    ++i;  // the '.'
    if (i >= text.size()) return fail(i, "empty key in the key path");
  }
  return path;
}

std::vector<ResolvedEntry> ResolvePath(const ConfigDocument& doc,
                                       const std::vector<KeySegment>& segments) {
  std::vector<ResolvedEntry> out;
  if (segments.empty()) return out;
  std::vector<KeySegment> concrete;
  Resolve(doc.root(), segments, 0, &concrete, &out);
  std::stable_sort(out.begin(), out.end(), [](const ResolvedEntry& a, const ResolvedEntry& b) {
    return FirstByte(a) < FirstByte(b);
  });
  return out;
}

std::string PathText(const std::vector<KeySegment>& segments) {
  std::string out;
  for (const KeySegment& s : segments) {
    if (!out.empty()) out.push_back('.');
    if (s.kind == KeySegment::Kind::kKey &&
        (s.key.empty() || s.key.find_first_of(".*\"'") != std::string::npos || AllDigits(s.key))) {
      out.push_back('"');
      for (char c : s.key) {
        if (c == '"' || c == '\\') out.push_back('\\');
        out.push_back(c);
      }
      out.push_back('"');
    } else {
      out += s.key;
    }
  }
  return out;
}

ByteRange PointOf(const ConfigEntry& entry) {
  const ConfigNode* v = entry.value;
  bool scalar = v && (v->kind == ConfigNode::Kind::kScalar || v->kind == ConfigNode::Kind::kAlias ||
                      v->kind == ConfigNode::Kind::kNull);
  if (!entry.key_ranges.empty()) {
    ByteRange key = entry.key_ranges[0];
    if (scalar && v->range.end >= key.end && entry.key_ranges.size() == 1) {
      return ByteRange{key.begin, v->range.end};
    }
    return key;
  }
  if (scalar) return v->range;
  uint32_t at = !entry.sites.empty() ? entry.sites[0].range.begin : v ? v->range.begin : 0;
  return ByteRange{at, at + 1};
}

}  // namespace uprev
