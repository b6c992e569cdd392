#include "plan_extract.hpp"

#include <algorithm>
#include <cmath>

#include "milp_blocks.hpp"

namespace rareflow::plan::detail {

namespace {

double val(const std::vector<double>& x, int col) {
  return col < 0 ? 0.0 : x[static_cast<std::size_t>(col)];
}

// Solver round-off (1e-13 t) would print as "-0"; flows below a microgram-scale are zero.
void snap(double& v) {
  if (std::abs(v) < 1e-7) v = 0.0;
}

Roadmap extract_roadmap(const MilpContext& ctx, const LinearModel& m,
                        const std::vector<double>& x) {
  Roadmap r;
  r.plan = ctx.plan.name;
  r.region = ctx.plan.region;
  r.strategy = ctx.mode == BuildMode::Optimise ? Strategy::Optimised : Strategy::Reference;
  for (std::size_t pi = 0; pi < ctx.plan.projects.size(); ++pi) {
    const Project& p = ctx.plan.projects[pi];
    for (std::size_t t = 0; t < ctx.build[pi].size(); ++t) {
      int col = ctx.build[pi][t];
      if (col < 0) continue;
      auto n = static_cast<int>(std::llround(val(x, col)));
      if (n <= 0) continue;
      RoadmapBuild e;
      e.project = p.id;
      e.name = p.name;
      e.type = p.type;
      e.deposit = p.deposit;
      e.decision_year = ctx.prep.year(static_cast<int>(t));
      e.online_year = e.decision_year + p.lead_time;
      e.modules = n;
      e.capacity = n * p.capacity_per_module;
      e.capex_musd = n * p.capex_musd;
      e.fixed = m.columns()[static_cast<std::size_t>(col)].lb > 0;
      r.entries.push_back(std::move(e));
    }
  }
  std::sort(r.entries.begin(), r.entries.end(), [](const RoadmapBuild& a, const RoadmapBuild& b) {
    return std::tie(a.decision_year, a.project) < std::tie(b.decision_year, b.project);
  });
  return r;
}

// Element flows of scenario s, year t; returns the relative residual of the element balance.
double element_flows(const MilpContext& ctx, const std::vector<double>& x, int s, int t,
                     PlanYear& y) {
  const auto& plan = ctx.plan;
  const auto si = static_cast<std::size_t>(s), ti = static_cast<std::size_t>(t);
  double worst = 0;
  for (std::size_t ei = 0; ei < kElementCount; ++ei) {
    const Element el = element_at(ei);
    ElementYear& f = y.elements[ei];
    f.demand = demand_oxide_eq(ctx, s, t, el);
    f.imports = imports_consumed(ctx, s, t, el).value(x);
    const double imported = imports_oxide_eq(ctx, s, t, el, "").value(x);
    f.shortfall = shortfall_oxide_eq(ctx, s, t, el).value(x);
    f.domestic = f.demand - f.imports - f.shortfall;
    for (std::size_t xo = 0; xo < plan.exports.size(); ++xo)
      f.exports +=
          val(x, ctx.exports[si][xo][ti]) * oxide_equivalent(plan, plan.exports[xo].commodity, el);
    double recycled = 0;
    for (std::size_t pi = 0; pi < plan.projects.size(); ++pi) {
      const Project& p = plan.projects[pi];
      double out = val(x, ctx.output[si][pi][ti]);
      if (p.type == ProjectType::Mine)
        if (const Deposit* d = plan.deposit(p.deposit)) f.mined += out * d->distribution[ei];
      double sep = oxide_output(ctx, s, static_cast<int>(pi), t, el).value(x);
      f.separated += sep;
      if (p.type == ProjectType::Recycling) recycled += sep;
      if (p.type == ProjectType::Separation)
        for (std::size_t d = 0; d < plan.deposits.size(); ++d)
          f.residue += val(x, ctx.sep_feed[si][pi][d][ti]) * plan.deposits[d].distribution[ei];
    }
    f.residue -= f.separated - recycled;  // feed content not separated
    for (std::size_t d = 0; d < plan.deposits.size(); ++d)
      f.residue += val(x, ctx.dispose_concentrate[si][d][ti]) * plan.deposits[d].distribution[ei];
    f.disposed = val(x, ctx.dispose_oxide[si][ei][ti]);
    f.stock = val(x, ctx.stock[si][ei][ti]) + val(x, ctx.stock_imported[si][ei][ti]);
    double before =
        t > 0 ? val(x, ctx.stock[si][ei][ti - 1]) + val(x, ctx.stock_imported[si][ei][ti - 1])
              : 0.0;
    double in = f.mined + recycled + imported + f.shortfall + before;
    double out = f.demand + f.exports + f.disposed + f.residue + f.stock;
    worst = std::max(worst, std::abs(in - out) / std::max(1.0, in));
    for (double* v : {&f.demand, &f.domestic, &f.imports, &f.shortfall, &f.exports, &f.mined,
                      &f.separated, &f.residue, &f.disposed, &f.stock})
      snap(*v);
  }
  return worst;
}

}  // namespace

PlanSolution extract_solution(const MilpContext& ctx, const LinearModel& m,
                              const std::vector<double>& x) {
  const auto& plan = ctx.plan;
  const auto& prep = ctx.prep;
  PlanSolution sol;
  sol.roadmap = extract_roadmap(ctx, m, x);
  for (const auto& term : ctx.costs)
    sol.objective.by_kind[static_cast<std::size_t>(term.kind)] +=
        term.weight * term.coef * (term.col < 0 ? 1.0 : val(x, term.col));
  double worst = 0;
  for (int s = 0; s < prep.scenarios; ++s) {
    const auto si = static_cast<std::size_t>(s);
    ScenarioResult sr;
    sr.name = plan.scenarios[si].name;
    sr.probability = plan.scenarios[si].probability;
    for (int t = 0; t < prep.years; ++t) {
      const auto ti = static_cast<std::size_t>(t);
      PlanYear y;
      y.year = prep.year(t);
      worst = std::max(worst, element_flows(ctx, x, s, t, y));
      for (const auto& u : prep.suppliers) {
        double q = 0;
        for (std::size_t e = 0; e < kElementCount; ++e)
          q += imports_oxide_eq(ctx, s, t, element_at(e), u).value(x);
        y.imports_by_supplier.emplace_back(u, q);
      }
      for (auto& [u, q] : y.imports_by_supplier) snap(q);
      for (std::size_t pi = 0; pi < plan.projects.size(); ++pi) {
        y.project_output.push_back(val(x, ctx.output[si][pi][ti]));
        y.project_capacity.push_back(val(x, ctx.capacity[pi][ti]));
        snap(y.project_output.back());
        snap(y.project_capacity.back());
      }
      y.mined = stage_output(ctx, s, t, Stage::Concentrate).value(x);
      y.separated = stage_output(ctx, s, t, Stage::Oxide).value(x);
      y.metal = stage_output(ctx, s, t, Stage::Metal).value(x);
      y.magnets = stage_output(ctx, s, t, Stage::Magnet).value(x);
      for (double* v : {&y.mined, &y.separated, &y.metal, &y.magnets}) snap(*v);
      for (std::size_t xo = 0; xo < plan.exports.size(); ++xo) {
        y.exports.push_back(val(x, ctx.exports[si][xo][ti]));
        snap(y.exports.back());
      }
      for (std::size_t d = 0; d < plan.demand.size(); ++d) {
        y.shortfall.push_back(val(x, ctx.shortfall[si][d][ti]));
        snap(y.shortfall.back());
      }
      for (const auto& term : ctx.costs)
        if ((term.scenario == -1 || term.scenario == s) && term.year == t)
          y.costs.by_kind[static_cast<std::size_t>(term.kind)] +=
              term.coef * (term.col < 0 ? 1.0 : val(x, term.col));
      sr.years.push_back(std::move(y));
    }
    sol.scenarios.push_back(std::move(sr));
  }
  sol.solver.max_balance_residual = worst;
  for (const auto& gr : ctx.goal_rows) {
    const Goal& g = plan.goals[static_cast<std::size_t>(gr.goal)];
    GoalYear gy;
    gy.goal = g.name;
    gy.kind = g.kind;
    gy.hard = g.hard;
    gy.scenario =
        gr.scenario < 0 ? "all" : plan.scenarios[static_cast<std::size_t>(gr.scenario)].name;
    gy.year = gr.year < 0 ? 0 : prep.year(gr.year);
    gy.achieved = gr.measure.value(x);
    gy.target = gr.target.value(x);
    gy.violation = std::max(0.0, val(x, gr.violation));
    gy.unreachable = gr.unreachable;
    gy.at_least = gr.at_least;
    gy.marginal_unit = g.kind == GoalKind::Budget ? "USD/USD" : "USD/kg";
    gy.unit = g.kind == GoalKind::Budget        ? "USD million"
              : g.kind == GoalKind::MarketShare ? std::string(stage_unit(g.stage))
              : g.kind == GoalKind::Exports     ? "t"
                                                : "t REO-eq";
    if (!gr.base.terms.empty() || gr.base.constant != 0) {
      double base = gr.base.value(x);
      if (base > 1e-9) gy.achieved_share = gy.achieved / base;
      gy.target_share = g.share;
    }
    double slack = gr.at_least ? gy.achieved - gy.target : gy.target - gy.achieved;
    gy.binding =
        gy.violation <= 1e-6 && std::abs(slack) <= 1e-6 * std::max(1.0, std::abs(gy.target));
    sol.goals.push_back(std::move(gy));
  }
  return sol;
}

void add_marginal_costs(const MilpContext& ctx, const std::vector<double>& duals,
                        PlanSolution& sol) {
  for (std::size_t i = 0; i < ctx.goal_rows.size() && i < sol.goals.size(); ++i) {
    double d = duals[static_cast<std::size_t>(ctx.goal_rows[i].row)];
    double m = ctx.goal_rows[i].at_least ? d : -d;
    // MUSD per t of target is USD per kg; budgets are MUSD per MUSD, i.e. USD per USD.
    if (sol.goals[i].kind != GoalKind::Budget) m *= 1000.0;
    sol.goals[i].marginal_cost = std::abs(m) < 1e-9 ? 0.0 : m;
  }
}

}  // namespace rareflow::plan::detail
