// Speed of the roadmap planner on the worked example plans/russia-2035.toml (embedded):
// acceptance is a gap of 1% or less in under 60 s on a 2-core machine. Counters report the
// gap reached and the solver's own time.
#include <benchmark/benchmark.h>

#include "rareflow/plan/plan_io.hpp"
#include "rareflow/plan/plan_run.hpp"
#include "rareflow/plan/plan_solver.hpp"

namespace {

rareflow::plan::PlanModel russia() {
  std::string name;
  std::string text = rareflow::plan::load_plan_text("russia-2035", name);
  return rareflow::plan::parse_plan(text, name);
}

// The optimised strategy alone: build the MILP, solve with Cbc to a 1% gap.
void BM_PlanRussiaOptimised(benchmark::State& state) {
  const auto plan = russia();
  rareflow::plan::SolveOptions opt;
  opt.gap = 0.01;
  opt.time_limit_s = 60;
  double gap = 0, solver_s = 0, objective = 0;
  for (auto _ : state) {
    auto r = rareflow::plan::solve_plan(plan, rareflow::plan::Strategy::Optimised, opt);
    if (!r) {
      state.SkipWithError(r.error().message.c_str());
      return;
    }
    gap = r->solver.gap;
    solver_s = r->solver.seconds;
    objective = r->solver.objective_musd;
    benchmark::DoNotOptimize(r);
  }
  state.counters["gap_pct"] = 100.0 * gap;
  state.counters["cbc_s"] = solver_s;
  state.counters["objective_musd"] = objective;
}
BENCHMARK(BM_PlanRussiaOptimised)->Unit(benchmark::kMillisecond)->Iterations(5);

// The whole command: parse, optimised and reference strategies, tables and IAMC rows.
void BM_PlanRussiaRun(benchmark::State& state) {
  std::string name;
  std::string text = rareflow::plan::load_plan_text("russia-2035", name);
  rareflow::plan::PlanRunOptions opt;
  for (auto _ : state) {
    auto r = rareflow::plan::run_plan(text, name, opt);
    if (!r) {
      state.SkipWithError(r.error().message.c_str());
      return;
    }
    benchmark::DoNotOptimize(r);
  }
}
BENCHMARK(BM_PlanRussiaRun)->Unit(benchmark::kMillisecond)->Iterations(5);

}  // namespace

BENCHMARK_MAIN();
