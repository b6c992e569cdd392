// Dynamic stock model (ODYM conventions), run on many stocks at once: every (region, sector,
// element) is one stock, and all stocks share one year axis. Series are stored stock-major in
// contiguous arrays, value of stock n in year t at [n * years + t], so a batch of 1,000 stocks
// of 300 years is three flat arrays, not 1,000 objects.
//
//   Inflow-driven: s_c[t][c] = i[c] sf[t][c];   o_c[t][c] = s_c[t-1][c] - s_c[t][c] (t > c);
//                  o_c[c][c] = i[c] (1 - sf[c][c]);   s, o = sums over cohorts.
//   Stock-driven:  i[t] = (s[t] - sum_{c<t} s_c[t][c]) / sf[t][t]   (0 when sf[t][t] = 0), with
//                  the optional negative-inflow correction (see RunOptions).
// There is no stock before the first year: every cohort is born inside the horizon.
#pragma once

#include <cstddef>
#include <span>
#include <string>
#include <vector>

#include "rareflow/core/elements.hpp"
#include "rareflow/core/error.hpp"
#include "rareflow/mfa/lifetime.hpp"

namespace rareflow::mfa {

// What a stock is about; labels for error messages and for aggregating end-of-life flows.
struct StockKey {
  std::string region{};  // e.g. an ISO alpha-3 code or "EU27"
  std::string sector{};  // e.g. "ev_traction_motor"
  Element element = Element::Nd;
};
std::string describe(const StockKey& key);  // "CHN/ev_traction_motor/Nd"

// The input of a run: N stocks over the same `years` years starting at `first_year`.
struct StockBatch {
  int first_year = 0;
  std::size_t years = 0;
  std::vector<StockKey> keys{};  // one per stock
  std::vector<double> values{};  // [n * years + t]: inflow (inflow-driven) or stock (stock-driven)
  std::vector<Lifetime> lifetimes{};  // [n * years + c]: lifetime of cohort c of stock n

  std::size_t stocks() const { return keys.size(); }
  // Appends a stock whose cohorts all share one lifetime; fails unless series.size() == years.
  [[nodiscard]] Result<void> add(StockKey key, std::span<const double> series,
                                 const Lifetime& lifetime);
  // Appends a stock with one lifetime per cohort (per_cohort.size() == years).
  [[nodiscard]] Result<void> add(StockKey key, std::span<const double> series,
                                 std::span<const Lifetime> per_cohort);
};

enum class Driver { Inflow, Stock };

struct RunOptions {
  Driver driver = Driver::Inflow;
  // Stock-driven only: when the implied inflow would be negative, the inflow is 0 and the gap
  // is taken out of all existing cohorts in proportion to their size (ODYM's correction).
  bool negative_inflow_correction = false;
  // Also return stock and outflow by cohort (memory: 2 * N * T * T doubles).
  bool by_cohort = false;
  // Worker threads over stocks; 0 = hardware concurrency. Results are bit-identical for every
  // thread count because each stock is computed alone, in the same order of operations.
  unsigned threads = 0;
};

// The output of a run. Series [n * years + t]; cohort tables [(n * years + t) * years + c].
struct StockResult {
  int first_year = 0;
  std::size_t years = 0;
  std::size_t stocks = 0;
  std::vector<double> inflow{};   // per year
  std::vector<double> outflow{};  // per year
  std::vector<double> stock{};    // at the end of each year
  // Stock-driven runs only: the share of the earlier cohorts kept by the negative-inflow
  // correction in each year (1 where it did not act). Empty for inflow-driven runs.
  std::vector<double> correction{};
  std::vector<double> stock_by_cohort{};    // only with RunOptions::by_cohort
  std::vector<double> outflow_by_cohort{};  // only with RunOptions::by_cohort

  std::span<const double> inflow_of(std::size_t n) const { return row(inflow, n); }
  std::span<const double> outflow_of(std::size_t n) const { return row(outflow, n); }
  std::span<const double> stock_of(std::size_t n) const { return row(stock, n); }
  std::span<const double> correction_of(std::size_t n) const { return row(correction, n); }
  // The T x T table of stock n, row-major [t * years + c].
  std::span<const double> stock_by_cohort_of(std::size_t n) const {
    return table(stock_by_cohort, n);
  }
  std::span<const double> outflow_by_cohort_of(std::size_t n) const {
    return table(outflow_by_cohort, n);
  }

 private:
  std::span<const double> row(const std::vector<double>& v, std::size_t n) const {
    return {v.data() + n * years, years};
  }
  std::span<const double> table(const std::vector<double>& v, std::size_t n) const {
    return {v.data() + n * years * years, years * years};
  }
};

// Runs every stock of the batch. Fails (naming the stock and year) on inconsistent sizes,
// invalid lifetimes, non-finite values, or negative stocks in a stock-driven run.
Result<StockResult> run_stock_model(const StockBatch& batch, const RunOptions& options = {});

// ds[t] = s[t] - s[t-1], with s[-1] = 0.
std::vector<double> stock_change(std::span<const double> stock);

}  // namespace rareflow::mfa
