// Loading and validating the embedded default package (target: under 50 ms), and building the
// 2024 base-year balance.
#include <benchmark/benchmark.h>

#include "rareflow/data/balance.hpp"
#include "rareflow/data/dataset.hpp"

namespace {

void BM_LoadDefaultPackage(benchmark::State& state) {
  for (auto _ : state) {
    rareflow::Dataset d = rareflow::value_or_throw(rareflow::load_default_dataset());
    benchmark::DoNotOptimize(d.sources.data());
  }
  state.SetLabel("parse + validate + typed build");
}
BENCHMARK(BM_LoadDefaultPackage)->Unit(benchmark::kMillisecond);

void BM_Balance2024(benchmark::State& state) {
  rareflow::Dataset d = rareflow::value_or_throw(rareflow::load_default_dataset());
  for (auto _ : state) {
    auto b = rareflow::build_balance(d, 2024);
    benchmark::DoNotOptimize(b);
  }
}
BENCHMARK(BM_Balance2024)->Unit(benchmark::kMillisecond);

}  // namespace

BENCHMARK_MAIN();
