#include "extract.hpp"

#include <algorithm>
#include <cmath>

namespace rareflow::market::detail {

namespace {

constexpr double kTiny = 1e-9;  // t; below this a flow counts as none (for netback prices)

void size_grids(YearResult& y, std::size_t n) {
  for (auto* g : {&y.price, &y.netback_price, &y.production, &y.recycling, &y.imports, &y.exports,
                  &y.input_use, &y.consumption, &y.demand_reference, &y.shortfall, &y.substitution,
                  &y.backstop, &y.disposal, &y.stock_draw, &y.stock_build, &y.stock_close,
                  &y.stockpile_fill, &y.stockpile_release})
    g->assign(n, 0.0);
  std::fill(y.price.begin(), y.price.end(), std::nan(""));
  std::fill(y.netback_price.begin(), y.netback_price.end(), std::nan(""));
  y.has_balance.assign(n, 0);
}

std::vector<double>& grid_for(YearResult& y, Term k) {
  switch (k) {
    case Term::Production:
      return y.production;
    case Term::Import:
      return y.imports;
    case Term::StockDraw:
      return y.stock_draw;
    case Term::StockpileRelease:
      return y.stockpile_release;
    case Term::Recycling:
      return y.recycling;
    case Term::InputUse:
      return y.input_use;
    case Term::Consumption:
      return y.consumption;
    case Term::Export:
      return y.exports;
    case Term::StockBuild:
      return y.stock_build;
    case Term::StockpileFill:
      return y.stockpile_fill;
    case Term::Disposal:
      break;
  }
  return y.disposal;
}

void extract_balances(const YearContext& ctx, const LpIndex& ix, const ClpRun& run, YearResult& y) {
  const double* x = run.x();
  const double* dual = run.row_dual();
  const double* rc = run.reduced_cost();
  for (std::size_t cell = 0; cell < ix.balance.size(); ++cell) {
    y.recycling[cell] = ctx.recycling[cell];
    y.stock_close[cell] = ctx.state.stock.empty() ? 0.0 : ctx.state.stock[cell];
    if (ix.balance[cell] < 0) continue;
    y.has_balance[cell] = 1;
    y.price[cell] = dual[ix.balance[cell]];
    for (const auto& tm : ix.terms[cell]) grid_for(y, tm.kind)[cell] += tm.coef * x[tm.col];
    y.stock_close[cell] += y.stock_build[cell] - y.stock_draw[cell];
    // Netback: with no local use, the price that exporting would fetch (price minus the
    // reduced cost of the best export flow), which is the low end of the dual's range.
    double local = y.input_use[cell] + y.consumption[cell] + y.stock_build[cell] +
                   y.disposal[cell] + y.stockpile_fill[cell];
    double netback = y.price[cell];
    if (local <= kTiny) {
      double best = -std::numeric_limits<double>::infinity();
      for (const auto& tm : ix.terms[cell])
        if (tm.kind == Term::Export) best = std::max(best, y.price[cell] - rc[tm.col]);
      if (std::isfinite(best)) netback = best;
    }
    y.netback_price[cell] = netback;
  }
}

void extract_facilities(const YearContext& ctx, const LpIndex& ix, const ClpRun& run,
                        YearResult& y) {
  const auto& m = ctx.model;
  const double* x = run.x();
  const double* dual = run.row_dual();
  const double* rc = run.reduced_cost();
  for (std::size_t k = 0; k < kFacilityKindCount; ++k) {
    std::size_t n = m.facility_count(static_cast<FacilityKind>(k));
    y.output[k].assign(n, 0.0);
    y.capacity_rent[k].assign(n, 0.0);
    y.capacity[k] = ctx.capacity[k];
  }
  constexpr auto kMine = static_cast<std::size_t>(FacilityKind::Mine);
  constexpr auto kSep = static_cast<std::size_t>(FacilityKind::Separation);
  constexpr auto kMetal = static_cast<std::size_t>(FacilityKind::Metal);
  constexpr auto kMagnet = static_cast<std::size_t>(FacilityKind::Magnet);
  for (std::size_t s = 0; s < m.sources.size(); ++s) {
    y.output[kMine][s] = x[ix.mine[s]];
    y.capacity_rent[kMine][s] = std::max(0.0, -rc[ix.mine[s]]);
  }
  y.separation_loss.assign(m.separation.size(), ElementArray{});
  y.subsidy_musd = 0.0;
  for (const auto& sc : ix.sep) {
    const auto& plant = m.separation[sc.plant];
    const auto& a = m.sources[sc.source].distribution;
    double v = x[sc.col];
    y.output[kSep][sc.plant] += v;
    for (std::size_t e = 0; e < kElementCount; ++e) {
      y.separation_loss[sc.plant][e] += v * a[e] * (1.0 - plant.recovery[e]);
      y.subsidy_musd += v * a[e] * plant.recovery[e] * ctx.floor_subsidy[sc.plant][e] / 1000.0;
    }
  }
  for (std::size_t p = 0; p < m.separation.size(); ++p)
    if (ix.sep_capacity[p] >= 0)
      y.capacity_rent[kSep][p] = std::max(0.0, -dual[ix.sep_capacity[p]]);
  for (const auto& mc : ix.metal) y.output[kMetal][mc.plant] += x[mc.col];
  for (std::size_t p = 0; p < m.metal.size(); ++p)
    y.capacity_rent[kMetal][p] = std::max(0.0, -dual[ix.metal_capacity[p]]);
  y.route_output.assign(ctx.topo.routes.size() * ctx.topo.regions, 0.0);
  for (const auto& mc : ix.magnet) {
    y.output[kMagnet][mc.plant] += x[mc.col];
    y.route_output[mc.route * ctx.topo.regions + m.magnet[mc.plant].region] += x[mc.col];
  }
  for (std::size_t p = 0; p < m.magnet.size(); ++p)
    y.capacity_rent[kMagnet][p] = std::max(0.0, -dual[ix.magnet_capacity[p]]);
}

void extract_demand_and_trade(const YearContext& ctx, const LpIndex& ix, const ClpRun& run,
                              YearResult& y) {
  const auto& m = ctx.model;
  const Topology& t = ctx.topo;
  const double* x = run.x();
  y.served_t.assign(m.demands.size(), 0.0);
  y.reference_t = ix.demand_reference;
  y.substituted_t.assign(m.demands.size(), 0.0);
  y.backstop_t.assign(m.demands.size(), 0.0);
  for (std::size_t d = 0; d < m.demands.size(); ++d) {
    const double scale = ctx.demand_scale[d];
    for (int k = 0; k < ix.demand_count[d]; ++k) {
      double v = x[ix.demand_first[d] + k];
      y.served_t[d] += v;
      const auto& step = ctx.base_steps[d][static_cast<std::size_t>(k)];
      double unserved = std::max(0.0, step.quantity_t * scale - v);
      if (step.kind == StepKind::Substitute) y.substituted_t[d] += unserved;
      if (step.kind == StepKind::Backstop) y.backstop_t[d] += unserved;
    }
    std::size_t cell = t.cell(t.set.index(m.demands[d].commodity), m.demands[d].region);
    y.demand_reference[cell] += y.reference_t[d];
    y.substitution[cell] += y.substituted_t[d];
    y.backstop[cell] += y.backstop_t[d];
    y.shortfall[cell] +=
        std::max(0.0, y.reference_t[d] - y.served_t[d] - y.substituted_t[d] - y.backstop_t[d]);
  }
  y.tax_musd = 0.0;
  for (const auto& f : ix.flows) {
    double v = x[f.col];
    if (v > 0.0) y.flows.push_back({f.commodity, f.from, f.to, v});
    y.tax_musd += v * f.tax_usd_per_kg / 1000.0;
  }
}

void extract_policies(const YearContext& ctx, const LpIndex& ix, const ClpRun& run, YearResult& y) {
  const auto& m = ctx.model;
  const double* x = run.x();
  const double* dual = run.row_dual();
  const double* act = run.row_activity();
  for (const auto& pr : ix.policy_rows) {
    if (pr.row < 0) {  // not in force: no row, no rent
      double activity = 0.0;
      for (auto [col, v] : pr.cols) activity += v * x[col];
      y.policy_rows.push_back({pr.policy, pr.commodity, pr.bound, activity, 0.0});
      continue;
    }
    y.policy_rows.push_back(
        {pr.policy, pr.commodity, pr.bound, act[pr.row], std::max(0.0, -dual[pr.row])});
  }
  y.stockpile_level.assign(m.policies.size(), 0.0);
  for (std::size_t p = 0; p < m.policies.size(); ++p) {
    if (ix.stockpile_fill[p] < 0) continue;
    double level = ctx.state.stockpile_level.empty()
                       ? std::get<StockpileProgram>(m.policies[p]).initial_level_t
                       : ctx.state.stockpile_level[p];
    y.stockpile_level[p] = level + x[ix.stockpile_fill[p]] - x[ix.stockpile_release[p]];
  }
}

}  // namespace

YearResult extract(const YearContext& ctx, const LpProblem& lp, const LpIndex& ix,
                   const ClpRun& run, const ClpOutcome& outcome) {
  YearResult y;
  y.year = ctx.year;
  y.status = outcome.status;
  y.iterations = outcome.iterations;
  y.solve_seconds = outcome.seconds;
  y.rows = lp.rows();
  y.columns = lp.columns();
  y.nonzeros = lp.nonzeros();
  y.surplus_musd = -outcome.objective / 1000.0;
  y.regions = ctx.topo.regions;
  y.commodities = ctx.topo.commodities;
  size_grids(y, y.regions * y.commodities);
  extract_balances(ctx, ix, run, y);
  extract_facilities(ctx, ix, run, y);
  extract_demand_and_trade(ctx, ix, run, y);
  extract_policies(ctx, ix, run, y);
  return y;
}

std::vector<ElementArray> floor_subsidies(const YearContext& ctx, const LpIndex& ix,
                                          const ClpRun& run) {
  const auto& m = ctx.model;
  const Topology& t = ctx.topo;
  std::vector<ElementArray> s(m.separation.size(), ElementArray{});
  for (std::size_t p = 0; p < m.policies.size(); ++p) {
    const auto* pf = std::get_if<PriceFloor>(&m.policies[p]);
    if (pf == nullptr || ctx.share[p] <= 0.0) continue;
    std::size_t r = m.separation[pf->plant].region;
    for (Element e : pf->elements) {
      int row = ix.balance[t.cell(t.set.index(Commodity::oxide(e)), r)];
      if (row < 0) continue;
      double gap = ctx.share[p] * std::max(0.0, pf->floor_usd_per_kg - run.row_dual()[row]);
      s[pf->plant][index(e)] = std::max(s[pf->plant][index(e)], gap);
    }
  }
  return s;
}

}  // namespace rareflow::market::detail
