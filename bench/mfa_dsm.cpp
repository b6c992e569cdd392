// Speed of the dynamic stock model (issue 3 targets, on the project's 2-core machine):
//   1,000 stocks x 300 years, inflow-driven with outflows, Normal lifetimes differing between
//   stocks: < 0.3 s.  One 300-year stock-driven model: < 0.3 ms (ODYM takes about 15 ms).
#include <benchmark/benchmark.h>

#include <cmath>
#include <string>
#include <vector>

#include "rareflow/mfa/stock_model.hpp"

namespace {

using namespace rareflow;
using namespace rareflow::mfa;

constexpr std::size_t kYears = 300;

std::vector<double> logistic_inflow(double scale) {
  std::vector<double> v(kYears);
  for (std::size_t t = 0; t < kYears; ++t)
    v[t] = scale / (1.0 + std::exp(-(static_cast<double>(t) - 150.0) / 25.0));
  return v;
}

// Every stock has its own Normal lifetime (mean 5..25 years, sd 30% of the mean), so no two
// stocks share a survival curve: the worst case for the curve cache.
StockBatch thousand_stocks(bool cohort_varying) {
  StockBatch b;
  b.first_year = 1800;
  b.years = kYears;
  for (std::size_t n = 0; n < 1000; ++n) {
    const double mean = 5.0 + 0.02 * static_cast<double>(n);
    const auto inflow = logistic_inflow(1.0 + static_cast<double>(n % 17));
    StockKey key{"R" + std::to_string(n / 170), "S" + std::to_string(n / 17 % 10),
                 element_at(n % kElementCount)};
    Result<void> ok;
    if (!cohort_varying) {
      ok = b.add(std::move(key), inflow, Lifetime::normal(mean, 0.3 * mean));
    } else {
      // Lifetimes lengthening by 1% a year: every cohort has its own curve.
      std::vector<Lifetime> lts(kYears);
      for (std::size_t c = 0; c < kYears; ++c) {
        const double m = mean * (1.0 + 0.01 * static_cast<double>(c));
        lts[c] = Lifetime::normal(m, 0.3 * m);
      }
      ok = b.add(std::move(key), inflow, lts);
    }
    if (!ok) std::abort();
  }
  return b;
}

void BM_InflowDriven1000x300(benchmark::State& state) {
  const StockBatch batch = thousand_stocks(false);
  const RunOptions opt{.driver = Driver::Inflow, .threads = static_cast<unsigned>(state.range(0))};
  for (auto _ : state) {
    auto r = run_stock_model(batch, opt);
    benchmark::DoNotOptimize(r->outflow.data());
  }
}
BENCHMARK(BM_InflowDriven1000x300)->Arg(1)->Arg(2)->Unit(benchmark::kMillisecond);

void BM_InflowDriven1000x300CohortVarying(benchmark::State& state) {
  const StockBatch batch = thousand_stocks(true);
  const RunOptions opt{.driver = Driver::Inflow, .threads = static_cast<unsigned>(state.range(0))};
  for (auto _ : state) {
    auto r = run_stock_model(batch, opt);
    benchmark::DoNotOptimize(r->outflow.data());
  }
}
BENCHMARK(BM_InflowDriven1000x300CohortVarying)->Arg(1)->Arg(2)->Unit(benchmark::kMillisecond);

StockBatch one_stock_target() {
  // The stock of a growing-then-declining use, as a stock-driven model would be fed.
  StockBatch b;
  b.first_year = 1800;
  b.years = kYears;
  std::vector<double> s(kYears);
  for (std::size_t t = 0; t < kYears; ++t) {
    const double x = static_cast<double>(t);
    s[t] = 1000.0 / (1.0 + std::exp(-(x - 120.0) / 20.0)) - (t > 220 ? 4.0 * (x - 220.0) : 0.0);
  }
  if (!b.add({"XX", "product", Element::Nd}, s, Lifetime::normal(15.0, 4.5))) std::abort();
  return b;
}

void BM_StockDriven300(benchmark::State& state) {
  const StockBatch batch = one_stock_target();
  const RunOptions opt{
      .driver = Driver::Stock, .negative_inflow_correction = state.range(0) != 0, .threads = 1};
  for (auto _ : state) {
    auto r = run_stock_model(batch, opt);
    benchmark::DoNotOptimize(r->inflow.data());
  }
}
BENCHMARK(BM_StockDriven300)->Arg(0)->Arg(1)->Unit(benchmark::kMicrosecond);

void BM_StockDriven300ByCohort(benchmark::State& state) {
  const StockBatch batch = one_stock_target();
  const RunOptions opt{.driver = Driver::Stock, .by_cohort = true, .threads = 1};
  for (auto _ : state) {
    auto r = run_stock_model(batch, opt);
    benchmark::DoNotOptimize(r->stock_by_cohort.data());
  }
}
BENCHMARK(BM_StockDriven300ByCohort)->Unit(benchmark::kMicrosecond);

}  // namespace

BENCHMARK_MAIN();
