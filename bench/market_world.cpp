// Whole-run benchmark of the market engine on the synthetic world (20 regions, 30 ore sources,
// 17 elements, 4 stages, 15 sectors per region): the 2024-2050 yearly loop, warm-started and
// cold, and single-year solves. Counters: LP size and mean simplex time per year.
#include <benchmark/benchmark.h>

#include "rareflow/market/engine.hpp"
#include "rareflow/market/simulator.hpp"
#include "rareflow/market/synthetic.hpp"

namespace rf = rareflow::market;

namespace {

const rf::MarketModel& world(bool policies) {
  static const rf::MarketModel plain = rf::synthetic_world({});
  static const rf::MarketModel with = [] {
    rf::SyntheticSpec s;
    s.policies = true;
    return rf::synthetic_world(s);
  }();
  return policies ? with : plain;
}

// range(0): warm start (1) or cold (0); range(1): with licensing and a quota (1) or not (0).
void BM_WorldRun2024to2050(benchmark::State& state) {
  const bool warm = state.range(0) != 0;
  const auto& m = world(state.range(1) != 0);
  rf::SimulationOptions opt;
  opt.first_year = 2024;
  opt.last_year = 2050;
  opt.warm_start = warm;
  double solve_seconds = 0.0, iterations = 0.0;
  int years = 0;
  rf::YearResult first;
  for (auto _ : state) {
    auto r = rf::simulate(m, opt);
    if (!r) {
      state.SkipWithError(r.error().message.c_str());
      return;
    }
    for (const auto& y : r->years) {
      solve_seconds += y.solve_seconds;
      iterations += y.iterations;
      ++years;
    }
    first = r->years.front();
    benchmark::DoNotOptimize(r->table.rows.data());
  }
  state.counters["lp_rows"] = first.rows;
  state.counters["lp_cols"] = first.columns;
  state.counters["lp_nonzeros"] = first.nonzeros;
  state.counters["solve_ms_per_year"] = 1000.0 * solve_seconds / years;
  state.counters["iterations_per_year"] = iterations / years;
}
BENCHMARK(BM_WorldRun2024to2050)
    ->ArgsProduct({{1, 0}, {0, 1}})
    ->ArgNames({"warm", "policies"})
    ->Unit(benchmark::kMillisecond)
    ->UseRealTime();

// One year's solve (2030), cold from scratch or warm from the 2029 basis.
void BM_YearSolve(benchmark::State& state) {
  const bool warm = state.range(0) != 0;
  auto engine = rf::MarketEngine::create(world(false));
  if (!engine) {
    state.SkipWithError(engine.error().message.c_str());
    return;
  }
  const rf::YearState s = engine->initial_state();
  for (auto _ : state) {
    state.PauseTiming();
    engine->forget_basis();
    if (warm) (void)engine->solve(2029, s, {false, true});
    state.ResumeTiming();
    auto y = engine->solve(2030, s, {warm, true});
    benchmark::DoNotOptimize(y);
  }
}
BENCHMARK(BM_YearSolve)
    ->Arg(1)
    ->Arg(0)
    ->ArgName("warm")
    ->Unit(benchmark::kMillisecond)
    ->UseRealTime();

}  // namespace

BENCHMARK_MAIN();
