// Speed of the roadmap planner on the worked example plans/russia-2035.toml (embedded).
// Acceptance (issue 15): exact (gap <= 1e-4) in at most 5 s; --rank over Russia's projects in
// at most 30 s; model building (BM_PlanRussiaBuild, compared with PuLP by scripts/bench_plan_pulp)
// fast. Counters report the gap reached and the solver's own time.
#include <benchmark/benchmark.h>

#include "rareflow/plan/plan_decisions.hpp"
#include "rareflow/plan/plan_io.hpp"
#include "rareflow/plan/plan_run.hpp"
#include "rareflow/plan/plan_solver.hpp"

namespace {

rareflow::plan::PlanModel russia() {
  std::string name;
  std::string text = rareflow::value_or_throw(rareflow::plan::load_plan_text("russia-2035", name));
  return rareflow::value_or_throw(rareflow::plan::parse_plan(text, name));
}

// The optimised strategy alone: build the MILP, solve with Cbc exactly (gap 1e-4).
void BM_PlanRussiaOptimised(benchmark::State& state) {
  const auto plan = russia();
  rareflow::plan::SolveOptions opt;
  opt.gap = 1e-4;
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
  std::string text = rareflow::value_or_throw(rareflow::plan::load_plan_text("russia-2035", name));
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

// --rank: every candidate project forbidden and forced (two exact solves each) after the optimum.
void BM_PlanRussiaRank(benchmark::State& state) {
  const auto plan = russia();
  rareflow::plan::SolveOptions opt;
  std::size_t ranked = 0;
  for (auto _ : state) {
    auto best = rareflow::plan::solve_plan(plan, rareflow::plan::Strategy::Optimised, opt);
    if (!best) {
      state.SkipWithError(best.error().message.c_str());
      return;
    }
    auto v = rareflow::plan::rank_projects(plan, *best, opt);
    if (!v) {
      state.SkipWithError(v.error().message.c_str());
      return;
    }
    ranked = v->size();
  }
  state.counters["projects"] = static_cast<double>(ranked);
}
BENCHMARK(BM_PlanRussiaRank)->Unit(benchmark::kMillisecond)->Iterations(1);

// Model building alone: prepare the arrays, build every block, and write it as LP text (the
// text is included, so this is an upper bound on building). scripts/bench_plan_pulp builds the
// same model (read from that LP text) with PuLP in the same run for comparison.
void BM_PlanRussiaBuild(benchmark::State& state) {
  const auto plan = russia();
  std::size_t bytes = 0;
  for (auto _ : state) {
    std::string lp = rareflow::plan::plan_lp_text(plan, rareflow::plan::Strategy::Optimised);
    bytes = lp.size();
    benchmark::DoNotOptimize(lp);
  }
  state.counters["lp_bytes"] = static_cast<double>(bytes);
}
BENCHMARK(BM_PlanRussiaBuild)->Unit(benchmark::kMillisecond);

}  // namespace

BENCHMARK_MAIN();
