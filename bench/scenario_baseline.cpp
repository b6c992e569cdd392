// The baseline scenario on the default data package, 2024-2050: building the calibrated model,
// and the whole run (build + 27 yearly equilibria + outputs), warm-started versus cold, with all
// market regions and, for comparison in the same run, with the regions issue 11 added for
// demand and downstream industry (JPN, KOR, EU27 with its members) folded into ROW. Counters:
// LP size and the average simplex time and iterations per year.
#include <benchmark/benchmark.h>

#include "rareflow/scenario/market_adapter.hpp"

namespace {

using namespace rareflow;

const Dataset& data() {
  static const Dataset d = value_or_throw(load_default_dataset());
  return d;
}

// The package with JPN, KOR and EU27 (and EU27's members) resolved in ROW: the demand-side
// regions of issue 11 aggregated away; mining and separating countries keep their own region.
const Dataset& aggregated() {
  static const Dataset d = [] {
    Dataset x = value_or_throw(load_default_dataset());
    for (auto& r : x.regions)
      if (r.id == "JPN" || r.id == "KOR" || r.id == "EU27" || r.market_region == "EU27")
        r.market_region = "ROW";
    return x;
  }();
  return d;
}

const scenario::Scenario& baseline() {
  static const scenario::Scenario s = value_or_throw(scenario::load_scenario("baseline", data()));
  return s;
}

void BM_BaselineBuild(benchmark::State& state) {
  for (auto _ : state) {
    auto b = scenario::build_market(data(), baseline());
    if (!b) state.SkipWithError(b.error().message.c_str());
    benchmark::DoNotOptimize(b);
  }
}

void run(benchmark::State& state, bool warm, const Dataset& d = data()) {
  scenario::RunOptions o;
  o.warm_start = warm;
  double solve = 0.0, iterations = 0.0, years = 0.0;
  int rows = 0, columns = 0, nonzeros = 0;
  for (auto _ : state) {
    auto r = scenario::run_scenario(d, baseline(), o);
    if (!r) {
      state.SkipWithError(r.error().message.c_str());
      break;
    }
    for (const auto& y : r->sim.years) {
      solve += y.solve_seconds;
      iterations += y.iterations;
      years += 1.0;
      rows = y.rows;
      columns = y.columns;
      nonzeros = y.nonzeros;
    }
  }
  if (years > 0.0) {
    state.counters["solve_ms_per_year"] = 1000.0 * solve / years;
    state.counters["iterations_per_year"] = iterations / years;
  }
  state.counters["lp_rows"] = rows;
  state.counters["lp_columns"] = columns;
  state.counters["lp_nonzeros"] = nonzeros;
}

void BM_BaselineRunWarm(benchmark::State& state) {
  run(state, true);
}
void BM_BaselineRunCold(benchmark::State& state) {
  run(state, false);
}

void BM_BaselineRunWarmAggregated(benchmark::State& state) {
  run(state, true, aggregated());
}

BENCHMARK(BM_BaselineBuild)->Unit(benchmark::kMillisecond)->UseRealTime();
BENCHMARK(BM_BaselineRunWarm)->Unit(benchmark::kMillisecond)->UseRealTime();
BENCHMARK(BM_BaselineRunCold)->Unit(benchmark::kMillisecond)->UseRealTime();
BENCHMARK(BM_BaselineRunWarmAggregated)->Unit(benchmark::kMillisecond)->UseRealTime();

}  // namespace

BENCHMARK_MAIN();
