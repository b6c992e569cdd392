// What carries from one year to the next: stocks, stockpile levels, facility online years
// (candidates get one when built), demand intensities after thrifting, last year's prices, and
// the normal flows that licensing policies refer to.
#pragma once

#include <array>
#include <cstddef>
#include <limits>
#include <map>
#include <utility>
#include <vector>

#include "rareflow/market/policy.hpp"

namespace rareflow::market {

inline constexpr std::size_t kAllCommodities = std::numeric_limits<std::size_t>::max();

struct YearState {
  // Commercial stock at the start of the year, t, per (commodity index c, region r) at
  // [c * regions + r].
  std::vector<double> stock;
  // Strategic stockpile level at the start of the year, t, per policy (0 for other kinds).
  std::vector<double> stockpile_level;
  // First year with capacity, per facility of each kind (candidates: kNever until built).
  std::array<std::vector<int>, kFacilityKindCount> online_year;
  // Demand intensity after thrifting and substitution (1 = reference), per demand.
  std::vector<double> intensity;
  // Last year's prices, USD/kg, per (commodity, region); NaN where unknown.
  std::vector<double> last_price;
  // Normal flow, t/yr, per (policy index, commodity index or kAllCommodities): the flow that
  // licensing shares and part-year flow limits refer to.
  std::map<std::pair<std::size_t, std::size_t>, double> reference_flow;
};

}  // namespace rareflow::market
