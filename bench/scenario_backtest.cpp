// The quota-era back-test (issue 12): loading the history package, building the two-region
// model and simulating 2009-2015 with the comparison against what was observed. Target: at
// most 0.5 s on the build machine.
#include <benchmark/benchmark.h>

#include "rareflow/scenario/backtest.hpp"

namespace {

void BM_BacktestQuotaEra(benchmark::State& state) {
  for (auto _ : state) {
    auto r = rareflow::scenario::run_backtest("quota-era");
    if (!r) {
      state.SkipWithError(r.error().message.c_str());
      break;
    }
    benchmark::DoNotOptimize(r);
  }
}

}  // namespace

BENCHMARK(BM_BacktestQuotaEra)->Unit(benchmark::kMillisecond);
BENCHMARK_MAIN();
