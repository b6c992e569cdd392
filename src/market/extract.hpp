// From a solved LP to the year's outcome, and the mass-balance check on that outcome.
#pragma once

#include "clp_solver.hpp"
#include "lp_index.hpp"
#include "rareflow/market/result.hpp"
#include "year_context.hpp"

namespace rareflow::market::detail {

YearResult extract(const YearContext& ctx, const LpProblem& lp, const LpIndex& ix,
                   const ClpRun& run, const ClpOutcome& outcome);

// New price-floor subsidies (per separation plant and element, USD/kg) from the prices of the
// current solution.
std::vector<ElementArray> floor_subsidies(const YearContext& ctx, const LpIndex& ix,
                                          const ClpRun& run);

}  // namespace rareflow::market::detail
