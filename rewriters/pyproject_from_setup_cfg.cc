// setup.cfg -> pyproject.toml, key by key, as setuptools reads setup.cfg
// (setuptools/config/setupcfg.py: its list, dict, bool, `file:` and
// `attr:` parsers) and documents pyproject.toml
// (https://setuptools.pypa.io/en/latest/userguide/pyproject_config.html,
// PEP 621). Keys are compared lower-case with `-` as `_`, as setuptools
// accepts both.
#include <fmt/format.h>

#include <algorithm>
#include <cstring>
#include <map>

#include "rewriters/config_convert.h"
#include "rewriters/config_syntax.h"

namespace uprev {
namespace {

std::string NormalizeKey(std::string_view key) {
  std::string out(key);
  for (char& c : out)
    c = c == '-' ? '_' : static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

std::string Strip(std::string_view s) {
  size_t b = s.find_first_not_of(" \t\r\n");
  if (b == std::string_view::npos) return "";
  return std::string(s.substr(b, s.find_last_not_of(" \t\r\n") - b + 1));
}

// setuptools' _parse_list: lines when the value has several, else split
// at `separator`; items stripped, empty ones dropped.
std::vector<std::string> ParseList(std::string_view value, char separator) {
  std::vector<std::string> items;
  char split = value.find('\n') != std::string_view::npos ? '\n' : separator;
  size_t start = 0;
  for (;;) {
    size_t end = value.find(split, start);
    std::string item = Strip(value.substr(start, end - start));
    if (!item.empty()) items.push_back(std::move(item));
    if (end == std::string_view::npos) return items;
    start = end + 1;
  }
}

// install_requires and extras: `;` separates on one line (markers then
// need a dangling list); lines starting with `#` are comments.
std::vector<std::string> Requirements(std::string_view value) {
  std::vector<std::string> items = ParseList(value, ';');
  items.erase(
      std::remove_if(items.begin(), items.end(), [](const std::string& s) { return s[0] == '#'; }),
      items.end());
  return items;
}

// `file: a, b` -> ["a", "b"].
std::optional<std::vector<std::string>> FileDirective(std::string_view value) {
  if (value.substr(0, 5) != "file:") return std::nullopt;
  return ParseList(value.substr(5), ',');
}

// A node made from a setup.cfg value: its place and comments come along.
ValueNode From(ValueNode node, const ValueNode& source) {
  node.pos = source.pos;
  node.end = source.end;
  node.comments = source.comments;
  return node;
}

ValueNode Inline(ValueNode table) {
  table.prefer_inline = true;
  return table;
}

ValueNode StringList(const std::vector<std::string>& items, const ValueNode& source) {
  ValueNode list = ValueNode::Sequence();
  for (const std::string& item : items) {
    ValueNode s = ValueNode::String(item);
    s.pos = s.end = source.pos;
    list.items.push_back(std::move(s));
  }
  return From(std::move(list), source);
}

ValueNode& Child(ValueNode* table, const std::string& key) {
  if (ValueNode* found = table->Find(key)) return *found;
  return table->Add(key, ValueNode::Mapping());
}

class PyprojectBuilder {
 public:
  explicit PyprojectBuilder(std::vector<ConversionLoss>* losses) : losses_(losses) {}

  ValueNode Build(const ValueNode& cfg);

 private:
  void Lose(const ValueNode& at, std::string what) {
    losses_->push_back({at.pos, std::move(what)});
  }
  void LoseKey(const std::string& section, const std::string& key, const ValueNode& at,
               std::string_view why) {
    Lose(at, fmt::format("[{}] {} ({})", section, key, why));
  }
  void Set(const std::string& key, ValueNode value) { project_[key] = std::move(value); }
  ValueNode& Setuptools() { return tool_setuptools_; }
  void Dynamic(const std::string& field, const std::string& key, ValueNode directive) {
    dynamic_.push_back(field);
    Child(&Setuptools(), "dynamic").Add(key, std::move(directive));
  }
  ValueNode FileTable(const std::vector<std::string>& files, const ValueNode& source) {
    ValueNode table = Inline(ValueNode::Mapping());
    table.Add("file", StringList(files, source));
    return From(std::move(table), source);
  }

  void Section(const std::string& name, const ValueNode& section);
  void Metadata(const ValueNode& section);
  bool MetadataKey(const std::string& key, const ValueNode& value);
  void MaybeDynamic(const std::string& field, const ValueNode& value, bool attr, ValueNode plain);
  void Readme(const ValueNode& section);
  void People(const ValueNode& section, const char* name_key, const char* email_key,
              const char* field);
  void Options(const ValueNode& section);
  bool OptionsKey(const std::string& key, const ValueNode& value);
  bool RequirementsKey(const std::string& key, const ValueNode& value);
  void Packages(const ValueNode& value);
  void EntryPoints(const ValueNode& section);
  void TableOfLists(const ValueNode& section, ValueNode* out, char separator);
  ValueNode Assemble(const ValueNode& cfg);

  std::vector<ConversionLoss>* losses_;
  std::map<std::string, ValueNode> project_;
  std::vector<std::string> dynamic_;
  ValueNode tool_setuptools_ = ValueNode::Mapping();
  ValueNode pytest_ = ValueNode::Mapping();
  std::vector<std::string> build_requires_ = {"setuptools>=61.0"};
  const ValueNode* find_section_ = nullptr;     // [options.packages.find]
  std::vector<ValueComment> project_comments_;  // above [metadata]
  std::vector<ValueComment> options_comments_;  // above [options]
};

ValueNode PyprojectBuilder::Build(const ValueNode& cfg) {
  for (const ValueEntry& e : cfg.entries) {
    if (NormalizeKey(e.key) == "options.packages.find") find_section_ = &e.value;
  }
  for (const ValueEntry& e : cfg.entries) {
    if (e.value.kind != ValueKind::kMapping) {
      Lose(e.value, fmt::format("key {} outside any section", QuoteForMessage(e.key)));
      continue;
    }
    Section(e.key, e.value);
  }
  return Assemble(cfg);
}

void PyprojectBuilder::Section(const std::string& name, const ValueNode& section) {
  std::string key = NormalizeKey(name);
  if (key == "metadata") return Metadata(section);
  if (key == "options") return Options(section);
  if (key == "options.extras_require") {
    ValueNode& extras = project_["optional-dependencies"];
    extras = From(ValueNode::Mapping(), section);
    for (const ValueEntry& e : section.entries) {
      if (FileDirective(e.value.text)) {
        LoseKey(name, e.key, e.value, "a file: directive for an extra; list its requirements");
        continue;
      }
      extras.Add(e.key, From(StringList(Requirements(e.value.text), e.value), e.value));
    }
    return;
  }
  if (key == "options.entry_points") return EntryPoints(section);
  if (key == "options.package_data") {
    return TableOfLists(section, &Child(&Setuptools(), "package-data"), ',');
  }
  if (key == "options.exclude_package_data") {
    return TableOfLists(section, &Child(&Setuptools(), "exclude-package-data"), ',');
  }
  if (key == "options.data_files") {
    return TableOfLists(section, &Child(&Setuptools(), "data-files"), ',');
  }
  if (key == "options.packages.find") return;  // read with `packages = find:`
  if (key == "tool:pytest") {
    pytest_ = From(ValueNode::Mapping(), section);
    for (const ValueEntry& e : section.entries) pytest_.Add(e.key, e.value);
    return;
  }
  static const std::map<std::string, std::string> kHints = {
      {"flake8", "flake8 reads no pyproject.toml; keep it in setup.cfg, tox.ini or .flake8"},
      {"mypy", "mypy reads [tool.mypy] with typed values; move it by hand"},
      {"isort", "isort reads [tool.isort] with typed values; move it by hand"},
      {"bdist_wheel", "no pyproject.toml equivalent; universal wheels were for Python 2"},
  };
  auto hint = kHints.find(key);
  std::string why = hint != kHints.end() ? hint->second
                    : key.rfind("coverage:", 0) == 0
                        ? "coverage reads [tool.coverage.*] with typed values; move it by hand"
                        : "no pyproject.toml equivalent for setuptools; keep it in setup.cfg or "
                          "the tool's own file";
  Lose(section, fmt::format("section [{}] ({})", name, why));
}

void PyprojectBuilder::Metadata(const ValueNode& section) {
  for (const ValueComment& c : section.comments.before) project_comments_.push_back(c);
  Readme(section);
  People(section, "author", "author_email", "authors");
  People(section, "maintainer", "maintainer_email", "maintainers");
  ValueNode urls = ValueNode::Mapping();
  for (const ValueEntry& e : section.entries) {
    std::string key = NormalizeKey(e.key);
    if (key == "url" || key == "home_page") {
      urls.Add("Homepage", From(ValueNode::String(e.value.text), e.value));
    } else if (key == "download_url") {
      urls.Add("Download", From(ValueNode::String(e.value.text), e.value));
    } else if (key == "project_urls") {
      for (const std::string& line : ParseList(e.value.text, ',')) {
        size_t eq = line.find('=');
        if (eq == std::string::npos) {
          LoseKey("metadata", e.key, e.value,
                  fmt::format("{} is no 'name = url'", QuoteForMessage(line)));
          continue;
        }
        ValueNode url = ValueNode::String(Strip(line.substr(eq + 1)));
        url.pos = url.end = e.value.pos;
        urls.Add(Strip(line.substr(0, eq)), std::move(url));
      }
    } else if (!MetadataKey(key, e.value)) {
      LoseKey("metadata", e.key, e.value, "no pyproject.toml equivalent");
    }
  }
  if (!urls.entries.empty()) Set("urls", std::move(urls));
}

// `field` from a value that may be an `attr:` (when `attr` is allowed) or
// `file:` directive, which makes it dynamic; else the value as `plain`.
void PyprojectBuilder::MaybeDynamic(const std::string& field, const ValueNode& value, bool attr,
                                    ValueNode plain) {
  const std::string& text = value.text;
  if (attr && text.rfind("attr:", 0) == 0) {
    ValueNode directive = Inline(ValueNode::Mapping());
    directive.Add("attr", ValueNode::String(Strip(text.substr(5))));
    Dynamic(field, field, From(std::move(directive), value));
  } else if (std::optional<std::vector<std::string>> files = FileDirective(text)) {
    Dynamic(field, field, FileTable(*files, value));
  } else {
    Set(field, std::move(plain));
  }
}

// The keys of [metadata] that map one to one (or to a `dynamic` entry).
bool PyprojectBuilder::MetadataKey(const std::string& key, const ValueNode& value) {
  const std::string& text = value.text;
  static const char* kHandled[] = {"long_description", "long_description_content_type",
                                   "author",           "author_email",
                                   "maintainer",       "maintainer_email"};
  for (const char* k : kHandled) {
    if (key == k) return true;
  }
  ValueNode as_text = From(ValueNode::String(text), value);
  if (key == "name") {
    Set("name", std::move(as_text));
  } else if (key == "version") {
    MaybeDynamic("version", value, true, std::move(as_text));
  } else if (key == "description" || key == "summary") {
    MaybeDynamic("description", value, false, std::move(as_text));
  } else if (key == "classifiers" || key == "classifier") {
    MaybeDynamic("classifiers", value, false, StringList(ParseList(text, ','), value));
  } else if (key == "keywords") {
    Set("keywords", StringList(ParseList(text, ','), value));
  } else if (key == "license") {
    ValueNode license = Inline(ValueNode::Mapping());
    license.Add("text", ValueNode::String(text));
    Set("license", From(std::move(license), value));
  } else if (key == "license_file" || key == "license_files") {
    ValueNode* files = Setuptools().Find("license-files");
    if (!files) files = &Setuptools().Add("license-files", From(ValueNode::Sequence(), value));
    ValueNode more = StringList(ParseList(text, ','), value);
    for (ValueNode& item : more.items) files->items.push_back(std::move(item));
  } else if (key == "platforms" || key == "platform" || key == "provides" || key == "obsoletes") {
    Setuptools().Add(key == "platform" ? "platforms" : key,
                     StringList(ParseList(text, ','), value));
  } else {
    return false;
  }
  return true;
}

// long_description (`file:` or text) and its content type -> readme.
void PyprojectBuilder::Readme(const ValueNode& section) {
  const ValueNode* text = nullptr;
  const ValueNode* type = nullptr;
  for (const ValueEntry& e : section.entries) {
    std::string key = NormalizeKey(e.key);
    if (key == "long_description") text = &e.value;
    if (key == "long_description_content_type") type = &e.value;
  }
  if (!text) {
    if (type) {
      Lose(*type, "[metadata] long_description_content_type (there is no long_description)");
    }
    return;
  }
  std::optional<std::vector<std::string>> files = FileDirective(text->text);
  if (files && files->size() > 1) {
    ValueNode directive = FileTable(*files, *text);
    if (type) directive.Add("content-type", From(ValueNode::String(type->text), *type));
    Dynamic("readme", "readme", std::move(directive));
    return;
  }
  auto known_suffix = [](const std::string& f) {
    for (const char* ext : {".md", ".rst", ".txt"}) {
      if (f.size() > 4 && f.compare(f.size() - std::strlen(ext), std::string::npos, ext) == 0)
        return true;
    }
    return false;
  };
  if (files && !files->empty() && !type && known_suffix(files->front())) {
    return Set("readme", From(ValueNode::String(files->front()), *text));
  }
  ValueNode readme = Inline(ValueNode::Mapping());
  if (files && !files->empty()) {
    readme.Add("file", ValueNode::String(files->front()));
  } else {
    readme.Add("text", ValueNode::String(text->text));
  }
  // setuptools' default for long_description is reStructuredText.
  readme.Add("content-type", ValueNode::String(type ? type->text : "text/x-rst"));
  Set("readme", From(std::move(readme), *text));
}

void PyprojectBuilder::People(const ValueNode& section, const char* name_key, const char* email_key,
                              const char* field) {
  const ValueNode* name = nullptr;
  const ValueNode* email = nullptr;
  for (const ValueEntry& e : section.entries) {
    std::string key = NormalizeKey(e.key);
    if (key == name_key) name = &e.value;
    if (key == email_key) email = &e.value;
  }
  if (!name && !email) return;
  ValueNode person = ValueNode::Mapping();
  if (name) person.Add("name", ValueNode::String(name->text));
  if (email) person.Add("email", ValueNode::String(email->text));
  ValueNode list = ValueNode::Sequence();
  list.items.push_back(std::move(person));
  ValueNode people = From(std::move(list), name ? *name : *email);
  if (name && email) {
    people.comments.before.insert(people.comments.before.end(), email->comments.before.begin(),
                                  email->comments.before.end());
  }
  Set(field, std::move(people));
}

void PyprojectBuilder::Options(const ValueNode& section) {
  options_comments_ = section.comments.before;
  for (const ValueEntry& e : section.entries) {
    if (!OptionsKey(NormalizeKey(e.key), e.value)) {
      LoseKey("options", e.key, e.value, "no pyproject.toml equivalent");
    }
  }
}

// install_requires, setup_requires, tests_require.
bool PyprojectBuilder::RequirementsKey(const std::string& key, const ValueNode& value) {
  const std::string& text = value.text;
  if (key == "install_requires") {
    if (std::optional<std::vector<std::string>> files = FileDirective(text)) {
      Dynamic("dependencies", "dependencies", FileTable(*files, value));
    } else {
      Set("dependencies", StringList(Requirements(text), value));
    }
    return true;
  }
  if (key == "setup_requires") {
    for (const std::string& r : Requirements(text)) {
      if (std::find(build_requires_.begin(), build_requires_.end(), r) == build_requires_.end()) {
        build_requires_.push_back(r);
      }
    }
    return true;
  }
  if (key == "tests_require") {
    LoseKey("options", key, value,
            "no pyproject.toml equivalent; list them in an extra such as "
            "[project.optional-dependencies] test");
    return true;
  }
  return false;
}

// The keys of [options]: requirements, packages and the setuptools ones.
bool PyprojectBuilder::OptionsKey(const std::string& key, const ValueNode& value) {
  const std::string& text = value.text;
  if (key == "python_requires") {
    Set("requires-python", From(ValueNode::String(text), value));
    return true;
  }
  if (RequirementsKey(key, value)) return true;
  if (key == "packages") {
    Packages(value);
    return true;
  }
  if (key == "entry_points") {
    std::optional<std::vector<std::string>> files = FileDirective(text);
    if (!files) return false;
    for (const char* field : {"scripts", "gui-scripts"}) dynamic_.push_back(field);
    Dynamic("entry-points", "entry-points", FileTable(*files, value));
    return true;
  }
  if (key == "zip_safe" || key == "include_package_data") {
    std::string lower = NormalizeKey(Strip(text));
    bool truth = lower == "1" || lower == "true" || lower == "yes";
    std::string field = key == "zip_safe" ? "zip-safe" : "include-package-data";
    Setuptools().Add(field, From(ValueNode::Bool(truth), value));
    return true;
  }
  static const std::map<std::string, std::string> kLists = {
      {"py_modules", "py-modules"},
      {"scripts", "script-files"},
      {"eager_resources", "eager-resources"},
      {"namespace_packages", "namespace-packages"}};
  if (auto list = kLists.find(key); list != kLists.end()) {
    Setuptools().Add(list->second, StringList(ParseList(text, ','), value));
    return true;
  }
  if (key == "package_dir" || key == "cmdclass") {
    ValueNode table = From(ValueNode::Mapping(), value);
    for (const std::string& line : ParseList(text, ',')) {
      size_t eq = line.find('=');
      if (eq == std::string::npos) {
        LoseKey("options", key, value,
                fmt::format("{} is no 'name = value'", QuoteForMessage(line)));
        continue;
      }
      table.Add(Strip(line.substr(0, eq)), ValueNode::String(Strip(line.substr(eq + 1))));
    }
    Setuptools().Add(key == "package_dir" ? "package-dir" : "cmdclass", std::move(table));
    return true;
  }
  return false;
}

// `packages = find:` (or find_namespace:) with [options.packages.find], or
// a list of packages.
void PyprojectBuilder::Packages(const ValueNode& value) {
  std::string directive = Strip(value.text);
  if (directive != "find:" && directive != "find_namespace:") {
    Setuptools().Add("packages", StringList(ParseList(value.text, ','), value));
    return;
  }
  ValueNode find = ValueNode::Mapping();
  if (find_section_) {
    for (const ValueEntry& e : find_section_->entries) {
      std::string key = NormalizeKey(e.key);
      std::vector<std::string> items = ParseList(e.value.text, ',');
      if (key == "where" && items.size() > 1) {
        Lose(e.value,
             "[options.packages.find] where: only its first folder counts in setup.cfg "
             "(the others are left out)");
        items.resize(1);
      }
      if (key == "where" || key == "include" || key == "exclude") {
        find.Add(key, StringList(items, e.value));
      } else {
        LoseKey("options.packages.find", e.key, e.value, "no pyproject.toml equivalent");
      }
    }
  }
  // pyproject.toml looks for namespace packages unless told not to; find: did not.
  if (directive == "find:") find.Add("namespaces", ValueNode::Bool(false));
  ValueNode packages = From(ValueNode::Mapping(), value);
  packages.Add("find", std::move(find));
  Setuptools().Add("packages", std::move(packages));
}

// console_scripts -> [project.scripts], gui_scripts -> [project.gui-scripts],
// other groups -> [project.entry-points."group"].
void PyprojectBuilder::EntryPoints(const ValueNode& section) {
  ValueNode others = ValueNode::Mapping();
  for (const ValueEntry& e : section.entries) {
    ValueNode group = From(ValueNode::Mapping(), e.value);
    for (const std::string& line : ParseList(e.value.text, ',')) {
      size_t eq = line.find('=');
      if (eq == std::string::npos) {
        LoseKey("options.entry_points", e.key, e.value,
                fmt::format("{} is no 'name = module:object'", QuoteForMessage(line)));
        continue;
      }
      ValueNode target = ValueNode::String(Strip(line.substr(eq + 1)));
      target.pos = target.end = e.value.pos;
      group.Add(Strip(line.substr(0, eq)), std::move(target));
    }
    std::string key = NormalizeKey(e.key);
    if (key == "console_scripts") {
      Set("scripts", std::move(group));
    } else if (key == "gui_scripts") {
      Set("gui-scripts", std::move(group));
    } else {
      others.Add(e.key, std::move(group));
    }
  }
  if (!others.entries.empty()) Set("entry-points", std::move(others));
}

void PyprojectBuilder::TableOfLists(const ValueNode& section, ValueNode* out, char separator) {
  for (const ValueEntry& e : section.entries) {
    out->Add(e.key, StringList(ParseList(e.value.text, separator), e.value));
  }
}

ValueNode PyprojectBuilder::Assemble(const ValueNode& cfg) {
  ValueNode root = ValueNode::Mapping();
  ValueNode& build = root.Add("build-system", ValueNode::Mapping());
  ValueNode requires_list = ValueNode::Sequence();
  for (const std::string& r : build_requires_) requires_list.items.push_back(ValueNode::String(r));
  build.Add("requires", std::move(requires_list));
  build.Add("build-backend", ValueNode::String("setuptools.build_meta"));
  if (!project_.count("name")) {
    losses_->push_back({cfg.pos, "no [metadata] name (PEP 621 requires project.name; add it)"});
  }
  if (!dynamic_.empty()) {
    ValueNode list = ValueNode::Sequence();
    for (const char* field : {"version", "description", "readme", "classifiers", "dependencies",
                              "scripts", "gui-scripts", "entry-points"}) {
      if (std::find(dynamic_.begin(), dynamic_.end(), field) != dynamic_.end()) {
        list.items.push_back(ValueNode::String(field));
      }
    }
    project_["dynamic"] = std::move(list);
  }
  ValueNode& project = root.Add("project", ValueNode::Mapping());
  project.comments.before = project_comments_;
  static const char* kOrder[] = {
      "name",         "version",     "description",           "readme",   "requires-python",
      "license",      "authors",     "maintainers",           "keywords", "classifiers",
      "dependencies", "dynamic",     "optional-dependencies", "urls",     "scripts",
      "gui-scripts",  "entry-points"};
  for (const char* key : kOrder) {
    if (auto it = project_.find(key); it != project_.end()) project.Add(key, std::move(it->second));
  }
  if (!tool_setuptools_.entries.empty() || !pytest_.entries.empty()) {
    ValueNode& tool = root.Add("tool", ValueNode::Mapping());
    if (!tool_setuptools_.entries.empty()) {
      tool_setuptools_.comments.before = options_comments_;
      ValueNode dynamic;
      bool has_dynamic = false;
      if (ValueNode* d = tool_setuptools_.Find("dynamic"))
        dynamic = std::move(*d), has_dynamic = true;
      ValueNode& setuptools = tool.Add("setuptools", std::move(tool_setuptools_));
      std::erase_if(setuptools.entries, [](const ValueEntry& e) { return e.key == "dynamic"; });
      if (has_dynamic) setuptools.Add("dynamic", std::move(dynamic));
    } else {
      project.comments.before.insert(project.comments.before.end(), options_comments_.begin(),
                                     options_comments_.end());
    }
    if (!pytest_.entries.empty()) {
      ValueNode& pytest = tool.Add("pytest", ValueNode::Mapping());
      pytest.comments = pytest_.comments;
      pytest_.comments = ValueComments();
      pytest.Add("ini_options", std::move(pytest_));
    }
  }
  return root;
}

}  // namespace

ValueNode PyprojectFromSetupCfg(const ValueNode& setup_cfg, std::vector<ConversionLoss>* losses) {
  return PyprojectBuilder(losses).Build(setup_cfg);
}

}  // namespace uprev
