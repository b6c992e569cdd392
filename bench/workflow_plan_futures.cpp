// Speed of the planner over many futures on plans/russia-2035.toml (embedded), next to
// bench/plan_russia.cpp. Acceptance (issue 15): a 10-future Russia plan in at most 60 s, here
// 100 futures sampled from the plan's [futures] (seed 1) reduced to 10 by fast forward
// selection, then the two-stage MILP over the 10 solved exactly (gap 1e-4).
#include <benchmark/benchmark.h>

#include "rareflow/plan/plan_io.hpp"
#include "rareflow/plan/plan_solver.hpp"
#include "rareflow/workflow/plan_futures.hpp"

namespace {

rareflow::plan::PlanModel russia() {
  std::string name;
  std::string text = rareflow::value_or_throw(rareflow::plan::load_plan_text("russia-2035", name));
  return rareflow::value_or_throw(rareflow::plan::parse_plan(text, name));
}

// Drawing and reducing the futures alone (no solve).
void BM_PlanRussiaDrawReduce(benchmark::State& state) {
  const auto plan = russia();
  double distance = 0;
  for (auto _ : state) {
    auto d = rareflow::workflow::draw_futures(plan, {100, 10, 1, false});
    if (!d) {
      state.SkipWithError(d.error().message.c_str());
      return;
    }
    distance = d->reduction.distance;
    benchmark::DoNotOptimize(d);
  }
  state.counters["kantorovich_distance"] = distance;
}
BENCHMARK(BM_PlanRussiaDrawReduce)->Unit(benchmark::kMillisecond);

// The optimised strategy over the 10 representatives, solved exactly.
void BM_PlanRussia10Futures(benchmark::State& state) {
  const auto plan = russia();
  auto d = rareflow::workflow::draw_futures(plan, {100, 10, 1, false});
  if (!d) {
    state.SkipWithError(d.error().message.c_str());
    return;
  }
  rareflow::plan::SolveOptions opt;
  opt.gap = 1e-4;
  opt.time_limit_s = 60;
  double gap = 0, objective = 0;
  int columns = 0;
  for (auto _ : state) {
    auto r = rareflow::plan::solve_plan(d->reduced, rareflow::plan::Strategy::Optimised, opt);
    if (!r) {
      state.SkipWithError(r.error().message.c_str());
      return;
    }
    gap = r->solver.gap;
    objective = r->solver.objective_musd;
    columns = r->solver.columns;
    benchmark::DoNotOptimize(r);
  }
  state.counters["gap_pct"] = 100.0 * gap;
  state.counters["objective_musd"] = objective;
  state.counters["columns"] = columns;
}
BENCHMARK(BM_PlanRussia10Futures)->Unit(benchmark::kMillisecond)->Iterations(1);

}  // namespace

BENCHMARK_MAIN();
