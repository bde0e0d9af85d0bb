// geo v2: units are explicit, formatting takes a separator, midpoint
// returns a Segment that holds it, and Bounds is Box.
#ifndef GEO_V2_H_
#define GEO_V2_H_

#include <cmath>
#include <cstdio>
#include <string>

#include "geo/point.h"

namespace geo::v2 {

enum class Unit { kKilometres, kMiles };

inline constexpr double kEarthRadius = 6371.0;

struct Box {
  Point lo;
  Point hi;
};

inline double distance(const Point& from, const Point& to, Unit unit) {
  constexpr double kRadians = 3.14159265358979323846 / 180;
  double dlat = (to.lat - from.lat) * kRadians, dlon = (to.lon - from.lon) * kRadians;
  double h = std::sin(dlat / 2) * std::sin(dlat / 2) +
             std::cos(from.lat * kRadians) * std::cos(to.lat * kRadians) * std::sin(dlon / 2) *
                 std::sin(dlon / 2);
  double km = 2 * 6371.0 * std::asin(std::sqrt(h));
  return unit == Unit::kMiles ? km / 1.609344 : km;
}

inline std::string format(const Point& p, int precision = 2, char separator = ',') {
  char buffer[64];
  std::snprintf(buffer, sizeof buffer, "(%.*f%c %.*f)", precision, p.lat, separator, precision,
                p.lon);
  return buffer;
}

struct Segment {
  Point from, to, middle;
};

inline Segment segment(const Point& from, const Point& to) {
  return Segment{from, to, Point{(from.lat + to.lat) / 2, (from.lon + to.lon) / 2}};
}

inline double diagonal(const Box& box, Unit unit) { return distance(box.lo, box.hi, unit); }

}  // namespace geo::v2

#endif  // GEO_V2_H_
