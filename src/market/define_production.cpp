// Supply blocks: mines, separation, metal making, magnet making.
#include <fmt/format.h>

#include "builders.hpp"

namespace rareflow::market::detail {

namespace {
constexpr auto kMine = static_cast<std::size_t>(FacilityKind::Mine);
constexpr auto kSep = static_cast<std::size_t>(FacilityKind::Separation);
constexpr auto kMetal = static_cast<std::size_t>(FacilityKind::Metal);
constexpr auto kMagnet = static_cast<std::size_t>(FacilityKind::Magnet);
}  // namespace

// mine[s] in [0, capacity] t REO, cost c_s; produces concentrate s in the source's region.
void define_mining(const YearContext& ctx, LpProblem& lp, LpIndex& ix) {
  const auto& m = ctx.model;
  ix.mine.resize(m.sources.size());
  for (std::size_t s = 0; s < m.sources.size(); ++s) {
    int col = lp.add_column(0.0, ctx.capacity[kMine][s], ctx.cost[kMine][s],
                            [&] { return "mine_" + m.sources[s].id; });
    ix.mine[s] = col;
    add_term(lp, ix,
             ctx.topo.cell(ctx.topo.set.index(Commodity::concentrate(s)), m.sources[s].region), col,
             1.0, Term::Production);
  }
}

double separation_column_cost(const YearContext& ctx, std::size_t plant, std::size_t source) {
  const auto& p = ctx.model.separation[plant];
  const auto& a = ctx.model.sources[source].distribution;
  double c = ctx.cost[kSep][plant];
  for (std::size_t e = 0; e < kElementCount; ++e)
    c -= ctx.floor_subsidy[plant][e] * p.recovery[e] * a[e];
  return c;
}

// sep[p, s] >= 0 t REO of concentrate s treated at plant p; yields rec_p[e] a_s[e] t of oxide
// e per t; the rest of the feed is the residue (separation loss). Capacity on the feed:
// sum_s sep[p, s] <= capacity_p.
void define_separation(const YearContext& ctx, LpProblem& lp, LpIndex& ix) {
  const auto& m = ctx.model;
  const Topology& t = ctx.topo;
  ix.sep_capacity.assign(m.separation.size(), -1);
  for (std::size_t p = 0; p < m.separation.size(); ++p) {
    const auto& plant = m.separation[p];
    if (t.feeds[p].empty()) continue;
    int cap = lp.add_row(-kInf, ctx.capacity[kSep][p], [&] { return "cap_sep_" + plant.id; });
    ix.sep_capacity[p] = cap;
    for (std::size_t s : t.feeds[p]) {
      int col = lp.add_column(0.0, kInf, separation_column_cost(ctx, p, s),
                              [&] { return fmt::format("sep_{}_{}", plant.id, m.sources[s].id); });
      ix.sep.push_back({p, s, col});
      lp.add(cap, col, 1.0);
      add_term(lp, ix, t.cell(t.set.index(Commodity::concentrate(s)), plant.region), col, 1.0,
               Term::InputUse);
      for (std::size_t e = 0; e < kElementCount; ++e) {
        double y = plant.recovery[e] * m.sources[s].distribution[e];
        if (y > 0.0)
          add_term(lp, ix, t.cell(t.set.index({Stage::Oxide, e}), plant.region), col, y,
                   Term::Production);
      }
    }
  }
}

// metal[p, e] >= 0 t metal; uses metal_to_oxide(e) t oxide per t metal (the oxygen leaves);
// capacity sum_e metal[p, e] <= capacity_p.
void define_metal_making(const YearContext& ctx, LpProblem& lp, LpIndex& ix) {
  const auto& m = ctx.model;
  const Topology& t = ctx.topo;
  ix.metal_capacity.assign(m.metal.size(), -1);
  for (std::size_t p = 0; p < m.metal.size(); ++p) {
    const auto& plant = m.metal[p];
    int cap = lp.add_row(-kInf, ctx.capacity[kMetal][p], [&] { return "cap_metal_" + plant.id; });
    ix.metal_capacity[p] = cap;
    for (Element e : plant.elements) {
      int col = lp.add_column(0.0, kInf, ctx.cost[kMetal][p],
                              [&] { return fmt::format("metal_{}_{}", plant.id, info(e).symbol); });
      ix.metal.push_back({p, index(e), col});
      lp.add(cap, col, 1.0);
      add_term(lp, ix, t.cell(t.set.index(Commodity::oxide(e)), plant.region), col,
               metal_to_oxide(e), Term::InputUse);
      add_term(lp, ix, t.cell(t.set.index(Commodity::metal(e)), plant.region), col, 1.0,
               Term::Production);
    }
  }
}

// magnet[p, route] >= 0 t finished magnet for each route of the plant's type, each making its
// route's output grade from recipe[e] / (1 - scrap share) t of metal e per t, returning the
// scrap's recovered rare earths as oxide in the plant's region (docs, section 6b), at the
// plant's unit cost plus the route's extra cost; capacity sum_route magnet[p, route] <=
// capacity_p. The choice of route is what bounds an input's price by the cost of switching
// route (docs, section 6a).
void define_magnet_making(const YearContext& ctx, LpProblem& lp, LpIndex& ix) {
  const auto& m = ctx.model;
  const Topology& t = ctx.topo;
  ix.magnet_capacity.assign(m.magnet.size(), -1);
  for (std::size_t p = 0; p < m.magnet.size(); ++p) {
    const auto& plant = m.magnet[p];
    int cap = lp.add_row(-kInf, ctx.capacity[kMagnet][p], [&] { return "cap_magnet_" + plant.id; });
    ix.magnet_capacity[p] = cap;
    for (std::size_t k = 0; k < t.routes.size(); ++k) {
      const auto& route = t.routes[k];
      if (route.plant_type != plant.type) continue;
      int col = lp.add_column(0.0, kInf, ctx.cost[kMagnet][p] + route.extra_cost_usd_per_kg,
                              [&] { return fmt::format("magnet_{}_{}", plant.id, route.id); });
      ix.magnet.push_back({p, k, col});
      lp.add(cap, col, 1.0);
      add_term(lp, ix, t.cell(t.set.index(Commodity::magnet(route.output)), plant.region), col, 1.0,
               Term::Production);
      const MagnetInputs in = magnet_inputs(m, route);
      for (std::size_t e = 0; e < kElementCount; ++e) {
        if (in.metal[e] > 0.0)
          add_term(lp, ix, t.cell(t.set.index({Stage::Metal, e}), plant.region), col, in.metal[e],
                   Term::InputUse);
        if (in.scrap_oxide[e] > 0.0)
          add_term(lp, ix, t.cell(t.set.index({Stage::Oxide, e}), plant.region), col,
                   in.scrap_oxide[e], Term::Recycling);
      }
    }
  }
}

}  // namespace rareflow::market::detail
