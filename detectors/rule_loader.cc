#include "detectors/rule_loader.h"

#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <map>
#include <set>

#include <fmt/format.h>

#include "detectors/api_map_loader.h"
#include "detectors/clang/ast_matcher.h"
#include "detectors/config_rule.h"
#include "detectors/pack_yaml.h"
#include "detectors/rule_matcher.h"

namespace uprev {
namespace {

// Compiles one rule for all the languages it applies to.
class RuleCompiler {
 public:
  RuleCompiler(const Locator& loc, Rule* rule) : loc_(loc), rule_(rule) {}

  Status Compile(const YAML::Node& node);
  const std::set<std::string>& defined() const { return defined_; }

 private:
  Result<std::shared_ptr<const Pattern>> CompilePattern(const Language& lang,
                                                        const YAML::Node& text, bool primary);
  Result<Condition> CompileCondition(const Language& lang, const YAML::Node& item, bool primary);
  Status CompileFor(const Language& lang, const YAML::Node& node, bool primary);
  Status CompileQuery(const Language& lang, const YAML::Node& query, bool primary);
  Status CompileAstMatcherRule(const YAML::Node& node);
  Status CheckMetavariables(const YAML::Node& node);

  const Locator& loc_;
  Rule* rule_;
  std::set<std::string> defined_;  // metavariables the fix and `where` may use
};

Result<std::shared_ptr<const Pattern>> RuleCompiler::CompilePattern(const Language& lang,
                                                                    const YAML::Node& text,
                                                                    bool primary) {
  if (!text.IsScalar()) return loc_.Error(text, "a pattern must be a string");
  uint32_t offset = 0;
  auto pattern = Pattern::Compile(lang, text.Scalar(), &offset);
  if (!pattern.ok()) {
    if (!primary) return pattern.status();
    return loc_.ErrorInScalar(text, offset, pattern.status().message());
  }
  return pattern;
}

Result<Condition> RuleCompiler::CompileCondition(const Language& lang, const YAML::Node& item,
                                                 bool primary) {
  static const std::initializer_list<std::string_view> kOps = {
      "pattern", "pattern-not", "inside", "not-inside", "has", "any"};
  if (!item.IsMap() || item.size() != 1) {
    return loc_.Error(item, "each item of 'patterns' is a mapping with one key: pattern, "
                            "pattern-not, inside, not-inside, has or any");
  }
  Status keys = CheckKeys(loc_, item, "patterns", kOps);
  if (!keys.ok()) return keys;
  std::string op = item.begin()->first.Scalar();
  const YAML::Node value = item.begin()->second;
  Condition c;
  if (op == "any") {
    c.op = Condition::Op::kAny;
    if (!value.IsSequence() || value.size() == 0) {
      return loc_.Error(value, "'any' must be a non-empty list of patterns");
    }
    for (const YAML::Node& alt : value) {
      YAML::Node text = alt.IsMap() && alt.size() == 1 && alt["pattern"] ? alt["pattern"] : alt;
      auto p = CompilePattern(lang, text, primary);
      if (!p.ok()) return p.status();
      c.alternatives.push_back(Condition{Condition::Op::kPattern, *p, {}});
    }
    return c;
  }
  auto p = CompilePattern(lang, value, primary);
  if (!p.ok()) return p.status();
  c.pattern = *p;
  c.op = op == "pattern"       ? Condition::Op::kPattern
         : op == "pattern-not" ? Condition::Op::kNot
         : op == "inside"      ? Condition::Op::kInside
         : op == "not-inside"  ? Condition::Op::kNotInside
                               : Condition::Op::kHas;
  return c;
}

// The metavariables every alternative of `c` binds.
std::set<std::string> BoundBy(const Condition& c) {
  if (c.op != Condition::Op::kAny) return c.pattern->metavariables();
  std::set<std::string> common = c.alternatives[0].pattern->metavariables();
  for (const Condition& alt : c.alternatives) {
    std::set<std::string> keep;
    for (const std::string& n : common) {
      if (alt.pattern->metavariables().count(n)) keep.insert(n);
    }
    common = keep;
  }
  return common;
}

std::string LongestLiteral(const Pattern& p) {
  std::string best;
  for (const std::string& w : p.literals()) {
    if (w.size() > best.size()) best = w;
  }
  return best;
}

Status RuleCompiler::CompileQuery(const Language& lang, const YAML::Node& query, bool primary) {
  if (!query.IsScalar()) return loc_.Error(query, "'query' must be a string");
  auto m = std::make_shared<CompiledMatcher>();
  m->language = &lang;
  m->is_query = true;
  m->query_text = query.Scalar();
  if (!primary) {
    rule_->matchers.push_back(std::move(m));  // compiled on first use
    return Status::Ok();
  }
  uint32_t offset = 0;
  TSQueryError error = TSQueryErrorNone;
  const std::string& text = query.Scalar();
  TSQuery* q = ts_query_new(lang.grammar(), text.data(), static_cast<uint32_t>(text.size()),
                            &offset, &error);
  if (!q) {
    static const char* kWhat[] = {"",           "syntax error", "unknown node kind",
                                  "unknown field", "unknown capture", "impossible structure",
                                  "language error"};
    return loc_.ErrorInScalar(query, offset,
                              fmt::format("query does not compile for {}: {}", lang.name,
                                          kWhat[std::min<int>(error, 6)]));
  }
  m->SetQuery(q);
  for (uint32_t pattern = 0; pattern < ts_query_pattern_count(q); ++pattern) {
    uint32_t steps = 0;
    const TSQueryPredicateStep* step = ts_query_predicates_for_pattern(q, pattern, &steps);
    for (uint32_t i = 0; i < steps; ++i) {
      bool starts = i == 0 || step[i - 1].type == TSQueryPredicateStepTypeDone;
      if (!starts || step[i].type != TSQueryPredicateStepTypeString) continue;
      uint32_t len = 0;
      const char* chars = ts_query_string_value_for_id(q, step[i].value_id, &len);
      std::string op(chars, len);
      static const std::set<std::string> kKnown = {"eq?",       "not-eq?",  "match?",
                                                   "not-match?", "any-of?", "not-any-of?"};
      if (!kKnown.count(op)) {
        size_t at = text.find("#" + op);
        return loc_.ErrorInScalar(query, at == std::string::npos ? 0 : static_cast<uint32_t>(at),
                                  fmt::format("unknown query predicate '#{}'; uprev evaluates "
                                              "#eq?, #not-eq?, #match?, #not-match?, #any-of?, "
                                              "#not-any-of?", op));
      }
    }
  }
  uint32_t captures = ts_query_capture_count(q);
  if (captures == 0) return loc_.Error(query, "a query needs at least one capture");
  for (uint32_t i = 0; i < captures; ++i) {
    uint32_t len = 0;
    const char* chars = ts_query_capture_name_for_id(q, i, &len);
    defined_.insert(std::string(chars, len));
  }
  rule_->matchers.push_back(std::move(m));
  return Status::Ok();
}

Status RuleCompiler::CompileFor(const Language& lang, const YAML::Node& node, bool primary) {
  if (node["query"]) return CompileQuery(lang, node["query"], primary);
  auto m = std::make_shared<CompiledMatcher>();
  m->language = &lang;
  if (node["pattern"]) {
    auto p = CompilePattern(lang, node["pattern"], primary);
    if (!p.ok()) return primary ? p.status() : Status::Ok();
    m->conditions.push_back(Condition{Condition::Op::kPattern, *p, {}});
  } else {
    const YAML::Node list = node["patterns"];
    if (!list.IsSequence() || list.size() == 0) {
      return loc_.Error(list, "'patterns' must be a non-empty list");
    }
    std::vector<Condition> rest;
    for (const YAML::Node& item : list) {
      auto c = CompileCondition(lang, item, primary);
      if (!c.ok()) return primary ? c.status() : Status::Ok();
      bool positive = c->op == Condition::Op::kPattern || c->op == Condition::Op::kAny;
      if (positive && m->conditions.empty()) {
        m->conditions.push_back(std::move(*c));
      } else {
        rest.push_back(std::move(*c));
      }
    }
    if (m->conditions.empty()) {
      return loc_.Error(list, "'patterns' needs a 'pattern' or 'any' item to match");
    }
    for (Condition& c : rest) m->conditions.push_back(std::move(c));
  }
  if (primary) {
    for (const Condition& c : m->conditions) {
      if (c.op == Condition::Op::kNot || c.op == Condition::Op::kNotInside) continue;
      for (const std::string& n : BoundBy(c)) defined_.insert(n);
    }
    const Condition& first = m->conditions[0];
    std::vector<std::string> words;
    for (const Condition& alt :
         first.op == Condition::Op::kAny ? first.alternatives : std::vector<Condition>{first}) {
      std::string w = LongestLiteral(*alt.pattern);
      if (w.empty()) {
        words.clear();
        break;
      }
      words.push_back(w);
    }
    if (!words.empty()) rule_->prefilter.push_back(std::move(words));
  }
  rule_->matchers.push_back(std::move(m));
  return Status::Ok();
}

Status RuleCompiler::CheckMetavariables(const YAML::Node& node) {
  if (const YAML::Node fix = node["fix"]) {
    const std::string& text = fix.Scalar();
    for (size_t i = 0; i < text.size(); ++i) {
      if (text[i] != '$') continue;
      size_t start = text.compare(i, 3, "$$$") == 0 ? i + 3 : i + 1;
      size_t end = start;
      while (end < text.size() && (std::isalnum(static_cast<unsigned char>(text[end])) ||
                                   text[end] == '_')) {
        ++end;
      }
      std::string name = text.substr(start, end - start);
      if (!IsMetavariableName(name) || name == "_") continue;
      if (!defined_.count(name)) {
        return loc_.ErrorInScalar(fix, static_cast<uint32_t>(i),
                                  fmt::format("the fix uses ${} but the pattern does not bind it",
                                              name));
      }
      i = end - 1;
    }
  }
  return Status::Ok();
}

Status RuleCompiler::CompileAstMatcherRule(const YAML::Node& node) {
  const YAML::Node text = node["matcher"];
  if (rule_->language->name != "c" && rule_->language->name != "cpp") {
    return loc_.Error(text, fmt::format("'matcher' (a Clang AST matcher) is for c and cpp rules, "
                                        "not {}", rule_->language->name));
  }
  if (!text.IsScalar()) return loc_.Error(text, "'matcher' must be a string");
  uint32_t offset = 0;
  auto matcher = CompileAstMatcher(text.Scalar(), &offset);
  if (!matcher.ok()) return loc_.ErrorInScalar(text, offset, matcher.status().message());
  rule_->ast_matcher = *matcher;
  for (const std::string& name : BoundNames(**matcher)) defined_.insert(name);
  if (const YAML::Node triggers = node["triggers"]) {
    auto words = StringList(loc_, triggers, "triggers");
    if (!words.ok()) return words.status();
    if (words->empty()) return loc_.Error(triggers, "'triggers' must not be empty");
    rule_->triggers = std::move(*words);
  }
  // Clang names are any identifiers (`.bind("ptr")` is used as `$ptr`).
  if (const YAML::Node fix = node["fix"]) {
    const std::string& templ = fix.Scalar();
    for (size_t i = 0; i < templ.size(); ++i) {
      if (templ[i] != '$') continue;
      size_t end = i + 1;
      while (end < templ.size() && (std::isalnum(static_cast<unsigned char>(templ[end])) ||
                                    templ[end] == '_')) {
        ++end;
      }
      std::string name = templ.substr(i + 1, end - i - 1);
      if (!name.empty() && !defined_.count(name)) {
        return loc_.ErrorInScalar(fix, static_cast<uint32_t>(i),
                                  fmt::format("the fix uses ${} but the matcher binds no node "
                                              "'{}' (.bind(\"{}\"))", name, name, name));
      }
    }
  }
  return Status::Ok();
}

Status RuleCompiler::Compile(const YAML::Node& node) {
  int sources = (node["pattern"] ? 1 : 0) + (node["patterns"] ? 1 : 0) + (node["query"] ? 1 : 0) +
                (node["matcher"] ? 1 : 0);
  if (sources != 1) {
    return loc_.Error(node, fmt::format("rule '{}' needs exactly one of 'pattern', 'patterns', "
                                        "'query', 'matcher' or 'config'", rule_->id));
  }
  if (node["triggers"] && !node["matcher"]) {
    return loc_.Error(node["triggers"], "'triggers' is for 'matcher' rules; pattern rules find "
                                        "their words themselves");
  }
  if (node["matcher"]) return CompileAstMatcherRule(node);
  bool primary = true;
  for (std::string_view name : rule_->language->applies_to) {
    const Language* lang = FindLanguage(name);
    Status s = CompileFor(*lang, node, primary);
    if (!s.ok()) return s;
    primary = false;
  }
  return CheckMetavariables(node);
}

Status ParseWhere(const Locator& loc, const YAML::Node& where, Rule* rule,
                  const std::set<std::string>& defined) {
  if (!where.IsMap()) return loc.Error(where, "'where' must map metavariables to constraints");
  for (auto it = where.begin(); it != where.end(); ++it) {
    std::string name = it->first.Scalar();
    if (!name.empty() && name[0] == '$') name = name.substr(1);
    if (!IsMetavariableName(name) || name == "_") {
      return loc.Error(it->first, fmt::format("'{}' is not a metavariable name", name));
    }
    if (!defined.count(name)) {
      return loc.Error(it->first, fmt::format("'where' constrains ${} but the pattern does not "
                                              "bind it", name));
    }
    Status keys = CheckKeys(loc, it->second, "a 'where' constraint",
                            {"regex", "not-regex", "kind", "in"});
    if (!keys.ok()) return keys;
    MetavarConstraint c;
    c.name = name;
    for (const char* key : {"regex", "not-regex"}) {
      const YAML::Node r = it->second[key];
      if (!r) continue;
      auto text = ScalarOf(loc, r, key);
      if (!text.ok()) return text.status();
      std::regex re;
      try {
        re = std::regex(*text, std::regex::ECMAScript);
      } catch (const std::regex_error& e) {
        return loc.Error(r, fmt::format("bad regex: {}", e.what()));
      }
      (std::string_view(key) == "regex" ? c.regex : c.not_regex) = std::move(re);
    }
    if (const YAML::Node k = it->second["kind"]) {
      auto kinds = StringList(loc, k, "kind");
      if (!kinds.ok()) return kinds.status();
      // A kind may belong to any grammar the rule runs on (a javascript rule
      // may constrain a TypeScript-only kind such as as_expression).
      for (const std::string& kind : *kinds) {
        if (rule->ast_matcher) break;  // Clang node kinds, checked when matching
        bool known = false;
        for (std::string_view lang : rule->language->applies_to) {
          known |= ts_language_symbol_for_name(FindLanguage(lang)->grammar(), kind.data(),
                                               static_cast<uint32_t>(kind.size()), true) != 0;
        }
        if (!known) {
          return loc.Error(k, fmt::format("'{}' is not a node kind of {}", kind,
                                          rule->language->name));
        }
      }
      c.kinds = std::move(*kinds);
    }
    if (const YAML::Node in = it->second["in"]) {
      auto values = StringList(loc, in, "in");
      if (!values.ok()) return values.status();
      c.in = std::move(*values);
    }
    rule->where.push_back(std::move(c));
  }
  return Status::Ok();
}

// ---- `config:` rules (key-path edits of YAML, JSON and TOML) ----

Result<KeyPath> PathOf(const Locator& loc, const YAML::Node& node, std::string_view what) {
  if (!node.IsScalar() || node.Scalar().empty()) {
    return loc.Error(node, fmt::format("{} must be a key path", what));
  }
  uint32_t offset = 0;
  Result<KeyPath> path = ParseKeyPath(node.Scalar(), &offset);
  if (!path.ok()) {
    return loc.ErrorInScalar(node, offset, fmt::format("bad key path '{}': {}", node.Scalar(),
                                                       path.status().message()));
  }
  return path;
}

// Where the first `*` outside quotes is in a path's text, for error positions.
uint32_t StarOffset(std::string_view text) {
  char quote = 0;
  for (size_t i = 0; i < text.size(); ++i) {
    if (quote) {
      if (text[i] == quote) quote = 0;
    } else if (text[i] == '"' || text[i] == '\'') {
      quote = text[i];
    } else if (text[i] == '*') {
      return static_cast<uint32_t>(i);
    }
  }
  return 0;
}

Status ParseConfigWhere(const Locator& loc, const YAML::Node& where, ConfigRule* config) {
  if (!where.IsMap()) return loc.Error(where, "'where' in 'config' must map key paths to values");
  for (auto it = where.begin(); it != where.end(); ++it) {
    Result<KeyPath> path = PathOf(loc, it->first, "a 'where' key");
    if (!path.ok()) return path.status();
    if (path->Wildcards() > 0) {
      return loc.ErrorInScalar(it->first, StarOffset(path->text),
                               "'where' paths are exact: '*' is not allowed");
    }
    Result<std::vector<std::string>> values = StringList(loc, it->second, "where");
    if (!values.ok() || values->empty()) {
      return loc.Error(it->second, "a 'where' value is a scalar or a list of scalars");
    }
    config->where.push_back(ConfigCondition{std::move(*path), std::move(*values)});
  }
  return Status::Ok();
}

Status CheckLastIsKey(const Locator& loc, const YAML::Node& node, const KeyPath& path,
                      std::string_view what) {
  if (path.segments.back().kind == KeySegment::Kind::kKey) return Status::Ok();
  return loc.Error(node, fmt::format("the last key of a '{}' path must be a key, not an index "
                                     "or '*'", what));
}

// The kind-specific keys of a `move` or `replace` edit.
Status ParseMoveOrReplace(const Locator& loc, const YAML::Node& item, ConfigEdit* edit) {
  if (edit->kind == ConfigEdit::Kind::kMove) {
    Result<KeyPath> to = PathOf(loc, item["to"], "'to'");
    if (!to.ok()) return to.status();
    Status last = CheckLastIsKey(loc, item["to"], *to, "to");
    if (!last.ok()) return last;
    if (to->Wildcards() != edit->path.Wildcards()) {
      return loc.Error(item["to"], fmt::format("'to' has {} '*' but 'move' has {}: each '*' of "
                                               "'to' stands for the key the same '*' of 'move' "
                                               "matched", to->Wildcards(), edit->path.Wildcards()));
    }
    edit->to = std::move(*to);
    return Status::Ok();
  }
  auto regex = ScalarOf(loc, item["regex"], "regex");
  if (!regex.ok()) return regex.status();
  try {
    edit->regex = std::regex(*regex, std::regex::ECMAScript);
  } catch (const std::regex_error& e) {
    return loc.Error(item["regex"], fmt::format("bad regex: {}", e.what()));
  }
  auto with = ScalarOf(loc, item["with"], "with");
  if (!with.ok()) return with.status();
  edit->with = *with;
  return Status::Ok();
}

// The kind-specific keys of a `set` or `rename` edit.
Status ParseSetOrRename(const Locator& loc, const YAML::Node& item, ConfigEdit* edit) {
  if (edit->kind == ConfigEdit::Kind::kSet) {
    const YAML::Node value = item["value"];
    if (!value.IsScalar() && !value.IsNull()) {
      return loc.Error(value, "'value' must be a scalar (a string, number, boolean or null)");
    }
    // A plain (unquoted, untagged) scalar that YAML reads as a number,
    // boolean or null is written as one.
    edit->value.text = value.IsNull() ? "null" : value.Scalar();
    edit->value.typed = value.IsNull() || (value.Tag() == "?" && IsYamlCoreNonString(value.Scalar()));
    return Status::Ok();
  }
  const YAML::Node to = item["to"];
  if (!to.IsScalar() || to.Scalar().empty()) {
    return loc.Error(to, "'to' of a 'rename' edit is the new key name");
  }
  edit->name = to.Scalar();
  return Status::Ok();
}

Result<ConfigEdit> ParseConfigEdit(const Locator& loc, const YAML::Node& item) {
  static const std::vector<std::string_view> kAll = {"set",   "rename", "delete", "move", "replace",
                                                     "value", "to",     "regex",  "with"};
  static const std::map<std::string, std::pair<ConfigEdit::Kind, std::vector<std::string_view>>>
      kKinds = {{"set", {ConfigEdit::Kind::kSet, {"set", "value"}}},
                {"rename", {ConfigEdit::Kind::kRename, {"rename", "to"}}},
                {"delete", {ConfigEdit::Kind::kDelete, {"delete"}}},
                {"move", {ConfigEdit::Kind::kMove, {"move", "to"}}},
                {"replace", {ConfigEdit::Kind::kReplace, {"replace", "regex", "with"}}}};
  Status keys = CheckKeys(loc, item, "an edit", kAll);
  if (!keys.ok()) return keys;
  std::vector<std::string> kinds;
  for (const auto& [name, kind] : kKinds) {
    if (item[name]) kinds.push_back(name);
  }
  if (kinds.size() != 1) {
    return loc.Error(item, "an edit needs exactly one of 'set', 'rename', 'delete', 'move' or "
                           "'replace'");
  }
  const std::string& name = kinds[0];
  const auto& [kind, allowed] = kKinds.at(name);
  keys = CheckKeys(loc, item, fmt::format("a '{}' edit", name), allowed);
  if (!keys.ok()) return keys;
  for (std::string_view needed : allowed) {
    if (!item[std::string(needed)]) {
      return loc.Error(item, fmt::format("a '{}' edit needs '{}'", name, needed));
    }
  }
  ConfigEdit edit;
  edit.kind = kind;
  Result<KeyPath> path = PathOf(loc, item[name], fmt::format("'{}'", name));
  if (!path.ok()) return path.status();
  edit.path = std::move(*path);
  if (kind == ConfigEdit::Kind::kRename || kind == ConfigEdit::Kind::kMove) {
    Status last = CheckLastIsKey(loc, item[name], edit.path, name);
    if (!last.ok()) return last;
  }
  Status rest = Status::Ok();
  if (kind == ConfigEdit::Kind::kSet || kind == ConfigEdit::Kind::kRename) {
    rest = ParseSetOrRename(loc, item, &edit);
  } else if (kind == ConfigEdit::Kind::kMove || kind == ConfigEdit::Kind::kReplace) {
    rest = ParseMoveOrReplace(loc, item, &edit);
  }
  if (!rest.ok()) return rest;
  return edit;
}

Result<std::shared_ptr<const ConfigRule>> ParseConfig(const Locator& loc, const YAML::Node& node) {
  Status keys = CheckKeys(loc, node, "'config'", {"where", "at", "edits"});
  if (!keys.ok()) return keys;
  auto config = std::make_shared<ConfigRule>();
  if (const YAML::Node where = node["where"]) {
    Status s = ParseConfigWhere(loc, where, config.get());
    if (!s.ok()) return s;
  }
  if (const YAML::Node at = node["at"]) {
    Result<KeyPath> path = PathOf(loc, at, "'at'");
    if (!path.ok()) return path.status();
    config->at = std::move(*path);
  }
  if (const YAML::Node edits = node["edits"]) {
    if (!edits.IsSequence() || edits.size() == 0) {
      return loc.Error(edits, "'edits' must be a non-empty list");
    }
    for (const YAML::Node& item : edits) {
      Result<ConfigEdit> edit = ParseConfigEdit(loc, item);
      if (!edit.ok()) return edit.status();
      config->edits.push_back(std::move(*edit));
    }
  }
  return std::shared_ptr<const ConfigRule>(std::move(config));
}

// Checks what a `config` rule may not have, then parses its block.
Status CompileConfigRule(const Locator& loc, const YAML::Node& node, Rule* rule) {
  const YAML::Node config = node["config"];
  if (!ConfigFormatOf(*rule->language)) {
    return loc.Error(config, fmt::format("'config' (edits by key path) is for yaml, json and toml "
                                         "rules, not {}", rule->language->name));
  }
  for (const char* key : {"pattern", "patterns", "query", "matcher", "triggers"}) {
    if (node[key]) {
      return loc.Error(node[key], fmt::format("a 'config' rule edits by key path and takes no "
                                              "'{}'", key));
    }
  }
  if (node["fix"]) {
    return loc.Error(node["fix"], "a 'config' rule takes no 'fix': its fix comes from 'edits'");
  }
  if (node["where"]) {
    return loc.Error(node["where"], "a 'config' rule puts its conditions in 'config: where'");
  }
  Result<std::shared_ptr<const ConfigRule>> parsed = ParseConfig(loc, config);
  if (!parsed.ok()) return parsed.status();
  rule->config = std::move(*parsed);
  // The values `where` compares must occur in the file.
  for (const ConfigCondition& c : rule->config->where) {
    if (std::none_of(c.values.begin(), c.values.end(), [](const std::string& v) { return v.empty(); })) {
      rule->prefilter.push_back(c.values);
    }
  }
  return Status::Ok();
}

Status ParseTests(const Locator& loc, const YAML::Node& tests, Rule* rule) {
  if (!tests.IsSequence()) return loc.Error(tests, "'tests' must be a list");
  for (const YAML::Node& t : tests) {
    Status keys = CheckKeys(loc, t, "a test", {"code", "fixed", "match", "findings"});
    if (!keys.ok()) return keys;
    RuleTest test;
    test.line = static_cast<uint32_t>(t.Mark().line + 1);
    if (!t["code"]) return loc.Error(t, "a test needs 'code'");
    auto code = ScalarOf(loc, t["code"], "code");
    if (!code.ok()) return code.status();
    test.code = *code;
    int expectations = (t["fixed"] ? 1 : 0) + (t["match"] ? 1 : 0) + (t["findings"] ? 1 : 0);
    if (expectations != 1) {
      return loc.Error(t, "a test needs exactly one of 'fixed', 'match: false' or 'findings: N'");
    }
    if (t["fixed"]) {
      auto fixed = ScalarOf(loc, t["fixed"], "fixed");
      if (!fixed.ok()) return fixed.status();
      if (rule->config && rule->config->edits.empty()) {
        return loc.Error(t["fixed"], "'fixed' in a test of a rule without 'edits'");
      }
      if (!rule->fix && !rule->config) {
        return loc.Error(t["fixed"], "'fixed' in a test of a rule without 'fix'");
      }
      test.fixed = *fixed;
    } else if (t["match"]) {
      if (t["match"].Scalar() != "false") {
        return loc.Error(t["match"], "'match' takes only false; use 'findings: N' otherwise");
      }
      test.findings = 0;
    } else {
      int n = -1;
      try {
        n = t["findings"].as<int>();
      } catch (const YAML::Exception&) {
      }
      if (n < 0) return loc.Error(t["findings"], "'findings' must be a whole number");
      test.findings = n;
    }
    rule->tests.push_back(std::move(test));
  }
  return Status::Ok();
}

Status ParseImports(const Locator& loc, const YAML::Node& imports, Rule* rule) {
  Status keys = CheckKeys(loc, imports, "'imports'", {"add", "remove"});
  if (!keys.ok()) return keys;
  for (const char* key : {"add", "remove"}) {
    if (!imports[key]) continue;
    auto list = StringList(loc, imports[key], key);
    if (!list.ok()) return list.status();
    (std::string_view(key) == "add" ? rule->imports.add : rule->imports.remove) = *list;
  }
  return Status::Ok();
}

Result<Rule> ParseRule(const Locator& loc, const YAML::Node& node, const std::string& pack,
                       const std::string& path) {
  Status keys = CheckKeys(loc, node, "a rule",
                          {"id", "language", "severity", "message", "pattern", "patterns",
                           "query", "matcher", "triggers", "config", "where", "fix", "imports",
                           "confidence", "review", "tests"});
  if (!keys.ok()) return keys;
  Rule rule;
  rule.pack = pack;
  rule.file = path;
  rule.line = static_cast<uint32_t>(node.Mark().line + 1);
  for (const char* key : {"id", "language", "message"}) {
    if (!node[key]) return loc.Error(node, fmt::format("a rule needs '{}'", key));
    if (!node[key].IsScalar()) return loc.Error(node[key], fmt::format("'{}' must be a string", key));
  }
  rule.id = node["id"].Scalar();
  if (!IsRuleId(rule.id)) {
    return loc.Error(node["id"], fmt::format("rule id '{}' must be lower-case letters, digits, "
                                             "'-', '_' and '.'", rule.id));
  }
  rule.language = FindLanguage(node["language"].Scalar());
  if (!rule.language) {
    return loc.Error(node["language"], fmt::format("unknown language '{}'; known: {}",
                                                   node["language"].Scalar(), LanguageNames()));
  }
  rule.message = node["message"].Scalar();
  if (const YAML::Node s = node["severity"]) {
    auto severity = s.IsScalar() ? ParseSeverity(s.Scalar()) : std::nullopt;
    if (!severity) return loc.Error(s, "severity must be info, warning or error");
    rule.severity = *severity;
  }
  if (const YAML::Node f = node["fix"]) {
    auto fix = ScalarOf(loc, f, "fix");
    if (!fix.ok()) return fix.status();
    rule.fix = *fix;
  }
  if (node["config"]) {
    Status s = CompileConfigRule(loc, node, &rule);
    if (!s.ok()) return s;
  }
  // A config rule's fix is its `edits`.
  bool fixes = rule.config ? !rule.config->edits.empty() : rule.fix.has_value();
  const char* fix_key = rule.config ? "edits" : "fix";
  rule.confidence = fixes ? Confidence::kSafe : Confidence::kManual;
  if (const YAML::Node c = node["confidence"]) {
    auto confidence = c.IsScalar() ? ParseConfidence(c.Scalar()) : std::nullopt;
    if (!confidence) return loc.Error(c, "confidence must be safe, review or manual");
    rule.confidence = *confidence;
    if (rule.confidence == Confidence::kManual && fixes) {
      return loc.Error(c, fmt::format("a 'manual' rule has no '{}'", fix_key));
    }
    if (rule.confidence != Confidence::kManual && !fixes) {
      return loc.Error(c, fmt::format("a '{}' rule needs {}", c.Scalar(),
                                      rule.config ? "'edits'" : "a 'fix'"));
    }
  }
  if (const YAML::Node r = node["review"]) {
    auto review = ScalarOf(loc, r, "review");
    if (!review.ok()) return review.status();
    rule.review = *review;
  }
  if (rule.confidence == Confidence::kReview && rule.review.empty()) {
    return loc.Error(node["confidence"], fmt::format("rule '{}' is 'review' but has no 'review' text saying "
                                       "what to check", rule.id));
  }
  if (const YAML::Node i = node["imports"]) {
    if (!rule.language->import_management) {
      return loc.Error(i, fmt::format("'imports' is supported for python, go, javascript, "
                                      "typescript, java, c and cpp, not for {}", rule.language->name));
    }
    Status s = ParseImports(loc, i, &rule);
    if (!s.ok()) return s;
  }
  RuleCompiler compiler(loc, &rule);
  Status compiled = rule.config ? Status::Ok() : compiler.Compile(node);
  if (!compiled.ok()) return compiled;
  if (const YAML::Node w = node["where"]) {
    Status s = ParseWhere(loc, w, &rule, compiler.defined());
    if (!s.ok()) return s;
  }
  // Every `in` constraint must hold, so a file must contain one of its texts.
  for (const MetavarConstraint& c : rule.where) {
    if (!c.in.empty() && std::none_of(c.in.begin(), c.in.end(),
                                      [](const std::string& v) { return v.empty(); })) {
      rule.prefilter.push_back(c.in);
    }
  }
  if (const YAML::Node t = node["tests"]) {
    Status s = ParseTests(loc, t, &rule);
    if (!s.ok()) return s;
  }
  return rule;
}

}  // namespace

std::string ContentHash(std::string_view bytes) {
  uint64_t h = 14695981039346656037ull;
  for (unsigned char c : bytes) {
    h ^= c;
    h *= 1099511628211ull;
  }
  return fmt::format("{:016x}", h);
}

Result<RulePack> ParseRulePack(const std::string& path, std::string_view contents) {
  Locator loc(path, contents);
  YAML::Node root;
  try {
    root = YAML::Load(std::string(contents));
  } catch (const YAML::ParserException& e) {
    return loc.Error(e.mark, fmt::format("invalid YAML: {}", e.msg));
  } catch (const YAML::Exception& e) {
    return loc.Error(1, 1, fmt::format("invalid YAML: {}", e.what()));
  }
  try {
    if (!root.IsMap()) return loc.Error(1, 1, "a rule pack is a mapping with 'pack' and 'rules'");
    Status keys = CheckKeys(loc, root, "a rule pack", {"pack", "description", "rules", "api-map"});
    if (!keys.ok()) return keys;
    RulePack pack;
    pack.path = path;
    pack.hash = ContentHash(contents);
    if (!root["pack"] || !root["pack"].IsScalar()) return loc.Error(root, "a rule pack needs 'pack'");
    pack.name = root["pack"].Scalar();
    if (root["description"]) pack.description = root["description"].Scalar();
    if (root["api-map"]) {
      if (root["rules"]) {
        return loc.Error(root["rules"], "an api-map pack's rules are derived from its 'api-map'; "
                                        "write other rules in a pack of their own");
      }
      Status s = LoadApiMap(loc, root["api-map"], &pack, [&](const YAML::Node& node) {
        return ParseRule(loc, node, pack.name, path);
      });
      if (!s.ok()) return s;
      return pack;
    }
    const YAML::Node rules = root["rules"];
    if (!rules || !rules.IsSequence()) return loc.Error(root, "a rule pack needs a list 'rules'");
    std::set<std::string> ids;
    for (const YAML::Node& node : rules) {
      auto rule = ParseRule(loc, node, pack.name, path);
      if (!rule.ok()) return rule.status();
      if (!ids.insert(rule->id).second) {
        return loc.Error(node["id"], fmt::format("duplicate rule id '{}'", rule->id));
      }
      pack.rules.push_back(std::move(*rule));
    }
    return pack;
  } catch (const YAML::Exception& e) {
    return loc.Error(e.mark, fmt::format("invalid rule pack: {}", e.msg));
  }
}

}  // namespace uprev
