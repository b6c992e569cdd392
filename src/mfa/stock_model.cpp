#include "rareflow/mfa/stock_model.hpp"

#include <algorithm>
#include <cmath>
#include <exception>
#include <thread>

#include <fmt/format.h>

#include "mfa/stock_kernels.hpp"
#include "rareflow/core/table.hpp"

namespace rareflow::mfa {

namespace {

std::string stock_name(const StockBatch& b, std::size_t n) {
  return fmt::format("stock {} ({})", n, describe(b.keys[n]));
}

Result<void> validate_batch(const StockBatch& b, Driver driver) {
  const std::size_t cells = b.stocks() * b.years;
  if (b.values.size() != cells)
    return fail(
        fmt::format("stock batch: values: expected {} stocks x {} years = {} entries, found {}",
                    b.stocks(), b.years, cells, b.values.size()));
  if (b.lifetimes.size() != cells)
    return fail(
        fmt::format("stock batch: lifetimes: expected {} stocks x {} years = {} entries, found {}",
                    b.stocks(), b.years, cells, b.lifetimes.size()));
  const char* what = driver == Driver::Inflow ? "inflow" : "stock";
  for (std::size_t n = 0; n < b.stocks(); ++n) {
    for (std::size_t t = 0; t < b.years; ++t) {
      const std::size_t at = n * b.years + t;
      const int year = b.first_year + static_cast<int>(t);
      const double v = b.values[at];
      if (!std::isfinite(v))
        return fail(fmt::format("{}, {}: {}: expected a finite number, found {}", stock_name(b, n),
                                year, what, format_double(v)));
      if (driver == Driver::Stock && v < 0.0)
        return fail(fmt::format("{}, {}: stock: expected a number >= 0, found {}", stock_name(b, n),
                                year, format_double(v)));
      // Consecutive cohorts usually share a lifetime: check each distinct one once.
      if (t > 0 && b.lifetimes[at] == b.lifetimes[at - 1]) continue;
      if (auto ok = validate(b.lifetimes[at]); !ok)
        return fail(fmt::format("{}, cohort {}: {}", stock_name(b, n), year, ok.error().message));
    }
  }
  return {};
}

// Runs stocks [begin, end) into r; every stock is computed alone, so the split between threads
// cannot change a result.
void run_range(const StockBatch& b, const RunOptions& opt, std::size_t begin, std::size_t end,
               StockResult& r) {
  const std::size_t years = b.years;
  detail::Workspace ws;
  const std::vector<double> no_correction(years, 1.0);
  for (std::size_t n = begin; n < end; ++n) {
    const std::size_t at = n * years;
    std::span<const double> values(b.values.data() + at, years);
    std::span<const Lifetime> lts(b.lifetimes.data() + at, years);
    std::span<double> inflow(r.inflow.data() + at, years);
    std::span<double> outflow(r.outflow.data() + at, years);
    std::span<double> stock(r.stock.data() + at, years);
    std::span<const double> factor = no_correction;
    if (opt.driver == Driver::Inflow) {
      std::ranges::copy(values, inflow.begin());
      detail::inflow_driven(values, lts, ws, stock, outflow);
    } else {
      std::span<double> kept(r.correction.data() + at, years);
      detail::stock_driven(values, lts, opt.negative_inflow_correction, ws, inflow, outflow, stock,
                           kept);
      factor = kept;
    }
    if (opt.by_cohort) {
      const std::size_t cells = years * years;
      detail::cohort_tables(inflow, lts, factor, ws,
                            std::span<double>(r.stock_by_cohort.data() + n * cells, cells),
                            std::span<double>(r.outflow_by_cohort.data() + n * cells, cells));
    }
  }
}

}  // namespace

std::string describe(const StockKey& key) {
  return fmt::format("{}/{}/{}", key.region, key.sector, info(key.element).symbol);
}

Result<void> StockBatch::add(StockKey key, std::span<const double> series,
                             const Lifetime& lifetime) {
  if (series.size() != years)
    return fail(fmt::format("stock {}: expected {} years of values, found {}", describe(key), years,
                            series.size()));
  keys.push_back(std::move(key));
  values.insert(values.end(), series.begin(), series.end());
  lifetimes.insert(lifetimes.end(), years, lifetime);
  return {};
}

Result<void> StockBatch::add(StockKey key, std::span<const double> series,
                             std::span<const Lifetime> per_cohort) {
  if (series.size() != years || per_cohort.size() != years)
    return fail(fmt::format("stock {}: expected {} years of values and lifetimes, found {} and {}",
                            describe(key), years, series.size(), per_cohort.size()));
  keys.push_back(std::move(key));
  values.insert(values.end(), series.begin(), series.end());
  lifetimes.insert(lifetimes.end(), per_cohort.begin(), per_cohort.end());
  return {};
}

Result<StockResult> run_stock_model(const StockBatch& batch, const RunOptions& options) {
  if (auto ok = validate_batch(batch, options.driver); !ok) return std::unexpected(ok.error());
  const std::size_t stocks = batch.stocks();
  const std::size_t years = batch.years;
  StockResult r;
  r.first_year = batch.first_year;
  r.years = years;
  r.stocks = stocks;
  r.inflow.assign(stocks * years, 0.0);
  r.outflow.assign(stocks * years, 0.0);
  r.stock.assign(stocks * years, 0.0);
  if (options.driver == Driver::Stock) r.correction.assign(stocks * years, 1.0);
  if (options.by_cohort) {
    r.stock_by_cohort.assign(stocks * years * years, 0.0);
    r.outflow_by_cohort.assign(stocks * years * years, 0.0);
  }
  std::size_t threads =
      options.threads != 0 ? options.threads : std::max(1u, std::thread::hardware_concurrency());
  threads = std::min(threads, stocks);
  if (threads <= 1) {
    run_range(batch, options, 0, stocks, r);
    return r;
  }
  // Contiguous blocks of stocks per thread; the caller's thread takes the first block.
  const std::size_t block = (stocks + threads - 1) / threads;
  std::vector<std::exception_ptr> errors(threads);
  {
    std::vector<std::jthread> workers;
    for (std::size_t w = 1; w < threads; ++w) {
      const std::size_t begin = std::min(stocks, w * block);
      const std::size_t end = std::min(stocks, begin + block);
      workers.emplace_back([&, w, begin, end] {
        try {
          run_range(batch, options, begin, end, r);
        } catch (...) {
          errors[w] = std::current_exception();
        }
      });
    }
    try {
      run_range(batch, options, 0, std::min(stocks, block), r);
    } catch (...) {
      errors[0] = std::current_exception();
    }
  }  // joins
  for (const auto& e : errors)
    if (e) std::rethrow_exception(e);
  return r;
}

std::vector<double> stock_change(std::span<const double> stock) {
  std::vector<double> ds(stock.size());
  for (std::size_t t = 0; t < stock.size(); ++t) ds[t] = stock[t] - (t > 0 ? stock[t - 1] : 0.0);
  return ds;
}

}  // namespace rareflow::mfa
