#include "topology.hpp"

#include <algorithm>

namespace rareflow::market::detail {

namespace {

bool arc_exists(const MarketModel& m, std::size_t from, std::size_t to, Stage s) {
  return std::ranges::any_of(
      m.arcs, [&](const TradeArc& a) { return a.from == from && a.to == to && a.stage == s; });
}

bool any_positive(const Trajectory& t) {
  return std::ranges::any_of(t.points, [](const TrajectoryPoint& p) { return p.value > 0.0; });
}

}  // namespace

Topology make_topology(const MarketModel& m) {
  Topology t;
  t.regions = m.regions.size();
  t.set = m.commodities();
  t.commodities = t.set.size();
  const std::size_t n = t.regions * t.commodities;
  t.producible.assign(n, 0);
  t.usable.assign(n, 0);
  t.stock_draw.assign(n, 0);
  t.stock_build.assign(n, 0);
  auto cell = [&](Commodity c, std::size_t r) { return t.set.index(c) * t.regions + r; };

  for (std::size_t s = 0; s < m.sources.size(); ++s)
    t.producible[cell(Commodity::concentrate(s), m.sources[s].region)] = 1;

  t.feeds.resize(m.separation.size());
  for (std::size_t p = 0; p < m.separation.size(); ++p) {
    const auto& plant = m.separation[p];
    for (std::size_t s = 0; s < m.sources.size(); ++s) {
      std::size_t rs = m.sources[s].region;
      if (rs != plant.region && !arc_exists(m, rs, plant.region, Stage::Concentrate)) continue;
      t.feeds[p].push_back(s);
      t.usable[cell(Commodity::concentrate(s), plant.region)] = 1;
      for (std::size_t e = 0; e < kElementCount; ++e)
        if (plant.recovery[e] > 0.0 && m.sources[s].distribution[e] > 0.0)
          t.producible[cell({Stage::Oxide, e}, plant.region)] = 1;
    }
  }
  for (const auto& p : m.metal)
    for (Element e : p.elements) {
      t.producible[cell(Commodity::metal(e), p.region)] = 1;
      t.usable[cell(Commodity::oxide(e), p.region)] = 1;
    }
  t.routes = effective_magnet_routes(m);
  for (const auto& p : m.magnet)
    for (const auto& route : t.routes) {
      if (route.plant_type != p.type) continue;
      t.producible[cell(Commodity::magnet(route.output), p.region)] = 1;
      const MagnetInputs in = magnet_inputs(m, route);
      for (std::size_t e = 0; e < kElementCount; ++e) {
        if (in.metal[e] > 0.0) t.usable[cell({Stage::Metal, e}, p.region)] = 1;
        if (in.scrap_oxide[e] > 0.0) t.producible[cell({Stage::Oxide, e}, p.region)] = 1;
      }
    }
  for (const auto& d : m.demands) t.usable[cell(d.commodity, d.region)] = 1;
  for (const auto& rc : m.recycling)
    if (any_positive(rc.t_per_yr)) t.producible[cell(Commodity::oxide(rc.element), rc.region)] = 1;
  for (const auto& s : m.stocks)
    if (s.t > 0.0) {
      t.producible[cell(s.commodity, s.region)] = 1;
      t.stock_draw[cell(s.commodity, s.region)] = 1;
    }
  for (const auto& pol : m.policies)
    if (const auto* sp = std::get_if<StockpileProgram>(&pol)) {
      t.producible[cell(sp->commodity, sp->region)] = 1;
      t.usable[cell(sp->commodity, sp->region)] = 1;
    }
  // Commercial stocks of separated oxides can be built where oxides are produced, as an
  // alternative to disposal; what is built can be drawn later.
  for (std::size_t e = 0; e < kElementCount; ++e)
    for (std::size_t r = 0; r < t.regions; ++r) {
      std::size_t i = cell({Stage::Oxide, e}, r);
      if (t.producible[i]) t.stock_build[i] = t.stock_draw[i] = 1;
    }

  t.arcs.resize(t.commodities);
  for (std::size_t c = 0; c < t.commodities; ++c) {
    Commodity com = t.set.at(c);
    for (std::size_t a = 0; a < m.arcs.size(); ++a) {
      const auto& arc = m.arcs[a];
      if (arc.stage != com.stage) continue;
      if (t.producible[c * t.regions + arc.from] && t.usable[c * t.regions + arc.to])
        t.arcs[c].push_back({a, arc.from, arc.to});
    }
  }
  return t;
}

}  // namespace rareflow::market::detail
