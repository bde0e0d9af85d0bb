// A program written against geo v1; see ../README.md.
#include <cstdio>
#include <vector>

#include "geo/v1.h"
#include "geo/v2.h"

namespace {

int calls = 0;

geo::Point Next(const std::vector<geo::Point>& route) { return route[calls++ % route.size()]; }

}  // namespace

int main() {
  geo::Point paris{48.8566, 2.3522}, berlin{52.52, 13.405};
  std::vector<geo::Point> route = {paris, berlin};
  std::printf("%.1f km\n", geo::v2::distance(paris, berlin, false ? geo::v2::Unit::kMiles : geo::v2::Unit::kKilometres));
  std::printf("%.1f mi\n", geo::v2::distance(paris, berlin, true ? geo::v2::Unit::kMiles : geo::v2::Unit::kKilometres));
  bool miles = calls == 0;
  std::printf("%.1f\n", geo::v2::distance(Next(route), Next(route), miles ? geo::v2::Unit::kMiles : geo::v2::Unit::kKilometres));
  using namespace geo;
  std::printf("%s\n", geo::v2::format(paris).c_str());
  std::printf("%s\n", geo::v2::format(berlin, 4).c_str());
  std::printf("%s\n", geo::v2::format(geo::v2::segment(paris, berlin).middle, 3).c_str());
  geo::v2::Box box{paris, berlin};
  const geo::v2::Box* corners = &box;
  std::printf("%.1f km of %.0f\n", geo::v2::diagonal(*corners, geo::v2::Unit::kKilometres), geo::v2::kEarthRadius);
  return 0;
}
