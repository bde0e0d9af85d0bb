// geo: the types every version of the API shares.
#ifndef GEO_POINT_H_
#define GEO_POINT_H_

namespace geo {

struct Point {
  double lat;
  double lon;
};

}  // namespace geo

#endif  // GEO_POINT_H_
