#include "detectors/config_rule.h"

#include <gtest/gtest.h>

#include "core/edit_set.h"
#include "detectors/rule_loader.h"
#include "detectors/rule_set.h"

namespace uprev {
namespace {

// A pack with one rule `r` of `language` whose `config:` block is `config`
// (indented by 6), and `extra` rule keys (indented by 4).
std::string Pack(std::string_view language, std::string_view config, std::string_view extra = "") {
  std::string out = "pack: t\nrules:\n  - id: r\n    language: " + std::string(language) +
                    "\n    message: m\n" + std::string(extra) + "    config:\n";
  size_t at = 0;
  while (at < config.size()) {
    size_t nl = config.find('\n', at);
    if (nl == std::string_view::npos) nl = config.size();
    out += "      " + std::string(config.substr(at, nl - at)) + "\n";
    at = nl + 1;
  }
  return out;
}

RuleSet Load(std::string_view language, std::string_view config, std::string_view extra = "") {
  Result<RulePack> pack = ParseRulePack("p.yaml", Pack(language, config, extra));
  EXPECT_TRUE(pack.ok()) << pack.status().message();
  std::vector<RulePack> packs;
  if (pack.ok()) packs.push_back(std::move(*pack));
  return RuleSet(std::move(packs));
}

std::vector<ConfigMatch> Matches(const RuleSet& rules, std::string_view language,
                                 const std::string& text) {
  SyntaxTree tree = SyntaxTree::Parse(*FindLanguage(language), text);
  std::vector<int> all;
  for (size_t i = 0; i < rules.rules().size(); ++i) all.push_back(static_cast<int>(i));
  std::vector<ConfigMatch> out;
  for (auto& m : rules.FindConfigMatches(tree, all)) out.push_back(std::move(m.match));
  return out;
}

// The text with every fix applied.
std::string Fixed(const std::vector<ConfigMatch>& matches, const std::string& text) {
  EditSet edits;
  for (const ConfigMatch& m : matches) {
    if (m.replacement) EXPECT_TRUE(edits.Add(Edit{m.span, *m.replacement}));
  }
  return edits.Apply(text);
}

// Fixes `text` once (index paths such as `list.0` are not idempotent).
std::string FixOnce(std::string_view language, std::string_view config, const std::string& text) {
  RuleSet rules = Load(language, config);
  return Fixed(Matches(rules, language, text), text);
}

// Fixes `text`, checks that fixing the result again finds nothing, and
// returns the result.
std::string Fix(std::string_view language, std::string_view config, const std::string& text) {
  RuleSet rules = Load(language, config);
  std::string fixed = Fixed(Matches(rules, language, text), text);
  std::vector<ConfigMatch> again = Matches(rules, language, fixed);
  EXPECT_TRUE(again.empty()) << "not idempotent: " << again.size() << " finding(s) on\n" << fixed;
  return fixed;
}

// ---- key paths ----

std::string Segments(std::string_view text) {
  uint32_t offset = 0;
  Result<KeyPath> path = ParseKeyPath(text, &offset);
  if (!path.ok()) return "error at " + std::to_string(offset) + ": " + path.status().message();
  std::string out;
  for (const KeySegment& s : path->segments) {
    out += s.kind == KeySegment::Kind::kAny     ? "[*]"
           : s.kind == KeySegment::Kind::kIndex ? "[#" + s.key + "]"
                                                : "[" + s.key + "]";
  }
  return out;
}

TEST(KeyPathTest, Parses) {
  EXPECT_EQ(Segments("spec.containers.0.image"), "[spec][containers][#0][image]");
  EXPECT_EQ(Segments("jobs.*.steps.*.uses"), "[jobs][*][steps][*][uses]");
  EXPECT_EQ(Segments("metadata.annotations.\"kubernetes.io/ingress.class\""),
            "[metadata][annotations][kubernetes.io/ingress.class]");
  EXPECT_EQ(Segments("a.'*'.\"say \\\"hi\\\"\""), "[a][*][say \"hi\"]");
  EXPECT_EQ(Segments("a..b"), "error at 2: empty key in the key path");
  EXPECT_EQ(Segments("a."), "error at 2: empty key in the key path");
  EXPECT_EQ(Segments("a.b*"),
            "error at 3: '*' must be a whole key; quote a key that contains "
            "'*' or '.'");
  EXPECT_EQ(Segments("a.\"b"), "error at 2: the quoted key is not closed");
  EXPECT_EQ(Segments("\"a\"b"), "error at 3: expected '.' after a quoted key");
  EXPECT_EQ(Segments(""), "error at 0: the key path is empty");
}

// ---- YAML ----

constexpr const char* kDeployment = R"(# Deployment of the web tier
apiVersion: extensions/v1beta1  # old group
kind: Deployment
metadata:
  name: web
  labels: {app: web, tier: "front"}
spec:
  replicas: 2
  rollbackTo:   # not served by apps/v1
    revision: 3
  template:
    spec:
      serviceAccount: web-sa  # legacy field
      containers:
        - name: web
          image: 'nginx:1.19'
        - image: sidecar:1
          name: sidecar
)";

TEST(ConfigRuleYamlTest, SetKeepsCommentsAndQuoting) {
  EXPECT_EQ(Fix("yaml",
                "where: {apiVersion: extensions/v1beta1, kind: Deployment}\n"
                "edits:\n"
                "  - set: apiVersion\n    value: apps/v1\n"
                "  - set: spec.template.spec.containers.*.image\n    value: nginx:1.25\n"
                "  - set: metadata.labels.tier\n    value: back\n",
                kDeployment),
            R"(# Deployment of the web tier
apiVersion: apps/v1  # old group
kind: Deployment
metadata:
  name: web
  labels: {app: web, tier: "back"}
spec:
  replicas: 2
  rollbackTo:   # not served by apps/v1
    revision: 3
  template:
    spec:
      serviceAccount: web-sa  # legacy field
      containers:
        - name: web
          image: 'nginx:1.25'
        - image: nginx:1.25
          name: sidecar
)");
}

TEST(ConfigRuleYamlTest, SetQuotesWhatWouldNotStayAString) {
  std::string text = "a: 1\nb: x\nc: y\nd: z\ne:\nf: old\n";
  EXPECT_EQ(Fix("yaml",
                "edits:\n"
                "  - set: a\n    value: '1.16'\n"  // a string in the rule
                "  - set: b\n    value: 2\n"       // a number
                "  - set: c\n    value: 'a: b'\n"
                "  - set: d\n    value: 'yes'\n"
                "  - set: e\n    value: true\n"
                "  - set: f\n    value: \"two\\nlines\"\n",
                text),
            "a: \"1.16\"\nb: 2\nc: \"a: b\"\nd: \"yes\"\ne: true\nf: \"two\\nlines\"\n");
}

TEST(ConfigRuleYamlTest, RenameKeepsValueAndComment) {
  EXPECT_EQ(Fix("yaml",
                "edits:\n  - rename: spec.template.spec.serviceAccount\n"
                "    to: serviceAccountName\n"
                "  - rename: metadata.labels.app\n    to: app.kubernetes.io/name\n",
                kDeployment),
            R"(# Deployment of the web tier
apiVersion: extensions/v1beta1  # old group
kind: Deployment
metadata:
  name: web
  labels: {app.kubernetes.io/name: web, tier: "front"}
spec:
  replicas: 2
  rollbackTo:   # not served by apps/v1
    revision: 3
  template:
    spec:
      serviceAccountName: web-sa  # legacy field
      containers:
        - name: web
          image: 'nginx:1.19'
        - image: sidecar:1
          name: sidecar
)");
}

TEST(ConfigRuleYamlTest, RenameOntoAnExistingKeyIsLeftForReview) {
  RuleSet rules = Load("yaml", "edits:\n  - rename: a\n    to: b\n");
  std::vector<ConfigMatch> m = Matches(rules, "yaml", "a: 1\nb: 2\n");
  ASSERT_EQ(m.size(), 1u);
  EXPECT_FALSE(m[0].replacement);
  EXPECT_EQ(m[0].review, "'b' already exists, 'a' left unchanged");
}

TEST(ConfigRuleYamlTest, DeleteRemovesWholeLinesWithTheirComments) {
  EXPECT_EQ(Fix("yaml",
                "edits:\n  - delete: spec.rollbackTo\n"
                "  - delete: spec.template.spec.serviceAccount\n"
                "  - delete: spec.template.spec.containers.*.name\n",
                kDeployment),
            R"(# Deployment of the web tier
apiVersion: extensions/v1beta1  # old group
kind: Deployment
metadata:
  name: web
  labels: {app: web, tier: "front"}
spec:
  replicas: 2
  template:
    spec:
      containers:
        - image: 'nginx:1.19'
        - image: sidecar:1
)");
}

TEST(ConfigRuleYamlTest, DeleteTheLastKeyLeavesAnEmptyMapping) {
  EXPECT_EQ(Fix("yaml", "edits:\n  - delete: spec.x\n  - delete: list.*.only\n",
                "spec:  # s\n  x: 1\n    # about x\n  # kept\nlist:\n  - only: 1\n  - only: 2\n"
                "end: 1\n"),
            "spec: {}  # s\n  # kept\nlist:\n  - {}\n  - {}\nend: 1\n");
}

TEST(ConfigRuleYamlTest, DeleteInFlowStyle) {
  EXPECT_EQ(FixOnce("yaml", "edits:\n  - delete: m.a\n  - delete: s.1\n  - delete: t.z\n",
                    "m: {a: 1, b: 2}\ns: [x, y, z]\nt: {z: 1}\n"),
            "m: {b: 2}\ns: [x, z]\nt: {}\n");
}

TEST(ConfigRuleYamlTest, MoveReindents) {
  EXPECT_EQ(Fix("yaml",
                "edits:\n  - move: spec.template.spec.rollingUpdate\n"
                "    to: spec.strategy.rollingUpdate\n",
                "spec:\n"
                "  strategy:\n"
                "    type: RollingUpdate\n"
                "  template:\n"
                "    spec:\n"
                "      rollingUpdate:  # moved by uprev\n"
                "        maxSurge: 1\n"
                "        args:\n"
                "          - a\n"
                "      image: x\n"),
            "spec:\n"
            "  strategy:\n"
            "    type: RollingUpdate\n"
            "    rollingUpdate:  # moved by uprev\n"
            "      maxSurge: 1\n"
            "      args:\n"
            "        - a\n"
            "  template:\n"
            "    spec:\n"
            "      image: x\n");
}

TEST(ConfigRuleYamlTest, MoveWithinOneMappingIsARename) {
  EXPECT_EQ(Fix("yaml", "edits:\n  - move: spec.*.old\n    to: spec.*.new\n",
                "spec:\n  a:\n    old: 1  # c\n    keep: 2\n  b:\n    keep: 3\n"),
            "spec:\n  a:\n    new: 1  # c\n    keep: 2\n  b:\n    keep: 3\n");
}

TEST(ConfigRuleYamlTest, MoveIntoFlowStyleOrAMissingParentIsLeftForReview) {
  RuleSet rules = Load("yaml", "edits:\n  - move: a.x\n    to: b.x\n  - move: a.y\n    to: c.y\n");
  std::vector<ConfigMatch> m = Matches(rules, "yaml", "a:\n  x: 1\n  y: 2\nb: {z: 1}\n");
  ASSERT_EQ(m.size(), 1u);
  EXPECT_FALSE(m[0].replacement);
  EXPECT_EQ(m[0].review,
            "'a.x' not moved to 'b.x': 'b' is written in flow style ({...}); uprev adds keys to "
            "block mappings only; 'a.y' not moved to 'c.y': 'c' does not exist");
}

TEST(ConfigRuleYamlTest, MoveToTheTopLevelWithoutAFinalNewlineAndWithCrLf) {
  EXPECT_EQ(Fix("yaml", "edits:\n  - delete: b\n  - move: a.x\n    to: top\n",
                "a:\n  x: 1\n  y: 2\nb: 3"),
            "a:\n  y: 2\ntop: 1\n");
  EXPECT_EQ(Fix("yaml", "edits:\n  - move: a.x\n    to: b.x\n",
                "a:\r\n  x: 1\r\n  y: 2\r\nb:\r\n  z: 1\r\n"),
            "a:\r\n  y: 2\r\nb:\r\n  z: 1\r\n  x: 1\r\n");
}

TEST(ConfigRuleYamlTest, SetOnAMappingIsLeftForReview) {
  RuleSet rules = Load("yaml", "edits:\n  - set: a\n    value: 1\n  - set: b\n    value: 2\n");
  std::string text = "a:\n  x: 1\nb: 1\n";
  std::vector<ConfigMatch> m = Matches(rules, "yaml", text);
  ASSERT_EQ(m.size(), 1u);
  EXPECT_EQ(m[0].review, "'a' is not a scalar");
  EXPECT_EQ(Fixed(m, text), "a:\n  x: 1\nb: 2\n");  // the edit it could make is in the fix
}

TEST(ConfigRuleYamlTest, DocumentsWithSyntaxErrorsAreLeftAlone) {
  RuleSet rules = Load("yaml", "edits:\n  - set: a\n    value: 2\n");
  EXPECT_TRUE(Matches(rules, "yaml", "a: 1\nb: [\n").empty());
  EXPECT_EQ(Matches(rules, "yaml", "a: 1\n").size(), 1u);
}

constexpr const char* kMultiDocument = R"(# Two services and a deployment
---
apiVersion: v1
kind: Service
metadata:
  name: a  # first
---
# the deployment
apiVersion: extensions/v1beta1
kind: Deployment
metadata: &meta
  name: b
  image: &img "nginx:1.19"
spec:
  template:
    metadata: *meta
    image: *img
---
apiVersion: extensions/v1beta1
kind: DaemonSet
spec:
  image: nginx:1.19
...
)";

TEST(ConfigRuleYamlTest, MultiDocumentWithAnchorsAndAliases) {
  RuleSet rules = Load("yaml",
                       "where:\n  apiVersion: extensions/v1beta1\n"
                       "  kind: [Deployment, DaemonSet]\n"
                       "edits:\n  - set: apiVersion\n    value: apps/v1\n"
                       "  - set: spec.template.image\n    value: nginx:1.25\n"
                       "  - replace: spec.image\n    regex: ':1\\.19$'\n    with: ':1.25'\n");
  std::string text = kMultiDocument;
  std::vector<ConfigMatch> m = Matches(rules, "yaml", text);
  ASSERT_EQ(m.size(), 2u);
  // The alias is left alone: the finding is a review item.
  EXPECT_EQ(m[0].review,
            "'spec.template.image' is the alias *img, left unchanged: set the "
            "anchored value or replace the alias");
  EXPECT_EQ(text.substr(m[0].at.begin, m[0].at.size()), "apiVersion: extensions/v1beta1");
  EXPECT_EQ(m[1].review, "");
  EXPECT_EQ(Fixed(m, text), R"(# Two services and a deployment
---
apiVersion: v1
kind: Service
metadata:
  name: a  # first
---
# the deployment
apiVersion: apps/v1
kind: Deployment
metadata: &meta
  name: b
  image: &img "nginx:1.19"
spec:
  template:
    metadata: *meta
    image: *img
---
apiVersion: apps/v1
kind: DaemonSet
spec:
  image: nginx:1.25
...
)");
}

TEST(ConfigRuleYamlTest, DeletingAnAnchorThatAnAliasUsesIsLeftForReview) {
  RuleSet rules = Load("yaml", "edits:\n  - delete: metadata\n");
  std::vector<ConfigMatch> m = Matches(rules, "yaml", kMultiDocument);
  ASSERT_EQ(m.size(), 2u);
  EXPECT_EQ(m[0].review, "");  // the Service's metadata
  EXPECT_EQ(m[1].review,
            "'metadata' defines the anchor &meta that an alias uses elsewhere, "
            "left in place");
}

TEST(ConfigRuleYamlTest, WhereComparesParsedScalars) {
  RuleSet rules = Load("yaml",
                       "where: {kind: Ingress, 'metadata.annotations.\"kubernetes.io/x\"': 'yes'}\n"
                       "edits:\n  - set: kind\n    value: Ingress2\n");
  EXPECT_EQ(Matches(rules, "yaml",
                    "kind: \"Ingress\"\nmetadata:\n  annotations:\n"
                    "    kubernetes.io/x: 'yes'\n")
                .size(),
            1u);
  EXPECT_EQ(Matches(rules, "yaml",
                    "kind: Ingress\nmetadata:\n  annotations:\n"
                    "    kubernetes.io/x: no\n")
                .size(),
            0u);
  EXPECT_EQ(Matches(rules, "yaml", "kind: Ingress\n").size(), 0u);
}

TEST(ConfigRuleYamlTest, ReplaceWithWildcardsInAWorkflow) {
  EXPECT_EQ(Fix("yaml",
                "edits:\n  - replace: jobs.*.steps.*.uses\n"
                "    regex: '^actions/(checkout|setup-node)@v[123]$'\n"
                "    with: actions/$1@v4\n",
                "on: [push]\njobs:\n  build:\n    runs-on: ubuntu-latest\n    steps:\n"
                "      - uses: actions/checkout@v2  # pinned\n"
                "      - uses: \"actions/setup-node@v3\"\n        with: {node-version: 18}\n"
                "      - run: npm test\n  lint:\n    steps:\n      - uses: actions/checkout@v4\n"
                "      - uses: actions/cache@v3\n"),
            "on: [push]\njobs:\n  build:\n    runs-on: ubuntu-latest\n    steps:\n"
            "      - uses: actions/checkout@v4  # pinned\n"
            "      - uses: \"actions/setup-node@v4\"\n        with: {node-version: 18}\n"
            "      - run: npm test\n  lint:\n    steps:\n      - uses: actions/checkout@v4\n"
            "      - uses: actions/cache@v3\n");
}

TEST(ConfigRuleYamlTest, ReplaceInABlockScalarKeepsItABlock) {
  EXPECT_EQ(Fix("yaml",
                "edits:\n  - replace: steps.*.run\n    regex: 'npm install'\n"
                "    with: npm ci\n",
                "steps:\n  - run: |\n      npm install\n      npm test\n  - run: echo\n"),
            "steps:\n  - run: |\n      npm ci\n      npm test\n  - run: echo\n");
  // At the end of the file the block runs over the empty lines after it.
  EXPECT_EQ(Fix("yaml", "edits:\n  - replace: run\n    regex: 'npm install'\n    with: npm ci\n",
                "run: |-\n  npm install\n\n"),
            "run: |-\n  npm ci\n\n");
}

// `|+` keeps its trailing empty lines: they are part of the value, so an
// edit keeps them (and the indicator), or drops them when the new value
// has none. Before, the value was read without them and `|+` became `|`.
TEST(ConfigRuleYamlTest, ReplaceInAKeepBlockScalarKeepsItsTrailingLines) {
  EXPECT_EQ(Fix("yaml", "edits:\n  - replace: b.text\n    regex: old\n    with: new\n",
                "b:\n  text: |+\n    old\n\n\nc: 1\n"),
            "b:\n  text: |+\n    new\n\n\nc: 1\n");
  EXPECT_EQ(Fix("yaml", "edits:\n  - replace: b.text\n    regex: 'old\\n+'\n    with: \"new\\n\"\n",
                "b:\n  text: |+\n    old\n\n\nc: 1\n"),
            "b:\n  text: |\n    new\nc: 1\n");
}

TEST(ConfigRuleYamlTest, ManualRulePointsAtAt) {
  RuleSet rules = Load("yaml", "where: {kind: PodSecurityPolicy}\nat: spec.privileged\n",
                       "    confidence: manual\n");
  std::string text = "kind: PodSecurityPolicy\nspec:\n  privileged: true\n";
  std::vector<ConfigMatch> m = Matches(rules, "yaml", text);
  ASSERT_EQ(m.size(), 1u);
  EXPECT_FALSE(m[0].replacement);
  EXPECT_EQ(text.substr(m[0].at.begin, m[0].at.size()), "privileged: true");
}

TEST(ConfigRuleYamlTest, TheFixSpansTheFirstToTheLastEditedByte) {
  RuleSet rules = Load("yaml", "edits:\n  - set: c\n    value: 3\n  - set: a\n    value: 1\n");
  std::string text = "a: 0\nb: keep\nc: 0\n";
  std::vector<ConfigMatch> m = Matches(rules, "yaml", text);
  ASSERT_EQ(m.size(), 1u);
  EXPECT_EQ(text.substr(m[0].span.begin, m[0].span.size()), "0\nb: keep\nc: 0");
  EXPECT_EQ(*m[0].replacement, "1\nb: keep\nc: 3");
  EXPECT_EQ(text.substr(m[0].at.begin, m[0].at.size()), "c: 0");  // the first edit's path
}

TEST(ConfigRuleYamlTest, EditsThatUndoEachOtherGiveNoFinding) {
  RuleSet rules = Load("yaml", "edits:\n  - rename: a\n    to: b\n  - rename: b\n    to: a\n");
  EXPECT_TRUE(Matches(rules, "yaml", "a: 1\n").empty());
}

// ---- JSON ----

TEST(ConfigRuleJsonTest, SetRenameReplace) {
  EXPECT_EQ(
      Fix("json",
          "where: {name: app}\nedits:\n"
          "  - set: engines.node\n    value: '>=18'\n"
          "  - set: version\n    value: 2\n"
          "  - rename: scripts.prepublish\n    to: prepare\n"
          "  - replace: dependencies.*\n    regex: '^\\^1\\.'\n    with: ^2.\n",
          "{\n  \"name\": \"app\",\n  \"version\": \"1\",\n  \"engines\": {\"node\": \">=8\"},\n"
          "  \"scripts\": {\n    \"prepublish\": \"make\"\n  },\n"
          "  \"dependencies\": {\"a\": \"^1.2.0\", \"b\": \"~1.0.0\"}\n}\n"),
      "{\n  \"name\": \"app\",\n  \"version\": 2,\n  \"engines\": {\"node\": \">=18\"},\n"
      "  \"scripts\": {\n    \"prepare\": \"make\"\n  },\n"
      "  \"dependencies\": {\"a\": \"^2.2.0\", \"b\": \"~1.0.0\"}\n}\n");
}

TEST(ConfigRuleJsonTest, DeleteHandlesCommas) {
  std::string text =
      "{\n  \"a\": 1,\n  \"b\": [1, 2, 3],\n  \"c\": {\"x\": 1, \"y\": 2},\n"
      "  \"d\": {\"only\": true},\n  \"e\": 5\n}\n";
  EXPECT_EQ(Fix("json", "edits:\n  - delete: a\n", text),
            "{\n  \"b\": [1, 2, 3],\n  \"c\": {\"x\": 1, \"y\": 2},\n"
            "  \"d\": {\"only\": true},\n  \"e\": 5\n}\n");
  EXPECT_EQ(Fix("json", "edits:\n  - delete: e\n", text),
            "{\n  \"a\": 1,\n  \"b\": [1, 2, 3],\n  \"c\": {\"x\": 1, \"y\": 2},\n"
            "  \"d\": {\"only\": true}\n}\n");
  EXPECT_EQ(FixOnce("json",
                    "edits:\n  - delete: b.2\n  - delete: b.0\n  - delete: c.y\n"
                    "  - delete: d.only\n",
                    text),
            "{\n  \"a\": 1,\n  \"b\": [2],\n  \"c\": {\"x\": 1},\n"
            "  \"d\": {},\n  \"e\": 5\n}\n");
}

TEST(ConfigRuleJsonTest, Move) {
  EXPECT_EQ(Fix("json", "edits:\n  - move: compilerOptions.out\n    to: build.outFile\n",
                "{\n  \"compilerOptions\": {\n    \"out\": {\n      \"file\": \"a.js\"\n    },\n"
                "    \"strict\": true\n  },\n  \"build\": {\n    \"x\": 1\n  }\n}\n"),
            "{\n  \"compilerOptions\": {\n    \"strict\": true\n  },\n  \"build\": {\n"
            "    \"x\": 1,\n    \"outFile\": {\n      \"file\": \"a.js\"\n    }\n  }\n}\n");
}

TEST(ConfigRuleJsonTest, MoveIntoAnEmptyOrOneLineObject) {
  EXPECT_EQ(Fix("json", "edits:\n  - move: a.x\n    to: b.x\n  - move: a.y\n    to: c.y\n",
                "{\"a\": {\"x\": 1, \"y\": {\"k\": [1, 2]}}, \"b\": {}, \"c\": {\"z\": 0}}\n"),
            "{\"a\": {}, \"b\": {\"x\": 1}, \"c\": {\"z\": 0, \"y\": {\"k\": [1, 2]}}}\n");
}

// ---- TOML ----

constexpr const char* kPyproject = R"(# project file
[tool.poetry]
name = "app"  # the name
version = '1.0'

[tool.poetry.dev-dependencies]
pytest = "^6.0"
black = { version = "^22.1", allow-prereleases = true }

[[tool.poetry.source]]
name = "internal"
url = "https://pypi.example.com/simple"

[tool.black]
line-length = 88
target-version = ['py37', 'py38']
)";

TEST(ConfigRuleTomlTest, SetRenameReplace) {
  EXPECT_EQ(Fix("toml",
                "where: {tool.poetry.name: app}\nedits:\n"
                "  - set: tool.poetry.version\n    value: '2.0'\n"
                "  - rename: tool.poetry.dev-dependencies\n    to: group.dev.dependencies\n"
                "  - set: tool.black.line-length\n    value: 100\n"
                "  - replace: tool.black.target-version.*\n    regex: '^py37$'\n"
                "    with: py312\n"
                "  - set: tool.poetry.source.0.url\n    value: https://pypi.org/simple\n",
                kPyproject),
            R"(# project file
[tool.poetry]
name = "app"  # the name
version = '2.0'

[tool.poetry."group.dev.dependencies"]
pytest = "^6.0"
black = { version = "^22.1", allow-prereleases = true }

[[tool.poetry.source]]
name = "internal"
url = "https://pypi.org/simple"

[tool.black]
line-length = 100
target-version = ['py312', 'py38']
)");
}

TEST(ConfigRuleTomlTest, DeletePairsAndTables) {
  EXPECT_EQ(Fix("toml",
                "edits:\n  - delete: tool.poetry.dev-dependencies\n"
                "  - delete: tool.black.target-version\n"
                "  - delete: tool.poetry.name\n",
                kPyproject),
            R"(# project file
[tool.poetry]
version = '1.0'

[[tool.poetry.source]]
name = "internal"
url = "https://pypi.example.com/simple"

[tool.black]
line-length = 88
)");
}

TEST(ConfigRuleTomlTest, DottedKeysAndInlineTables) {
  EXPECT_EQ(
      Fix("toml",
          "edits:\n  - rename: tool.ruff.select\n    to: lint-select\n"
          "  - delete: tool.poetry.dev-dependencies.black.allow-prereleases\n"
          "  - set: tool.poetry.dev-dependencies.black.version\n    value: ^24.1\n",
          "tool.ruff.select = [\"E\"]\n" + std::string(kPyproject)),
      "tool.ruff.lint-select = [\"E\"]\n" +
          std::string(kPyproject)
              .replace(std::string(kPyproject).find("{ version"), 47, "{ version = \"^24.1\" }"));
}

TEST(ConfigRuleTomlTest, RenameATableRenamesItsSubTables) {
  EXPECT_EQ(
      Fix("toml",
          "edits:\n  - rename: tool.poetry\n    to: project\n"
          "  - move: tool.black.x\n    to: top\n",
          "name = \"n\"\n\n[tool.poetry]\nv = 1\n\n[tool.poetry.dependencies]\nd = 2\n\n"
          "[tool.black]\nx = 3\n"),
      "name = \"n\"\ntop = 3\n\n[tool.project]\nv = 1\n\n[tool.project.dependencies]\nd = 2\n\n"
      "[tool.black]\n");
}

TEST(ConfigRuleTomlTest, QuotedKeysInHeadersAndPaths) {
  EXPECT_EQ(Fix("toml",
                "where: {'x.\"y.z\".t': old}\nedits:\n  - set: 'x.\"y.z\".t'\n"
                "    value: new\n",
                "[x.\"y.z\"]\nt = 'old'  # literal string\n"),
            "[x.\"y.z\"]\nt = 'new'  # literal string\n");
}

TEST(ConfigRuleTomlTest, ArraysOfTables) {
  EXPECT_EQ(FixOnce("toml", "edits:\n  - delete: bin.1\n  - set: bin.0.path\n    value: src/a.rs\n",
                    "[[bin]]\nname = \"a\"\npath = \"a.rs\"\n\n[[bin]]\nname = \"b\"\n\n"
                    "[[bin]]\nname = \"c\"\n"),
            "[[bin]]\nname = \"a\"\npath = \"src/a.rs\"\n\n[[bin]]\nname = \"c\"\n");
}

TEST(ConfigRuleTomlTest, MoveBetweenTables) {
  EXPECT_EQ(
      Fix("toml", "edits:\n  - move: tool.black.line-length\n    to: tool.ruff.line-length\n",
          "[tool.black]\nline-length = 88  # wide\nskip = true\n\n[tool.ruff]\nselect = []\n"),
      "[tool.black]\nskip = true\n\n[tool.ruff]\nselect = []\nline-length = 88  # wide\n");
  RuleSet rules = Load("toml", "edits:\n  - move: a.x\n    to: b.c.x\n");
  std::vector<ConfigMatch> m = Matches(rules, "toml", "[a]\nx = 1\n[b]\nc = { y = 2 }\n");
  ASSERT_EQ(m.size(), 1u);
  EXPECT_EQ(m[0].review, "'a.x' not moved to 'b.c.x': 'b.c' is an inline table");
}

// ---- rules ----

std::string LoadError(std::string_view language, std::string_view config,
                      std::string_view extra = "") {
  Result<RulePack> pack = ParseRulePack("p.yaml", Pack(language, config, extra));
  EXPECT_FALSE(pack.ok());
  return pack.ok() ? "" : pack.status().message();
}

TEST(ConfigRuleLoaderTest, Errors) {
  EXPECT_EQ(LoadError("yaml", "edit:\n  - delete: a\n"),
            "p.yaml:7:7: error: unknown key 'edit' in 'config'; expected one of: where, at, edits");
  EXPECT_EQ(LoadError("yaml", "edits:\n  - delete: a..b\n"),
            "p.yaml:8:21: error: bad key path 'a..b': empty key in the key path");
  EXPECT_EQ(LoadError("yaml", "where: {\"a.*.b\": x}\n"),
            "p.yaml:7:18: error: 'where' paths are exact: '*' is not allowed");
  EXPECT_EQ(LoadError("yaml", "edits:\n  - replace: a\n    regex: '(x'\n    with: y\n"),
            "p.yaml:9:18: error: bad regex: Mismatched '(' and ')' in regular expression");
  EXPECT_EQ(LoadError("python", "edits:\n  - delete: a\n"),
            "p.yaml:7:7: error: 'config' (edits by key path) is for yaml, json and toml rules, "
            "not python");
  EXPECT_EQ(LoadError("yaml", "edits:\n  - delete: a\n", "    pattern: 'a: 1'\n"),
            "p.yaml:6:14: error: a 'config' rule edits by key path and takes no 'pattern'");
  EXPECT_EQ(LoadError("yaml", "edits:\n  - delete: a\n", "    confidence: manual\n"),
            "p.yaml:6:17: error: a 'manual' rule has no 'edits'");
  EXPECT_EQ(LoadError("yaml", "where: {a: b}\n", "    confidence: safe\n"),
            "p.yaml:6:17: error: a 'safe' rule needs 'edits'");
  EXPECT_EQ(LoadError("yaml", "edits:\n  - sett: a\n"),
            "p.yaml:8:11: error: unknown key 'sett' in an edit; expected one of: set, rename, "
            "delete, move, replace, value, to, regex, with");
  EXPECT_EQ(LoadError("yaml", "edits:\n  - set: a\n    with: b\n"),
            "p.yaml:9:11: error: unknown key 'with' in a 'set' edit; expected one of: set, value");
  EXPECT_EQ(LoadError("yaml", "edits:\n  - set: a\n"),
            "p.yaml:8:11: error: a 'set' edit needs 'value'");
  EXPECT_EQ(
      LoadError("yaml", "edits:\n  - rename: a.0\n    to: b\n"),
      "p.yaml:8:19: error: the last key of a 'rename' path must be a key, not an index or '*'");
  EXPECT_EQ(LoadError("yaml", "edits:\n  - move: a.*.b\n    to: c.d\n"),
            "p.yaml:9:15: error: 'to' has 0 '*' but 'move' has 1: each '*' of 'to' stands for the "
            "key the same '*' of 'move' matched");
  EXPECT_EQ(LoadError("yaml", "edits: []\n"),
            "p.yaml:7:14: error: 'edits' must be a non-empty list");
}

TEST(ConfigRuleLoaderTest, PrefilterAndTypedValues) {
  Result<RulePack> pack = ParseRulePack(
      "p.yaml", Pack("json",
                     "where: {kind: [A, B], v: '2'}\nedits:\n  - set: a\n    value: 2\n"
                     "  - set: b\n    value: '2'\n  - set: c\n    value: null\n"));
  ASSERT_TRUE(pack.ok()) << pack.status().message();
  const Rule& rule = pack->rules[0];
  EXPECT_EQ(rule.prefilter, (std::vector<std::vector<std::string>>{{"A", "B"}, {"2"}}));
  EXPECT_EQ(rule.confidence, Confidence::kSafe);
  ASSERT_EQ(rule.config->edits.size(), 3u);
  EXPECT_TRUE(rule.config->edits[0].value.typed);
  EXPECT_FALSE(rule.config->edits[1].value.typed);
  EXPECT_TRUE(rule.config->edits[2].value.typed);
  EXPECT_EQ(rule.config->edits[2].value.text, "null");
}

}  // namespace
}  // namespace uprev
