#include "detectors/api_map_loader.h"

#include <gtest/gtest.h>

#include "detectors/rule_loader.h"

namespace uprev {
namespace {

constexpr const char* kPython = R"(pack: orders-v2
api-map:
  language: python
  from: orders.v1
  to: orders.v2
  guide: MIGRATION.md
  symbols:
    - function: get_order
      params: [order_id, "include_items=False", "*", "trace: bool = False"]
      call: orders.v2.fetch_order($order_id, items=$include_items, trace=$trace)
      same-defaults: [include_items]
      result: $result.order
    - class: Client
      rename: OrdersClient
)";

TEST(ApiMapLoaderTest, ReadsTheMapAndDerivesItsRules) {
  Result<RulePack> pack = ParseRulePack("p.yaml", kPython);
  ASSERT_TRUE(pack.ok()) << pack.status().message();
  ASSERT_TRUE(pack->api_map);
  const ApiMap& map = *pack->api_map;
  EXPECT_EQ(map.language, "python");
  ASSERT_EQ(map.symbols.size(), 2u);
  const ApiSymbol& get = map.symbols[0];
  EXPECT_EQ(get.v1_name, "orders.v1.get_order");
  EXPECT_EQ(get.v2_name, "orders.v2.fetch_order");
  EXPECT_EQ(get.callee, "orders.v2.fetch_order");
  ASSERT_EQ(get.params.size(), 3u);
  EXPECT_EQ(get.params[1].name, "include_items");
  EXPECT_EQ(get.params[1].default_value, "False");
  EXPECT_FALSE(get.params[1].keyword_only);
  EXPECT_EQ(get.params[2].name, "trace");
  EXPECT_EQ(get.params[2].declaration, "trace: bool");
  EXPECT_TRUE(get.params[2].keyword_only);
  ASSERT_EQ(get.arguments.size(), 3u);
  EXPECT_EQ(get.arguments[0].keyword, "");
  EXPECT_EQ(get.arguments[1].keyword, "items");
  EXPECT_EQ(get.arguments[1].value, "$include_items");
  EXPECT_EQ(get.message, "orders.v1.get_order is deprecated: use orders.v2.fetch_order (MIGRATION.md)");
  EXPECT_EQ(map.symbols[1].v2_name, "orders.v2.OrdersClient");

  // The call, the uses other than calls, and the class rename.
  ASSERT_EQ(pack->rules.size(), 3u);
  EXPECT_EQ(pack->rules[0].id, "get_order");
  EXPECT_EQ(pack->rules[0].api_call.get(), &get);
  EXPECT_EQ(pack->rules[0].fix,
            "orders.v2.fetch_order($order_id, items=$include_items, trace=$trace).order");
  EXPECT_EQ(pack->rules[0].imports.add, std::vector<std::string>{"orders.v2"});
  EXPECT_EQ(pack->rules[0].imports.remove, std::vector<std::string>{"orders.v1"});
  EXPECT_EQ(pack->rules[0].line, 8u);
  EXPECT_EQ(pack->rules[1].id, "get_order-reference");
  EXPECT_EQ(pack->rules[1].confidence, Confidence::kManual);
  EXPECT_EQ(pack->rules[1].tests.size(), 2u);
  EXPECT_EQ(pack->rules[2].id, "client");
  EXPECT_EQ(pack->rules[2].api_call.get(), &map.symbols[1]);
  EXPECT_EQ(pack->rules[2].fix, "orders.v2.OrdersClient");
}

TEST(ApiMapLoaderTest, DerivesClangRulesForCpp) {
  Result<RulePack> pack = ParseRulePack("p.yaml", R"(pack: geo-v2
api-map:
  language: cpp
  from: geo::v1
  to: geo::v2
  from-header: geo/v1.h
  to-header: geo/v2.h
  symbols:
    - function: distance
      result-type: double
      params: ["const Point& a", "const Point& b", "const char* names[]", "bool miles = false"]
      call: geo::v2::distance($a, $b, $miles, $names)
)");
  ASSERT_TRUE(pack.ok()) << pack.status().message();
  ASSERT_EQ(pack->rules.size(), 1u);
  const Rule& rule = pack->rules[0];
  EXPECT_TRUE(rule.ast_matcher);
  EXPECT_EQ(rule.triggers, std::vector<std::string>{"distance"});
  EXPECT_EQ(rule.imports.add, std::vector<std::string>{"\"geo/v2.h\""});
  const ApiSymbol& symbol = pack->api_map->symbols[0];
  EXPECT_EQ(symbol.params[2].name, "names");
  EXPECT_EQ(symbol.params[3].name, "miles");
  EXPECT_EQ(symbol.params[3].declaration, "bool miles");
  EXPECT_EQ(symbol.params[3].default_value, "false");
  EXPECT_EQ(symbol.v1_name, "geo::v1::distance");
  EXPECT_EQ(rule.api_call.get(), &symbol);
}

std::string ErrorOf(const std::string& symbols, const std::string& head = "") {
  std::string yaml = "pack: t\napi-map:\n  language: python\n  from: a.v1\n  to: a.v2\n" + head +
                     "  symbols:\n" + symbols;
  Result<RulePack> pack = ParseRulePack("p.yaml", yaml);
  EXPECT_FALSE(pack.ok());
  return pack.ok() ? "" : pack.status().message();
}

TEST(ApiMapLoaderTest, ErrorsNameTheFileAndPosition) {
  EXPECT_EQ(ErrorOf("    - function: f\n      params: [x]\n      call: b.v2.g($x)\n"),
            "p.yaml:9:13: error: the callee of 'call' must be a name under 'a.v2', written in "
            "full (a.v2.name)");
  EXPECT_EQ(ErrorOf("    - function: f\n      params: [x]\n      call: a.v2.g($y)\n"),
            "p.yaml:9:13: error: '$y' is not a parameter of f");
  EXPECT_EQ(ErrorOf("    - function: f\n      params: [x=1, y]\n      call: a.v2.g($x, $y)\n"),
            "p.yaml:8:21: error: parameter 'y' without a default follows one with a default");
  EXPECT_EQ(ErrorOf("    - function: f\n      params: [\"*args\"]\n      call: a.v2.g()\n"),
            "p.yaml:8:16: error: '*args' and '**kwargs' parameters cannot be mapped; map such a "
            "function with 'rename' (same parameters in v2)");
  EXPECT_EQ(ErrorOf("    - function: f\n      params: [x=1]\n      call: a.v2.g($x + 1)\n"
                    "      same-defaults: [x]\n"),
            "p.yaml:10:22: error: 'x' can be left out only where 'call' passes it as `keyword=$x`");
  EXPECT_EQ(ErrorOf("    - function: f\n      params: [x]\n      call: a.v2.g($x)\n"
                    "      result: $x.order\n"),
            "p.yaml:10:15: error: 'result' says how the v1 result comes from '$result', the v2 one");
  EXPECT_EQ(ErrorOf("    - function: f\n"),
            "p.yaml:7:7: error: a.v1.f needs 'rename', or 'params' and 'call'");
  EXPECT_EQ(ErrorOf("    - function: f\n      rename: g\n    - function: f\n      rename: h\n"),
            "p.yaml:9:7: error: a.v1.f is mapped twice");
  EXPECT_EQ(ErrorOf("    - function: f\n      params: [x]\n      call: a.v2.g(($x)\n"),
            "p.yaml:9:13: error: the brackets or quotes of 'call' do not balance");
  EXPECT_EQ(ErrorOf("    - constant: C\n      rename: D\n", "  from-header: a.h\n"),
            "p.yaml:6:16: error: 'from-header' is for C++");
  // A derived rule's error is reported at its symbol.
  EXPECT_EQ(ErrorOf("    - function: f\n      rename: g\n      tests:\n        - code: x\n"),
            "p.yaml:10:11: error: a test needs exactly one of 'fixed', 'match: false' or 'findings: N'");
}

TEST(ApiMapLoaderTest, RefusesWhatItCannotMap) {
  Result<RulePack> both = ParseRulePack("p.yaml", "pack: t\nrules: []\napi-map:\n  language: python\n");
  ASSERT_FALSE(both.ok());
  EXPECT_EQ(both.status().message(),
            "p.yaml:2:8: error: an api-map pack's rules are derived from its 'api-map'; write "
            "other rules in a pack of their own");
  Result<RulePack> go = ParseRulePack("p.yaml", "pack: t\napi-map:\n  language: go\n");
  ASSERT_FALSE(go.ok());
  EXPECT_EQ(go.status().message(), "p.yaml:3:13: error: an api-map is for python or cpp");
  Result<RulePack> type = ParseRulePack("p.yaml", R"(pack: t
api-map:
  language: cpp
  from: g::v1
  to: g::v2
  from-header: g/v1.h
  to-header: g/v2.h
  symbols:
    - class: Point
      params: [int x]
      call: g::v2::Point($x)
    - function: f
      rename: g
)");
  ASSERT_FALSE(type.ok());
  EXPECT_EQ(type.status().message(),
            "p.yaml:10:15: error: g::v1::Point: C++ classes and constants are renamed "
            "('rename'), not re-shaped");
  Result<RulePack> function = ParseRulePack("p.yaml", R"(pack: t
api-map:
  language: cpp
  from: g::v1
  to: g::v2
  from-header: g/v1.h
  to-header: g/v2.h
  symbols:
    - function: f
      rename: g
)");
  ASSERT_FALSE(function.ok());
  EXPECT_EQ(function.status().message(),
            "p.yaml:9:7: error: g::v1::f: a C++ function needs 'params' and 'call' (the shim "
            "declares it)");
}

}  // namespace
}  // namespace uprev
