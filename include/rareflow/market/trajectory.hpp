// A value that changes with the year: piecewise linear between given points, flat before the
// first and after the last. Used for activity multipliers, cost indices and recycling supply.
#pragma once

#include <vector>

namespace rareflow::market {

struct TrajectoryPoint {
  int year = 0;
  double value = 0.0;
};

struct Trajectory {
  std::vector<TrajectoryPoint> points;  // strictly increasing years

  // The value in `year`; `if_empty` when there are no points.
  double at(int year, double if_empty) const;

  static Trajectory constant(double value);
  // (1 + rate)^(year - base_year), one point per year from base_year to last_year.
  static Trajectory growth(int base_year, double rate, int last_year);
};

}  // namespace rareflow::market
