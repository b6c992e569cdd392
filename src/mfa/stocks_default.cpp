#include "rareflow/mfa/stocks_default.hpp"

#include <algorithm>
#include <cmath>
#include <map>
#include <optional>

#include <fmt/format.h>

#include "rareflow/core/table.hpp"
#include "rareflow/data/balance.hpp"
#include "rareflow/mfa/recycling.hpp"

namespace rareflow::mfa {

namespace {

constexpr std::string_view kMagnetDriver = "magnet_ree_demand";

// Sectors with an activity driver of their own in the package's trajectories.
struct OwnDriver {
  std::string_view sector;
  std::string_view driver;
};
constexpr OwnDriver kOwnDrivers[] = {{"ev_motors", "ev_sales"}, {"wind", "wind_additions"}};

bool has_driver(const Dataset& d, std::string_view driver) {
  return std::ranges::any_of(d.trajectories,
                             [&](const Trajectory& t) { return t.driver == driver; });
}

// A driver's points by year, checked: at least two, distinct years, values > 0.
struct DriverPoints {
  std::vector<int> years;
  std::vector<double> values;
  std::string unit;

  // Growth factor from year y-1 to y: the compound rate of the segment containing y, or of the
  // nearest segment outside the points.
  double factor(int y) const {
    std::size_t k = 0;
    while (k + 2 < years.size() && y > years[k + 1]) ++k;
    return std::pow(values[k + 1] / values[k], 1.0 / (years[k + 1] - years[k]));
  }
  bool covers(int y) const { return y > years.front() && y <= years.back(); }
};

Result<DriverPoints> driver_points(const Dataset& d, std::string_view driver) {
  std::map<int, const Trajectory*> by_year;
  for (const auto& t : d.trajectories) {
    if (t.driver != driver) continue;
    if (!(t.value > 0.0))
      return fail(
          fmt::format("trajectories: driver {} {}: expected a value > 0 for a growth rate, "
                      "found {}",
                      driver, t.year, format_double(t.value)));
    if (!by_year.emplace(t.year, &t).second)
      return fail(fmt::format("trajectories: driver {}: year {} appears twice", driver, t.year));
  }
  if (by_year.size() < 2)
    return fail(
        fmt::format("trajectories: driver {}: expected at least 2 years for a growth "
                    "rate, found {}",
                    driver, by_year.size()));
  DriverPoints p;
  for (const auto& [year, t] : by_year) {
    p.years.push_back(year);
    p.values.push_back(t->value);
    p.unit = t->unit;
  }
  return p;
}

Result<Lifetime> sector_lifetime(const Sector& s) {
  const double a = s.lifetime_mean_y;
  const double b = s.lifetime_sd_y;
  Lifetime lt;
  if (s.lifetime_model == "fixed")
    lt = Lifetime::fixed(a);
  else if (s.lifetime_model == "normal")
    lt = Lifetime::normal(a, b);
  else if (s.lifetime_model == "foldednormal")
    lt = Lifetime::folded_normal(a, b);
  else if (s.lifetime_model == "lognormal")
    lt = Lifetime::log_normal(a, b);
  else if (s.lifetime_model == "weibull")
    lt = Lifetime::weibull(a, b);
  else
    return fail(
        fmt::format("sectors: {}: lifetime_model: expected fixed, normal, foldednormal, "
                    "lognormal or weibull, found \"{}\"",
                    s.id, s.lifetime_model));
  if (auto ok = validate(lt); !ok)
    return fail(
        fmt::format("sectors: {}: lifetime {}: {}", s.id, to_string(lt), ok.error().message));
  return lt;
}

std::string pct(double factor) {
  return fmt::format("{:.2f} %/yr", (factor - 1.0) * 100.0);
}

// The driver's points and segment rates in words, e.g. "93 kt 2023, 131 kt 2030 (5.02 %/yr)".
std::string describe_driver(std::string_view name, const DriverPoints& p) {
  std::string s = fmt::format("{}: {} {} {}", name, format_double(p.values[0]), p.unit, p.years[0]);
  for (std::size_t k = 1; k < p.years.size(); ++k)
    s += fmt::format(" -> {} {} {} ({})", format_double(p.values[k]), p.unit, p.years[k],
                     pct(p.factor(p.years[k])));
  return s;
}

// Notes stating how the inflows were built and what else was assumed, with the package's
// figures.
Result<std::vector<std::string>> assumptions(const Dataset& d, const Balance& b, int start,
                                             int delay) {
  std::vector<std::string> out;
  out.push_back(fmt::format(
      "inflows: the {} balance's end use per region, sector and element (t REO; magnet sectors "
      "by where magnets are used after trade) times a growth index per sector (1 in {})",
      b.year, b.year));
  std::vector<std::string> drivers;
  if (has_driver(d, kMagnetDriver)) drivers.emplace_back(kMagnetDriver);
  for (const auto& o : kOwnDrivers)
    if (has_driver(d, o.driver)) drivers.emplace_back(o.driver);
  for (const auto& name : drivers) {
    auto p = driver_points(d, name);
    if (!p) return std::unexpected(p.error());
    out.push_back("growth between trajectory points at the compound rate of each segment; " +
                  describe_driver(name, *p));
  }
  if (auto m = driver_points(d, kMagnetDriver); m) {
    out.push_back(fmt::format(
        "magnet sectors without a driver of their own follow {}; ev_motors (ev_sales) and wind "
        "(wind_additions) follow their driver within its years and {} outside them",
        kMagnetDriver, kMagnetDriver));
    out.push_back(fmt::format(
        "back-cast: before {} at {}'s first-segment rate ({}) down to {} (NdFeB magnets on the "
        "market from 1984; no stock before {}); the package has no earlier series, and NdFeB "
        "output grew faster than this in 2000-2020, so older magnet cohorts are likely "
        "overstated",
        m->years.front(), kMagnetDriver, pct(m->factor(m->years.front())), start, start));
    out.push_back(fmt::format("after {}: at {}'s last-segment rate ({})", m->years.back(),
                              kMagnetDriver, pct(m->factor(m->years.back()))));
  } else {
    out.push_back(
        fmt::format("the package has no {} trajectory: magnet sectors without a driver "
                    "keep their {} inflow (zero growth)",
                    kMagnetDriver, b.year));
  }
  std::string oxide;
  for (const auto& s : d.sectors)
    if (s.commodity != "magnet") oxide += (oxide.empty() ? "" : ", ") + s.id;
  if (!oxide.empty())
    out.push_back(
        fmt::format("oxide sectors ({}) have no trajectory in the package and keep "
                    "their {} inflow in every year (zero growth)",
                    oxide, b.year));
  out.push_back(
      "lifetimes, collection and recovery rates per sector from the sectors table (source "
      "assumption-lifetimes); recovery is the share of collected REE returned as separated oxide");
  const char* years = delay == 1 ? "year" : "years";
  out.push_back(fmt::format(
      "secondary supply arrives {} {} after end of life (collection, dismantling, "
      "pre-processing); what is collected in the last {} {} is pending at the end of the run",
      delay, years, delay, years));
  double reported = 0.0;
  for (const auto& r : b.regions)
    for (double v : r.recycled) reported += v;
  out.push_back(fmt::format(
      "secondary supply here is post-consumer (end-of-life) recycling only; the {} balance's "
      "reported recycled oxide ({} t REO) is mostly manufacturing scrap, which never enters an "
      "in-use stock",
      b.year, format_double(std::round(reported))));
  return out;
}

// Base-year use of each sector by region: t REO per element.
std::map<std::string, ElementShares> sector_use(const Balance& b, const Sector& s) {
  std::map<std::string, ElementShares> use;
  const std::string item = "use: " + s.name;
  for (const auto& r : b.regions)
    for (const auto& l : r.lines)
      if (l.stage == ChainStage::Use && l.item == item)
        for (std::size_t e = 0; e < kElementCount; ++e) use[r.region][e] += l.t_reo[e];
  return use;
}

struct SectorRun {
  StockBatch batch;
  StockResult stocks;
  RecyclingResult eol;
};

// Builds, runs and checks the stocks of one sector (one recovery rate for all its elements).
Result<SectorRun> run_sector(const Dataset& d, const Balance& b, const Sector& s, int start,
                             int last, int delay, std::size_t& checked) {
  auto lt = sector_lifetime(s);
  if (!lt) return std::unexpected(lt.error());
  auto growth = growth_index(d, sector_growth(d, s), b.year, start, last);
  if (!growth) return std::unexpected(growth.error());
  SectorRun run;
  run.batch.first_year = start;
  run.batch.years = growth->size();
  std::vector<double> inflow(growth->size());
  const auto use = sector_use(b, s);
  for (const auto& region : d.regions) {  // package order, so output order is stable
    auto it = use.find(region.id);
    if (it == use.end()) continue;
    for (std::size_t e = 0; e < kElementCount; ++e) {
      const double base = it->second[e];
      if (base < 0.0)
        return fail(fmt::format("{} balance: {} use of {} {}: expected >= 0 t REO, found {}",
                                b.year, region.id, s.id, info(element_at(e)).symbol,
                                format_double(base)));
      if (base == 0.0) continue;
      for (std::size_t t = 0; t < inflow.size(); ++t) inflow[t] = base * (*growth)[t];
      auto ok = run.batch.add({region.id, s.id, element_at(e)}, inflow, *lt);
      if (!ok) return std::unexpected(ok.error());
    }
  }
  RunOptions opt;
  opt.threads = 1;  // a few dozen short stocks: a thread would cost more than it saves
  auto stocks = run_stock_model(run.batch, opt);
  if (!stocks) return std::unexpected(stocks.error());
  run.stocks = std::move(*stocks);
  if (auto ok = check_stock_balance(run.batch, run.stocks); !ok) return std::unexpected(ok.error());
  RecyclingParams p;
  p.collection_rate.assign(run.batch.stocks(), s.collection_pct / 100.0);
  p.recovery_rate.fill(s.recovery_pct / 100.0);
  p.delay_years = {delay};
  auto eol = run_end_of_life(run.batch, run.stocks, p);
  if (!eol) return std::unexpected(eol.error());
  run.eol = std::move(*eol);
  if (auto ok = check_recycling_balance(run.batch, run.stocks, run.eol); !ok)
    return std::unexpected(ok.error());
  checked += 3 * run.batch.stocks();  // in-use stock, collection, recovery
  return run;
}

// Recycling can only return what entered: cumulative secondary supply <= cumulative inflow.
Result<void> check_cumulative(const SectorRun& r) {
  const std::size_t years = r.stocks.years;
  for (std::size_t n = 0; n < r.stocks.stocks; ++n) {
    double in = 0.0;
    double back = 0.0;
    for (std::size_t t = 0; t < years; ++t) {
      in += r.stocks.inflow[n * years + t];
      back += r.eol.recycled[n * years + t];
      if (back > in * (1.0 + 1e-12))
        return fail(
            fmt::format("stocks: {}: cumulative secondary supply {} t REO exceeds "
                        "cumulative inflow {} t REO in {}",
                        describe(r.batch.keys[n]), format_double(back), format_double(in),
                        r.stocks.first_year + static_cast<int>(t)));
    }
  }
  return {};
}

std::vector<double> slice(const std::vector<double>& v, std::size_t n, std::size_t years,
                          std::size_t from, std::size_t count) {
  auto begin = v.begin() + static_cast<std::ptrdiff_t>(n * years + from);
  return {begin, begin + static_cast<std::ptrdiff_t>(count)};
}

}  // namespace

SectorGrowth sector_growth(const Dataset& d, const Sector& s) {
  SectorGrowth g{s.id, "", ""};
  if (s.commodity != "magnet") return g;
  if (has_driver(d, kMagnetDriver)) g.driver = g.fallback = kMagnetDriver;
  for (const auto& o : kOwnDrivers)
    if (o.sector == s.id && has_driver(d, o.driver)) g.driver = o.driver;
  return g;
}

Result<std::vector<double>> growth_index(const Dataset& d, const SectorGrowth& g, int base_year,
                                         int first, int last) {
  if (first > base_year || last < base_year || first > last)
    return fail(fmt::format("growth index: expected first <= {} <= last, found {}..{}", base_year,
                            first, last));
  std::optional<DriverPoints> own, fallback;
  if (!g.driver.empty()) {
    auto p = driver_points(d, g.driver);
    if (!p) return std::unexpected(p.error());
    own = std::move(*p);
  }
  if (!g.fallback.empty()) {
    auto p = driver_points(d, g.fallback);
    if (!p) return std::unexpected(p.error());
    fallback = std::move(*p);
  }
  auto factor = [&](int y) {
    if (own && own->covers(y)) return own->factor(y);
    return fallback ? fallback->factor(y) : 1.0;
  };
  std::vector<double> index(static_cast<std::size_t>(last - first + 1));
  const auto at = [&](int y) -> double& { return index[static_cast<std::size_t>(y - first)]; };
  at(base_year) = 1.0;
  for (int y = base_year + 1; y <= last; ++y) at(y) = at(y - 1) * factor(y);
  for (int y = base_year - 1; y >= first; --y) at(y) = at(y + 1) / factor(y + 1);
  return index;
}

std::size_t DefaultStocks::region_index(std::string_view region) const {
  return static_cast<std::size_t>(std::ranges::find(regions, region) - regions.begin());
}

double DefaultStocks::secondary(std::string_view region, Element e, int year) const {
  const std::size_t r = region_index(region);
  if (r == regions.size() || year < first_year || year > last_year()) return 0.0;
  return secondary_oxide[(r * kElementCount + index(e)) * years +
                         static_cast<std::size_t>(year - first_year)];
}

Result<DefaultStocks> default_stocks(const Dataset& d, int first_year, int last_year,
                                     const DefaultStocksOptions& options) {
  const int start = options.history_start;
  if (first_year < start || last_year > kLastYear || first_year > last_year)
    return fail(fmt::format("years: expected {} <= first <= last <= {}, found {}..{}", start,
                            kLastYear, first_year, last_year));
  if (options.delay_years < 0)
    return fail(fmt::format("recycling delay: expected >= 0 years, found {}", options.delay_years));
  const int base = d.schema.base_year;
  if (base < start)
    return fail(fmt::format("base year {} is before the history start {}", base, start));
  auto balance = build_balance(d, base);
  if (!balance) return std::unexpected(balance.error());
  // The model runs to the base year at least, since inflows are anchored there.
  const int model_last = std::max(last_year, base);

  DefaultStocks out;
  out.base_year = base;
  out.model_start = start;
  out.first_year = first_year;
  out.years = static_cast<std::size_t>(last_year - first_year + 1);
  auto notes = assumptions(d, *balance, start, options.delay_years);
  if (!notes) return std::unexpected(notes.error());
  out.assumptions = std::move(*notes);
  const auto from = static_cast<std::size_t>(first_year - start);
  for (const auto& s : d.sectors) {
    auto run =
        run_sector(d, *balance, s, start, model_last, options.delay_years, out.checked_processes);
    if (!run) return std::unexpected(run.error());
    if (auto ok = check_cumulative(*run); !ok) return std::unexpected(ok.error());
    const std::size_t years = run->stocks.years;
    for (std::size_t n = 0; n < run->batch.stocks(); ++n) {
      StockSeries ss;
      ss.key = run->batch.keys[n];
      ss.inflow = slice(run->stocks.inflow, n, years, from, out.years);
      ss.stock = slice(run->stocks.stock, n, years, from, out.years);
      ss.outflow = slice(run->stocks.outflow, n, years, from, out.years);
      ss.collected = slice(run->eol.collected, n, years, from, out.years);
      ss.recycled = slice(run->eol.recycled, n, years, from, out.years);
      ss.pending = slice(run->eol.pending, n, years, from, out.years);
      ss.lost.resize(out.years);
      for (std::size_t t = 0; t < out.years; ++t)
        ss.lost[t] = run->eol.uncollected[n * years + from + t] +
                     run->eol.recovery_loss[n * years + from + t];
      out.stocks.push_back(std::move(ss));
    }
  }
  for (const auto& region : d.regions)  // package order
    if (std::ranges::any_of(out.stocks,
                            [&](const StockSeries& s) { return s.key.region == region.id; }))
      out.regions.push_back(region.id);
  out.secondary_oxide.assign(out.regions.size() * kElementCount * out.years, 0.0);
  for (const auto& ss : out.stocks) {
    const std::size_t cell =
        (out.region_index(ss.key.region) * kElementCount + index(ss.key.element)) * out.years;
    for (std::size_t t = 0; t < out.years; ++t) out.secondary_oxide[cell + t] += ss.recycled[t];
  }
  return out;
}

}  // namespace rareflow::mfa
