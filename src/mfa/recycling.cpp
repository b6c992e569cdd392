#include "rareflow/mfa/recycling.hpp"

#include <algorithm>
#include <cmath>

#include <fmt/format.h>

#include "rareflow/core/table.hpp"

namespace rareflow::mfa {

namespace {

bool is_share(double v) {
  return v >= 0.0 && v <= 1.0;
}

Result<void> validate_params(const StockBatch& batch, const StockResult& stocks,
                             const RecyclingParams& p) {
  const std::size_t n = stocks.stocks;
  const std::size_t years = stocks.years;
  if (batch.keys.size() != n)
    return fail(fmt::format("end of life: expected {} stock keys, found {}", n, batch.keys.size()));
  if (p.collection_rate.size() != n && p.collection_rate.size() != n * years)
    return fail(fmt::format(
        "end of life: collection_rate: expected {} (one per stock) or {} (per stock and year) "
        "values, found {}",
        n, n * years, p.collection_rate.size()));
  const bool per_year = p.collection_rate.size() != n || years == 1;
  for (std::size_t k = 0; k < p.collection_rate.size(); ++k) {
    if (is_share(p.collection_rate[k])) continue;
    const std::size_t s = per_year ? k / std::max<std::size_t>(years, 1) : k;
    return fail(
        fmt::format("end of life: stock {}: collection_rate: expected a share in [0, 1], "
                    "found {}",
                    describe(batch.keys[s]), format_double(p.collection_rate[k])));
  }
  for (std::size_t e = 0; e < kElementCount; ++e)
    if (!is_share(p.recovery_rate[e]))
      return fail(fmt::format("end of life: recovery_rate {}: expected a share in [0, 1], found {}",
                              info(element_at(e)).symbol, format_double(p.recovery_rate[e])));
  if (p.delay_years.size() > 1 && p.delay_years.size() != n)
    return fail(fmt::format(
        "end of life: delay_years: expected 0, 1 or {} (one per stock) values, found {}", n,
        p.delay_years.size()));
  for (int d : p.delay_years)
    if (d < 0) return fail(fmt::format("end of life: delay_years: expected >= 0, found {}", d));
  // A clearly negative outflow comes from a negative inflow; recycling it would make no sense.
  for (std::size_t s = 0; s < n; ++s) {
    auto out = stocks.outflow_of(s);
    auto level = stocks.stock_of(s);
    auto in = stocks.inflow_of(s);
    for (std::size_t t = 0; t < years; ++t) {
      const double scale =
          std::max({std::abs(in[t]), std::abs(level[t]), t > 0 ? std::abs(level[t - 1]) : 0.0});
      if (out[t] < -kBalanceTolerance * scale)
        return fail(fmt::format(
            "end of life: stock {}, {}: expected an outflow >= 0, found {} (a negative inflow; "
            "use the negative-inflow correction)",
            describe(batch.keys[s]), stocks.first_year + static_cast<int>(t),
            format_double(out[t])));
    }
  }
  return {};
}

}  // namespace

std::size_t RecyclingResult::region_index(std::string_view region) const {
  auto it = std::ranges::find(regions, region);
  return static_cast<std::size_t>(it - regions.begin());
}

Result<RecyclingResult> run_end_of_life(const StockBatch& batch, const StockResult& stocks,
                                        const RecyclingParams& p) {
  if (auto ok = validate_params(batch, stocks, p); !ok) return std::unexpected(ok.error());
  const std::size_t n_stocks = stocks.stocks;
  const std::size_t years = stocks.years;
  RecyclingResult r;
  r.first_year = stocks.first_year;
  r.years = years;
  r.stocks = n_stocks;
  for (auto* v : {&r.collected, &r.uncollected, &r.recycled, &r.recovery_loss, &r.pending})
    v->assign(n_stocks * years, 0.0);
  for (const auto& key : batch.keys)
    if (r.region_index(key.region) == r.regions.size()) r.regions.push_back(key.region);
  r.secondary_oxide.assign(r.regions.size() * kElementCount * years, 0.0);
  r.lost_oxide.assign(r.regions.size() * kElementCount * years, 0.0);

  const bool rate_per_year = p.collection_rate.size() == n_stocks * years;
  for (std::size_t s = 0; s < n_stocks; ++s) {
    const Element e = batch.keys[s].element;
    const double rec = p.recovery_rate[index(e)];
    const std::size_t delay = p.delay_years.empty() ? 0
                              : p.delay_years.size() == 1
                                  ? static_cast<std::size_t>(p.delay_years[0])
                                  : static_cast<std::size_t>(p.delay_years[s]);
    const std::size_t at = s * years;
    auto out = stocks.outflow_of(s);
    double* collected = r.collected.data() + at;
    for (std::size_t t = 0; t < years; ++t) {
      const double rate = rate_per_year ? p.collection_rate[at + t] : p.collection_rate[s];
      collected[t] = out[t] * rate;
      r.uncollected[at + t] = out[t] - collected[t];
      if (t >= delay) {
        const double arriving = collected[t - delay];
        r.recycled[at + t] = arriving * rec;
        r.recovery_loss[at + t] = arriving - r.recycled[at + t];
      }
      // Summed afresh each year rather than carried, so no rounding drift builds up.
      double waiting = 0.0;
      for (std::size_t k = t + 1 > delay ? t + 1 - delay : 0; k <= t; ++k) waiting += collected[k];
      r.pending[at + t] = waiting;
    }
    const double to_oxide = p.basis == Basis::Metal ? metal_to_oxide(e) : 1.0;
    const std::size_t cell =
        (r.region_index(batch.keys[s].region) * kElementCount + index(e)) * years;
    for (std::size_t t = 0; t < years; ++t) {
      r.secondary_oxide[cell + t] += r.recycled[at + t] * to_oxide;
      r.lost_oxide[cell + t] += (r.uncollected[at + t] + r.recovery_loss[at + t]) * to_oxide;
    }
  }
  return r;
}

Result<void> check_recycling_balance(const StockBatch& batch, const StockResult& stocks,
                                     const RecyclingResult& eol, double rel_tol) {
  const std::size_t years = eol.years;
  std::vector<double> outputs(years);
  for (std::size_t s = 0; s < eol.stocks; ++s) {
    const std::size_t at = s * years;
    const std::string name = describe(batch.keys[s]);
    std::span<const double> collected(eol.collected.data() + at, years);
    for (std::size_t t = 0; t < years; ++t)
      outputs[t] = eol.collected[at + t] + eol.uncollected[at + t];
    if (auto ok = check_process_balance("collection " + name, eol.first_year, stocks.outflow_of(s),
                                        outputs, {}, rel_tol);
        !ok)
      return ok;
    for (std::size_t t = 0; t < years; ++t)
      outputs[t] = eol.recycled[at + t] + eol.recovery_loss[at + t];
    if (auto ok = check_process_balance("recovery " + name, eol.first_year, collected, outputs,
                                        {eol.pending.data() + at, years}, rel_tol);
        !ok)
      return ok;
  }
  return {};
}

}  // namespace rareflow::mfa
