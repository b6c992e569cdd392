// Many futures for the roadmap planner (issue 15, docs/model_plan.md section 7c): N futures
// sampled from the plan's [futures] distributions with the sweep layer's sampler, reduced to K
// representatives by fast forward selection (sweep/reduction.hpp), the two-stage MILP solved
// over the K, and the roadmap then evaluated in each of the N futures alone.
#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "rareflow/core/error.hpp"
#include "rareflow/core/table.hpp"
#include "rareflow/plan/plan_decisions.hpp"
#include "rareflow/plan/plan_model.hpp"
#include "rareflow/sweep/reduction.hpp"

namespace rareflow::workflow {

struct FuturesOptions {
  std::size_t futures = 0;  // N sampled futures; 0: the plan's own scenarios
  std::size_t keep = 10;    // K representatives (at most N)
  std::uint64_t seed = 1;
  bool regret = true;  // also solve each sampled future alone, for the regret
};

struct SampledFuture {
  std::size_t run = 0;       // index of the draw (Rng stream key with the seed)
  std::size_t scenario = 0;  // the plan scenario it starts from
  double import_price = 1;   // factor on import prices from FuturesSpec::from_year
  double demand = 1;         // factor on demand in the last year
};

struct FuturesDraw {
  std::vector<SampledFuture> futures;
  // Per future: its price and demand factor paths by year (the reduced quantity).
  std::vector<std::vector<double>> paths;
  sweep::Reduction reduction;
  plan::PlanModel reduced;  // the plan with its scenarios replaced by the K representatives
};

// Fails before any solve when the plan has no [futures] table or K is out of range.
Result<FuturesDraw> draw_futures(const plan::PlanModel& plan, const FuturesOptions& o);

// The plan with one scenario: sampled future f (probability 1).
plan::PlanModel future_plan(const plan::PlanModel& plan, const SampledFuture& f);

// The roadmap in every sampled future alone; `progress(i)` before future i.
Result<std::vector<plan::RoadmapOutcome>> evaluate_futures(
    const plan::PlanModel& plan, const std::vector<SampledFuture>& futures,
    const plan::Roadmap& roadmap, const plan::SolveOptions& options, bool regret,
    const std::function<void(std::size_t)>& progress = {});

// The representatives with their probabilities, and the roadmap's cost, regret and goal
// attainment across all sampled futures.
std::vector<Table> futures_tables(const plan::PlanModel& plan, const FuturesDraw& draw,
                                  const plan::PlanSolution& optimised,
                                  const std::vector<plan::RoadmapOutcome>& outcomes);

}  // namespace rareflow::workflow
