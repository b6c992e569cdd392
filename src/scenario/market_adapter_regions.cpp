// Regions and trade arcs of the market model.
#include <algorithm>
#include <set>
#include <tuple>

#include <fmt/format.h>

#include "market_adapter_context.hpp"

namespace rareflow::scenario::detail {

bool is_candidate_deposit(const Context& c, const Deposit& dep) {
  return (dep.status == DepositStatus::Development || dep.status == DepositStatus::Candidate) &&
         c.has_param("project_" + dep.id + "_capacity") &&
         c.has_param("project_" + dep.id + "_capex");
}

// Every market region (regions.csv market_region) with a flow in the base-year balance, ROW,
// and every market region hosting a facility of the run or a candidate project, in data
// package order. A market region belongs to its own blocs and to those of the countries
// resolved in it (EU27 is in G7 through Germany, France and Italy). Other package regions
// (e.g. GBR) are inside ROW.
void add_regions(Context& c) {
  std::set<std::string> ids{kRow};
  for (const auto& r : c.balance.regions) ids.insert(c.d.market_region(r.region));
  for (const auto& f : c.d.facilities)
    if (c.included(f)) ids.insert(c.d.market_region(f.region));
  for (const auto& dep : c.d.deposits)
    if (is_candidate_deposit(c, dep)) ids.insert(c.d.market_region(dep.region));
  const double disposal = c.param("disposal_cost", 1.0);
  for (const auto& r : c.d.regions) {
    if (!ids.contains(r.id) || r.kind == RegionKind::World) continue;
    std::vector<std::string> blocs = r.blocs;
    for (const auto& member : c.d.resolved_in(r.id))
      for (const auto& b : c.d.region(member)->blocs)
        if (std::ranges::find(blocs, b) == blocs.end()) blocs.push_back(b);
    c.m.regions.push_back({r.id, blocs, disposal});
  }
  if (!c.region(kChina) || !c.region(kRow))
    c.error(fmt::format("data package: expected regions {} and {} with flows in {}", kChina, kRow,
                        c.base_year));
}

// Concentrate moves on the observed base-year routes; a mine region with neither an observed
// route nor separation of its own in the base year, and every candidate mine's region, can
// ship to any region with a separation plant. Oxides, metals and magnets can move between any
// two regions. One transport cost per stage (assumption rows).
void add_arcs(Context& c) {
  std::set<std::size_t> separating, separating_in_base;
  for (const auto& p : c.m.separation) {
    separating.insert(p.region);
    if (p.life.online_year <= c.base_year && !p.life.candidate) separating_in_base.insert(p.region);
  }
  std::set<std::tuple<std::size_t, std::size_t>> conc;
  std::set<std::size_t> with_route;
  for (const auto& r : c.d.routes) {
    if (r.stage != ChainStage::Concentrate || r.year != c.base_year) continue;
    auto from = c.region(r.from), to = c.region(r.to);
    if (!from || !to || !separating.contains(*to)) continue;
    conc.insert({*from, *to});
    with_route.insert(*from);
  }
  std::set<std::size_t> anywhere;
  for (const auto& s : c.m.sources) {
    if (s.life.candidate)
      anywhere.insert(s.region);
    else if (!with_route.contains(s.region) && !separating_in_base.contains(s.region))
      anywhere.insert(s.region);
  }
  for (std::size_t from : anywhere)
    for (std::size_t to : separating)
      if (from != to) conc.insert({from, to});
  const double tc = c.param("transport_concentrate", 0.2);
  for (const auto& [from, to] : conc)
    c.m.arcs.push_back({from, to, market::Stage::Concentrate, tc});
  market::add_all_arcs(c.m, market::Stage::Oxide, c.param("transport_oxide", 0.1));
  market::add_all_arcs(c.m, market::Stage::Metal, c.param("transport_metal", 0.1));
  market::add_all_arcs(c.m, market::Stage::Magnet, c.param("transport_magnet", 0.2));
  c.note(
      fmt::format("concentrate routes: {} (observed {} routes, plus any separation region for "
                  "{} mine regions without an observed outlet or with candidate projects)",
                  conc.size(), c.base_year, anywhere.size()));
}

}  // namespace rareflow::scenario::detail
