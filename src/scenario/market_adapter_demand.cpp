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
      if (l.stage != ChainStage::Use) continue;
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

// The engine's step curve with the reference step inserted just past q0 (docs, section 3).
Result<std::vector<market::DemandStep>> calibrated_steps(const market::Demand& d,
                                                         const market::MarketSettings& st) {
  return market::reference_steps(d, st, kReferenceBand);
}

}  // namespace

void add_demand(Context& c) {
  if (c.m.magnet_types.empty()) return;  // no NdFeB recipe: add_plants reported why
  const std::vector<Use> uses = recorded_uses(c);
  // Recorded magnet use counts a region's own output as made (blanks); demand is for finished
  // magnets, so each region's use loses the scrap share of its own output (docs, section 3).
  const auto& type = c.m.magnet_types.at(0);
  const auto made = base_magnet_output(c);
  std::map<std::size_t, double> recorded;  // t magnet by model region
  for (const auto& u : uses)
    if (auto r = c.region(u.region); r && u.sector->commodity == "magnet")
      recorded[*r] += u.magnets_t;
  auto finished = [&](const Use& u) {
    auto r = c.region(u.region);
    if (!r || !(recorded[*r] > 0.0)) return u.magnets_t;
    double own = made.contains(*r) ? made.at(*r) : 0.0;
    return u.magnets_t * std::max(0.0, recorded[*r] - type.scrap_share * own) / recorded[*r];
  };
  // Net oxide one tonne of finished magnet takes: its metal less what the scrap returns.
  ElementArray net{};
  const auto in = market::magnet_inputs(type, type.recipe);
  for (std::size_t e = 0; e < kElementCount; ++e)
    net[e] = in.metal[e] * metal_to_oxide(element_at(e)) - in.scrap_oxide[e];
  ElementArray magnet{}, other{}, supply{}, supply_china{};
  for (const auto& u : uses)
    for (std::size_t e = 0; e < kElementCount; ++e) {
      if (u.sector->commodity == "magnet")
        magnet[e] += finished(u) * net[e];
      else
        other[e] += u.t_reo[e];
    }
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
  // reference step. Magnets first: the 2024 magnet figures are reported (ACREI, Adamas), the
  // other uses come from older sector recipes; magnet use is scaled only if the tightest magnet
  // element cannot serve it, and other uses take what is left.
  for (std::size_t e = 0; e < kElementCount; ++e) {
    supply[e] /= 1.0 + kReferenceBand;
    supply_china[e] /= 1.0 + kReferenceBand;
  }
  // Nd can take Pr's place in a magnet (the "-nd" routes), so Nd and Pr count as one pool.
  const std::size_t nd = index(Element::Nd), pr = index(Element::Pr);
  double sigma_m = 1.0;
  for (std::size_t e = 0; e < kElementCount; ++e)
    if (net[e] > 0.0 && magnet[e] > 0.0 && e != nd && e != pr)
      sigma_m = std::min(sigma_m, supply[e] / magnet[e]);
  if (magnet[nd] + magnet[pr] > 0.0)
    sigma_m = std::min(sigma_m, (supply[nd] + supply[pr]) / (magnet[nd] + magnet[pr]));
  c.out.magnet_scale = sigma_m;
  ElementArray room{};  // supply left for other uses
  for (std::size_t e = 0; e < kElementCount; ++e) room[e] = supply[e] - sigma_m * magnet[e];
  if (room[pr] < 0.0) {  // magnets take Nd for the missing Pr
    room[nd] += room[pr];
    room[pr] = 0.0;
  }

  ElementArray scale{}, unallocated{};
  c.out.elements.clear();
  for (std::size_t e = 0; e < kElementCount; ++e) {
    double left = std::max(0.0, room[e]);
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
  market::PriceResponse response;
  response.long_run_elasticity = c.param("demand_long_run_elasticity", -0.6);
  response.speed = c.param("demand_response_speed", 0.3);
  auto add = [&](const Sector* sec, std::size_t r, market::Commodity com, double q0, double p0,
                 market::Trajectory act) {
    if (!(q0 > 0.0) || !(p0 > 0.0)) return;
    market::Demand d;
    d.sector = sec ? sec->id : kUnallocated;
    d.region = r;
    d.commodity = com;
    d.q0_t = q0;
    d.p0_usd_per_kg = p0;
    d.elasticity = eps;
    d.activity = std::move(act);
    d.response = response;
    shape_demand(c, d, sec);
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
      add(u.sector, *r, magnet_grade(c, *u.sector), sigma_m * finished(u),
          delivered(*r, c.out.magnet_price_usd_per_kg, to_magnet), act);
      continue;
    }
    for (std::size_t e = 0; e < kElementCount; ++e)
      add(u.sector, *r, market::Commodity::oxide(element_at(e)), scale[e] * u.t_reo[e],
          delivered(*r, c.price[e], to_oxide), act);
  }
  // Supply without a recorded use: used or stocked where it is produced (China, or outside it:
  // ROW), at the reference price, flat over the years.
  for (std::size_t e = 0; e < kElementCount; ++e) {
    if (unallocated[e] <= 0.0 || !china || !row) continue;
    double in_china = supply[e] > 0.0 ? supply_china[e] / supply[e] : 0.0;
    auto com = market::Commodity::oxide(element_at(e));
    add(nullptr, *china, com, unallocated[e] * in_china, c.price[e], {});
    add(nullptr, *row, com, unallocated[e] * (1.0 - in_china),
        delivered(*row, c.price[e], to_oxide), {});
  }
}

}  // namespace rareflow::scenario::detail
