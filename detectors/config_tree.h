// ConfigDocument: a YAML, JSON or TOML document seen as mappings, sequences
// and scalars, with the byte ranges where each part is written. Key-path
// rules (detectors/config_rule.h) resolve paths on it and edit its text.
//
// TOML tables are merged as the format defines them: `[a.b]` with `x = 1`
// and `a.b.y = 2` at the top are the one mapping a.b with keys x and y, and
// each entry remembers every place it is spelled and defined.
#ifndef UPREV_DETECTORS_CONFIG_TREE_H_
#define UPREV_DETECTORS_CONFIG_TREE_H_

#include <deque>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/source_file.h"
#include "grammars/syntax_tree.h"

namespace uprev {

enum class ConfigFormat { kYaml, kJson, kToml };

// The config format of a language (yaml, json, toml); nullopt otherwise.
std::optional<ConfigFormat> ConfigFormatOf(const Language& language);

enum class ScalarStyle {
  kPlain,         // YAML plain; JSON and TOML numbers, booleans, null, dates
  kSingle,        // YAML '...'; TOML literal '...'
  kDouble,        // YAML, JSON and TOML "..."
  kBlock,         // YAML | and >
  kMultiBasic,    // TOML """..."""
  kMultiLiteral,  // TOML '''...'''
};

struct ConfigNode;

// Where an entry is written: deleting the entry deletes its sites.
struct ConfigSite {
  ByteRange range;                   // the pair or item; a TOML [table] section
  const ConfigNode* list = nullptr;  // the container it is an element of; nullptr:
                                     // a TOML line or section (deleted as whole lines)
  size_t index = 0;                  // its place in list->elements
};

struct ConfigEntry {
  std::string key;                    // "" for a sequence item
  std::vector<ByteRange> key_ranges;  // every place the key is spelled
  ConfigNode* value = nullptr;
  std::vector<ConfigSite> sites;
};

struct ConfigNode {
  enum class Kind { kMapping, kSequence, kScalar, kAlias, kNull, kOther };
  Kind kind = Kind::kOther;
  // The value as written, without a YAML anchor or tag. A YAML empty value
  // (`key:`) is kNull with an empty range right after the `:`.
  ByteRange range;
  // Scalars: the decoded text; aliases: the anchor's name.
  std::string text;
  ScalarStyle style = ScalarStyle::kPlain;
  bool typed = false;  // not a string: a number, boolean, null or date
  std::string anchor;  // YAML `&name` on this node
  // Containers. `elements` are the written elements in order (pairs or
  // items; their ranges end at their last non-comment byte); `entries` the
  // logical ones (TOML: merged from every table and dotted key).
  bool flow = false;      // YAML flow style, JSON, TOML arrays and inline tables
  ByteRange open, close;  // the brackets of a flow container
  std::vector<ByteRange> elements;
  std::vector<std::optional<uint32_t>> commas;  // flow: the ',' after each element
  std::vector<ConfigEntry> entries;
  // YAML block containers that are a pair's or item's value on later lines:
  // where ` {}` goes when the last entry is deleted (after the `:`, anchor, tag).
  std::optional<uint32_t> empty_value_at;
  // TOML tables: the [header] that opens exactly this table, with the end of
  // its last pair's line (where a new pair goes); the root is the document.
  std::optional<ByteRange> section;
  bool toml_root = false;
};

class ConfigDocument {
 public:
  ConfigDocument(ConfigFormat format, std::string_view text, ByteRange extent)
      : format_(format), text_(text), extent_(extent) {}
  ConfigDocument(ConfigDocument&&) = default;
  ConfigDocument& operator=(ConfigDocument&&) = default;

  ConfigFormat format() const { return format_; }
  std::string_view text() const { return text_; }  // the whole parsed text
  // The document's bytes: whole lines, with the newline after its last line.
  ByteRange extent() const { return extent_; }
  const ConfigNode* root() const { return root_; }
  // Whether the parser found a syntax error in the document.
  bool has_error() const { return has_error_; }
  // The node anchored `&name` (the last one defined), or nullptr.
  const ConfigNode* Anchor(std::string_view name) const;
  // Where aliases `*name` are written.
  const std::vector<std::pair<std::string, ByteRange>>& aliases() const { return aliases_; }

  // Construction (config_tree.cc).
  ConfigNode* NewNode() { return &nodes_.emplace_back(); }
  void SetRoot(ConfigNode* root) { root_ = root; }
  void SetHasError(bool has_error) { has_error_ = has_error; }
  void AddAnchor(const std::string& name, const ConfigNode* node) { anchors_[name] = node; }
  void AddAlias(std::string name, ByteRange range) {
    aliases_.emplace_back(std::move(name), range);
  }

 private:
  ConfigFormat format_;
  std::string_view text_;
  ByteRange extent_;
  std::deque<ConfigNode> nodes_;  // stable addresses
  ConfigNode* root_ = nullptr;
  bool has_error_ = false;
  std::map<std::string, const ConfigNode*, std::less<>> anchors_;
  std::vector<std::pair<std::string, ByteRange>> aliases_;
};

// The documents of a parsed file: one per YAML document (`---`), one for a
// JSON or TOML file. `tree` must be YAML, JSON or TOML; the documents view
// its text.
std::vector<ConfigDocument> BuildConfigDocuments(const SyntaxTree& tree);

// Byte helpers over a document's text.
inline bool IsBlankChar(char c) { return c == ' ' || c == '\t'; }
uint32_t LineStartOf(std::string_view text, uint32_t offset);
// The offset after the newline of the line holding `offset` (or the text's end).
uint32_t LineEndAfter(std::string_view text, uint32_t offset);
// Whether only spaces and tabs lie between the line start and `offset`.
bool StartsLine(std::string_view text, uint32_t offset);
// The column (0-based, in bytes) of `offset`.
uint32_t ColumnOf(std::string_view text, uint32_t offset);

}  // namespace uprev

#endif  // UPREV_DETECTORS_CONFIG_TREE_H_
