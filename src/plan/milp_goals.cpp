// Goals: each becomes one row per scenario and year (budgets: first stage), with a violation
// column that is fixed at 0 for a hard goal and priced for a soft one.
#include <algorithm>

#include "milp_blocks.hpp"

namespace rareflow::plan::detail {

namespace {

std::string yr(const Prepared& prep, int t) {
  return t < 0 ? "total" : std::to_string(prep.year(t));
}

bool applies_to(const Goal& g, const PlanScenario& s) {
  return g.scenarios.empty() ||
         std::find(g.scenarios.begin(), g.scenarios.end(), s.name) != g.scenarios.end();
}

// Upper bound on a stage's output in year t: every project of that stage at its largest size
// from the first year it could be online (ramp-up ignored).
double stage_capacity_bound(const MilpContext& ctx, int t, Stage stage) {
  double cap = 0;
  for (std::size_t pi = 0; pi < ctx.plan.projects.size(); ++pi) {
    const Project& p = ctx.plan.projects[pi];
    bool counts = (stage == Stage::Concentrate && p.type == ProjectType::Mine) ||
                  (stage == Stage::Oxide &&
                   (p.type == ProjectType::Separation || p.type == ProjectType::Recycling)) ||
                  (stage == Stage::Metal && p.type == ProjectType::Metal) ||
                  (stage == Stage::Magnet && p.type == ProjectType::Magnet);
    if (!counts) continue;
    int modules = p.existing_modules;
    const auto& ys = ctx.prep.decision_years[pi];
    if (!ys.empty() && ys.front() + p.lead_time <= t) modules = p.max_modules;
    cap += modules * p.capacity_per_module;
  }
  return cap;
}

// A soft goal whose target lies beyond `reach` is charged only for the part it could meet.
void cap_soft_target(const Goal& g, GoalRow& gr, double reach) {
  if (g.hard || gr.target.constant <= reach) return;
  gr.unreachable = gr.target.constant - reach;
  gr.target.constant = reach;
}

void add_goal_row(MilpContext& ctx, GoalRow gr, double weight) {
  const Goal& g = ctx.plan.goals[static_cast<std::size_t>(gr.goal)];
  gr.weight = weight;
  std::string scen =
      gr.scenario < 0 ? "all" : ctx.plan.scenarios[static_cast<std::size_t>(gr.scenario)].name;
  std::string y = yr(ctx.prep, gr.year);
  gr.violation = ctx.lp.add_column(lp_name("viol", {g.name, scen, y}), 0.0, g.hard ? 0.0 : kInf);
  LinExpr e;
  e.add(gr.measure).add(gr.target, -1.0);
  e.add(gr.violation, gr.at_least ? 1.0 : -1.0);
  gr.row = ctx.lp.add_row(lp_name("goal", {g.name, scen, y}), e,
                          gr.at_least ? Sense::Ge : Sense::Le, 0.0);
  if (!g.hard) {
    // Soft goals: USD/kg of shortfall against the target (budgets: USD per USD over).
    double coef = g.kind == GoalKind::Budget ? g.penalty : g.penalty * kMusdPerTonneAtOneUsdPerKg;
    ctx.cost(gr.violation, coef, weight, CostKind::GoalPenalty, gr.scenario, std::max(gr.year, 0));
  }
  ctx.goal_rows.push_back(std::move(gr));
}

}  // namespace

void define_goals(MilpContext& ctx) {
  const auto& plan = ctx.plan;
  const auto& prep = ctx.prep;
  for (std::size_t gi = 0; gi < plan.goals.size(); ++gi) {
    const Goal& g = plan.goals[gi];
    if (g.kind == GoalKind::Budget) continue;
    // Export options the goal counts, resolved once rather than per scenario and year.
    std::vector<std::size_t> counted;
    for (std::size_t x = 0; x < plan.exports.size(); ++x)
      if (std::find(g.commodities.begin(), g.commodities.end(), plan.exports[x].commodity) !=
          g.commodities.end())
        counted.push_back(x);
    for (int s = 0; s < prep.scenarios; ++s) {
      if (!applies_to(g, plan.scenarios[static_cast<std::size_t>(s)])) continue;
      for (int t = 0; t < prep.years; ++t) {
        // Penalties are discounted like every other cost.
        const double prob = ctx.weight(s, t);
        int year = prep.year(t);
        if (year < g.first_year || year > g.last_year) continue;
        GoalRow gr;
        gr.goal = static_cast<int>(gi);
        gr.scenario = s;
        gr.year = t;
        double de = 0;
        LinExpr dependent;  // imports and unmet demand, t REO-eq
        LinExpr imported;
        for (Element e : g.elements) {
          de += demand_oxide_eq(ctx, s, t, e);
          dependent.add(imports_consumed(ctx, s, t, e)).add(shortfall_oxide_eq(ctx, s, t, e));
          imported.add(imports_oxide_eq(ctx, s, t, e, ""));
        }
        switch (g.kind) {
          case GoalKind::SelfSufficiency:
          case GoalKind::ImportDependence: {
            if (de <= 0) continue;
            bool ss = g.kind == GoalKind::SelfSufficiency;
            // Unmet demand counts as dependence, so going without never meets a goal.
            if (ss) {
              gr.measure.constant = de;
              gr.measure.add(dependent, -1.0);
            } else {
              gr.measure = dependent;
            }
            gr.target.constant = g.share * de;
            gr.base.constant = de;
            gr.at_least = ss;
            gr.scale = de;
            add_goal_row(ctx, std::move(gr), prob);
            break;
          }
          case GoalKind::MarketShare: {
            double world = g.world.at(year);
            gr.measure = stage_output(ctx, s, t, g.stage);
            gr.target.constant = g.share * world;
            gr.base.constant = world;
            gr.scale = std::max(1.0, g.share * world);
            cap_soft_target(g, gr, stage_capacity_bound(ctx, t, g.stage));
            add_goal_row(ctx, std::move(gr), prob);
            break;
          }
          case GoalKind::Exports: {
            for (std::size_t x : counted)
              gr.measure.add(
                  ctx.exports[static_cast<std::size_t>(s)][x][static_cast<std::size_t>(t)], 1.0);
            gr.target.constant = g.tonnes.at(year);
            gr.scale = std::max(1.0, gr.target.constant);
            double reach = 0;
            for (std::size_t x : counted)
              reach += prep.export_cap[x][static_cast<std::size_t>(s)][static_cast<std::size_t>(t)];
            cap_soft_target(g, gr, reach);
            add_goal_row(ctx, std::move(gr), prob);
            break;
          }
          case GoalKind::SupplierShare: {
            for (const auto& u : prep.suppliers) {
              if (!g.supplier.empty() && g.supplier != u) continue;
              GoalRow row = gr;
              for (Element e : g.elements) row.measure.add(imports_oxide_eq(ctx, s, t, e, u));
              row.target.add(imported, g.share);
              row.base = imported;
              row.at_least = false;
              row.scale = std::max(1.0, de);
              add_goal_row(ctx, std::move(row), prob);
            }
            break;
          }
          case GoalKind::Budget:
            break;
        }
      }
    }
  }
}

void define_budget(MilpContext& ctx) {
  const auto& plan = ctx.plan;
  const auto& prep = ctx.prep;
  for (std::size_t gi = 0; gi < plan.goals.size(); ++gi) {
    const Goal& g = plan.goals[gi];
    if (g.kind != GoalKind::Budget) continue;
    if (g.budget_per_year_musd) {
      for (int t = 0; t < prep.years; ++t) {
        int year = prep.year(t);
        if (year < g.first_year || year > g.last_year) continue;
        GoalRow gr;
        gr.goal = static_cast<int>(gi);
        gr.year = t;
        gr.measure.add(ctx.capex_paid[static_cast<std::size_t>(t)], 1.0);
        gr.target.constant = g.budget_per_year_musd->at(year);
        gr.at_least = false;
        gr.scale = std::max(1.0, gr.target.constant);
        add_goal_row(ctx, std::move(gr), prep.discount[static_cast<std::size_t>(t)]);
      }
    }
    if (g.budget_total_musd) {
      GoalRow gr;
      gr.goal = static_cast<int>(gi);
      for (int t = 0; t < prep.years; ++t) {
        int year = prep.year(t);
        if (year >= g.first_year && year <= g.last_year)
          gr.measure.add(ctx.capex_paid[static_cast<std::size_t>(t)], 1.0);
      }
      gr.target.constant = *g.budget_total_musd;
      gr.at_least = false;
      gr.scale = std::max(1.0, gr.target.constant);
      add_goal_row(ctx, std::move(gr), 1.0);
    }
  }
}

void define_objective(MilpContext& ctx) {
  auto& cols = ctx.lp.columns();
  for (auto& c : cols) c.obj = 0.0;
  ctx.lp.objective_constant = 0.0;
  for (const auto& term : ctx.costs) {
    double v = term.coef * term.weight;
    if (term.col < 0)
      ctx.lp.objective_constant += v;
    else
      cols[static_cast<std::size_t>(term.col)].obj += v;
  }
}

void build_milp(MilpContext& ctx) {
  define_build_decisions(ctx);
  define_capacity(ctx);
  define_operations(ctx);
  define_imports(ctx);
  define_exports(ctx);
  define_demand(ctx);
  define_storage(ctx);
  define_chain_balances(ctx);
  define_nonanticipativity(ctx);
  define_goals(ctx);
  define_budget(ctx);
  define_objective(ctx);
}

}  // namespace rareflow::plan::detail
