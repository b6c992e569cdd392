// Running a back-test and comparing it with what was observed: oxide prices inside and outside
// China, China's exports and mine production, with the mean absolute log error per series.
#include <cmath>

#include <fmt/format.h>

#include "backtest_history.hpp"
#include "rareflow/scenario/backtest.hpp"

namespace rareflow::scenario {

namespace {

using detail::History;
using market::Commodity;

constexpr int kFirstYear = 2010, kLastYear = 2015;
constexpr std::size_t kChn = 0, kRow = 1;
constexpr Element kPriceSeries[] = {Element::La, Element::Ce, Element::Nd,
                                    Element::Dy, Element::Eu, Element::Tb};

void fit(BacktestSeries& s) {
  double sum = 0.0;
  s.compared = 0;
  for (const auto& p : s.points)
    if (p.observed > 0.0 && p.model > 0.0) {
      sum += std::abs(std::log(p.model / p.observed));
      ++s.compared;
    }
  s.male = s.compared > 0 ? sum / s.compared : std::nan("");
}

std::vector<BacktestSeries> compare(const History& h, const BacktestRun& run) {
  const auto& m = run.model;
  const auto set = m.commodities();
  std::vector<BacktestSeries> out;
  for (Element e : kPriceSeries)
    for (bool outside : {true, false}) {
      auto v = var::backtest_price_oxide(info(e).symbol, outside);
      BacktestSeries s{std::move(v.name), std::move(v.unit), {}, 0.0, 0};
      for (const auto& y : run.sim.years) {
        double model = std::nan("");
        if (auto c = set.index(Commodity::oxide(e)); y.has_balance[c * y.regions + kChn])
          model = y.at(y.price, c, outside ? kRow : kChn);
        s.points.push_back({y.year, detail::observed_price(h, e, outside, y.year), model});
      }
      fit(s);
      out.push_back(std::move(s));
    }
  auto series = [](var::Variable v) { return BacktestSeries{v.name, v.unit, {}, 0.0, 0}; };
  BacktestSeries exports = series(var::backtest_exports_oxide("China"));
  BacktestSeries mined = series(var::backtest_mine_production("China"));
  BacktestSeries world = series(var::backtest_mine_production("World"));
  constexpr auto kMine = static_cast<std::size_t>(market::FacilityKind::Mine);
  for (const auto& y : run.sim.years) {
    double ex = 0.0, chn = 0.0, all = 0.0;
    for (std::size_t c = 0; c < set.size(); ++c)
      if (set.at(c).stage == market::Stage::Oxide) ex += y.at(y.exports, c, kChn);
    for (std::size_t s = 0; s < m.sources.size(); ++s) {
      all += y.output[kMine][s];
      if (m.sources[s].region == kChn) chn += y.output[kMine][s];
    }
    exports.points.push_back({y.year, detail::observed_value(h, "exports", "CHN", y.year), ex});
    mined.points.push_back(
        {y.year, detail::observed_value(h, "mine_production", "CHN", y.year), chn});
    world.points.push_back(
        {y.year, detail::observed_value(h, "mine_production", "World", y.year), all});
  }
  for (auto* s : {&exports, &mined, &world}) {
    fit(*s);
    out.push_back(std::move(*s));
  }
  return out;
}

}  // namespace

std::vector<std::string> backtest_names() {
  return {"quota-era"};
}

Result<BacktestRun> run_backtest(std::string_view name, const std::string& data_dir) {
  if (name != "quota-era")
    return fail(
        fmt::format("backtest: unknown back-test \"{}\": expected one of: quota-era", name));
  auto h = detail::load_history(data_dir);
  if (!h) return std::unexpected(h.error());
  BacktestRun run;
  run.name = std::string(name);
  run.data_origin = h->origin;
  run.base_year = h->base_year;
  run.first_year = kFirstYear;
  run.last_year = kLastYear;
  auto model = detail::quota_era_model(*h, kLastYear, run.notes);
  if (!model) return std::unexpected(model.error());
  run.model = std::move(*model);
  market::SimulationOptions opt;
  opt.first_year = h->base_year;  // the base year is solved too: it starts the dynamics
  opt.last_year = kLastYear;
  opt.scenario = "backtest-" + run.name;
  auto sim = market::simulate(run.model, opt);
  if (!sim) return std::unexpected(sim.error());
  run.sim = std::move(*sim);
  run.series = compare(*h, run);
  return run;
}

const BacktestSeries* find_series(const BacktestRun& run, std::string_view name) {
  for (const auto& s : run.series)
    if (s.name == name) return &s;
  return nullptr;
}

IamcTable backtest_iamc(const BacktestRun& run) {
  IamcTable t;
  const std::string scenario = "backtest-" + run.name;
  for (const auto& s : run.series)
    for (const auto& p : s.points) {
      const var::Variable v{s.name, s.unit};
      if (!std::isnan(p.model))
        t.add(kModelName, scenario, "World", var::backtest_model(v), p.year, p.model);
      if (!std::isnan(p.observed))
        t.add(kModelName, scenario, "World", var::backtest_observed(v), p.year, p.observed);
    }
  t.record.command = "backtest";
  t.record.entries = {{"backtest", run.name},
                      {"scenario", scenario},
                      {"data_origin", run.data_origin},
                      {"years", fmt::format("{}..{}", run.base_year, run.last_year)},
                      {"base_year", std::to_string(run.base_year)}};
  for (const auto& s : run.series)
    if (s.compared > 0) t.record.entries["fit.male." + s.name] = fmt::format("{:.4f}", s.male);
  return t;
}

Table backtest_table(const BacktestRun& run) {
  Table t;
  t.title = fmt::format("Back-test {}: model against observed, {}-{}", run.name, run.base_year,
                        run.last_year);
  t.columns = {{"series", "", 0},           {"unit", "", 0},          {"year", "", 0},
               {"observed", "see unit", 1}, {"model", "see unit", 1}, {"model/observed", "", 2}};
  for (const auto& s : run.series)
    for (const auto& p : s.points) {
      auto cell = [](double v) { return std::isnan(v) ? Cell{} : Cell{v}; };
      t.add_row({s.name, s.unit, static_cast<long long>(p.year), cell(p.observed), cell(p.model),
                 p.observed > 0.0 && p.model > 0.0 ? Cell{p.model / p.observed} : Cell{}});
    }
  t.notes.push_back(
      "observed: yearly geometric mean of the history package's points (annual and quarterly "
      "averages, spot and year-end quotes); outside China = FOB China; inside = domestic in USD");
  t.notes.push_back(
      fmt::format("{} is the base year: demand is calibrated on its prices", run.base_year));
  for (const auto& n : run.notes) t.notes.push_back(n);
  return t;
}

Table backtest_fit_table(const BacktestRun& run) {
  Table t;
  t.title = fmt::format("Back-test {}: fit per series (mean absolute log error)", run.name);
  t.columns = {
      {"series", "", 0}, {"years compared", "", 0}, {"MALE", "", 3}, {"typical factor", "x", 2}};
  for (const auto& s : run.series)
    t.add_row({s.name, static_cast<long long>(s.compared),
               std::isnan(s.male) ? Cell{} : Cell{s.male},
               std::isnan(s.male) ? Cell{} : Cell{std::exp(s.male)}});
  t.notes.push_back(
      "MALE = mean over the years with both values of |ln(model / observed)|; exp(MALE) is the "
      "typical factor between them");
  return t;
}

}  // namespace rareflow::scenario
