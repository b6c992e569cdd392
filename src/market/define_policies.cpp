// Policy rows: re-export limits, export bans, sanctions, export quotas and licensing,
// production quotas (one function per row family). Every policy has its rows in every year (with an
// infinite bound when it is not in force), so the LP keeps its shape and the basis carries over.
#include <algorithm>
#include <cmath>
#include <map>

#include <fmt/format.h>

#include "builders.hpp"

namespace rareflow::market::detail {

namespace {

Result<double> reference(const YearContext& ctx, std::size_t policy, std::size_t commodity) {
  auto it = ctx.state.reference_flow.find({policy, commodity});
  if (it != ctx.state.reference_flow.end()) return it->second;
  const auto& m = ctx.model;
  std::string what = commodity == kAllCommodities ? std::string("its scope")
                                                  : m.commodity_label(ctx.topo.set.at(commodity));
  return fail(fmt::format("policy '{}' needs the normal flow of {} (YearState::reference_flow)",
                          policy_name(m.policies[policy]), what));
}

// Limit on flows for a policy in force for share f of the year: `active` during that share,
// the normal flow during the rest.
Result<double> flow_limit(const YearContext& ctx, std::size_t p, std::size_t c, double f,
                          double active) {
  if (f <= 0.0) return kInf;
  if (f >= 1.0) return active;
  auto ref = reference(ctx, p, c);
  if (!ref) return ref;
  return f * active + (1.0 - f) * *ref;
}

void add_limit_row(const YearContext& ctx, LpProblem& lp, LpIndex& ix, std::size_t p, std::size_t c,
                   double bound, const std::vector<std::pair<int, double>>& cols) {
  if (cols.empty()) return;
  if (std::isinf(bound)) {
    ix.policy_rows.push_back({p, c, -1, bound, cols});
    return;
  }
  int row = lp.add_row(-kInf, bound, [&] {
    std::string n = "pol_" + policy_name(ctx.model.policies[p]);
    if (c != kAllCommodities) n += "_" + short_label(ctx.model, ctx.topo.set.at(c));
    return n;
  });
  for (auto [col, v] : cols) lp.add(row, col, v);
  ix.policy_rows.push_back({p, c, row, bound, {}});
}

// Columns of the flows in `scope` (both ways: also the flows from `to` to `from`).
std::vector<std::pair<int, double>> flows_in(const YearContext& ctx, const LpIndex& ix,
                                             const FlowScope& scope, bool both_ways) {
  std::vector<std::pair<int, double>> cols;
  for (const auto& fl : ix.flows) {
    Commodity com = ctx.topo.set.at(fl.commodity);
    if (in_scope(ctx.model, scope, com, fl.from, fl.to) ||
        (both_ways && in_scope(ctx.model, scope, com, fl.to, fl.from)))
      cols.push_back({fl.col, 1.0});
  }
  return cols;
}

// One row over every flow in a ban's, sanction's or quota's scope: at most `active` while in
// force.
Result<void> add_scope_limit(const YearContext& ctx, LpProblem& lp, LpIndex& ix, std::size_t p,
                             const std::vector<std::pair<int, double>>& cols, double active) {
  if (cols.empty()) return {};
  auto lim = flow_limit(ctx, p, kAllCommodities, ctx.share[p], active);
  if (!lim) return std::unexpected(lim.error());
  add_limit_row(ctx, lp, ix, p, kAllCommodities, *lim, cols);
  return {};
}

Result<void> define_export_ban(const YearContext& ctx, LpProblem& lp, LpIndex& ix, std::size_t p,
                               const ExportBan& b) {
  return add_scope_limit(ctx, lp, ix, p, flows_in(ctx, ix, b.scope, false), 0.0);
}

// A sanction stops flows both ways between its two sides.
Result<void> define_sanction(const YearContext& ctx, LpProblem& lp, LpIndex& ix, std::size_t p,
                             const Sanction& s) {
  return add_scope_limit(ctx, lp, ix, p, flows_in(ctx, ix, s.scope, true), 0.0);
}

Result<void> define_export_quota(const YearContext& ctx, LpProblem& lp, LpIndex& ix, std::size_t p,
                                 const ExportQuota& q) {
  return add_scope_limit(ctx, lp, ix, p, flows_in(ctx, ix, q.scope, false), q.quota_t);
}

// One row per commodity: each passes `share` of its own normal flow.
Result<void> define_export_licensing(const YearContext& ctx, LpProblem& lp, LpIndex& ix,
                                     std::size_t p, const ExportLicensing& l) {
  std::map<std::size_t, std::vector<std::pair<int, double>>> by_commodity;
  for (const auto& fl : ix.flows)
    if (in_scope(ctx.model, l.scope, ctx.topo.set.at(fl.commodity), fl.from, fl.to))
      by_commodity[fl.commodity].push_back({fl.col, 1.0});
  // Of the share f of the year in force, the first delay_years pass nothing; the rest
  // passes the share of the path in force at each moment.
  const double f = ctx.share[p];
  const double passed = l.passed_share(ctx.year);
  for (const auto& [c, cols] : by_commodity) {
    double bound = kInf;
    if (f > 0.0) {
      auto ref = reference(ctx, p, c);
      if (!ref) return std::unexpected(ref.error());
      bound = *ref * (1.0 - f + passed);
    }
    add_limit_row(ctx, lp, ix, p, c, bound, cols);
  }
  return {};
}

void define_production_quota(const YearContext& ctx, LpProblem& lp, LpIndex& ix, std::size_t p,
                             const ProductionQuota& q) {
  const auto& m = ctx.model;
  std::vector<std::pair<int, double>> cols;
  double capacity = 0.0;
  auto k = static_cast<std::size_t>(q.scope.kind);
  if (q.scope.kind == FacilityKind::Mine) {
    for (std::size_t s = 0; s < m.sources.size(); ++s)
      if (in_scope(m, q.scope, s)) {
        cols.push_back({ix.mine[s], 1.0});
        capacity += ctx.capacity[k][s];
      }
  } else {
    // Separation quotas count separated oxide output, t REO.
    for (const auto& sc : ix.sep)
      if (in_scope(m, q.scope, sc.plant)) {
        double y = 0.0;
        for (std::size_t e = 0; e < kElementCount; ++e)
          y += m.separation[sc.plant].recovery[e] * m.sources[sc.source].distribution[e];
        cols.push_back({sc.col, y});
      }
    for (std::size_t i = 0; i < m.separation.size(); ++i)
      if (in_scope(m, q.scope, i)) capacity += ctx.capacity[k][i];
  }
  const double f = ctx.share[p];
  double bound = f <= 0.0 ? kInf : f * q.quota_t + (1.0 - f) * capacity;
  add_limit_row(ctx, lp, ix, p, kAllCommodities, bound, cols);
}

}  // namespace

// Without re-export, a region exports at most what it produces, recycles or draws from stock:
//   sum exports - production - scrap recycling - stock draw - stockpile release <= recycling.
// This keeps sanctions and bans exact (no routing through a third region).
void define_reexport_limits(const YearContext& ctx, LpProblem& lp, LpIndex& ix) {
  if (ctx.model.settings.allow_reexport) return;
  const Topology& t = ctx.topo;
  for (std::size_t cell = 0; cell < ix.terms.size(); ++cell) {
    const auto& terms = ix.terms[cell];
    bool imports = false, exports = false;
    for (const auto& tm : terms) {
      imports |= tm.kind == Term::Import;
      exports |= tm.kind == Term::Export;
    }
    if (!imports || !exports) continue;
    std::size_t c = cell / t.regions, r = cell % t.regions;
    int row = lp.add_row(-kInf, ctx.recycling[cell], [&] {
      return fmt::format("noreexport_{}_{}", short_label(ctx.model, t.set.at(c)),
                         ctx.model.regions[r].id);
    });
    for (const auto& tm : terms) {
      if (tm.kind == Term::Export) lp.add(row, tm.col, tm.coef);
      if (tm.kind == Term::Production || tm.kind == Term::StockDraw ||
          tm.kind == Term::StockpileRelease || tm.kind == Term::Recycling)
        lp.add(row, tm.col, -tm.coef);
    }
  }
}

// The limit rows (`pol_<policy>`), in policy order; taxes, stockpiles, price floors and events
// enter through the other builders.
Result<void> define_policies(const YearContext& ctx, LpProblem& lp, LpIndex& ix) {
  const auto& m = ctx.model;
  for (std::size_t p = 0; p < m.policies.size(); ++p) {
    const Policy& pol = m.policies[p];
    Result<void> r;
    if (const auto* b = std::get_if<ExportBan>(&pol))
      r = define_export_ban(ctx, lp, ix, p, *b);
    else if (const auto* s = std::get_if<Sanction>(&pol))
      r = define_sanction(ctx, lp, ix, p, *s);
    else if (const auto* q = std::get_if<ExportQuota>(&pol))
      r = define_export_quota(ctx, lp, ix, p, *q);
    else if (const auto* l = std::get_if<ExportLicensing>(&pol))
      r = define_export_licensing(ctx, lp, ix, p, *l);
    else if (const auto* pq = std::get_if<ProductionQuota>(&pol))
      define_production_quota(ctx, lp, ix, p, *pq);
    if (!r) return r;
  }
  return {};
}

}  // namespace rareflow::market::detail
