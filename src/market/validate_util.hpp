// Helpers shared by the model and policy validators.
#pragma once

#include <cmath>
#include <string>

#include <fmt/format.h>

#include "rareflow/core/error.hpp"
#include "rareflow/market/model.hpp"

namespace rareflow::market::detail {

inline constexpr const char* kModelFile = "market model";

class Checker {
 public:
  explicit Checker(Diagnostics& d) : d_(d) {}
  void add(const std::string& field, const std::string& message) {
    d_.add(kModelFile, 0, 0, field, message);
  }
  // A finite number >= lo.
  void at_least(const std::string& field, double v, double lo, const char* unit) {
    if (!std::isfinite(v) || v < lo)
      add(field, fmt::format("expected a number >= {} {}, got {}", lo, unit, v));
  }
  void in_unit_range(const std::string& field, double v) {
    if (!std::isfinite(v) || v < 0.0 || v > 1.0)
      add(field, fmt::format("expected a share in [0, 1], got {}", v));
  }
  void index(const std::string& field, std::size_t i, std::size_t n, const char* what) {
    if (i >= n) add(field, fmt::format("{} index {} out of range (there are {})", what, i, n));
  }
  void trajectory(const std::string& field, const Trajectory& t, double lo);
  void commodity(const std::string& field, const MarketModel& m, Commodity c);

 private:
  Diagnostics& d_;
};

void validate_policies(const MarketModel& m, Checker& ck);

}  // namespace rareflow::market::detail
