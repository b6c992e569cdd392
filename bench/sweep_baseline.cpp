// Sweeps of the 2024-2050 baseline, all regions, with China's heavy-rare-earth licence share
// drawn from U(0.2, 0.6) (china-heavy-ree-licensing with the share as a distribution).
// Arguments: threads, runs, warm (1: each year's solve starts from the previous year's basis;
// 0: cold). Counter s_per_run: wall seconds per run. Issue 14's target: 1,000 runs in at most
// 60 s with 2 threads, and 2 threads at least 1.8x faster than 1. The 1,000-run cases take
// minutes each; run one with --benchmark_filter (docs/model.md, section 9, has the numbers).
#include <benchmark/benchmark.h>

#include <filesystem>
#include <fstream>

#include "rareflow/scenario/market_adapter.hpp"
#include "rareflow/sweep/scenario_sweep.hpp"

namespace {

using namespace rareflow;
namespace fs = std::filesystem;

const Dataset& data() {
  static const Dataset d = value_or_throw(load_default_dataset());
  return d;
}

const scenario::Scenario& licensing() {
  static const scenario::Scenario s = [] {
    fs::path p = fs::temp_directory_path() / "rareflow_bench_sweep.toml";
    std::ofstream(p)
        << "base = \"baseline\"\n[[policy]]\nkind = \"export_licensing\"\n"
           "regions = [\"CHN\"]\nstages = [\"oxide\", \"metal\", \"magnet\"]\n"
           "elements = [\"Sm\", \"Gd\", \"Tb\", \"Dy\", \"Lu\", \"Sc\", \"Y\"]\n"
           "start = 2025.26\ndelay_years = 0.17\n"
           "share = { dist = \"uniform\", min = 0.2, max = 0.6 }\nsource = \"bench\"\n";
    return value_or_throw(scenario::load_scenario(p.string(), data()));
  }();
  return s;
}

void BM_SweepBaseline(benchmark::State& state) {
  sweep::SweepOptions o;
  o.scenario = "licensing";
  o.threads = static_cast<int>(state.range(0));
  o.runs = static_cast<std::size_t>(state.range(1));
  o.warm_start = state.range(2) != 0;
  o.out = fs::temp_directory_path() / "rareflow_bench_sweep";
  for (auto _ : state) {
    auto r = sweep::run_sweep(data(), licensing(), o);
    if (!r || !r->failures.empty()) {
      state.SkipWithError(r ? "a run failed" : r.error().message.c_str());
      break;
    }
  }
  state.counters["s_per_run"] = benchmark::Counter(
      static_cast<double>(o.runs),
      benchmark::Counter::kIsIterationInvariantRate | benchmark::Counter::kInvert);
}

}  // namespace

BENCHMARK(BM_SweepBaseline)
    ->ArgNames({"threads", "runs", "warm"})
    ->Args({1, 40, 1})
    ->Args({2, 40, 1})
    ->Args({2, 40, 0})
    ->Args({1, 1000, 1})
    ->Args({2, 1000, 1})
    ->Iterations(1)
    ->Unit(benchmark::kSecond)
    ->UseRealTime();
BENCHMARK_MAIN();
