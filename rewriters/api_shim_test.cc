#include "rewriters/api_shim.h"

#include <gtest/gtest.h>
#include <stdlib.h>
#include <sys/wait.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>


namespace uprev {
namespace {

namespace fs = std::filesystem;

// ----------------------------------------------------------------- maps

ApiSymbol Renamed(ApiSymbolKind kind, std::string name, std::string rename) {
  ApiSymbol s;
  s.kind = kind;
  s.name = name;
  s.rename = rename;
  s.v1_name = "shimtest_orders.v1." + name;
  s.v2_name = "shimtest_orders.v2." + rename;
  return s;
}

ApiParam Param(std::string declaration, std::string name,
               std::optional<std::string> default_value = std::nullopt) {
  ApiParam p;
  p.declaration = std::move(declaration);
  p.name = std::move(name);
  p.default_value = std::move(default_value);
  return p;
}

// What the loader makes of
//   - function: get_order
//     params: [order_id, /, include_items=False, "*", trace=False]
//     call: shimtest_orders.v2.fetch_order($order_id, items=$include_items, trace=$trace)
//     result: $result.order
// and its neighbours.
ApiMap PythonMap() {
  ApiMap map;
  map.language = "python";
  map.from = "shimtest_orders.v1";
  map.to = "shimtest_orders.v2";
  map.guide = "docs/orders-v2.md";

  ApiSymbol get;
  get.name = "get_order";
  get.has_params = true;
  get.params = {Param("order_id", "order_id"), Param("include_items", "include_items", "False"),
                Param("trace", "trace", "False")};
  get.params[0].positional_only = true;
  get.params[2].keyword_only = true;
  get.call = "shimtest_orders.v2.fetch_order($order_id, items=$include_items, trace=$trace)";
  get.callee = "shimtest_orders.v2.fetch_order";
  get.arguments = {{"", "$order_id"}, {"items", "$include_items"}, {"trace", "$trace"}};
  get.result = "$result.order";
  get.v1_name = "shimtest_orders.v1.get_order";
  get.v2_name = "shimtest_orders.v2.fetch_order";
  map.symbols.push_back(get);

  map.symbols.push_back(Renamed(ApiSymbolKind::kClass, "Client", "OrdersClient"));
  map.symbols.push_back(Renamed(ApiSymbolKind::kFunction, "ping", "health_check"));
  map.symbols.push_back(Renamed(ApiSymbolKind::kConstant, "TIMEOUT", "DEFAULT_TIMEOUT"));
  map.symbols.push_back(Renamed(ApiSymbolKind::kClass, "OrderMissing", "errors.NotFound"));

  ApiSymbol legacy;
  legacy.kind = ApiSymbolKind::kClass;
  legacy.name = "LegacyClient";
  legacy.has_params = true;
  legacy.params = {Param("host", "host"), Param("timeout", "timeout", "30")};
  legacy.call = "shimtest_orders.v2.OrdersClient(base_url=$host, timeout_s=$timeout)";
  legacy.callee = "shimtest_orders.v2.OrdersClient";
  legacy.arguments = {{"base_url", "$host"}, {"timeout_s", "$timeout"}};
  legacy.v1_name = "shimtest_orders.v1.LegacyClient";
  legacy.v2_name = "shimtest_orders.v2.OrdersClient";
  map.symbols.push_back(legacy);

  // v2 names inside arguments go through the alias too; annotated params.
  ApiSymbol count;
  count.name = "count_items";
  count.has_params = true;
  count.params = {Param("order_id: int", "order_id"), Param("limit: int", "limit", "10")};
  count.call = "shimtest_orders.v2.count(shimtest_orders.v2.Query($order_id), $limit)";
  count.callee = "shimtest_orders.v2.count";
  count.arguments = {{"", "shimtest_orders.v2.Query($order_id)"}, {"", "$limit"}};
  count.v1_name = "shimtest_orders.v1.count_items";
  count.v2_name = "shimtest_orders.v2.count";
  map.symbols.push_back(count);
  return map;
}

ApiSymbol CppFunction(std::string name, std::vector<ApiParam> params, std::string result_type,
                      std::string callee, std::vector<std::string> arguments) {
  ApiSymbol s;
  s.name = name;
  s.has_params = true;
  s.params = std::move(params);
  s.result_type = std::move(result_type);
  s.callee = callee;
  std::string joined;
  for (const std::string& a : arguments) {
    s.arguments.push_back({"", a});
    joined += (joined.empty() ? "" : ", ") + a;
  }
  s.call = callee + "(" + joined + ")";
  s.v1_name = "geo::v1::" + name;
  s.v2_name = callee;
  return s;
}

ApiMap CppMap() {
  ApiMap map;
  map.language = "cpp";
  map.from = "geo::v1";
  map.to = "geo::v2";
  map.from_header = "geo/v1.h";
  map.to_header = "geo/v2.h";
  map.guide = "docs/geo-v2.md";
  map.symbols.push_back(
      CppFunction("distance",
                  {Param("const geo::v2::Point& a", "a"), Param("const geo::v2::Point& b", "b"),
                   Param("bool miles", "miles", "false")},
                  "double", "geo::v2::distance",
                  {"$a", "$b", "$miles ? geo::v2::Unit::kMiles : geo::v2::Unit::kKilometres"}));
  map.symbols.push_back(CppFunction("report", {Param("const geo::v2::Point& p", "p")}, "void",
                                    "geo::v2::print_point", {"$p", "2"}));
  ApiSymbol code = CppFunction("region_code", {Param("int region", "region")}, "int",
                               "geo::v2::lookup", {"$region"});
  code.result = "$result.code";
  map.symbols.push_back(code);
  map.symbols.push_back(CppFunction("midpoint_on_great_circle",
                                    {Param("const geo::v2::Point& first_point", "first_point"),
                                     Param("const geo::v2::Point& second_point", "second_point"),
                                     Param("double fraction", "fraction", "0.5")},
                                    "geo::v2::Point", "geo::v2::interpolate",
                                    {"$first_point", "$second_point", "$fraction"}));
  return map;
}

// ------------------------------------------------------ running the shims

class ScratchDir {
 public:
  ScratchDir() {
    std::string templ = (fs::temp_directory_path() / "uprev-shim-test-XXXXXX").string();
    path_ = ::mkdtemp(templ.data());
  }
  ~ScratchDir() { fs::remove_all(path_); }
  ScratchDir(const ScratchDir&) = delete;
  ScratchDir& operator=(const ScratchDir&) = delete;

  void Write(const std::string& relative, const std::string& text) const {
    fs::path file = path_ / relative;
    fs::create_directories(file.parent_path());
    std::ofstream(file, std::ios::binary) << text;
  }
  const fs::path& path() const { return path_; }

 private:
  fs::path path_;
};

struct CommandResult {
  int exit_code = -1;
  std::string output;  // stdout and stderr, interleaved
};

// Runs `command` with `sh` in `dir`; paths under `dir` in the output are
// made relative, so that outputs compare whole.
CommandResult RunCommand(const fs::path& dir, const std::string& command) {
  std::string line = "cd '" + dir.string() + "' && " + command + " 2>&1";
  CommandResult result;
  FILE* pipe = ::popen(line.c_str(), "r");
  if (!pipe) return result;
  char buffer[4096];
  size_t n;
  while ((n = std::fread(buffer, 1, sizeof buffer, pipe)) > 0) result.output.append(buffer, n);
  int status = ::pclose(pipe);
  result.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  std::string prefix = dir.string() + "/";
  for (size_t at; (at = result.output.find(prefix)) != std::string::npos;) {
    result.output.erase(at, prefix.size());
  }
  return result;
}

bool HaveTool(const std::string& tool) {
  return RunCommand(fs::temp_directory_path(), "command -v " + tool + " >/dev/null").exit_code == 0;
}

std::vector<std::string> LinesWith(const std::string& text, const std::string& needle) {
  std::vector<std::string> out;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) {
    if (line.find(needle) != std::string::npos) out.push_back(line);
  }
  return out;
}

// ------------------------------------------------------------- Python

constexpr char kPythonShim[] =
    R"(# Generated by `uprev shim` from the api-map pack orders-v2. Do not edit;
# regenerate it when the pack changes.
"""shimtest_orders.v1 on top of shimtest_orders.v2: every v1 name still works and warns.

Move the callers with `uprev fix --rules orders-v2`; see docs/orders-v2.md.
"""
import importlib
import warnings

import shimtest_orders.v2 as _v2

__all__ = ["Client", "LegacyClient", "OrderMissing", "TIMEOUT", "count_items", "get_order", "ping"]


def _deprecated(old, new, stacklevel=3):
    # 3: _deprecated, the v1 function, __init__ or __getattr__, then its caller.
    warnings.warn(f"{old} is deprecated; use {new}", DeprecationWarning, stacklevel=stacklevel)


def get_order(order_id, /, include_items=False, *, trace=False):
    """Deprecated: use shimtest_orders.v2.fetch_order."""
    _deprecated("shimtest_orders.v1.get_order", "shimtest_orders.v2.fetch_order")
    return _v2.fetch_order(order_id, items=include_items, trace=trace).order


class LegacyClient(_v2.OrdersClient):
    """Deprecated: use shimtest_orders.v2.OrdersClient."""

    def __init__(self, host, timeout=30):
        _deprecated("shimtest_orders.v1.LegacyClient", "shimtest_orders.v2.OrdersClient")
        super().__init__(base_url=host, timeout_s=timeout)


def count_items(order_id: int, limit: int = 10):
    """Deprecated: use shimtest_orders.v2.count."""
    _deprecated("shimtest_orders.v1.count_items", "shimtest_orders.v2.count")
    return _v2.count(_v2.Query(order_id), limit)


_RENAMED = {
    "Client": "OrdersClient",
    "ping": "health_check",
    "TIMEOUT": "DEFAULT_TIMEOUT",
    "OrderMissing": "errors.NotFound",
}


def _v2_attr(path):
    # A dotted v2 name may go through a submodule nothing has imported yet.
    obj = _v2
    for part in path.split("."):
        if not hasattr(obj, part) and hasattr(obj, "__path__"):
            importlib.import_module(f"{obj.__name__}.{part}")
        obj = getattr(obj, part)
    return obj


def __getattr__(name):
    if name in _RENAMED:
        _deprecated(f"shimtest_orders.v1.{name}", f"shimtest_orders.v2.{_RENAMED[name]}")
        return _v2_attr(_RENAMED[name])
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def __dir__():
    return sorted(list(globals()) + list(_RENAMED))
)";

TEST(ApiShimTest, PythonShimText) {
  Result<std::string> shim = WriteApiShim(PythonMap(), "orders-v2");
  ASSERT_TRUE(shim.ok()) << shim.status().message();
  EXPECT_EQ(*shim, kPythonShim);
}

constexpr char kOrdersV2[] = R"(DEFAULT_TIMEOUT = 30


class Response:
    def __init__(self, order):
        self.order = order


def fetch_order(order_id, items=True, trace=False):
    return Response({"id": order_id, "items": items, "trace": trace})


class OrdersClient:
    def __init__(self, base_url, timeout_s=10):
        self.base_url = base_url
        self.timeout_s = timeout_s


def health_check():
    return "ok"


class Query:
    def __init__(self, order_id):
        self.order_id = order_id


def count(query, limit):
    return min(query.order_id, limit)
)";

// Each v1 use on its own line, so that the warnings show they name it.
constexpr char kOrdersCaller[] = R"(import shimtest_orders.v1 as v1
import shimtest_orders.v2 as v2
print(v1.get_order(7))
print(v1.get_order(7, True, trace=True))
print(v1.count_items(3), v1.count_items(30, limit=5))
print(v1.Client is v2.OrdersClient)
from shimtest_orders.v1 import ping
print(ping())
print(v1.TIMEOUT)
missing = v1.OrderMissing
from shimtest_orders.v2.errors import NotFound
print(missing is NotFound)
client = v1.LegacyClient("h")
print(client.base_url, client.timeout_s, isinstance(client, v2.OrdersClient))
print("Client" in dir(v1), "get_order" in dir(v1), "nope" in dir(v1))
try:
    v1.nope
except AttributeError as e:
    print(e)
try:
    v1.get_order(order_id=1)
except TypeError:
    print("order_id is positional-only")
from shimtest_orders.v1 import *
print(sorted(n for n in dir() if not n.startswith("_")))
)";

// Every warning names the caller's line; the renamed names are the v2
// objects themselves.
constexpr char kOrdersCallerOutput[] =
    R"(caller.py:3: DeprecationWarning: shimtest_orders.v1.get_order is deprecated; use shimtest_orders.v2.fetch_order
  print(v1.get_order(7))
{'id': 7, 'items': False, 'trace': False}
caller.py:4: DeprecationWarning: shimtest_orders.v1.get_order is deprecated; use shimtest_orders.v2.fetch_order
  print(v1.get_order(7, True, trace=True))
{'id': 7, 'items': True, 'trace': True}
caller.py:5: DeprecationWarning: shimtest_orders.v1.count_items is deprecated; use shimtest_orders.v2.count
  print(v1.count_items(3), v1.count_items(30, limit=5))
caller.py:5: DeprecationWarning: shimtest_orders.v1.count_items is deprecated; use shimtest_orders.v2.count
  print(v1.count_items(3), v1.count_items(30, limit=5))
3 5
caller.py:6: DeprecationWarning: shimtest_orders.v1.Client is deprecated; use shimtest_orders.v2.OrdersClient
  print(v1.Client is v2.OrdersClient)
True
caller.py:7: DeprecationWarning: shimtest_orders.v1.ping is deprecated; use shimtest_orders.v2.health_check
  from shimtest_orders.v1 import ping
ok
caller.py:9: DeprecationWarning: shimtest_orders.v1.TIMEOUT is deprecated; use shimtest_orders.v2.DEFAULT_TIMEOUT
  print(v1.TIMEOUT)
30
caller.py:10: DeprecationWarning: shimtest_orders.v1.OrderMissing is deprecated; use shimtest_orders.v2.errors.NotFound
  missing = v1.OrderMissing
True
caller.py:13: DeprecationWarning: shimtest_orders.v1.LegacyClient is deprecated; use shimtest_orders.v2.OrdersClient
  client = v1.LegacyClient("h")
h 30 True
True True False
module 'shimtest_orders.v1' has no attribute 'nope'
order_id is positional-only
caller.py:24: DeprecationWarning: shimtest_orders.v1.Client is deprecated; use shimtest_orders.v2.OrdersClient
  from shimtest_orders.v1 import *
caller.py:24: DeprecationWarning: shimtest_orders.v1.OrderMissing is deprecated; use shimtest_orders.v2.errors.NotFound
  from shimtest_orders.v1 import *
caller.py:24: DeprecationWarning: shimtest_orders.v1.TIMEOUT is deprecated; use shimtest_orders.v2.DEFAULT_TIMEOUT
  from shimtest_orders.v1 import *
caller.py:24: DeprecationWarning: shimtest_orders.v1.ping is deprecated; use shimtest_orders.v2.health_check
  from shimtest_orders.v1 import *
['Client', 'LegacyClient', 'NotFound', 'OrderMissing', 'TIMEOUT', 'client', 'count_items', 'get_order', 'missing', 'ping', 'v1', 'v2']
)";

TEST(ApiShimTest, PythonShimRunsOnTopOfV2AndWarnsAtTheCaller) {
  if (!HaveTool("python3")) GTEST_SKIP() << "python3 is not installed";
  Result<std::string> shim = WriteApiShim(PythonMap(), "orders-v2");
  ASSERT_TRUE(shim.ok()) << shim.status().message();
  ScratchDir dir;
  dir.Write("shimtest_orders/__init__.py", "");
  dir.Write("shimtest_orders/v1.py", *shim);
  dir.Write("shimtest_orders/v2/__init__.py", kOrdersV2);
  dir.Write("shimtest_orders/v2/errors.py", "class NotFound(Exception):\n    pass\n");
  dir.Write("caller.py", kOrdersCaller);
  CommandResult run =
      RunCommand(dir.path(), "python3 -B -u -W always::DeprecationWarning caller.py");
  EXPECT_EQ(run.exit_code, 0);
  EXPECT_EQ(run.output, kOrdersCallerOutput);
}

// ---------------------------------------------------------------- C++

constexpr char kCppShim[] =
    R"(// Generated by `uprev shim` from the api-map pack geo-v2. Do not edit;
// regenerate it when the pack changes.
// geo::v1 on top of geo::v2: every v1 name still works and warns
// (-Wdeprecated-declarations).
// Move the callers with `uprev fix --rules geo-v2`; see docs/geo-v2.md.
#ifndef GEO_V1_H_
#define GEO_V1_H_

#include "geo/v2.h"

namespace geo::v1 {

[[deprecated("use geo::v2::distance")]]
inline double distance(const geo::v2::Point& a, const geo::v2::Point& b, bool miles = false) {
  return geo::v2::distance(a, b, miles ? geo::v2::Unit::kMiles : geo::v2::Unit::kKilometres);
}

[[deprecated("use geo::v2::print_point")]] inline void report(const geo::v2::Point& p) {
  geo::v2::print_point(p, 2);
}

[[deprecated("use geo::v2::lookup")]] inline int region_code(int region) {
  return geo::v2::lookup(region).code;
}

[[deprecated("use geo::v2::interpolate")]]
inline geo::v2::Point midpoint_on_great_circle(
    const geo::v2::Point& first_point,
    const geo::v2::Point& second_point,
    double fraction = 0.5) {
  return geo::v2::interpolate(first_point, second_point, fraction);
}

}  // namespace geo::v1

#endif  // GEO_V1_H_
)";

TEST(ApiShimTest, CppShimText) {
  Result<std::string> shim = WriteApiShim(CppMap(), "geo-v2");
  ASSERT_TRUE(shim.ok()) << shim.status().message();
  EXPECT_EQ(*shim, kCppShim);
}

// Renamed types come first, inside a region where the shim's own uses of
// them do not warn; then constants; then functions.
TEST(ApiShimTest, CppShimRenamesTypesAndConstants) {
  ApiMap map = CppMap();
  map.symbols.resize(1);
  map.symbols[0] = CppFunction("span", {Param("const Bounds& b", "b")}, "double",
                               "geo::v2::span", {"$b"});
  ApiSymbol bounds;
  bounds.kind = ApiSymbolKind::kClass;
  bounds.name = "Bounds";
  bounds.rename = "Box";
  bounds.v1_name = "geo::v1::Bounds";
  bounds.v2_name = "geo::v2::Box";
  ApiSymbol radius = bounds;
  radius.kind = ApiSymbolKind::kConstant;
  radius.name = "kRadiusKm";
  radius.rename = "kRadius";
  radius.v1_name = "geo::v1::kRadiusKm";
  radius.v2_name = "geo::v2::kRadius";
  map.symbols.push_back(radius);
  map.symbols.push_back(bounds);
  Result<std::string> shim = WriteApiShim(map, "geo-v2");
  ASSERT_TRUE(shim.ok()) << shim.status().message();
  EXPECT_EQ(shim->substr(shim->find("namespace geo::v1 {")), R"(namespace geo::v1 {

#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wdeprecated-declarations"

using Bounds [[deprecated("use geo::v2::Box")]] = geo::v2::Box;

[[deprecated("use geo::v2::kRadius")]] inline constexpr auto kRadiusKm = geo::v2::kRadius;

[[deprecated("use geo::v2::span")]] inline double span(const Bounds& b) {
  return geo::v2::span(b);
}

#pragma GCC diagnostic pop

}  // namespace geo::v1

#endif  // GEO_V1_H_
)");
}

constexpr char kGeoV2[] = R"(#ifndef GEO_V2_H_
#define GEO_V2_H_

#include <cmath>
#include <cstdio>

namespace geo::v2 {

struct Point {
  double x;
  double y;
};
enum class Unit { kKilometres, kMiles };

inline double distance(const Point& a, const Point& b, Unit unit) {
  double d = std::hypot(a.x - b.x, a.y - b.y);
  return unit == Unit::kMiles ? d / 1.609344 : d;
}

inline void print_point(const Point& p, int precision) {
  std::printf("(%.*f, %.*f)\n", precision, p.x, precision, p.y);
}

struct Region {
  int code;
  const char* name;
};
inline Region lookup(int region) { return Region{region * 10, "r"}; }

inline Point interpolate(const Point& a, const Point& b, double t) {
  return Point{a.x + (b.x - a.x) * t, a.y + (b.y - a.y) * t};
}

}  // namespace geo::v2

#endif  // GEO_V2_H_
)";

// Five v1 calls, on lines 6, 7, 8, 9 and 10.
constexpr char kGeoMain[] = R"(#include <cstdio>
#include "geo/v1.h"
int main() {
  geo::v2::Point a{0, 0};
  geo::v2::Point b{3, 4};
  std::printf("%.3f\n", geo::v1::distance(a, b));
  std::printf("%.3f\n", geo::v1::distance(a, b, true));
  geo::v1::report(b);
  std::printf("%d\n", geo::v1::region_code(4));
  geo::v2::Point m = geo::v1::midpoint_on_great_circle(a, b);
  std::printf("%.2f %.2f\n", m.x, m.y);
  return 0;
}
)";

TEST(ApiShimTest, CppShimCompilesOnTopOfV2AndWarnsAtTheCaller) {
  if (!HaveTool("clang++-14")) GTEST_SKIP() << "clang++-14 is not installed";
  Result<std::string> shim = WriteApiShim(CppMap(), "geo-v2");
  ASSERT_TRUE(shim.ok()) << shim.status().message();
  ScratchDir dir;
  dir.Write("geo/v1.h", *shim);
  dir.Write("geo/v2.h", kGeoV2);
  dir.Write("main.cc", kGeoMain);
  dir.Write("only_header.cc", "#include \"geo/v1.h\"\n");
  const std::string compile = "clang++-14 -std=c++17 -Wall -Wextra -fno-color-diagnostics -I. ";

  // The header alone is clean: the shim's own code uses nothing deprecated.
  CommandResult header = RunCommand(dir.path(), compile + "-fsyntax-only only_header.cc");
  EXPECT_EQ(header.exit_code, 0);
  EXPECT_EQ(header.output, "");

  CommandResult build = RunCommand(dir.path(), compile + "main.cc -o main");
  ASSERT_EQ(build.exit_code, 0) << build.output;
  // Each at the v1 call in main.cc; the notes that follow point into the
  // shim, but no warning does.
  std::vector<std::string> expected = {
      "main.cc:6:34: warning: 'distance' is deprecated: use geo::v2::distance "
      "[-Wdeprecated-declarations]",
      "main.cc:7:34: warning: 'distance' is deprecated: use geo::v2::distance "
      "[-Wdeprecated-declarations]",
      "main.cc:8:12: warning: 'report' is deprecated: use geo::v2::print_point "
      "[-Wdeprecated-declarations]",
      "main.cc:9:32: warning: 'region_code' is deprecated: use geo::v2::lookup "
      "[-Wdeprecated-declarations]",
      "main.cc:10:31: warning: 'midpoint_on_great_circle' is deprecated: use "
      "geo::v2::interpolate [-Wdeprecated-declarations]",
      "5 warnings generated.",
  };
  EXPECT_EQ(LinesWith(build.output, "warning"), expected) << build.output;

  CommandResult run = RunCommand(dir.path(), "./main");
  EXPECT_EQ(run.exit_code, 0);
  EXPECT_EQ(run.output, "5.000\n3.107\n(3.00, 4.00)\n40\n1.50 2.00\n");

  CommandResult strict =
      RunCommand(dir.path(), compile + "-Werror=deprecated-declarations main.cc -o strict");
  EXPECT_NE(strict.exit_code, 0);
  EXPECT_EQ(LinesWith(strict.output, "error:").size(), 5u) << strict.output;
}

// ------------------------------------------------------------- templates

// v2 names go through `_v2` only where they are the v2 module's own names,
// not inside strings or longer names; a `$` that names no parameter stays.
// A `$param` is replaced even inside a string, as the loader counts it.
TEST(ApiShimTest, PythonTemplatesWriteV2NamesThroughTheAlias) {
  ApiMap map;
  map.language = "python";
  map.from = "pkg.v1";
  map.to = "pkg.v2";
  ApiSymbol f;
  f.name = "f";
  f.has_params = true;
  f.params = {Param("a", "a"), Param("ab", "ab", "pkg.v2.DEFAULT")};
  f.callee = "pkg.v2.g";
  f.arguments = {{"", "$ab"},        {"", "$a"},      {"k", "pkg.v2.K"},  {"", "xpkg.v2.z"},
                 {"", "a.pkg.v2.y"}, {"", "pkg.v2x"}, {"", "'pkg.v2.s'"}, {"", "\"$a\""},
                 {"m", "pkg.v2"},    {"", "$other"}};
  f.result = "pkg.v2.wrap($result, $a)";
  f.v1_name = "pkg.v1.f";
  f.v2_name = "pkg.v2.g";
  map.symbols.push_back(f);
  Result<std::string> shim = WriteApiShim(map, "p");
  ASSERT_TRUE(shim.ok()) << shim.status().message();
  EXPECT_NE(shim->find("\n\n\ndef f(a, ab=_v2.DEFAULT):\n"
                       "    \"\"\"Deprecated: use pkg.v2.g.\"\"\"\n"
                       "    _deprecated(\"pkg.v1.f\", \"pkg.v2.g\")\n"
                       "    return _v2.wrap(_v2.g(ab, a, k=_v2.K, xpkg.v2.z, a.pkg.v2.y, pkg.v2x, "
                       "'pkg.v2.s', \"a\", m=_v2, $other), a)\n"),
            std::string::npos)
      << *shim;
  EXPECT_EQ(shim->find("_RENAMED"), std::string::npos) << *shim;
  EXPECT_EQ(shim->find("importlib"), std::string::npos) << *shim;
}

// ---------------------------------------------------------------- Invalid

std::string ErrorOf(const ApiMap& map) {
  Result<std::string> shim = WriteApiShim(map, "p");
  return shim.ok() ? "(no error)" : shim.status().message();
}

TEST(ApiShimTest, InvalidMaps) {
  ApiMap go = PythonMap();
  go.language = "go";
  EXPECT_EQ(ErrorOf(go),
            "uprev shim writes Python modules and C++ headers; the api-map is for 'go'");

  ApiMap cpp = CppMap();
  ApiSymbol point;
  point.kind = ApiSymbolKind::kClass;
  point.name = "Point";
  point.has_params = true;
  point.v1_name = "geo::v1::Point";
  cpp.symbols.push_back(point);
  EXPECT_EQ(ErrorOf(cpp),
            "geo::v1::Point: C++ classes and constants are renamed ('rename'), not re-shaped");

  ApiMap renamed_function = CppMap();
  renamed_function.symbols[1].has_params = false;
  renamed_function.symbols[1].rename = "print_point";
  EXPECT_EQ(ErrorOf(renamed_function),
            "geo::v1::report: a C++ function needs 'params' and 'call'");

  ApiMap no_header = CppMap();
  no_header.from_header.clear();
  EXPECT_EQ(ErrorOf(no_header),
            "geo::v1: a C++ shim needs the v1 and the v2 header ('from-header', 'to-header')");

  ApiMap no_type = CppMap();
  no_type.symbols[0].result_type.clear();
  EXPECT_EQ(ErrorOf(no_type),
            "geo::v1::distance: needs 'result-type' (the v1 function's return type)");

  ApiMap shadowing = PythonMap();
  shadowing.symbols.push_back(Renamed(ApiSymbolKind::kFunction, "warnings", "alerts"));
  EXPECT_EQ(ErrorOf(shadowing),
            "shimtest_orders.v1.warnings: the shim needs the name 'warnings' for itself");

  ApiMap constant = PythonMap();
  constant.symbols[3].has_params = true;  // TIMEOUT
  constant.symbols[3].rename.clear();
  constant.symbols[3].callee = "shimtest_orders.v2.timeout";
  EXPECT_EQ(ErrorOf(constant),
            "shimtest_orders.v1.TIMEOUT: a constant takes no 'params'; use 'rename'");

  ApiMap hiding = PythonMap();
  hiding.symbols[5].params[0].name = "self";  // LegacyClient
  EXPECT_EQ(ErrorOf(hiding),
            "shimtest_orders.v1.LegacyClient: the shim cannot name a parameter 'self'; it needs "
            "that name");

  ApiMap class_result = PythonMap();
  class_result.symbols[5].result = "$result.inner";  // LegacyClient
  EXPECT_EQ(ErrorOf(class_result),
            "shimtest_orders.v1.LegacyClient: a class's constructor call has no 'result'");
}

}  // namespace
}  // namespace uprev
