// A program written against geo v1; see ../README.md.
#include <cstdio>
#include <vector>

#include "geo/v1.h"

namespace {

int calls = 0;

geo::Point Next(const std::vector<geo::Point>& route) { return route[calls++ % route.size()]; }

}  // namespace

int main() {
  geo::Point paris{48.8566, 2.3522}, berlin{52.52, 13.405};
  std::vector<geo::Point> route = {paris, berlin};
  std::printf("%.1f km\n", geo::v1::distance(paris, berlin));
  std::printf("%.1f mi\n", geo::v1::distance(paris, berlin, true));
  bool miles = calls == 0;
  std::printf("%.1f\n", geo::v1::distance(Next(route), Next(route), miles));
  using namespace geo;
  std::printf("%s\n", v1::format(paris).c_str());
  std::printf("%s\n", v1::format(berlin, 4).c_str());
  std::printf("%s\n", v1::format(v1::midpoint(paris, berlin), 3).c_str());
  geo::v1::Bounds box{paris, berlin};
  const v1::Bounds* corners = &box;
  std::printf("%.1f km of %.0f\n", geo::v1::diagonal(*corners), v1::kEarthRadiusKm);
  return 0;
}
