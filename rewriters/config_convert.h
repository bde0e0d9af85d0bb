// Config conversion (`uprev convert`): a file read in one format, written
// in another, with the list of everything that could not be carried over;
// and the semantic conversion of setuptools' setup.cfg into a PEP 621
// pyproject.toml.
#ifndef UPREV_REWRITERS_CONFIG_CONVERT_H_
#define UPREV_REWRITERS_CONFIG_CONVERT_H_

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/status.h"
#include "rewriters/config_document.h"

namespace uprev {

// What `--to` names: a format, or `pyproject` (setup.cfg to pyproject.toml).
struct ConvertTarget {
  DataFormat format = DataFormat::kJson;
  bool pyproject = false;
};
// json, yaml (yml), toml, ini (cfg), pyproject; nullopt when unknown.
std::optional<ConvertTarget> ConvertTargetNamed(std::string_view name);

struct Conversion {
  std::string text;
  // "PATH:LINE:COL: lost: WHAT", in source order: what the output does not
  // carry (or carries only changed: a date as a string).
  std::vector<std::string> losses;
  // "PATH:LINE:COL: note: WHAT": what was read in a way the source could
  // not say (a JSON string taken as a TOML date).
  std::vector<std::string> notes;
};

// Converts `text`, the file `path` in the format `from`. Errors (input that
// does not parse, a root that the target cannot hold at all, `pyproject`
// from anything but INI) are Status::Invalid "PATH:LINE:COL: error: ...".
//
// JSON to TOML: strings that are exactly RFC 3339 dates or times
// ("1979-05-27T07:32:00Z", "1979-05-27", "07:32:00") become TOML
// date-times (a note each), so that TOML -> JSON -> TOML keeps them.
Result<Conversion> ConvertConfig(std::string_view path, std::string_view text, DataFormat from,
                                 ConvertTarget to);

// setup.cfg (as ParseIni reads it) as pyproject.toml: [build-system],
// [project] (PEP 621) and [tool.setuptools] where setuptools documents an
// equivalent, [tool.pytest.ini_options] from [tool:pytest]. What has no
// place is appended to `losses`, one a key (one a section for sections of
// other tools).
ValueNode PyprojectFromSetupCfg(const ValueNode& setup_cfg, std::vector<ConversionLoss>* losses);

}  // namespace uprev

#endif  // UPREV_REWRITERS_CONFIG_CONVERT_H_
