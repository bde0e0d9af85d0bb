#include "rewriters/api_call.h"

#include <gtest/gtest.h>

#include "rewriters/fix_template.h"

namespace uprev {
namespace {

ApiParam Param(std::string name, std::optional<std::string> default_value = std::nullopt,
               bool keyword_only = false) {
  ApiParam p;
  p.declaration = name;
  p.name = std::move(name);
  p.default_value = std::move(default_value);
  p.keyword_only = keyword_only;
  return p;
}

// orders.v1.list_orders(customer, limit=20, offset=0)
//   -> orders.v2.search_orders($customer, page_size=$limit, start=$offset)
ApiSymbol ListOrders() {
  ApiSymbol s;
  s.name = "list_orders";
  s.v1_name = "orders.v1.list_orders";
  s.has_params = true;
  s.params = {Param("customer"), Param("limit", "20"), Param("offset", "0")};
  s.callee = "orders.v2.search_orders";
  s.arguments = {{"", "$customer"}, {"page_size", "$limit"}, {"start", "$offset"}};
  return s;
}

// The v2 call for `call`, or "review: why".
std::string Python(const ApiSymbol& symbol, std::string_view call) {
  ApiCallRewrite r = MapPythonCall(symbol, call);
  if (!r.review.empty()) return "review: " + r.review;
  return RenderFixWithTexts(r.templ, r.values);
}

TEST(ApiCallTest, PythonBindsPositionalKeywordAndDefaultArguments) {
  ApiSymbol s = ListOrders();
  EXPECT_EQ(Python(s, "list_orders('acme')"),
            "orders.v2.search_orders('acme', page_size=20, start=0)");
  EXPECT_EQ(Python(s, "v1.list_orders('acme', 5, offset=n)"),
            "orders.v2.search_orders('acme', page_size=5, start=n)");
  EXPECT_EQ(Python(s, "list_orders(offset=2, customer=c.name)"),
            "orders.v2.search_orders(c.name, page_size=20, start=2)");
  s.same_defaults = {"limit", "offset"};
  EXPECT_EQ(Python(s, "list_orders('acme', offset=1)"),
            "orders.v2.search_orders('acme', start=1)");
  // Arguments keep their text, comments aside, across lines.
  EXPECT_EQ(Python(s, "list_orders(\n    customers[0],\n    limit=f'{n}',\n)"),
            "orders.v2.search_orders(customers[0], page_size=f'{n}')");
}

TEST(ApiCallTest, PythonCallsThatCannotBeMovedAreReviewItems) {
  ApiSymbol s = ListOrders();
  EXPECT_EQ(Python(s, "list_orders(*a)"),
            "review: `*a` unpacks arguments: which parameters it fills is known only when the "
            "program runs");
  EXPECT_EQ(Python(s, "list_orders(c, **kw)"),
            "review: `**kw` unpacks arguments: which parameters it fills is known only when the "
            "program runs");
  EXPECT_EQ(Python(s, "list_orders(c, size=3)"),
            "review: orders.v1.list_orders has no parameter 'size'");
  EXPECT_EQ(Python(s, "list_orders(c, 1, 2, 3)"),
            "review: orders.v1.list_orders takes 3 positional arguments");
  EXPECT_EQ(Python(s, "list_orders(c, customer=d)"), "review: 'customer' is passed twice");
  EXPECT_EQ(Python(s, "list_orders(limit=3)"),
            "review: 'customer' is not passed (the call fails in v1 too)");
  EXPECT_EQ(Python(s, "list_orders(c,  # who\n 3)"),
            "review: a comment inside the call would be lost");
  EXPECT_EQ(Python(s, "list_orders(x for x in y)"), "review: a generator argument is not mapped");
  // Effects stay in their order: keywords are evaluated as written.
  EXPECT_EQ(Python(s, "list_orders(limit=page(), customer=who())"),
            "review: the v2 call evaluates the arguments that have effects in another order");
  EXPECT_EQ(Python(s, "list_orders(limit=3, customer=who())"),
            "orders.v2.search_orders(who(), page_size=3, start=0)");
  // A keyword-only parameter cannot be passed by position.
  s.params[2].keyword_only = true;
  EXPECT_EQ(Python(s, "list_orders(c, 1, 2)"),
            "review: orders.v1.list_orders takes 2 positional arguments");
}

TEST(ApiCallTest, PythonArgumentsInsideExpressionsAndResults) {
  ApiSymbol s;
  s.name = "Client";
  s.v1_name = "orders.v1.Client";
  s.params = {Param("host"), Param("timeout", "30")};
  s.callee = "orders.v2.OrdersClient";
  s.arguments = {{"", "\"https://\" + $host"}, {"timeout_s", "float($timeout)"}};
  EXPECT_EQ(Python(s, "Client(h)"), "orders.v2.OrdersClient(\"https://\" + h, timeout_s=float(30))");
  EXPECT_EQ(Python(s, "Client(a + b, timeout=t)"),
            "orders.v2.OrdersClient(\"https://\" + (a + b), timeout_s=float(t))");
  // An argument used twice, or not at all, is evaluated once in v1.
  s.arguments = {{"", "$host + $host"}};
  EXPECT_EQ(Python(s, "Client(h)"), "orders.v2.OrdersClient(h + h)");
  EXPECT_EQ(Python(s, "Client(next(hosts))"),
            "review: the argument `next(hosts)` has effects and v2 would evaluate it more than "
            "once");
  EXPECT_EQ(Python(s, "Client(h, timeout=compute())"),
            "review: the argument `compute()` has effects and v2 would evaluate it not at all");
  s.arguments = {{"", "$host"}};
  s.result = "$result.order";
  EXPECT_EQ(Python(s, "Client(h)"), "orders.v2.OrdersClient(h).order");
}

TEST(ApiCallTest, CppFillsDefaultsAndKeepsCommaExpressionsWhole) {
  ApiSymbol s;
  s.name = "distance";
  s.v1_name = "geo::v1::distance";
  s.params = {Param("a"), Param("b"), Param("miles", "false")};
  s.callee = "geo::v2::distance";
  s.arguments = {{"", "$a"}, {"", "$b"}, {"", "$miles ? geo::v2::Unit::kMiles : geo::v2::Unit::kKm"}};
  auto cpp = [&](std::vector<std::optional<std::string>> args) {
    ApiCallRewrite r = MapCppCall(s, args);
    return r.review.empty() ? RenderFixWithTexts(r.templ, r.values) : "review: " + r.review;
  };
  EXPECT_EQ(cpp({"p", "q", std::nullopt}),
            "geo::v2::distance(p, q, false ? geo::v2::Unit::kMiles : geo::v2::Unit::kKm)");
  EXPECT_EQ(cpp({"f(p)", "(q, r)", "x || y"}),
            "geo::v2::distance(f(p), (q, r), (x || y) ? geo::v2::Unit::kMiles : geo::v2::Unit::kKm)");
  // Clang gives `(q, r)` without its parentheses.
  EXPECT_EQ(cpp({"p", "q, r", "true"}),
            "geo::v2::distance(p, (q, r), true ? geo::v2::Unit::kMiles : geo::v2::Unit::kKm)");
  EXPECT_EQ(cpp({"p", std::nullopt, "true"}), "review: no argument for 'b'");
  s.arguments = {{"", "$a"}, {"", "$a"}, {"", "$miles"}};
  EXPECT_EQ(cpp({"next()", "q", "true"}),
            "review: the argument `next()` has effects and v2 would evaluate it more than once");
  EXPECT_EQ(cpp({"p", "q", "true"}), "geo::v2::distance(p, p, true)");
}

// Overloads of one arity are told apart by the declaration the call
// resolved to: its parameter types must be the map's, whatever their names
// and defaults.
TEST(ApiCallTest, CppOverloadsAreToldApartByTheirDeclaration) {
  ApiSymbol s;
  s.name = "format";
  s.v1_name = "geo::v1::format";
  ApiParam point = Param("p");
  point.declaration = "const Point& p";
  ApiParam precision = Param("precision", "2");
  precision.declaration = "int precision";
  ApiParam names = Param("names");
  names.declaration = "const char* names[]";
  s.params = {point, precision, names};
  EXPECT_EQ(CppOverloadMismatch(s, "std::string format(const Point& p, int precision = 2, "
                                   "const char* names[]) { return format(p); }"),
            "");
  EXPECT_EQ(CppOverloadMismatch(s, "inline std::string format(const Point &where,int = 2,"
                                   "const char *labels[])"),
            "");
  EXPECT_EQ(CppOverloadMismatch(s, "std::string format(const Point&, int, const char*[]);"), "");
  const std::string other =
      "the function called may be another overload of geo::v1::format: its declaration does not "
      "have the parameters the api-map gives (const Point& p, int precision, const char* "
      "names[])";
  EXPECT_EQ(CppOverloadMismatch(s, "std::string format(const Line& p, int precision, "
                                   "const char* names[])"),
            other);
  EXPECT_EQ(CppOverloadMismatch(s, "std::string format(const Point& p, long precision, "
                                   "const char* names[])"),
            other);
  EXPECT_EQ(CppOverloadMismatch(s, "std::string format(const Point& p)"), other);
  EXPECT_EQ(CppOverloadMismatch(s, "#define FORMAT_IT(x) x"), other);
  // Template arguments hold their commas.
  s.params = {Param("m")};
  s.params[0].declaration = "const std::map<int, int>& m";
  EXPECT_EQ(CppOverloadMismatch(s, "void format(const std::map<int, int>& table)"), "");
}

}  // namespace
}  // namespace uprev
