// Conversions between formats with the losses of each direction, and
// setup.cfg -> pyproject.toml: whole outputs and whole loss lists.
#include "rewriters/config_convert.h"

#include <gtest/gtest.h>

namespace uprev {
namespace {

// The converted text, then "--" and the loss and note lines.
std::string Convert(DataFormat from, std::string_view text, std::string_view to) {
  Result<Conversion> c = ConvertConfig("in", text, from, *ConvertTargetNamed(to));
  if (!c.ok()) return c.status().message();
  std::string out = c->text + "--\n";
  for (const std::string& line : c->losses) out += line + "\n";
  for (const std::string& line : c->notes) out += line + "\n";
  return out;
}

TEST(ConfigConvertTest, TargetsAreFormatsOrPyproject) {
  EXPECT_EQ(ConvertTargetNamed("yml")->format, DataFormat::kYaml);
  EXPECT_TRUE(ConvertTargetNamed("pyproject")->pyproject);
  EXPECT_EQ(ConvertTargetNamed("pyproject")->format, DataFormat::kToml);
  EXPECT_FALSE(ConvertTargetNamed("toml")->pyproject);
  EXPECT_FALSE(ConvertTargetNamed("xml"));
}

// ---- JSON -> ----

constexpr std::string_view kJson = R"({
  // JSONC comments are read
  "name": "svc", "port": 8080, "ratio": 0.25, "debug": false, "none": null,
  "big": 123456789012345678901234567890, "when": "2024-05-01T10:00:00Z",
  "tags": ["a", null, 1], "db": {"host": "h", "opts": {"ssl": true}}
})";

TEST(ConfigConvertTest, JsonToYamlLosesNothingButComments) {
  EXPECT_EQ(Convert(DataFormat::kJson, kJson, "yaml"), R"(# JSONC comments are read
name: svc
port: 8080
ratio: 0.25
debug: false
none: null
big: 123456789012345678901234567890
when: "2024-05-01T10:00:00Z"
tags:
  - a
  - null
  - 1
db:
  host: h
  opts:
    ssl: true
--
)");
}

TEST(ConfigConvertTest, JsonToTomlLosesNullsAndBigIntegersAndReadsDates) {
  EXPECT_EQ(Convert(DataFormat::kJson, kJson, "toml"), R"(# JSONC comments are read
name = "svc"
port = 8080
ratio = 0.25
debug = false
big = "123456789012345678901234567890"
when = 2024-05-01T10:00:00Z
tags = ["a", 1]

[db]
host = "h"

[db.opts]
ssl = true
--
in:3:63: lost: null (TOML has no null; the key is left out)
in:4:3: lost: integer 123456789012345678901234567890 does not fit in TOML's 64 bits (written as a string)
in:5:17: lost: null (TOML has no null; the item is left out)
in:4:42: note: string "2024-05-01T10:00:00Z" becomes a TOML offset date-time
)");
}

TEST(ConfigConvertTest, JsonToIniLosesTypesAndNesting) {
  EXPECT_EQ(Convert(DataFormat::kJson, kJson, "ini"), R"(# JSONC comments are read
name = svc
port = 8080
ratio = 0.25
debug = false
none =
big = 123456789012345678901234567890
when = 2024-05-01T10:00:00Z
tags = ["a", null, 1]

[db]
host = h

[db.opts]
ssl = true
--
in:3:3: lost: key "name" outside any section is written above the first section (Python's configparser refuses that)
in:3:18: lost: key "port" outside any section is written above the first section (Python's configparser refuses that)
in:3:18: lost: integer 8080 becomes text (INI values are text)
in:3:32: lost: key "ratio" outside any section is written above the first section (Python's configparser refuses that)
in:3:32: lost: float 0.25 becomes text (INI values are text)
in:3:47: lost: key "debug" outside any section is written above the first section (Python's configparser refuses that)
in:3:47: lost: boolean false becomes text (INI values are text)
in:3:63: lost: key "none" outside any section is written above the first section (Python's configparser refuses that)
in:3:63: lost: null becomes an empty value (INI values are text)
in:4:3: lost: key "big" outside any section is written above the first section (Python's configparser refuses that)
in:4:3: lost: integer 123456789012345678901234567890 becomes text (INI values are text)
in:4:42: lost: key "when" outside any section is written above the first section (Python's configparser refuses that)
in:5:3: lost: key "tags" outside any section is written above the first section (Python's configparser refuses that)
in:5:3: lost: a sequence becomes its JSON text (INI values are text)
in:5:47: lost: table "opts" nested in section [db] becomes section [db.opts] (INI has one level of sections)
in:5:56: lost: boolean true becomes text (INI values are text)
)");
}

TEST(ConfigConvertTest, TomlAndIniNeedATableAtTheRoot) {
  EXPECT_EQ(Convert(DataFormat::kJson, "[1, 2]", "toml"),
            "in:1:1: error: the document is a sequence; a TOML document is a table of keys "
            "(nothing converted)");
  EXPECT_EQ(Convert(DataFormat::kJson, "\"text\"", "ini"),
            "in:1:1: error: the document is a string; an INI file is sections of keys (nothing "
            "converted)");
  EXPECT_EQ(Convert(DataFormat::kJson, "null", "toml"), R"(--
in:1:1: lost: the document, null (TOML has no null; written as an empty document)
)");
}

// ---- YAML -> ----

constexpr std::string_view kYaml = R"(# service settings
defaults: &defaults
  retries: 3
  timeout: 2.5
service:
  <<: *defaults
  name: api  # the public name
  started: 2024-05-01
  at: 2024-05-01 10:00:00 +2
  limits: [.inf, -.inf, .nan]
  codes:
    200: ok
    true: yes-key
  nothing: ~
  tag: !Ref other
)";

TEST(ConfigConvertTest, YamlToJsonLosesCommentsDatesInfinitiesKeyTypesAndAliases) {
  EXPECT_EQ(Convert(DataFormat::kYaml, kYaml, "json"), R"({
  "defaults": {
    "retries": 3,
    "timeout": 2.5
  },
  "service": {
    "name": "api",
    "started": "2024-05-01",
    "at": "2024-05-01T10:00:00+02:00",
    "limits": [
      "inf",
      "-inf",
      "nan"
    ],
    "codes": {
      "200": "ok",
      "true": "yes-key"
    },
    "nothing": null,
    "tag": "other",
    "retries": 3,
    "timeout": 2.5
  }
}
--
in:1:1: lost: comment "service settings" (JSON has no comments)
in:6:3: lost: merge key << (expanded into the keys it merges)
in:6:7: lost: alias *defaults (expanded into a copy of &defaults)
in:7:14: lost: comment "the public name" (JSON has no comments)
in:8:3: lost: local date 2024-05-01 becomes a string (JSON has no date-time type)
in:9:3: lost: offset date-time 2024-05-01T10:00:00+02:00 becomes a string (JSON has no date-time type)
in:10:12: lost: float inf becomes the string "inf" (JSON has no infinity or NaN)
in:10:18: lost: float -inf becomes the string "-inf" (JSON has no infinity or NaN)
in:10:25: lost: float nan becomes the string "nan" (JSON has no infinity or NaN)
in:12:5: lost: integer key 200 becomes the string "200"
in:13:5: lost: boolean key true becomes the string "true"
in:15:8: lost: tag !Ref (dropped; the value is kept as written)
)");
}

TEST(ConfigConvertTest, YamlToTomlLosesNullsAndKeyTypes) {
  EXPECT_EQ(Convert(DataFormat::kYaml, kYaml, "toml"), R"(# service settings

[defaults]
retries = 3
timeout = 2.5

[service]
name = "api"  # the public name
started = 2024-05-01
at = 2024-05-01T10:00:00+02:00
limits = [inf, -inf, nan]
tag = "other"
retries = 3
timeout = 2.5

[service.codes]
200 = "ok"
true = "yes-key"
--
in:6:3: lost: merge key << (expanded into the keys it merges)
in:6:7: lost: alias *defaults (expanded into a copy of &defaults)
in:12:5: lost: integer key 200 becomes the string "200"
in:13:5: lost: boolean key true becomes the string "true"
in:14:3: lost: null (TOML has no null; the key is left out)
in:15:8: lost: tag !Ref (dropped; the value is kept as written)
)");
}

TEST(ConfigConvertTest, YamlToYamlKeepsCommentsAndTypes) {
  EXPECT_EQ(Convert(DataFormat::kYaml, kYaml, "yaml"), R"(# service settings
defaults:
  retries: 3
  timeout: 2.5
service:
  name: api  # the public name
  started: 2024-05-01
  at: 2024-05-01T10:00:00+02:00
  limits:
    - .inf
    - -.inf
    - .nan
  codes:
    200: ok
    true: yes-key
  nothing: null
  tag: other
  retries: 3
  timeout: 2.5
--
in:6:3: lost: merge key << (expanded into the keys it merges)
in:6:7: lost: alias *defaults (expanded into a copy of &defaults)
in:15:8: lost: tag !Ref (dropped; the value is kept as written)
)");
}

// ---- TOML -> ----

constexpr std::string_view kToml = R"(# release
title = "rel"
odt = 1979-05-27T07:32:00-08:00
ldt = 1979-05-27T07:32:00
ld = 1979-05-27
lt = 07:32:00
special = [inf, nan]

[owner]  # who
name = "Tom"

[[products]]
name = "Hammer"
sku = 738594937
)";

TEST(ConfigConvertTest, TomlToJsonLosesDatesInfinitiesAndComments) {
  EXPECT_EQ(Convert(DataFormat::kToml, kToml, "json"), R"({
  "title": "rel",
  "odt": "1979-05-27T07:32:00-08:00",
  "ldt": "1979-05-27T07:32:00",
  "ld": "1979-05-27",
  "lt": "07:32:00",
  "special": [
    "inf",
    "nan"
  ],
  "owner": {
    "name": "Tom"
  },
  "products": [
    {
      "name": "Hammer",
      "sku": 738594937
    }
  ]
}
--
in:1:1: lost: comment "release" (JSON has no comments)
in:3:1: lost: offset date-time 1979-05-27T07:32:00-08:00 becomes a string (JSON has no date-time type)
in:4:1: lost: local date-time 1979-05-27T07:32:00 becomes a string (JSON has no date-time type)
in:5:1: lost: local date 1979-05-27 becomes a string (JSON has no date-time type)
in:6:1: lost: local time 07:32:00 becomes a string (JSON has no date-time type)
in:7:12: lost: float inf becomes the string "inf" (JSON has no infinity or NaN)
in:7:17: lost: float nan becomes the string "nan" (JSON has no infinity or NaN)
in:9:10: lost: comment "who" (JSON has no comments)
)");
}

TEST(ConfigConvertTest, TomlToYamlLosesLocalTimes) {
  EXPECT_EQ(Convert(DataFormat::kToml, kToml, "yaml"), R"(# release
title: rel
odt: 1979-05-27T07:32:00-08:00
ldt: 1979-05-27T07:32:00
ld: 1979-05-27
lt: "07:32:00"
special:
  - .inf
  - .nan
owner:  # who
  name: Tom
products:
  - name: Hammer
    sku: 738594937
--
in:6:1: lost: local time 07:32:00 becomes a string (YAML has no time-of-day type)
)");
}

TEST(ConfigConvertTest, TomlToIniLosesTypesAndArraysOfTables) {
  EXPECT_EQ(Convert(DataFormat::kToml, kToml, "ini"), R"(# release
title = rel
odt = 1979-05-27T07:32:00-08:00
ldt = 1979-05-27T07:32:00
ld = 1979-05-27
lt = 07:32:00
special =
    inf
    nan
products = [{"name": "Hammer", "sku": 738594937}]

# who
[owner]
name = Tom
--
in:2:1: lost: key "title" outside any section is written above the first section (Python's configparser refuses that)
in:3:1: lost: key "odt" outside any section is written above the first section (Python's configparser refuses that)
in:3:1: lost: offset date-time 1979-05-27T07:32:00-08:00 becomes text (INI values are text)
in:4:1: lost: key "ldt" outside any section is written above the first section (Python's configparser refuses that)
in:4:1: lost: local date-time 1979-05-27T07:32:00 becomes text (INI values are text)
in:5:1: lost: key "ld" outside any section is written above the first section (Python's configparser refuses that)
in:5:1: lost: local date 1979-05-27 becomes text (INI values are text)
in:6:1: lost: key "lt" outside any section is written above the first section (Python's configparser refuses that)
in:6:1: lost: local time 07:32:00 becomes text (INI values are text)
in:7:1: lost: key "special" outside any section is written above the first section (Python's configparser refuses that)
in:7:1: lost: a sequence becomes lines of text (INI values are text)
in:12:1: lost: key "products" outside any section is written above the first section (Python's configparser refuses that)
in:12:1: lost: a sequence becomes its JSON text (INI values are text)
)");
}

TEST(ConfigConvertTest, TomlToTomlKeepsEverything) {
  EXPECT_EQ(Convert(DataFormat::kToml, kToml, "toml"), R"(# release
title = "rel"
odt = 1979-05-27T07:32:00-08:00
ldt = 1979-05-27T07:32:00
ld = 1979-05-27
lt = 07:32:00
special = [inf, nan]
products = [{ name = "Hammer", sku = 738594937 }]

[owner]  # who
name = "Tom"
--
)");
}

// ---- INI -> ----

constexpr std::string_view kIni = R"(; defaults for every section
[DEFAULT]
level = info

# the app
[app]
name = demo
paths =
    /a
    /b
)";

TEST(ConfigConvertTest, IniToJsonLosesCommentsAndDefaultSemantics) {
  EXPECT_EQ(Convert(DataFormat::kIni, kIni, "json"), R"({
  "DEFAULT": {
    "level": "info"
  },
  "app": {
    "name": "demo",
    "paths": "\n/a\n/b"
  }
}
--
in:1:1: lost: comment "defaults for every section" (JSON has no comments)
in:2:1: lost: [DEFAULT] gives its keys to every section in configparser (converted as a table like any other)
in:5:1: lost: comment "the app" (JSON has no comments)
)");
}

TEST(ConfigConvertTest, IniToTomlKeepsCommentsAndTextValues) {
  EXPECT_EQ(Convert(DataFormat::kIni, kIni, "toml"), R"(# defaults for every section
[DEFAULT]
level = "info"

# the app
[app]
name = "demo"
paths = """

/a
/b"""
--
in:2:1: lost: [DEFAULT] gives its keys to every section in configparser (converted as a table like any other)
)");
}

TEST(ConfigConvertTest, IniToIniKeepsTheDefaultSection) {
  EXPECT_EQ(Convert(DataFormat::kIni, kIni, "ini"), R"(# defaults for every section
[DEFAULT]
level = info

# the app
[app]
name = demo
paths =
    /a
    /b
--
)");
}

// ---- setup.cfg -> pyproject.toml ----

constexpr std::string_view kSetupCfg = R"(# Project metadata for setuptools.
[metadata]
name = example-pkg
version = attr: example_pkg.__version__
description = An example package
long_description = file: README.md
long_description_content_type = text/markdown
author = Jane Doe
author_email = jane@example.com
license = MIT
license_files = LICENSE
url = https://github.com/example/example-pkg
project_urls =
    Documentation = https://example-pkg.readthedocs.io
    Source = https://github.com/example/example-pkg
classifiers =
    Programming Language :: Python :: 3
    License :: OSI Approved :: MIT License
platforms = any
keywords = example, packaging
home-page-extra = unknown

[options]
packages = find:
package_dir =
    = src
python_requires = >=3.8
# runtime dependencies
install_requires =
    requests>=2.28
    importlib-metadata>=4.0; python_version < "3.10"
setup_requires = setuptools_scm
tests_require = pytest
include_package_data = True
zip_safe = False

[options.packages.find]
where = src
exclude =
    tests*

[options.extras_require]
dev =
    pytest>=7
    black
docs = sphinx>=5; furo

[options.entry_points]
console_scripts =
    example = example_pkg.cli:main
gui_scripts =
    example-gui = example_pkg.gui:run
example.plugins =
    basic = example_pkg.plugins:Basic

[options.package_data]
example_pkg = py.typed, data/*.json

[tool:pytest]
testpaths = tests
addopts = -ra -q

[flake8]
max-line-length = 100

[mypy]
strict = True
)";

TEST(ConfigConvertTest, SetupCfgBecomesPyproject) {
  EXPECT_EQ(Convert(DataFormat::kIni, kSetupCfg, "pyproject"), R"([build-system]
requires = ["setuptools>=61.0", "setuptools_scm"]
build-backend = "setuptools.build_meta"

# Project metadata for setuptools.
[project]
name = "example-pkg"
description = "An example package"
readme = { file = "README.md", content-type = "text/markdown" }
requires-python = ">=3.8"
license = { text = "MIT" }
authors = [{ name = "Jane Doe", email = "jane@example.com" }]
keywords = ["example", "packaging"]
classifiers = [
  "Programming Language :: Python :: 3",
  "License :: OSI Approved :: MIT License",
]
# runtime dependencies
dependencies = [
  "requests>=2.28",
  "importlib-metadata>=4.0; python_version < \"3.10\"",
]
dynamic = ["version"]

[project.optional-dependencies]
dev = ["pytest>=7", "black"]
docs = ["sphinx>=5", "furo"]

[project.urls]
Homepage = "https://github.com/example/example-pkg"
Documentation = "https://example-pkg.readthedocs.io"
Source = "https://github.com/example/example-pkg"

[project.scripts]
example = "example_pkg.cli:main"

[project.gui-scripts]
example-gui = "example_pkg.gui:run"

[project.entry-points."example.plugins"]
basic = "example_pkg.plugins:Basic"

[tool.setuptools]
license-files = ["LICENSE"]
platforms = ["any"]
include-package-data = true
zip-safe = false

[tool.setuptools.packages.find]
where = ["src"]
exclude = ["tests*"]
namespaces = false

[tool.setuptools.package-dir]
"" = "src"

[tool.setuptools.package-data]
example_pkg = ["py.typed", "data/*.json"]

[tool.setuptools.dynamic]
version = { attr = "example_pkg.__version__" }

[tool.pytest.ini_options]
testpaths = "tests"
addopts = "-ra -q"
--
in:21:1: lost: [metadata] home-page-extra (no pyproject.toml equivalent)
in:33:1: lost: [options] tests_require (no pyproject.toml equivalent; list them in an extra such as [project.optional-dependencies] test)
in:63:1: lost: section [flake8] (flake8 reads no pyproject.toml; keep it in setup.cfg, tox.ini or .flake8)
in:66:1: lost: section [mypy] (mypy reads [tool.mypy] with typed values; move it by hand)
)");
}

TEST(ConfigConvertTest, SetupCfgFileDirectivesBecomeDynamicFields) {
  EXPECT_EQ(Convert(DataFormat::kIni, R"([metadata]
name = dyn
version = file: VERSION
description = file: DESCRIPTION.txt
long_description = file: README.rst, CHANGES.rst
classifiers = file: classifiers.txt
[options]
install_requires = file: requirements.txt
entry_points = file: entry_points.cfg
packages = find_namespace:
)",
                    "pyproject"),
            R"([build-system]
requires = ["setuptools>=61.0"]
build-backend = "setuptools.build_meta"

[project]
name = "dyn"
dynamic = [
  "version",
  "description",
  "readme",
  "classifiers",
  "dependencies",
  "scripts",
  "gui-scripts",
  "entry-points",
]

[tool.setuptools.packages.find]

[tool.setuptools.dynamic]
readme = { file = ["README.rst", "CHANGES.rst"] }
version = { file = ["VERSION"] }
description = { file = ["DESCRIPTION.txt"] }
classifiers = { file = ["classifiers.txt"] }
dependencies = { file = ["requirements.txt"] }
entry-points = { file = ["entry_points.cfg"] }
--
)");
}

TEST(ConfigConvertTest, SetupCfgTextReadmeAndPackageLists) {
  EXPECT_EQ(Convert(DataFormat::kIni, R"([metadata]
name = small
version = 1.0
long_description = A short text.
maintainer = M
maintainer_email = m@example.com
[options]
packages = a, a.b
py_modules = tool
install_requires = one; two
scripts =
    bin/run
[options.data_files]
share/small = data/a.txt, data/b.txt
)",
                    "pyproject"),
            R"([build-system]
requires = ["setuptools>=61.0"]
build-backend = "setuptools.build_meta"

[project]
name = "small"
version = "1.0"
readme = { text = "A short text.", content-type = "text/x-rst" }
maintainers = [{ name = "M", email = "m@example.com" }]
dependencies = ["one", "two"]

[tool.setuptools]
packages = ["a", "a.b"]
py-modules = ["tool"]
script-files = ["bin/run"]

[tool.setuptools.data-files]
"share/small" = ["data/a.txt", "data/b.txt"]
--
)");
}

TEST(ConfigConvertTest, SetupCfgWithoutNameSaysSo) {
  EXPECT_EQ(Convert(DataFormat::kIni, "[options]\npython_requires = >=3.9\n", "pyproject"),
            R"([build-system]
requires = ["setuptools>=61.0"]
build-backend = "setuptools.build_meta"

[project]
requires-python = ">=3.9"
--
in:1:1: lost: no [metadata] name (PEP 621 requires project.name; add it)
)");
}

TEST(ConfigConvertTest, PyprojectTakesOnlySetupCfg) {
  EXPECT_EQ(Convert(DataFormat::kJson, "{}", "pyproject"),
            "in:1:1: error: --to pyproject converts a setup.cfg (INI), not json");
}

TEST(ConfigConvertTest, SetupCfgToPlainTomlKeepsSectionsAsTables) {
  EXPECT_EQ(Convert(DataFormat::kIni, "[metadata]\nname = x\n[options.extras_require]\ndev = a\n",
                    "toml"),
            R"([metadata]
name = "x"

["options.extras_require"]
dev = "a"
--
)");
}

}  // namespace
}  // namespace uprev
