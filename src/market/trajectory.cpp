#include "rareflow/market/trajectory.hpp"

#include <cmath>

namespace rareflow::market {

double Trajectory::at(int year, double if_empty) const {
  if (points.empty()) return if_empty;
  if (year <= points.front().year) return points.front().value;
  if (year >= points.back().year) return points.back().value;
  for (std::size_t i = 1; i < points.size(); ++i) {
    const auto& a = points[i - 1];
    const auto& b = points[i];
    if (year <= b.year) {
      double w = double(year - a.year) / double(b.year - a.year);
      return a.value + w * (b.value - a.value);
    }
  }
  return points.back().value;
}

Trajectory Trajectory::constant(double value) {
  return Trajectory{{{0, value}}};
}

Trajectory Trajectory::growth(int base_year, double rate, int last_year) {
  Trajectory t;
  for (int y = base_year; y <= last_year; ++y)
    t.points.push_back({y, std::pow(1.0 + rate, double(y - base_year))});
  return t;
}

}  // namespace rareflow::market
