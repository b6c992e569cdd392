// Plain-language findings about goals: which cannot be met and by how much, which bind.
#include <algorithm>
#include <cmath>

#include <fmt/format.h>

#include "plan_extract.hpp"

namespace rareflow::plan::detail {

namespace {

std::string pct(double share) {
  return fmt::format("{:.1f}%", 100.0 * share);
}

std::string goal_text(const Goal& g) {
  std::string from = fmt::format("from {}", g.first_year);
  switch (g.kind) {
    case GoalKind::SelfSufficiency:
      return fmt::format("self-sufficiency in {} of at least {} {}", g.group, pct(g.share), from);
    case GoalKind::ImportDependence:
      return fmt::format("import dependence in {} of at most {} {}", g.group, pct(g.share), from);
    case GoalKind::MarketShare:
      return fmt::format("{} output of at least {} of the world market {}",
                         g.stage == Stage::Concentrate ? "mine" : stage_key(g.stage), pct(g.share),
                         from);
    case GoalKind::Exports: {
      std::string list;
      for (const auto& c : g.commodities) list += (list.empty() ? "" : ", ") + c.str();
      return fmt::format("exports of {} of at least {:.0f} t/yr {}", list,
                         g.tonnes.at(g.first_year), from);
    }
    case GoalKind::SupplierShare:
      return fmt::format("imports of {} from {} of at most {} of imports {}", g.group,
                         g.supplier.empty() ? "any one supplier" : g.supplier, pct(g.share), from);
    case GoalKind::Budget: {
      std::string s = "capex within";
      if (g.budget_total_musd)
        s += fmt::format(" {:.1f} USD million in total", *g.budget_total_musd);
      if (g.budget_per_year_musd)
        s += fmt::format("{} {:.1f} USD million per year", g.budget_total_musd ? " and" : "",
                         g.budget_per_year_musd->at(g.first_year));
      return s;
    }
  }
  return "";
}

std::string achieved_text(const GoalYear& gy) {
  if (gy.achieved_share)
    return fmt::format("{} ({:.1f} {}) against {} {}", pct(*gy.achieved_share), gy.achieved,
                       gy.unit, gy.at_least ? "at least" : "at most", pct(gy.target_share));
  return fmt::format("{:.1f} {} against {} {:.1f}", gy.achieved, gy.unit,
                     gy.at_least ? "at least" : "at most", gy.target);
}

std::string when(const GoalYear& gy) {
  std::string y = gy.year == 0 ? "over the horizon" : std::to_string(gy.year);
  return gy.scenario == "all" ? y : fmt::format("{} {}", gy.scenario, y);
}

}  // namespace

void describe_goals(const MilpContext& ctx, PlanSolution& sol) {
  const auto& plan = ctx.plan;
  for (std::size_t gi = 0; gi < plan.goals.size(); ++gi) {
    const Goal& g = plan.goals[gi];
    std::vector<const GoalYear*> rows;
    std::vector<double> scales;
    std::vector<std::size_t> indices;
    for (std::size_t i = 0; i < ctx.goal_rows.size(); ++i)
      if (ctx.goal_rows[i].goal == static_cast<int>(gi)) {
        rows.push_back(&sol.goals[i]);
        scales.push_back(ctx.goal_rows[i].scale);
        indices.push_back(i);
      }
    std::string head =
        fmt::format("{} goal '{}' ({})", g.hard ? "hard" : "soft", g.name, goal_text(g));
    if (rows.empty()) {
      sol.messages.push_back(head + ": no year of the horizon has anything to measure");
      continue;
    }
    // A soft target beyond every candidate's reach: say so rather than charge a constant.
    const GoalYear* out_of_reach = nullptr;
    double unreachable = 0;
    for (const auto* r : rows) {
      unreachable += r->unreachable;
      if (r->unreachable > 0 && (!out_of_reach || r->unreachable > out_of_reach->unreachable))
        out_of_reach = r;
    }
    if (out_of_reach)
      sol.messages.push_back(fmt::format(
          "{} cannot be approached: even every candidate project at full size leaves {:.1f} {} "
          "of the target out of reach in {} ({:.1f} {} over {} scenario-years); that part is not "
          "charged, the penalty applies to the reachable part only",
          head, out_of_reach->unreachable, out_of_reach->unit, when(*out_of_reach), unreachable,
          out_of_reach->unit, rows.size()));
    const GoalYear* worst = nullptr;
    double worst_rel = 0, total = 0;
    int missed = 0;
    for (std::size_t i = 0; i < rows.size(); ++i) {
      double rel = rows[i]->violation / scales[i];
      if (rel <= 1e-7) continue;
      ++missed;
      total += rows[i]->violation;
      if (rel > worst_rel) {
        worst_rel = rel;
        worst = rows[i];
      }
    }
    if (worst) {
      std::string verb = g.hard ? "cannot be met" : "is missed";
      std::string msg = fmt::format(
          "{} {}: worst in {}: {} ({} {:.1f} {}); missed in {} of {} "
          "scenario-years, {:.1f} {} in all",
          head, verb, when(*worst), achieved_text(*worst),
          g.kind == GoalKind::Budget ? "over by" : "short by", worst->violation, worst->unit,
          missed, rows.size(), total, worst->unit);
      if (!g.hard) {
        // Expected present value of the penalty, as charged in the objective.
        double per_unit = g.kind == GoalKind::Budget ? g.penalty : g.penalty * 1e-3;
        double expected = 0;
        for (std::size_t i = 0; i < rows.size(); ++i)
          expected += ctx.goal_rows[indices[i]].weight * per_unit * rows[i]->violation;
        msg += fmt::format("; at {} the misses cost {:.1f} USD million (expected present value)",
                           g.kind == GoalKind::Budget ? fmt::format("{} USD per USD", g.penalty)
                                                      : fmt::format("{} USD/kg", g.penalty),
                           expected);
      }
      sol.messages.push_back(msg);
      continue;
    }
    int binding = 0;
    const GoalYear* dearest = nullptr;
    for (const auto* r : rows) {
      if (!r->binding) continue;
      ++binding;
      if (r->marginal_cost && (!dearest || *r->marginal_cost > dearest->marginal_cost.value_or(0)))
        dearest = r;
    }
    if (binding == 0) {
      sol.messages.push_back(head + ": met with slack in every scenario-year");
    } else if (dearest && dearest->marginal_cost.value_or(0) > 1e-9) {
      sol.messages.push_back(fmt::format(
          "{}: binds in {} of {} scenario-years; dearest in {}: tightening it costs {:.3g} {} "
          "(expected present value)",
          head, binding, rows.size(), when(*dearest), *dearest->marginal_cost,
          dearest->marginal_unit));
    } else {
      sol.messages.push_back(
          fmt::format("{}: met exactly in {} of {} scenario-years", head, binding, rows.size()));
    }
  }
}

}  // namespace rareflow::plan::detail
