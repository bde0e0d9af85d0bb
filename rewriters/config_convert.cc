#include "rewriters/config_convert.h"

#include <fmt/format.h>

#include <algorithm>

#include "rewriters/config_syntax.h"

namespace uprev {
namespace {

// JSON has no dates: a string in exact RFC 3339 form was most likely one.
void InferDates(ValueNode* node, std::vector<ConversionLoss>* notes) {
  if (node->kind == ValueKind::kString) {
    std::optional<ValueNode> date = ParseDateTime(node->text, DateTimeSyntax::kCanonical);
    if (!date) return;
    notes->push_back({node->pos, fmt::format("string \"{}\" becomes a TOML {}", node->text,
                                             DateTimeKindName(date->date_kind))});
    node->kind = ValueKind::kDateTime;
    node->date_kind = date->date_kind;
    return;
  }
  for (ValueNode& item : node->items) InferDates(&item, notes);
  for (ValueEntry& e : node->entries) InferDates(&e.value, notes);
}

std::vector<std::string> Render(std::string_view path, std::vector<ConversionLoss> items,
                                std::string_view label) {
  std::stable_sort(
      items.begin(), items.end(), [](const ConversionLoss& a, const ConversionLoss& b) {
        return a.pos.line != b.pos.line ? a.pos.line < b.pos.line : a.pos.col < b.pos.col;
      });
  std::vector<std::string> lines;
  for (const ConversionLoss& l : items) {
    Position pos = l.pos.line == 0 ? Position{1, 1} : l.pos;
    std::string line = fmt::format("{}:{}:{}: {}: {}", path, pos.line, pos.col, label, l.what);
    if (std::find(lines.begin(), lines.end(), line) == lines.end()) lines.push_back(line);
  }
  return lines;
}

}  // namespace

std::optional<ConvertTarget> ConvertTargetNamed(std::string_view name) {
  if (name == "pyproject") return ConvertTarget{DataFormat::kToml, true};
  std::optional<DataFormat> format = DataFormatNamed(name);
  if (!format) return std::nullopt;
  return ConvertTarget{*format, false};
}

Result<Conversion> ConvertConfig(std::string_view path, std::string_view text, DataFormat from,
                                 ConvertTarget to) {
  if (to.pyproject && from != DataFormat::kIni) {
    return ConfigError(
        path, Position{1, 1},
        fmt::format("--to pyproject converts a setup.cfg (INI), not {}", DataFormatName(from)));
  }
  Result<ValueDocument> doc = ParseConfig(from, path, text);
  if (!doc.ok()) return doc.status();
  ValueNode& root = doc->root;
  std::vector<ConversionLoss> losses = std::move(doc->losses);
  std::vector<ConversionLoss> notes;
  bool tables_only = to.format == DataFormat::kToml || to.format == DataFormat::kIni;
  if (tables_only && root.kind != ValueKind::kMapping && root.kind != ValueKind::kNull) {
    return ConfigError(
        path, root.pos.line ? root.pos : Position{1, 1},
        fmt::format("the document is a {}; {} (nothing converted)", ValueKindName(root.kind),
                    to.format == DataFormat::kToml ? "a TOML document is a table of keys"
                                                   : "an INI file is sections of keys"));
  }
  if (from == DataFormat::kIni && to.format != DataFormat::kIni && !to.pyproject) {
    for (const ValueEntry& e : root.entries) {
      if (e.key == "DEFAULT" && e.value.kind == ValueKind::kMapping) {
        losses.push_back({e.value.pos,
                          "[DEFAULT] gives its keys to every section in "
                          "configparser (converted as a table like any other)"});
      }
    }
  }
  if (from == DataFormat::kJson && to.format == DataFormat::kToml) InferDates(&root, &notes);
  Conversion out;
  if (to.pyproject) {
    ValueNode pyproject = PyprojectFromSetupCfg(root, &losses);
    out.text = EmitToml(pyproject, &losses);
  } else {
    out.text = EmitConfig(to.format, root, &losses);
  }
  out.losses = Render(path, std::move(losses), "lost");
  out.notes = Render(path, std::move(notes), "note");
  return out;
}

}  // namespace uprev
