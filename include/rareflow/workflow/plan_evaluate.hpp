// `rareflow plan --evaluate`: commits a solved roadmap's builds to the market simulator and sets
// what they achieve in a market that reacts (prices, trade, other producers) beside what the
// plan expected. Lives in the workflow layer because it joins plan and scenario.
#pragma once

#include <string>
#include <vector>

#include "rareflow/core/error.hpp"
#include "rareflow/core/table.hpp"
#include "rareflow/data/dataset.hpp"
#include "rareflow/market/model.hpp"
#include "rareflow/plan/plan_model.hpp"
#include "rareflow/plan/plan_solver.hpp"

namespace rareflow::workflow {

// Adds one facility per roadmap entry in the plan's focus region of `m` (online from the
// entry's online year) after removing the region's announced projects and candidate modules,
// so that the roadmap alone decides what is built there. Returns one note per choice made
// (costs used, skipped entries, facilities removed). Fails if the region is not in `m`.
Result<std::vector<std::string>> commit_roadmap(market::MarketModel& m, int base_year,
                                                const plan::PlanModel& plan,
                                                const plan::Roadmap& roadmap);

// Builds `base_scenario`'s market on `d`, commits `solution`'s roadmap, simulates from the
// scenario's first year to the plan's last and returns two tables: the plan's expected output
// and self-sufficiency against the simulated production and self-sufficiency of the focus
// region per plan year, and the simulated oxide prices of Nd, Pr, Dy and Tb.
Result<std::vector<Table>> evaluate_roadmap(const Dataset& d, const plan::PlanModel& plan,
                                            const plan::PlanSolution& solution,
                                            const std::string& base_scenario = "baseline");

}  // namespace rareflow::workflow
