// Checks a market model before it is solved: indices in range, shares and distributions in
// [0, 1] and summing to 1, positive capacities and prices, elasticities below 0, choke above the
// reference price, policy scopes that make sense. Every problem found is reported, with a field
// path such as "sources[3].distribution" (file "market model").
#pragma once

#include "rareflow/core/error.hpp"
#include "rareflow/market/model.hpp"

namespace rareflow::market {

Diagnostics validate(const MarketModel& m);

}  // namespace rareflow::market
