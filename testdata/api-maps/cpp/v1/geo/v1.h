// geo v1: the API the example program was written against.
#ifndef GEO_V1_H_
#define GEO_V1_H_

#include <cmath>
#include <cstdio>
#include <string>

#include "geo/point.h"

namespace geo::v1 {

constexpr double kEarthRadiusKm = 6371.0;

// A rectangle between two corners.
struct Bounds {
  Point lo;
  Point hi;
};

// Great-circle distance in kilometres, or in miles.
inline double distance(const Point& a, const Point& b, bool miles = false) {
  constexpr double kRadians = 3.14159265358979323846 / 180;
  double dlat = (b.lat - a.lat) * kRadians, dlon = (b.lon - a.lon) * kRadians;
  double h = std::sin(dlat / 2) * std::sin(dlat / 2) +
             std::cos(a.lat * kRadians) * std::cos(b.lat * kRadians) * std::sin(dlon / 2) *
                 std::sin(dlon / 2);
  double km = 2 * 6371.0 * std::asin(std::sqrt(h));
  return miles ? km / 1.609344 : km;
}

inline std::string format(const Point& p, int precision = 2) {
  char buffer[64];
  std::snprintf(buffer, sizeof buffer, "(%.*f, %.*f)", precision, p.lat, precision, p.lon);
  return buffer;
}

inline Point midpoint(const Point& a, const Point& b) {
  return Point{(a.lat + b.lat) / 2, (a.lon + b.lon) / 2};
}

inline double diagonal(const Bounds& b) { return distance(b.lo, b.hi); }

}  // namespace geo::v1

#endif  // GEO_V1_H_
