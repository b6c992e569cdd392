// run_scenario: build, simulate, add group-average prices to the IAMC table and write the run
// record (inputs, data version, calibration, the adapter's notes).
#include <charconv>
#include <cmath>
#include <optional>
#include <string_view>

#include <fmt/format.h>

#include "rareflow/market/summary.hpp"
#include "rareflow/scenario/market_adapter.hpp"

namespace rareflow::scenario {

namespace {

// World and outside-China prices of every oxide and magnet, weighted by use (market::summary).
void add_group_prices(const MarketBuild& b, const market::SimulationResult& sim, IamcTable& t) {
  const auto& m = b.model;
  auto china = m.region_index(kChina);
  std::vector<std::size_t> outside =
      china ? market::other_regions(m, {*china}) : std::vector<std::size_t>{};
  std::vector<market::Commodity> goods;
  for (std::size_t e = 0; e < kElementCount; ++e)
    goods.push_back(market::Commodity::oxide(element_at(e)));
  for (std::size_t k = 0; k < m.magnet_types.size(); ++k)
    goods.push_back(market::Commodity::magnet(k));
  for (const auto& y : sim.years)
    for (const auto& c : goods) {
      const var::Variable price = var::price_of(m.commodity_label(c));
      double world = market::average_price(m, y, c, {});
      if (!std::isnan(world)) t.add(kModelName, b.scenario, "World", price, y.year, world);
      double out = china ? market::average_price(m, y, c, outside) : std::nan("");
      if (!std::isnan(out)) t.add(kModelName, b.scenario, kOutsideChina, price, y.year, out);
    }
}

void record(const ScenarioRun& run, const RunOptions& o, RunRecord& rec) {
  const MarketBuild& b = run.build;
  auto& e = rec.entries;
  e["title"] = "rareflow simulate: " + b.scenario;
  e["scenario"] = b.scenario;
  e["scenario.input"] = o.input.empty() ? b.scenario : o.input;
  std::string chain;
  for (const auto& x : b.chain) chain += (chain.empty() ? "" : " -> ") + x;
  e["scenario.chain"] = chain;
  e["data.name"] = b.data_name;
  e["data.version"] = b.data_version;
  e["data.origin"] = b.data_origin;
  e["base_year"] = std::to_string(b.base_year);
  e["seed"] = "none (the run draws no random numbers)";
  e["adapter.magnet_scale"] = fmt::format("{:.6f}", b.magnet_scale);
  e["adapter.separation_quota_factor"] = fmt::format("{:.6f}", b.separation_quota_factor);
  std::string affected;
  for (const auto& x : b.affected_elements) affected += (affected.empty() ? "" : ",") + x;
  if (!affected.empty()) e["scenario.affected_elements"] = affected;
  for (std::size_t i = 0; i < b.notes.size(); ++i)
    e[fmt::format("adapter.note.{:02}", i + 1)] = b.notes[i];
  for (const auto& ec : b.elements)
    if (ec.supply_t > 0.0)
      e[fmt::format("calibration.element.{}", info(ec.element).symbol)] = fmt::format(
          "supply {:.0f} t REO (separated + exogenous recycling), magnets {:.0f} (net of scrap, "
          "before the magnet scale), other uses {:.0f} x {:.3f}, unallocated {:.0f}",
          ec.supply_t, ec.magnet_use_t, ec.other_use_t, ec.other_scale, ec.unallocated_t);
  for (const auto& r : run.calibration)
    e[fmt::format("calibration.{}.{}", r.quantity, r.item)] = fmt::format(
        "model {:.6g}, observed {:.6g} {} ({:+.1f}%){}", r.model, r.observed, r.unit,
        100.0 * r.deviation(), r.target ? (r.ok() ? ", ok" : ", OUT OF TOLERANCE") : "");
}

}  // namespace

Result<std::pair<int, int>> parse_year_range(const std::string& text) {
  auto number = [](std::string_view s) -> std::optional<int> {
    int v = 0;
    auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
    if (ec != std::errc() || p != s.data() + s.size() || s.empty()) return std::nullopt;
    return v;
  };
  std::string_view t = text;
  auto dots = t.find("..");
  auto first = number(t.substr(0, dots));
  auto last = dots == std::string_view::npos ? first : number(t.substr(dots + 2));
  if (!first || !last || *last < *first)
    return fail(
        fmt::format("expected FIRST..LAST (e.g. 2024..2050) or one year, found \"{}\"", text));
  return std::pair{*first, *last};
}

Result<ScenarioRun> run_scenario(const Dataset& d, const Scenario& s0, const RunOptions& o) {
  Scenario s = s0;
  if (o.first_year) s.first_year = *o.first_year;
  if (o.last_year) s.last_year = *o.last_year;
  if (s.first_year < d.schema.base_year || s.last_year > 2100 || s.last_year < s.first_year)
    return fail(fmt::format("years: expected {} <= first <= last <= 2100, found {}..{}",
                            d.schema.base_year, s.first_year, s.last_year));
  auto b = build_market(d, s);
  if (!b) return std::unexpected(b.error());
  market::SimulationOptions so;
  so.first_year = s.first_year;
  so.last_year = s.last_year;
  so.scenario = s.name;
  // Yearly quota policies switch rows every year, which costs a warm start more simplex
  // iterations than a cold solve (docs/model_calibration.md, section 11).
  so.warm_start = o.warm_start && !b->yearly_quotas;
  if (o.warm_start && b->yearly_quotas)
    b->notes.push_back("warm start off: China's quotas move, one policy per year");
  so.dump_dir = o.dump_dir;
  so.on_year = o.on_year;
  auto sim = market::simulate(b->model, so);
  if (!sim) return std::unexpected(sim.error());
  ScenarioRun run{std::move(*b), std::move(*sim), {}};
  add_group_prices(run.build, run.sim, run.sim.table);
  if (s.first_year == d.schema.base_year && !run.sim.years.empty())
    run.calibration = calibration_rows(d, run.build, run.sim.years.front());
  record(run, o, run.sim.table.record);
  for (const auto& w : idle_policies(s, run.build.model, run.sim))
    run.sim.table.record.entries["warning.policy." + w.name] = w.why;
  return run;
}

}  // namespace rareflow::scenario
