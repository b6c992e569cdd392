// Step approximation of a constant-elasticity demand curve q = q0 (p / p0)^eps, cut off at the
// choke price and at max_quantity_ratio * q0. The first step holds the demand at the choke
// price; the others split the price range geometrically, with p0 a step boundary (so q(p0) =
// q0 exactly); each step's willingness to pay is the curve's mean inverse demand over the step,
// so the steps keep the curve's consumer surplus.
#pragma once

#include <vector>

#include "rareflow/core/error.hpp"
#include "rareflow/market/model.hpp"

namespace rareflow::market {

// Steps at the reference quantity q0 (in order of falling willingness to pay).
Result<std::vector<DemandStep>> demand_steps(const Demand& d, const MarketSettings& s);

}  // namespace rareflow::market
