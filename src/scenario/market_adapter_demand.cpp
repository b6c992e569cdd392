// Demand: one curve per (region, sector) for magnets and per (region, sector, element) for
// oxides, from the base-year balance's use lines, calibrated so that each element's base-year
// demand at its reference price equals its modelled base-year supply (docs, section 3).
#include <algorithm>
#include <cmath>
#include <map>

#include <fmt/format.h>

#include "market_adapter_context.hpp"
#include "rareflow/market/demand_curve.hpp"

namespace rareflow::scenario::detail {

namespace {

constexpr const char* kUnallocated = "unallocated";
// Half-width of the demand step at the reference price, as a share of q0 (docs, section 3).
constexpr double kReferenceBand = 0.02;

struct Use {
  std::string region;
  const Sector* sector = nullptr;
  ElementArray t_reo{};
  double magnets_t = 0.0;  // magnet sectors: t magnet
};

std::vector<Use> recorded_uses(Context& c) {
  std::vector<Use> uses;
  for (const auto& rb : c.balance.regions)
    for (const auto& l : rb.lines) {
      if (l.stage != "use") continue;
      std::string name = l.item.starts_with("use: ") ? l.item.substr(5) : l.item;
      auto it = std::ranges::find_if(c.d.sectors, [&](const Sector& s) { return s.name == name; });
      if (it == c.d.sectors.end()) {
        c.error(fmt::format("balance: use line '{}' of {} names no sector", l.item, rb.region));
        continue;
      }
      Use u{rb.region, &*it, l.t_reo, 0.0};
      if (it->commodity == "magnet") u.magnets_t = l.other;
      uses.push_back(u);
    }
  return uses;
}

// Recovery of the plants a region runs in the base year; the default coverage (every priced
// element) where it has none (its ore is separated elsewhere in the model).
ElementArray base_recovery(const Context& c, std::size_t region) {
  ElementArray rec{};
  bool any = false;
  for (const auto& p : c.m.separation) {
    if (p.region != region || p.life.candidate || p.life.online_year > c.base_year) continue;
    any = true;
    for (std::size_t e = 0; e < kElementCount; ++e) rec[e] = std::max(rec[e], p.recovery[e]);
  }
  if (any) return rec;
  ElementArray all{};
  all.fill(1.0);
  return c.recovery_of(all);
}

// Activity index of a sector: a scenario's sector:<id> trajectory, else magnet sectors follow
// magnet_ree_demand and others stay flat.
market::Trajectory activity(Context& c, const Sector& s) {
  for (const auto& tr : c.s.trajectories)
    if (tr.target == "sector:" + s.id) {
      market::Trajectory t;
      for (const auto& [y, v] : tr.points) t.points.push_back({y, v});
      return t;
    }
  if (s.commodity != "magnet") return {};
  return yearly(c.base_year, c.magnet_index);
}

// The engine's step approximation of the curve, with a step of willingness to pay p0 and
// width 2 kReferenceBand q0 inserted just past q0 (p0 is a step boundary of the curve, at q0),
// taken from the steps below p0. With supply at q0 (1 + kReferenceBand), the middle of that
// step, the equilibrium price is p0 itself and every demand gets at least q0: no shortfall and
// no arbitrary choice among the range of duals that a bare step boundary allows.
Result<std::vector<market::DemandStep>> calibrated_steps(const market::Demand& d,
                                                         const market::MarketSettings& st) {
  auto steps = market::demand_steps(d, st);
  if (!steps) return steps;
  std::vector<market::DemandStep> out;
  double q = 0.0, carve = 2.0 * kReferenceBand * d.q0_t;
  bool inserted = false;
  for (const auto& s : *steps) {
    if (!inserted && q >= d.q0_t * (1.0 - 1e-9)) {
      out.push_back({carve, d.p0_usd_per_kg});
      inserted = true;
    }
    q += s.quantity_t;
    double width = s.quantity_t;
    if (inserted && carve > 0.0) {
      double take = std::min(carve, width);
      width -= take;
      carve -= take;
    }
    if (width > 0.0) out.push_back({width, s.wtp_usd_per_kg});
  }
  if (!inserted || carve > 1e-9 * d.q0_t)
    return fail("demand curve of sector '" + d.sector + "': no room for the reference step");
  return out;
}

}  // namespace

void add_demand(Context& c) {
  if (c.m.magnet_types.empty()) return;  // no NdFeB recipe: add_plants reported why
  const std::vector<Use> uses = recorded_uses(c);
  ElementArray magnet{}, other{}, supply{}, supply_china{};
  for (const auto& u : uses)
    for (std::size_t e = 0; e < kElementCount; ++e)
      (u.sector->commodity == "magnet" ? magnet : other)[e] += u.t_reo[e];
  for (const auto& [region, sr] : c.separation) {
    auto r = c.region(region);
    if (!r) continue;
    ElementArray rec = base_recovery(c, *r);
    for (std::size_t e = 0; e < kElementCount; ++e) {
      double t = std::max(0.0, sr.feed[e]) * rec[e];
      supply[e] += t;
      if (region == kChina) supply_china[e] += t;
    }
  }
  for (const auto& rb : c.balance.regions)
    for (std::size_t e = 0; e < kElementCount; ++e) {
      supply[e] += rb.recycled[e];
      if (rb.region == kChina) supply_china[e] += rb.recycled[e];
    }
  if (c.measured_supply) {
    supply = *c.measured_supply;
    supply_china = *c.measured_supply_china;
  }

  // Demand is set for supply / (1 + kReferenceBand): supply then sits in the middle of the
  // reference step. Magnet use scaled so that the tightest magnet element's recorded uses fit.
  for (std::size_t e = 0; e < kElementCount; ++e) {
    supply[e] /= 1.0 + kReferenceBand;
    supply_china[e] /= 1.0 + kReferenceBand;
  }
  const auto& recipe = c.m.magnet_types.at(0).recipe;
  double sigma_m = 1.0;
  for (std::size_t e = 0; e < kElementCount; ++e)
    if (recipe[e] > 0.0 && magnet[e] > 0.0)
      sigma_m = std::min(sigma_m, supply[e] / (magnet[e] + other[e]));
  c.out.magnet_scale = sigma_m;

  ElementArray scale{}, unallocated{};
  c.out.elements.clear();
  for (std::size_t e = 0; e < kElementCount; ++e) {
    double left = std::max(0.0, supply[e] - sigma_m * magnet[e]);
    scale[e] = 1.0;
    if (!c.priced(e)) {
      scale[e] = 0.0;
    } else if (left <= other[e]) {
      scale[e] = other[e] > 0.0 ? left / other[e] : 0.0;
    } else {
      unallocated[e] = left - other[e];
    }
    c.out.elements.push_back({element_at(e), c.price[e], c.price_source[e],
                              supply[e] * (1.0 + kReferenceBand), magnet[e], other[e], scale[e],
                              unallocated[e]});
  }

  const double eps = c.param("demand_elasticity", -0.3);
  const double choke = c.param("demand_choke_multiple", 10.0);
  market::PriceResponse response;
  response.long_run_elasticity = c.param("demand_long_run_elasticity", -0.6);
  response.speed = c.param("demand_response_speed", 0.3);
  auto add = [&](std::string sector, std::size_t r, market::Commodity com, double q0, double p0,
                 market::Trajectory act) {
    if (!(q0 > 0.0) || !(p0 > 0.0)) return;
    market::Demand d;
    d.sector = std::move(sector);
    d.region = r;
    d.commodity = com;
    d.q0_t = q0;
    d.p0_usd_per_kg = p0;
    d.elasticity = eps;
    d.choke_usd_per_kg = choke * p0;
    d.activity = std::move(act);
    d.response = response;
    auto steps = calibrated_steps(d, c.m.settings);
    if (!steps) {
      c.error(steps.error().message);
      return;
    }
    d.steps = std::move(*steps);
    c.m.demands.push_back(std::move(d));
  };
  // Reference prices are China's (USGS quotes Chinese prices): outside China demand refers to
  // the delivered price, the reference plus one transport leg.
  const double to_oxide = c.param("transport_oxide", 0.1);
  const double to_magnet = c.param("transport_magnet", 0.2);
  const auto china = c.region(kChina), row = c.region(kRow);
  auto delivered = [&](std::size_t r, double p, double leg) { return r == china ? p : p + leg; };
  for (const auto& u : uses) {
    auto r = c.region(u.region);
    if (!r) continue;
    market::Trajectory act = activity(c, *u.sector);
    if (u.sector->commodity == "magnet") {
      add(u.sector->id, *r, market::Commodity::magnet(0), sigma_m * u.magnets_t,
          delivered(*r, c.out.magnet_price_usd_per_kg, to_magnet), act);
      continue;
    }
    for (std::size_t e = 0; e < kElementCount; ++e)
      add(u.sector->id, *r, market::Commodity::oxide(element_at(e)), scale[e] * u.t_reo[e],
          delivered(*r, c.price[e], to_oxide), act);
  }
  // Supply without a recorded use: used or stocked where it is produced (China, or outside it:
  // ROW), at the reference price, flat over the years.
  for (std::size_t e = 0; e < kElementCount; ++e) {
    if (unallocated[e] <= 0.0 || !china || !row) continue;
    double in_china = supply[e] > 0.0 ? supply_china[e] / supply[e] : 0.0;
    auto com = market::Commodity::oxide(element_at(e));
    add(kUnallocated, *china, com, unallocated[e] * in_china, c.price[e], {});
    add(kUnallocated, *row, com, unallocated[e] * (1.0 - in_china),
        delivered(*row, c.price[e], to_oxide), {});
  }
}

}  // namespace rareflow::scenario::detail
