// The model-based risk measure from two market runs (baseline and disruption); the equations and
// the region mapping are in model_inputs.hpp and docs/model_criticality.md.
#include <algorithm>
#include <cmath>
#include <limits>

#include <fmt/format.h>

#include "rareflow/criticality/inputs.hpp"
#include "rareflow/criticality/model_inputs.hpp"
#include "rareflow/criticality/subjects.hpp"
#include "rareflow/market/summary.hpp"

namespace rareflow::criticality {

namespace {

constexpr const char* kMarketChina = "CHN";
constexpr const char* kMarketRow = "ROW";  // the market adapter's rest of the world

const market::YearResult* year_of(const scenario::ScenarioRun& run, int year) {
  for (const auto& y : run.sim.years)
    if (y.year == year) return &y;
  return nullptr;
}

struct Quantities {
  double demand_t = 0.0;
  double shortfall_t = 0.0;
  double price_usd_per_kg = 0.0;
};

// t REO of element e demanded and unserved in `regions`, oxide and inside magnets.
Quantities quantities(const market::MarketModel& m, const market::YearResult& y, Element e,
                      const std::vector<std::size_t>& regions) {
  const auto set = m.commodities();
  const auto oxide = market::Commodity::oxide(e);
  const std::size_t co = set.index(oxide);
  Quantities q;
  for (std::size_t r : regions) {
    q.demand_t += y.at(y.demand_reference, co, r);
    q.shortfall_t += y.at(y.shortfall, co, r);
    for (std::size_t k = 0; k < m.magnet_types.size(); ++k) {
      const double oxide_per_magnet = m.magnet_types[k].recipe[index(e)] / oxide_to_metal(e);
      if (oxide_per_magnet <= 0.0) continue;
      const std::size_t cm = set.index(market::Commodity::magnet(k));
      q.demand_t += oxide_per_magnet * y.at(y.demand_reference, cm, r);
      q.shortfall_t += oxide_per_magnet * y.at(y.shortfall, cm, r);
    }
  }
  q.price_usd_per_kg = market::average_price(m, y, oxide, regions);
  return q;
}

Result<std::vector<std::size_t>> region_indices(const market::MarketModel& m,
                                                const std::vector<std::string>& ids) {
  std::vector<std::size_t> out;
  for (const auto& id : ids) {
    auto i = m.region_index(id);
    if (!i) return fail(fmt::format("market model has no region {}", id));
    out.push_back(*i);
  }
  return out;
}

}  // namespace

int default_model_year(const scenario::Scenario& s) {
  double first = std::numeric_limits<double>::infinity();
  for (const auto& p : s.policies)
    if (std::isfinite(p.start)) first = std::min(first, p.start);
  if (!std::isfinite(first)) return kDefaultModelYear;
  const int y = static_cast<int>(std::ceil(first));
  return std::clamp(y, s.first_year, s.last_year);
}

std::vector<std::string> market_regions_for(const Dataset& d, const market::MarketModel& m,
                                            const std::vector<std::string>& members,
                                            std::vector<std::string>* in_row) {
  std::vector<bool> used(m.regions.size(), false);
  for (const auto& id : members) {
    auto r = m.region_index(d.market_region(id));
    if (!r) {
      r = m.region_index(kMarketRow);
      if (in_row) in_row->push_back(id);
    }
    if (r) used[*r] = true;
  }
  std::vector<std::string> out;
  for (std::size_t r = 0; r < m.regions.size(); ++r)
    if (used[r]) out.push_back(m.regions[r].id);
  return out;
}

Result<std::vector<ModelMeasureInput>> model_measure_inputs(
    const scenario::ScenarioRun& baseline, const scenario::ScenarioRun& disruption,
    const std::vector<std::string>& market_regions, int year, const std::string& perspective) {
  const auto* yb = year_of(baseline, year);
  const auto* yd = year_of(disruption, year);
  if (!yb || !yd) return fail(fmt::format("year {} is not in both market runs", year));
  auto rb = region_indices(baseline.build.model, market_regions);
  if (!rb) return std::unexpected(rb.error());
  auto rd = region_indices(disruption.build.model, market_regions);
  if (!rd) return std::unexpected(rd.error());
  std::vector<ModelMeasureInput> out;
  for (std::size_t i = 0; i < kElementCount; ++i) {
    const Element e = element_at(i);
    const Quantities b = quantities(baseline.build.model, *yb, e, *rb);
    const Quantities d = quantities(disruption.build.model, *yd, e, *rd);
    ModelMeasureInput in;
    in.material = std::string(info(e).symbol);
    in.perspective = perspective;
    in.scenario = disruption.build.scenario;
    in.year = year;
    in.demand_t = b.demand_t;
    in.baseline = {b.shortfall_t, b.price_usd_per_kg};
    in.disruption = {d.shortfall_t, d.price_usd_per_kg};
    out.push_back(std::move(in));
  }
  return out;
}

Result<ModelAssessment> model_assessment(const Dataset& d, const ModelRequest& r) {
  auto p = resolve_perspective(r.perspective, known_perspectives(d));
  if (!p) return std::unexpected(p.error());
  auto loaded = scenario::load_scenario(r.scenario, d);
  if (!loaded) return std::unexpected(loaded.error());
  auto loaded_base = scenario::load_scenario("baseline", d);
  if (!loaded_base) return std::unexpected(loaded_base.error());
  const scenario::Scenario& disruption = *loaded;
  const scenario::Scenario& baseline = *loaded_base;
  ModelAssessment a;
  a.perspective = *p;
  a.members = d.members(*p);
  a.scenario = disruption.name;
  a.year = r.year.value_or(default_model_year(disruption));
  const int first = std::max(baseline.first_year, disruption.first_year);
  if (a.year < first || a.year > std::min(baseline.last_year, disruption.last_year))
    return fail(fmt::format("--year {}: expected a year from {} to {} (the scenarios' years)",
                            a.year, first, std::min(baseline.last_year, disruption.last_year)));
  scenario::RunOptions o;
  o.first_year = first;
  o.last_year = a.year;
  auto base_run = scenario::run_scenario(d, baseline, o);
  if (!base_run) return std::unexpected(base_run.error());
  o.input = r.scenario;
  auto dis_run = scenario::run_scenario(d, disruption, o);
  if (!dis_run) return std::unexpected(dis_run.error());
  std::vector<std::string> in_row;
  a.market_regions = market_regions_for(d, base_run->build.model, a.members, &in_row);
  auto inputs = model_measure_inputs(*base_run, *dis_run, a.market_regions, a.year, a.perspective);
  if (!inputs) return std::unexpected(inputs.error());

  std::vector<std::string> skipped;
  for (auto& in : *inputs) {
    if (!(in.baseline.price_usd_per_kg > 0.0) || std::isnan(in.disruption.price_usd_per_kg)) {
      skipped.push_back(in.material + " (no market price)");
      continue;
    }
    auto m = model_measure(in);
    if (!m) {
      skipped.push_back(fmt::format("{} ({})", in.material, m.error().message));
      continue;
    }
    a.inputs.push_back(std::move(in));
    a.results.push_back(std::move(*m));
  }
  a.notes.push_back(fmt::format("{} (members: {}) is read from the market regions {}.",
                                a.perspective, fmt::join(a.members, ", "),
                                fmt::join(a.market_regions, " + ")));
  if (!in_row.empty())
    a.notes.push_back(fmt::format(
        "{} have no market region of their own (no flows in the data package): they are read "
        "from ROW, whose demand, shortfall and price they share with every other region in it.",
        fmt::join(in_row, ", ")));
  a.notes.push_back(fmt::format(
      "Runs: baseline and {}, {}..{}; demand is the baseline reference demand of {} (t REO), "
      "oxide plus the oxide in demanded magnets (recipe / oxide-to-metal factor); shortfall "
      "counts the same way; price: oxide price, use-weighted over the market regions.",
      a.scenario, first, a.year, a.year));
  if (!skipped.empty())
    a.notes.push_back(fmt::format("Not measured: {}", fmt::join(skipped, "; ")));
  return a;
}

}  // namespace rareflow::criticality
