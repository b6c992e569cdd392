// build_market: applies the scenario to the data package, then fills the market model block
// by block (market_adapter_*.cpp) and validates it.
#include <algorithm>
#include <cmath>

#include <fmt/format.h>

#include "market_adapter_context.hpp"
#include "rareflow/market/engine.hpp"
#include "rareflow/market/validate.hpp"
#include "rareflow/mfa/stocks_default.hpp"

namespace rareflow::scenario {

namespace detail {

double Context::param(std::string_view id, double fallback) {
  if (auto v = d.parameter(id)) return *v;
  error(
      fmt::format("data package: parameters: expected a row '{}' (see "
                  "docs/model_calibration.md)",
                  id));
  return fallback;
}

bool Context::has_param(std::string_view id) const {
  return std::ranges::any_of(d.parameters, [&](const Parameter& p) { return p.id == id; });
}

bool Context::included(const Facility& f) const {
  return std::ranges::find(s.include_facilities, f.id) != s.include_facilities.end() ||
         (f.status != FacilityStatus::Closed &&
          std::ranges::find(s.include_statuses, f.status) != s.include_statuses.end());
}

market::Lifecycle Context::lifecycle(const Facility& f) {
  market::Lifecycle l;
  if (f.status == FacilityStatus::Operating && f.start_year <= base_year) return l;
  l.online_year = f.start_year;
  l.ramp_years = static_cast<int>(std::lround(param("ramp_up_years", 2.0)));
  return l;
}

ElementArray Context::recovery_of(const ElementArray& covered) const {
  ElementArray r{};
  for (std::size_t e = 0; e < kElementCount; ++e)
    if (covered[e] > 0.0 && priced(e)) r[e] = recovery;
  return r;
}

std::size_t Context::year_index(int year) const {
  int i = std::clamp(year - base_year, 0, static_cast<int>(magnet_index.size()) - 1);
  return static_cast<std::size_t>(i);
}

Result<std::vector<double>> driver_index(const Dataset& d, std::string_view driver, int base,
                                         int last) {
  return mfa::growth_index(d, {"", std::string(driver), std::string(driver)}, base, base, last);
}

market::Trajectory yearly(int base, const std::vector<double>& values) {
  market::Trajectory t;
  for (std::size_t i = 0; i < values.size(); ++i)
    t.points.push_back({base + static_cast<int>(i), values[i]});
  return t;
}

double peak_ratio(const std::vector<double>& v) {
  if (v.empty() || !(v.front() > 0.0)) return 1.0;
  double peak = v.front();
  for (double x : v) peak = std::max(peak, x);
  return peak / v.front();
}

double total(const ElementArray& a) {
  double s = 0.0;
  for (double v : a) s += v;
  return s;
}

}  // namespace detail

namespace {

using detail::Context;
using market::ElementArray;

bool is_special_target(const std::string& t) {
  return t.starts_with("sector:") || t.starts_with("cost:") || t.starts_with("quota:");
}

// Scenario trajectories naming a package driver override its points year by year (other
// years keep the package's points). Other targets are read by the blocks that use them.
void merge_driver_trajectories(Dataset& d, const Scenario& s) {
  for (const auto& tr : s.trajectories) {
    if (is_special_target(tr.target)) continue;
    for (const auto& [year, value] : tr.points) {
      auto it = std::ranges::find_if(d.trajectories, [&](const rareflow::Trajectory& x) {
        return x.driver == tr.target && x.year == year;
      });
      std::string unit = tr.unit;
      if (it != d.trajectories.end()) {
        if (unit.empty()) unit = it->unit;
        *it = {tr.target, year, value, unit, "scenario", tr.where};
      } else {
        d.trajectories.push_back({tr.target, year, value, unit, "scenario", tr.where});
      }
    }
  }
}

std::vector<std::string> check_trajectory_targets(const Dataset& d, const Scenario& s) {
  std::vector<std::string> drivers;
  for (const auto& t : d.trajectories)
    if (std::ranges::find(drivers, t.driver) == drivers.end()) drivers.push_back(t.driver);
  std::vector<std::string> known = drivers;
  for (const auto& sec : d.sectors) known.push_back("sector:" + sec.id);
  for (const char* k : {"cost:mine", "cost:separation", "cost:metal", "cost:magnet",
                        "quota:china_mining", "quota:china_separation"})
    known.emplace_back(k);
  std::vector<std::string> errors;
  for (const auto& tr : s.trajectories) {
    if (std::ranges::find(known, tr.target) != known.end()) continue;
    errors.push_back(fmt::format(
        "{}: trajectory.target: expected a driver of the data package ({}), sector:<id>, "
        "cost:<mine|separation|metal|magnet> or quota:<china_mining|china_separation>, found "
        "\"{}\"{}",
        tr.where, fmt::join(drivers, ", "), tr.target, suggestion(tr.target, known)));
  }
  return errors;
}

void reference_prices(Context& c) {
  c.price.fill(std::nan(""));
  for (const auto& p : c.d.prices) {
    auto e = element_from_symbol(p.element);
    if (!e || p.form != "oxide" || p.year != c.base_year) continue;
    std::size_t i = index(*e);
    if (c.priced(i)) continue;  // first row of the year wins
    c.price[i] = p.usd_per_kg;
    c.price_source[i] = p.source;
  }
  for (Element e : {Element::Nd, Element::Pr, Element::Dy, Element::Tb, Element::La, Element::Ce})
    if (!c.priced(index(e)))
      c.error(fmt::format("data package: prices: expected a {} oxide price for {}", info(e).symbol,
                          c.base_year));
}

constexpr int kCalibrationPasses = 3;

// World and China supply of separated and recycled oxide per element in the base year, t REO,
// from a solve with every policy in force. Magnet scrap is not supply here: add_demand nets it
// out of the magnets' need.
Result<std::pair<ElementArray, ElementArray>> base_year_supply(const market::MarketModel& m,
                                                               int year) {
  auto engine = market::MarketEngine::create(m);
  if (!engine) return std::unexpected(engine.error());
  auto y = engine->solve(year, engine->initial_state(), {false, true});
  if (!y) return std::unexpected(y.error());
  if (y->status != market::SolveStatus::Optimal)
    return fail(
        fmt::format("calibration: the {} solve ended {}", year, market::status_name(y->status)));
  ElementArray world{}, china{};
  const auto set = m.commodities();
  const auto chn = m.region_index(kChina);
  for (std::size_t e = 0; e < kElementCount; ++e) {
    std::size_t ci = set.index(market::Commodity::oxide(element_at(e)));
    for (std::size_t r = 0; r < m.regions.size(); ++r) {
      double t = y->at(y->production, ci, r);
      for (const auto& rc : m.recycling)
        if (rc.region == r && rc.element == element_at(e)) t += rc.t_per_yr.at(year, 0.0);
      world[e] += t;
      if (chn && r == *chn) china[e] += t;
    }
  }
  return std::pair{world, china};
}

bool close(const ElementArray& a, const ElementArray& b) {
  for (std::size_t e = 0; e < kElementCount; ++e)
    if (std::abs(a[e] - b[e]) > 1e-9 * std::max(1.0, std::abs(a[e]))) return false;
  return true;
}

std::string joined(const std::vector<std::string>& v) {
  std::string out;
  for (const auto& x : v) out += (out.empty() ? "" : "\n") + x;
  return out;
}

Result<MarketBuild> build(const Dataset& d, const Scenario& s) {
  auto bal = build_balance(d, d.schema.base_year);
  if (!bal) return std::unexpected(bal.error());
  MarketBuild out;
  out.scenario = s.name;
  out.chain = s.chain;
  out.base_year = d.schema.base_year;
  out.first_year = s.first_year;
  out.last_year = s.last_year;
  out.data_name = d.schema.name;
  out.data_version = d.schema.version;
  out.data_origin = d.origin;
  Context c(d, s, *bal, out);
  c.base_year = out.base_year;
  c.last_year = std::max(s.last_year, out.base_year);
  c.m.settings.base_year = c.base_year;
  reference_prices(c);
  c.recovery = c.param("separation_recovery", 95.0) / 100.0;
  if (!c.errors.empty()) return fail(joined(c.errors));

  detail::prepare_china(c);
  detail::apply_settings(c);
  detail::add_regions(c);
  if (!c.errors.empty()) return fail(joined(c.errors));
  detail::add_mines(c);
  detail::add_plants(c);
  detail::add_candidates(c);
  detail::add_metal(c);
  detail::add_magnet_routes(c);
  detail::add_arcs(c);
  detail::add_demand(c);
  detail::add_recycling(c);
  detail::add_china_quotas(c);
  if (!c.errors.empty()) return fail(joined(c.errors));
  // Further passes: demand calibrated on the supply a base-year solve actually delivers (the
  // routing of ores to plants with different coverage is the LP's, not the balance's). The
  // scenario's own policies and events are not part of the calibration.
  for (int pass = 0; pass < kCalibrationPasses; ++pass) {
    auto measured = base_year_supply(out.model, c.base_year);
    if (!measured) return std::unexpected(measured.error());
    if (c.measured_supply && close(*c.measured_supply, measured->first)) break;
    c.measured_supply = measured->first;
    c.measured_supply_china = measured->second;
    out.model.demands.clear();
    detail::add_demand(c);
    if (!c.errors.empty()) return fail(joined(c.errors));
  }
  c.note(
      fmt::format("calibration: demand set on the base-year supply of a {} solve; magnets "
                  "first: recorded magnet use (finished) scaled by {:.4f} (1: every magnet "
                  "element serves it); other uses take what is left, scaled, or completed by an "
                  "'unallocated' demand, element by element",
                  c.base_year, out.magnet_scale));
  detail::add_scenario_policies(c);
  if (!c.errors.empty()) return fail(joined(c.errors));
  Diagnostics diags = market::validate(out.model);
  if (!diags.empty())
    return fail("market model built from the scenario is invalid (an adapter bug):\n" +
                diags.str());
  return out;
}

}  // namespace

Result<MarketBuild> build_market(const Dataset& d, const Scenario& s) {
  bool own_copy =
      !s.overrides.empty() || std::ranges::any_of(s.trajectories, [](const TrajectorySpec& t) {
        return !is_special_target(t.target);
      });
  if (!own_copy) {
    if (auto bad = check_trajectory_targets(d, s); !bad.empty()) return fail(joined(bad));
    return build(d, s);
  }
  auto patched = apply_overrides(d, s);
  // The message only: a patched package that fails is the scenario's problem, not a file's.
  if (!patched) return fail(patched.error().message);
  Dataset copy = std::move(*patched);
  if (auto bad = check_trajectory_targets(copy, s); !bad.empty()) return fail(joined(bad));
  merge_driver_trajectories(copy, s);
  return build(copy, s);
}

Result<market::MarketModel> build_market_model(const Dataset& d, const Scenario& s) {
  auto b = build_market(d, s);
  if (!b) return std::unexpected(b.error());
  return std::move(b->model);
}

}  // namespace rareflow::scenario
