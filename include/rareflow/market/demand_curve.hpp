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

// The steps with a step of willingness to pay p0 and width 2 band q0 inserted just past q0
// (p0 is a step boundary of the curve, at q0), taken from the steps below p0. With supply at
// q0 (1 + band), the middle of that step, the equilibrium price is p0 itself and the demand
// gets at least q0: no arbitrary choice among the range of duals a bare boundary allows. Used
// to calibrate demand on a base year's supply and prices.
Result<std::vector<DemandStep>> reference_steps(const Demand& d, const MarketSettings& s,
                                                double band);

}  // namespace rareflow::market
