// Solving a plan: build the MILP, solve with Cbc, and when hard goals cannot all be met,
// find by how much (minimise their total relative violation, then the cost at that level).
#include <algorithm>
#include <cmath>

#include <fmt/format.h>

#include "cbc_solve.hpp"
#include "milp_blocks.hpp"
#include "plan_extract.hpp"
#include "rareflow/plan/plan_solver.hpp"

namespace rareflow::plan {

std::string_view strategy_name(Strategy s) {
  return s == Strategy::Optimised ? "optimised" : "reference";
}

std::string_view status_name(PlanStatus s) {
  switch (s) {
    case PlanStatus::Optimal:
      return detail::status_name(detail::MilpStatus::Optimal);
    case PlanStatus::Feasible:
      return detail::status_name(detail::MilpStatus::Feasible);
    case PlanStatus::HardGoalsRelaxed:
      return "hard goals relaxed";
  }
  return "";
}

double CostBreakdown::total() const {
  double t = 0;
  for (double v : by_kind) t += v;
  return t;
}

const std::array<std::string_view, CostBreakdown::kKinds>& cost_kind_names() {
  static const std::array<std::string_view, CostBreakdown::kKinds> names = [] {
    std::array<std::string_view, CostBreakdown::kKinds> n{};
    for (std::size_t i = 0; i < n.size(); ++i)
      n[i] = detail::cost_kind_name(static_cast<detail::CostKind>(i));
    return n;
  }();
  return names;
}

namespace {

using namespace detail;

bool has_hard_goal_rows(const MilpContext& ctx) {
  for (const auto& gr : ctx.goal_rows)
    if (ctx.plan.goals[static_cast<std::size_t>(gr.goal)].hard) return true;
  return false;
}

// Lets hard goals be violated; returns sum of violation / scale over them.
// Applies the caller's extra bounds on build decisions; returns an error for an unknown project.
Result<void> apply_build_bounds(MilpContext& ctx, const std::vector<BuildBound>& bounds) {
  for (const auto& b : bounds) {
    const auto& projects = ctx.plan.projects;
    auto it = std::find_if(projects.begin(), projects.end(),
                           [&](const Project& p) { return p.id == b.project; });
    if (it == projects.end()) return fail(fmt::format("unknown project '{}'", b.project));
    const auto pi = static_cast<std::size_t>(it - projects.begin());
    bool found = b.decision_year == 0;
    for (std::size_t t = 0; t < ctx.build[pi].size(); ++t) {
      int col = ctx.build[pi][t];
      if (col < 0) continue;
      bool year = ctx.prep.year(static_cast<int>(t)) == b.decision_year;
      if (b.decision_year != 0 && !year) continue;
      found = true;
      auto& c = ctx.lp.columns()[static_cast<std::size_t>(col)];
      c.lb = std::max(c.lb, static_cast<double>(b.min_modules));
      if (b.max_modules) c.ub = std::min(c.ub, static_cast<double>(*b.max_modules));
      if (c.lb > c.ub)
        return fail(fmt::format("project '{}' cannot have at least {} and at most {} modules in {}",
                                b.project, c.lb, c.ub, ctx.prep.year(static_cast<int>(t))));
    }
    if (!found)
      return fail(fmt::format("project '{}' cannot be decided in {}", b.project, b.decision_year));
  }
  return {};
}

LinExpr open_hard_goals(MilpContext& ctx, LinearModel& m) {
  LinExpr total;
  for (const auto& gr : ctx.goal_rows) {
    if (!ctx.plan.goals[static_cast<std::size_t>(gr.goal)].hard) continue;
    m.columns()[static_cast<std::size_t>(gr.violation)].ub = kInf;
    total.add(gr.violation, 1.0 / gr.scale);
  }
  return total;
}

}  // namespace

std::string PlanEngine::lp_text(Strategy strategy) const {
  const PlanModel& plan = plan_;
  Prepared prep = prepare(plan);
  MilpContext ctx(plan, prep,
                  strategy == Strategy::Optimised ? BuildMode::Optimise : BuildMode::Reference);
  build_milp(ctx);
  return to_lp_format(ctx.lp, fmt::format("rareflow plan '{}' ({} strategy), money in USD million, "
                                          "quantities in t",
                                          plan.name, strategy_name(strategy)));
}

Result<PlanSolution> PlanEngine::solve(Strategy strategy) const {
  const PlanModel& plan = plan_;
  const SolveOptions& opt = options_;
  Prepared prep = prepare(plan);
  MilpContext ctx(plan, prep,
                  strategy == Strategy::Optimised ? BuildMode::Optimise : BuildMode::Reference);
  build_milp(ctx);
  if (auto b = apply_build_bounds(ctx, opt.builds); !b)
    return fail(fmt::format("plan '{}': {}", plan.name, b.error().message));
  MilpOptions mo{opt.time_limit_s.value_or(plan.time_limit_s), opt.gap.value_or(plan.gap)};
  MilpResult res = solve_milp(ctx.lp, mo);
  if (!res.problem.empty())
    return fail(fmt::format("plan '{}' ({}): {}", plan.name, strategy_name(strategy), res.problem));
  const LinearModel* used = &ctx.lp;
  LinearModel relaxed;
  bool goals_relaxed = false;
  double seconds = res.seconds;
  long nodes = res.nodes;
  if ((res.status == MilpStatus::Infeasible || res.status == MilpStatus::NoSolution) &&
      has_hard_goal_rows(ctx)) {
    // Phase 1: the least total relative violation of the hard goals.
    LinearModel phase1 = ctx.lp;
    for (auto& c : phase1.columns()) c.obj = 0.0;
    phase1.objective_constant = 0.0;
    LinExpr violation = open_hard_goals(ctx, phase1);
    for (const auto& [c, k] : violation.terms)
      phase1.columns()[static_cast<std::size_t>(c)].obj = k;
    MilpResult r1 = solve_milp(phase1, mo);
    seconds += r1.seconds;
    nodes += r1.nodes;
    if (r1.x.empty())
      return fail(fmt::format(
          "plan '{}' ({}): the solver found no solution even with hard goals relaxed ({})",
          plan.name, strategy_name(strategy), status_name(r1.status)));
    // Phase 2: least cost among plans that violate the hard goals no more than that.
    relaxed = ctx.lp;
    open_hard_goals(ctx, relaxed);
    double limit = violation.value(r1.x);
    relaxed.add_row("least_goal_violation", violation, Sense::Le, limit + 1e-9 * (1.0 + limit));
    res = solve_milp(relaxed, mo);
    seconds += res.seconds;
    nodes += res.nodes;
    used = &relaxed;
    goals_relaxed = true;
  }
  if (res.x.empty())
    return fail(fmt::format(
        "plan '{}' ({}): the solver stopped with {} after {:.1f} s; try a longer --time-limit",
        plan.name, strategy_name(strategy), status_name(res.status), seconds));
  PlanSolution sol = extract_solution(ctx, *used, res.x);
  sol.strategy = strategy;
  auto& rep = sol.solver;
  rep.status = goals_relaxed                       ? PlanStatus::HardGoalsRelaxed
               : res.status == MilpStatus::Optimal ? PlanStatus::Optimal
                                                   : PlanStatus::Feasible;
  rep.objective_musd = res.objective;
  rep.bound_musd = res.bound;
  rep.gap = res.gap;
  rep.gap_target = mo.gap;
  rep.seconds = seconds;
  rep.nodes = nodes;
  rep.columns = static_cast<int>(used->columns().size());
  rep.rows = static_cast<int>(used->rows().size());
  for (const auto& c : used->columns()) rep.integer_columns += c.integer ? 1 : 0;
  rep.hard_goals_relaxed = goals_relaxed;
  if (opt.marginal_costs) {
    std::vector<double> duals = fixed_lp_duals(*used, res.x);
    if (!duals.empty()) add_marginal_costs(ctx, duals, sol);
  }
  describe_goals(ctx, sol);
  flag_idle_projects(plan, sol);
  return sol;
}

Result<PlanSolution> solve_plan(const PlanModel& plan, Strategy strategy, const SolveOptions& opt) {
  return PlanEngine(plan, opt).solve(strategy);
}

std::string plan_lp_text(const PlanModel& plan, Strategy strategy) {
  return PlanEngine(plan).lp_text(strategy);
}

}  // namespace rareflow::plan
