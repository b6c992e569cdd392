#include "rareflow/market/validate.hpp"

#include <set>
#include <tuple>

#include "validate_util.hpp"

namespace rareflow::market {

namespace detail {

void Checker::trajectory(const std::string& field, const Trajectory& t, double lo) {
  for (std::size_t i = 0; i < t.points.size(); ++i) {
    at_least(fmt::format("{}[{}].value", field, i), t.points[i].value, lo, "");
    if (i > 0 && t.points[i].year <= t.points[i - 1].year)
      add(fmt::format("{}[{}].year", field, i),
          fmt::format("years must increase, got {} after {}", t.points[i].year,
                      t.points[i - 1].year));
  }
}

void Checker::commodity(const std::string& field, const MarketModel& m, Commodity c) {
  switch (c.stage) {
    case Stage::Concentrate:
      index(field, c.item, m.sources.size(), "ore source");
      break;
    case Stage::Oxide:
    case Stage::Metal:
      index(field, c.item, kElementCount, "element");
      break;
    case Stage::Magnet:
      index(field, c.item, m.magnet_types.size(), "magnet type");
      break;
  }
}

}  // namespace detail

namespace {

using detail::Checker;

void check_lifecycle(Checker& ck, const std::string& f, const Lifecycle& l) {
  if (l.ramp_years < 0) ck.add(f + ".ramp_years", "expected >= 0");
  if (l.close_year <= l.online_year) ck.add(f + ".close_year", "expected after online_year");
  if (l.candidate) {
    ck.at_least(f + ".capex_usd_per_tpa", l.capex_usd_per_tpa, 0.0, "USD per t/yr");
    if (l.lead_time_years < 1) ck.add(f + ".lead_time_years", "expected >= 1 year");
    if (l.lifetime_years < 1) ck.add(f + ".lifetime_years", "expected >= 1 year");
  }
}

template <class F>
void check_unique_ids(Checker& ck, const char* list, std::size_t n, F id_of) {
  std::set<std::string> seen;
  for (std::size_t i = 0; i < n; ++i) {
    const std::string& id = id_of(i);
    std::string f = fmt::format("{}[{}].id", list, i);
    if (id.empty())
      ck.add(f, "expected a non-empty id");
    else if (!seen.insert(id).second)
      ck.add(f, fmt::format("duplicate id '{}'", id));
  }
}

void check_regions_and_facilities(const MarketModel& m, Checker& ck) {
  const std::size_t R = m.regions.size();
  if (R == 0) ck.add("regions", "expected at least one region");
  check_unique_ids(ck, "regions", R,
                   [&](std::size_t i) -> const std::string& { return m.regions[i].id; });
  for (std::size_t i = 0; i < R; ++i)
    ck.at_least(fmt::format("regions[{}].disposal_cost_usd_per_kg", i),
                m.regions[i].disposal_cost_usd_per_kg, 0.0, "USD/kg");

  check_unique_ids(ck, "sources", m.sources.size(),
                   [&](std::size_t i) -> const std::string& { return m.sources[i].id; });
  for (std::size_t i = 0; i < m.sources.size(); ++i) {
    const auto& s = m.sources[i];
    std::string f = fmt::format("sources[{}]", i);
    ck.index(f + ".region", s.region, R, "region");
    ck.at_least(f + ".capacity_t", s.capacity_t, 0.0, "t REO/yr");
    ck.at_least(f + ".unit_cost_usd_per_kg", s.unit_cost_usd_per_kg, 0.0, "USD/kg");
    double sum = 0.0;
    for (std::size_t e = 0; e < kElementCount; ++e) {
      ck.in_unit_range(fmt::format("{}.distribution.{}", f, info(element_at(e)).symbol),
                       s.distribution[e]);
      sum += s.distribution[e];
    }
    if (std::abs(sum - 1.0) > 1e-6)
      ck.add(f + ".distribution", fmt::format("expected shares summing to 1, got {}", sum));
    check_lifecycle(ck, f + ".life", s.life);
  }

  check_unique_ids(ck, "separation", m.separation.size(),
                   [&](std::size_t i) -> const std::string& { return m.separation[i].id; });
  for (std::size_t i = 0; i < m.separation.size(); ++i) {
    const auto& p = m.separation[i];
    std::string f = fmt::format("separation[{}]", i);
    ck.index(f + ".region", p.region, R, "region");
    ck.at_least(f + ".capacity_t", p.capacity_t, 0.0, "t REO/yr");
    ck.at_least(f + ".unit_cost_usd_per_kg", p.unit_cost_usd_per_kg, 0.0, "USD/kg");
    double any = 0.0;
    for (std::size_t e = 0; e < kElementCount; ++e) {
      ck.in_unit_range(fmt::format("{}.recovery.{}", f, info(element_at(e)).symbol), p.recovery[e]);
      any += p.recovery[e];
    }
    if (!(any > 0.0)) ck.add(f + ".recovery", "expected at least one element recovered");
    check_lifecycle(ck, f + ".life", p.life);
  }

  check_unique_ids(ck, "metal", m.metal.size(),
                   [&](std::size_t i) -> const std::string& { return m.metal[i].id; });
  for (std::size_t i = 0; i < m.metal.size(); ++i) {
    const auto& p = m.metal[i];
    std::string f = fmt::format("metal[{}]", i);
    ck.index(f + ".region", p.region, R, "region");
    ck.at_least(f + ".capacity_t", p.capacity_t, 0.0, "t metal/yr");
    ck.at_least(f + ".unit_cost_usd_per_kg", p.unit_cost_usd_per_kg, 0.0, "USD/kg");
    if (p.elements.empty()) ck.add(f + ".elements", "expected at least one element");
    check_lifecycle(ck, f + ".life", p.life);
  }

  check_unique_ids(ck, "magnet_types", m.magnet_types.size(),
                   [&](std::size_t i) -> const std::string& { return m.magnet_types[i].id; });
  for (std::size_t i = 0; i < m.magnet_types.size(); ++i) {
    double sum = 0.0;
    for (std::size_t e = 0; e < kElementCount; ++e) {
      ck.at_least(fmt::format("magnet_types[{}].recipe.{}", i, info(element_at(e)).symbol),
                  m.magnet_types[i].recipe[e], 0.0, "t/t");
      sum += m.magnet_types[i].recipe[e];
    }
    if (!(sum > 0.0) || sum > 1.0)
      ck.add(fmt::format("magnet_types[{}].recipe", i),
             fmt::format("expected a total in (0, 1] t REE metal per t magnet, got {}", sum));
    const double s = m.magnet_types[i].scrap_share, rec = m.magnet_types[i].scrap_recovery;
    if (!(s >= 0.0 && s < 1.0))
      ck.add(fmt::format("magnet_types[{}].scrap_share", i),
             fmt::format("expected a share in [0, 1) t scrap per t blank, got {}", s));
    if (!(rec >= 0.0 && rec <= 1.0))
      ck.add(fmt::format("magnet_types[{}].scrap_recovery", i),
             fmt::format("expected a share in [0, 1], got {}", rec));
  }

  check_unique_ids(ck, "magnet_routes", m.magnet_routes.size(),
                   [&](std::size_t i) -> const std::string& { return m.magnet_routes[i].id; });
  for (std::size_t i = 0; i < m.magnet_routes.size(); ++i) {
    const auto& r = m.magnet_routes[i];
    std::string f = fmt::format("magnet_routes[{}]", i);
    ck.index(f + ".plant_type", r.plant_type, m.magnet_types.size(), "magnet type");
    ck.index(f + ".output", r.output, m.magnet_types.size(), "magnet type");
    ck.at_least(f + ".extra_cost_usd_per_kg", r.extra_cost_usd_per_kg, 0.0, "USD/kg");
    double sum = 0.0;
    for (std::size_t e = 0; e < kElementCount; ++e) {
      ck.at_least(fmt::format("{}.recipe.{}", f, info(element_at(e)).symbol), r.recipe[e], 0.0,
                  "t/t");
      sum += r.recipe[e];
    }
    if (!(sum > 0.0) || sum > 1.0)
      ck.add(f + ".recipe",
             fmt::format("expected a total in (0, 1] t REE metal per t magnet, got {}", sum));
  }

  check_unique_ids(ck, "magnet", m.magnet.size(),
                   [&](std::size_t i) -> const std::string& { return m.magnet[i].id; });
  for (std::size_t i = 0; i < m.magnet.size(); ++i) {
    const auto& p = m.magnet[i];
    std::string f = fmt::format("magnet[{}]", i);
    ck.index(f + ".region", p.region, R, "region");
    ck.index(f + ".type", p.type, m.magnet_types.size(), "magnet type");
    ck.at_least(f + ".capacity_t", p.capacity_t, 0.0, "t magnet/yr");
    ck.at_least(f + ".unit_cost_usd_per_kg", p.unit_cost_usd_per_kg, 0.0, "USD/kg");
    check_lifecycle(ck, f + ".life", p.life);
  }
}

void check_demand_and_flows(const MarketModel& m, Checker& ck) {
  const std::size_t R = m.regions.size();
  for (std::size_t i = 0; i < m.demands.size(); ++i) {
    const auto& d = m.demands[i];
    std::string f = fmt::format("demands[{}]", i);
    if (d.sector.empty()) ck.add(f + ".sector", "expected a sector name");
    ck.index(f + ".region", d.region, R, "region");
    if (d.commodity.stage == Stage::Concentrate)
      ck.add(f + ".commodity", "expected an oxide, a metal or a magnet, got a concentrate");
    ck.commodity(f + ".commodity", m, d.commodity);
    ck.at_least(f + ".q0_t", d.q0_t, 0.0, "t/yr");
    if (d.steps.empty()) {
      if (!(d.p0_usd_per_kg > 0.0) || !std::isfinite(d.p0_usd_per_kg))
        ck.add(f + ".p0_usd_per_kg", fmt::format("expected a price > 0, got {}", d.p0_usd_per_kg));
      if (!(d.elasticity < 0.0))
        ck.add(f + ".elasticity", fmt::format("expected a number < 0, got {}", d.elasticity));
      if (!(d.choke_usd_per_kg > d.p0_usd_per_kg) || !std::isfinite(d.choke_usd_per_kg))
        ck.add(f + ".choke_usd_per_kg", fmt::format("expected a price above p0 ({}), got {}",
                                                    d.p0_usd_per_kg, d.choke_usd_per_kg));
    }
    if (!(d.substitute_share >= 0.0 && d.substitute_share < 1.0))
      ck.add(f + ".substitute_share",
             fmt::format("expected a share in [0, 1), got {}", d.substitute_share));
    if (d.substitute_share > 0.0 &&
        !(d.substitute_usd_per_kg > 0.0 && std::isfinite(d.substitute_usd_per_kg)))
      ck.add(f + ".substitute_usd_per_kg",
             fmt::format("expected a price > 0, got {}", d.substitute_usd_per_kg));
    for (std::size_t k = 0; k < d.steps.size(); ++k) {
      ck.at_least(fmt::format("{}.steps[{}].quantity_t", f, k), d.steps[k].quantity_t, 0.0, "t/yr");
      ck.at_least(fmt::format("{}.steps[{}].wtp_usd_per_kg", f, k), d.steps[k].wtp_usd_per_kg, 0.0,
                  "USD/kg");
    }
    ck.trajectory(f + ".activity", d.activity, 0.0);
    const auto& pr = d.response;
    if (pr.long_run_elasticity != 0.0 && !(pr.long_run_elasticity <= d.elasticity))
      ck.add(f + ".response.long_run_elasticity",
             fmt::format("expected 0 (off) or <= the short-run elasticity {}, got {}", d.elasticity,
                         pr.long_run_elasticity));
    if (pr.long_run_elasticity != 0.0 && !(d.p0_usd_per_kg > 0.0))
      ck.add(f + ".p0_usd_per_kg", "a price response needs the reference price p0 > 0");
    ck.in_unit_range(f + ".response.speed", pr.speed);
    ck.in_unit_range(f + ".response.recovery_speed", pr.recovery_speed);
    if (pr.lag_years < 0) ck.add(f + ".response.lag_years", "expected >= 0");
    if (pr.window_years < 1) ck.add(f + ".response.window_years", "expected >= 1");
  }

  std::set<std::tuple<std::size_t, std::size_t, Stage>> arcs;
  for (std::size_t i = 0; i < m.arcs.size(); ++i) {
    const auto& a = m.arcs[i];
    std::string f = fmt::format("arcs[{}]", i);
    ck.index(f + ".from", a.from, R, "region");
    ck.index(f + ".to", a.to, R, "region");
    if (a.from == a.to) ck.add(f, "expected two different regions");
    ck.at_least(f + ".cost_usd_per_kg", a.cost_usd_per_kg, 0.0, "USD/kg");
    if (!arcs.insert({a.from, a.to, a.stage}).second)
      ck.add(f, "duplicate arc (same regions and stage)");
  }
  for (std::size_t i = 0; i < m.recycling.size(); ++i) {
    std::string f = fmt::format("recycling[{}]", i);
    ck.index(f + ".region", m.recycling[i].region, R, "region");
    ck.trajectory(f + ".t_per_yr", m.recycling[i].t_per_yr, 0.0);
  }
  for (std::size_t i = 0; i < m.stocks.size(); ++i) {
    std::string f = fmt::format("stocks[{}]", i);
    ck.index(f + ".region", m.stocks[i].region, R, "region");
    ck.commodity(f + ".commodity", m, m.stocks[i].commodity);
    ck.at_least(f + ".t", m.stocks[i].t, 0.0, "t");
  }
}

void check_settings(const MarketSettings& s, Checker& ck) {
  if (s.demand_steps_above < 1) ck.add("settings.demand_steps_above", "expected >= 1");
  if (s.demand_steps_below < 1) ck.add("settings.demand_steps_below", "expected >= 1");
  if (!(s.max_quantity_ratio > 1.0)) ck.add("settings.max_quantity_ratio", "expected a ratio > 1");
  for (std::size_t i = 0; i < kStageCount; ++i)
    ck.at_least(
        fmt::format("settings.holding_cost_usd_per_kg.{}", stage_name(static_cast<Stage>(i))),
        s.holding_cost_usd_per_kg[i], 0.0, "USD/kg");
  ck.at_least("settings.hurdle_rate", s.hurdle_rate, 0.0, "per yr");
  if (s.price_window_years < 1) ck.add("settings.price_window_years", "expected >= 1");
  if (s.price_floor_max_iterations < 1)
    ck.add("settings.price_floor_max_iterations", "expected >= 1");
  if (!(s.price_floor_tolerance_usd_per_kg > 0.0))
    ck.add("settings.price_floor_tolerance_usd_per_kg", "expected > 0");
  if (!(s.mass_balance_tolerance > 0.0)) ck.add("settings.mass_balance_tolerance", "expected > 0");
  for (std::size_t k = 0; k < kFacilityKindCount; ++k)
    ck.trajectory(
        fmt::format("settings.cost_index.{}", facility_kind_name(static_cast<FacilityKind>(k))),
        s.cost_index[k], 0.0);
}

}  // namespace

Diagnostics validate(const MarketModel& m) {
  Diagnostics d;
  Checker ck(d);
  check_regions_and_facilities(m, ck);
  check_demand_and_flows(m, ck);
  check_settings(m.settings, ck);
  detail::validate_policies(m, ck);
  return d;
}

}  // namespace rareflow::market
