#include "year_context.hpp"

#include <algorithm>

#include "rareflow/market/policy.hpp"

namespace rareflow::market::detail {

namespace {

bool contains(const std::vector<std::size_t>& v, std::size_t x) {
  return std::ranges::find(v, x) != v.end();
}

bool is_event(const Policy& p) {
  return std::holds_alternative<Outage>(p) || std::holds_alternative<DemandShock>(p) ||
         std::holds_alternative<CostShock>(p) || std::holds_alternative<ProjectDelay>(p);
}

}  // namespace

double period_share(const Policy& p, int year) {
  return std::visit(
      [year](const auto& x) -> double {
        if constexpr (requires { x.period; })
          return x.period.active_share(year);
        else
          return 0.0;  // project delays act through the online year
      },
      p);
}

bool in_scope(const MarketModel& m, const FacilityScope& s, std::size_t index) {
  if (!s.facilities.empty()) return contains(s.facilities, index);
  return s.regions.empty() || contains(s.regions, m.facility({s.kind, index}).region);
}

bool in_scope(const MarketModel& m, const FlowScope& s, Commodity c, std::size_t from,
              std::size_t to) {
  return (s.from.empty() || contains(s.from, from)) && (s.to.empty() || contains(s.to, to)) &&
         m.matches(s.goods, c);
}

std::string short_label(const MarketModel& m, Commodity c) {
  switch (c.stage) {
    case Stage::Concentrate:
      return "conc_" + m.sources[c.item].id;
    case Stage::Oxide:
      return "ox_" + std::string(info(c.element()).symbol);
    case Stage::Metal:
      return "met_" + std::string(info(c.element()).symbol);
    case Stage::Magnet:
      break;
  }
  return "mag_" + m.magnet_types[c.item].id;
}

YearContext make_context(const MarketModel& m, const Topology& topo, const YearState& state,
                         const std::vector<std::vector<DemandStep>>& base_steps, int year,
                         bool policies) {
  YearContext ctx{m, topo, state, base_steps, year, policies, {}, {}, {}, {}, {}, {}};
  ctx.share.resize(m.policies.size());
  for (std::size_t i = 0; i < m.policies.size(); ++i)
    ctx.share[i] = (policies || is_event(m.policies[i])) ? period_share(m.policies[i], year) : 0.0;

  for (std::size_t k = 0; k < kFacilityKindCount; ++k) {
    auto kind = static_cast<FacilityKind>(k);
    std::size_t n = m.facility_count(kind);
    double index = m.settings.cost_index[k].at(year, 1.0);
    ctx.capacity[k].resize(n);
    ctx.cost[k].resize(n);
    for (std::size_t i = 0; i < n; ++i) {
      const Facility& f = m.facility({kind, i});
      ctx.capacity[k][i] = f.capacity_t * f.life.capacity_share(state.online_year[k][i], year);
      ctx.cost[k][i] = f.unit_cost_usd_per_kg * index;
    }
  }
  for (std::size_t p = 0; p < m.policies.size(); ++p) {
    double f = ctx.share[p];
    if (f <= 0.0) continue;
    if (const auto* o = std::get_if<Outage>(&m.policies[p])) {
      auto k = static_cast<std::size_t>(o->scope.kind);
      for (std::size_t i = 0; i < ctx.capacity[k].size(); ++i)
        if (in_scope(m, o->scope, i)) ctx.capacity[k][i] *= std::max(0.0, 1.0 - o->share_lost * f);
    } else if (const auto* c = std::get_if<CostShock>(&m.policies[p])) {
      auto k = static_cast<std::size_t>(c->scope.kind);
      for (std::size_t i = 0; i < ctx.cost[k].size(); ++i)
        if (in_scope(m, c->scope, i)) ctx.cost[k][i] *= 1.0 + (c->multiplier - 1.0) * f;
    }
  }

  ctx.demand_scale.resize(m.demands.size());
  for (std::size_t d = 0; d < m.demands.size(); ++d) {
    const Demand& dem = m.demands[d];
    double scale = dem.activity.at(year, 1.0) * state.intensity[d];
    for (std::size_t p = 0; p < m.policies.size(); ++p) {
      const auto* s = std::get_if<DemandShock>(&m.policies[p]);
      if (s == nullptr || ctx.share[p] <= 0.0) continue;
      bool hit =
          (s->regions.empty() || contains(s->regions, dem.region)) &&
          (s->sectors.empty() || std::ranges::find(s->sectors, dem.sector) != s->sectors.end()) &&
          m.matches(s->goods, dem.commodity);
      if (hit) scale *= 1.0 + (s->multiplier - 1.0) * ctx.share[p];
    }
    ctx.demand_scale[d] = scale;
  }

  ctx.recycling.assign(topo.commodities * topo.regions, 0.0);
  for (const auto& rc : m.recycling)
    ctx.recycling[topo.cell(topo.set.index(Commodity::oxide(rc.element)), rc.region)] +=
        rc.t_per_yr.at(year, 0.0);
  ctx.floor_subsidy.assign(m.separation.size(), ElementArray{});
  return ctx;
}

}  // namespace rareflow::market::detail
