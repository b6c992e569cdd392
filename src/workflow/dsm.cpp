#include "rareflow/workflow/dsm.hpp"

#include <algorithm>
#include <cmath>

#include <fmt/format.h>

#include "rareflow/core/io.hpp"
#include "rareflow/mfa/balance.hpp"
#include "rareflow/mfa/lifetime.hpp"
#include "rareflow/mfa/stock_model.hpp"
#include "rareflow/mfa/year_series.hpp"

namespace rareflow::workflow {

using namespace rareflow::mfa;

namespace {

constexpr std::string_view kCommandLine = "command line";

Table per_year_table(const YearSeries& series, const StockResult& r, Driver driver,
                     const Lifetime& lt, const std::string& file) {
  Table t;
  t.title = fmt::format("dynamic stock model, {}-driven, lifetime {} ({})",
                        driver == Driver::Inflow ? "inflow" : "stock", to_string(lt), file);
  const std::string& u = series.unit;
  t.columns = {{"year", "", 0},
               {"inflow", u, 3},
               {"outflow", u, 3},
               {"stock", u, 3},
               {"stock change", u, 3}};
  auto ds = stock_change(r.stock_of(0));
  double worst = 0.0;
  for (std::size_t k = 0; k < r.years; ++k) {
    const double i = r.inflow[k], o = r.outflow[k];
    worst = std::max(worst, std::abs(i - o - ds[k]));
    t.add_row(
        {static_cast<long long>(r.first_year + static_cast<int>(k)), i, o, r.stock[k], ds[k]});
  }
  t.notes.push_back(fmt::format(
      "unit: {}, as given in {}; inflow, outflow and stock change are per year, stock is at the "
      "end of each year",
      u, file));
  t.notes.push_back(fmt::format("balance inflow - outflow - stock change: largest |residual| {} {}",
                                format_double(worst), u));
  return t;
}

// Notes on what a stock-driven run could not follow: negative inflows, corrections, and years
// where the lifetime cannot hold the given stock (sf[t][t] = 0 gives inflow 0).
void add_stock_driven_notes(Table& t, const YearSeries& series, const StockResult& r) {
  std::size_t negative = 0, adjusted = 0, missed = 0;
  int first_negative = 0, first_adjusted = 0, first_missed = 0;
  for (std::size_t k = 0; k < r.years; ++k) {
    const int year = r.first_year + static_cast<int>(k);
    if (r.inflow[k] < 0.0 && negative++ == 0) first_negative = year;
    const double given = series.values[k];
    const double tol = kBalanceTolerance * std::max(1.0, std::abs(given));
    if (std::abs(r.stock[k] - given) > tol && missed++ == 0) first_missed = year;
    if (r.correction[k] != 1.0 && adjusted++ == 0) first_adjusted = year;
  }
  if (negative > 0)
    t.notes.push_back(fmt::format(
        "the implied inflow is negative in {} year(s), first {}; --negative-inflow-correction "
        "removes the gap from the existing cohorts instead",
        negative, first_negative));
  if (adjusted > 0)
    t.notes.push_back(fmt::format(
        "inflow set to 0 and existing cohorts reduced in proportion in {} year(s), first {} "
        "(negative-inflow correction)",
        adjusted, first_adjusted));
  if (missed > 0)
    t.notes.push_back(fmt::format(
        "the stock differs from the given stock in {} year(s), first {}: the lifetime keeps "
        "nothing of a cohort in its inflow year, so no inflow can build the stock",
        missed, first_missed));
}

Table by_cohort_table(const YearSeries& series, const StockResult& r) {
  Table t;
  t.title = "stock and outflow by cohort";
  const std::string& u = series.unit;
  t.columns = {{"year", "", 0}, {"cohort", "", 0}, {"stock", u, 3}, {"outflow", u, 3}};
  auto s_c = r.stock_by_cohort_of(0);
  auto o_c = r.outflow_by_cohort_of(0);
  const std::size_t years = r.years;
  for (std::size_t y = 0; y < years; ++y)
    for (std::size_t c = 0; c <= y; ++c)
      t.add_row({static_cast<long long>(r.first_year + static_cast<int>(y)),
                 static_cast<long long>(r.first_year + static_cast<int>(c)), s_c[y * years + c],
                 o_c[y * years + c]});
  t.notes.push_back("cohort = inflow year; stock at the end of the year, outflow during the year");
  return t;
}

// Runs the model on a checked series; `file` names it in messages and titles.
std::expected<std::vector<Table>, Diagnostics> run_series(const YearSeries& series, Driver driver,
                                                          const Lifetime& lifetime, bool correction,
                                                          bool by_cohort, const std::string& file) {
  Diagnostics d;
  StockBatch batch;
  batch.first_year = series.first_year;
  batch.years = series.values.size();
  if (auto ok = batch.add({"-", file, Element::Nd}, series.values, lifetime); !ok) {
    d.add(file, 0, 0, "", ok.error().message);
    return std::unexpected(std::move(d));
  }
  RunOptions options;
  options.driver = driver;
  options.negative_inflow_correction = correction;
  options.by_cohort = by_cohort;
  options.threads = 1;
  auto result = run_stock_model(batch, options);
  if (!result) {
    d.add(file, 0, 0, "", result.error().message);
    return std::unexpected(std::move(d));
  }
  // Cannot fail for a correct model; kept as a guard that the output is sound before it is used.
  if (auto ok = check_stock_balance(batch, *result); !ok) {
    d.add(file, 0, 0, "", ok.error().message);
    return std::unexpected(std::move(d));
  }
  std::vector<Table> tables;
  tables.push_back(per_year_table(series, *result, driver, lifetime, file));
  if (driver == Driver::Stock) add_stock_driven_notes(tables.back(), series, *result);
  if (by_cohort) tables.push_back(by_cohort_table(series, *result));
  return tables;
}

}  // namespace

std::expected<std::vector<Table>, Diagnostics> run_dsm(const DsmRequest& request) {
  Diagnostics d;
  const bool has_inflow = !request.inflow_file.empty();
  const bool has_stock = !request.stock_file.empty();
  if (has_inflow == has_stock)
    d.add(std::string(kCommandLine), 0, 0, "--inflow/--stock",
          fmt::format("expected exactly one of --inflow FILE or --stock FILE, found {}",
                      has_inflow ? "both" : "neither"));
  if (request.negative_inflow_correction && !has_stock)
    d.add(std::string(kCommandLine), 0, 0, "--negative-inflow-correction",
          "expected --stock FILE (the correction belongs to the stock-driven model), found none");
  auto lifetime = parse_lifetime(request.lifetime, "--lifetime");
  if (!lifetime) d.add(lifetime.error());
  const Driver driver = has_stock ? Driver::Stock : Driver::Inflow;
  const std::string& file = has_stock ? request.stock_file : request.inflow_file;
  std::expected<YearSeries, Diagnostics> series = std::unexpected(Diagnostics{});
  if (has_inflow != has_stock) {
    auto text = read_file(file);
    if (!text)
      d.add(file, 0, 0, "", "cannot open file for reading");
    else if (series = parse_year_series(*text, file); !series)
      d.append(series.error());
  }
  if (!d.empty()) return std::unexpected(std::move(d));

  return run_series(*series, driver, *lifetime, request.negative_inflow_correction,
                    request.by_cohort, file);
}

std::expected<std::vector<Table>, Diagnostics> run_dsm_series(const DsmSeriesRequest& request) {
  Diagnostics d;
  const std::string& o = request.origin;
  if (request.years.empty() || request.years.size() != request.values.size())
    d.add(o, 0, 0, "",
          fmt::format("expected one value per year, at least one, found {} years and {} values",
                      request.years.size(), request.values.size()));
  YearSeries series;
  series.unit = request.unit.empty() ? std::string(kUnspecifiedUnit) : request.unit;
  if (d.empty()) {
    series.first_year = request.years.front();
    for (std::size_t k = 0; k < request.years.size(); ++k) {
      const int year = request.years[k];
      const double v = request.values[k];
      const std::string field = fmt::format("{}[{}]", o, year);
      if (year != series.first_year + static_cast<int>(k))
        d.add(o, 0, 0, field,
              fmt::format("expected year {} (years must be consecutive and increasing), found {}",
                          series.first_year + static_cast<int>(k), year));
      if (!std::isfinite(v) || v < 0.0)
        d.add(o, 0, 0, field, fmt::format("expected a number >= 0, found {}", v));
      series.values.push_back(v);
    }
  }
  if (request.negative_inflow_correction && !request.stock_driven)
    d.add(o, 0, 0, "negative_inflow_correction",
          "expected a stock-driven model (the correction belongs to it), found inflows");
  auto lifetime = parse_lifetime(request.lifetime, "lifetime");
  if (!lifetime) d.add(lifetime.error());
  if (!d.empty()) return std::unexpected(std::move(d));
  return run_series(series, request.stock_driven ? Driver::Stock : Driver::Inflow, *lifetime,
                    request.negative_inflow_correction, request.by_cohort, o);
}

}  // namespace rareflow::workflow
