// A roadmap evaluated in a plan with its builds fixed (plan_decisions.hpp RoadmapOutcome).
#include "milp_context.hpp"
#include "plan_extract.hpp"
#include "rareflow/plan/plan_decisions.hpp"

namespace rareflow::plan {

Result<RoadmapOutcome> roadmap_outcome(const PlanModel& plan, const Roadmap& roadmap,
                                       const SolveOptions& options, bool with_best) {
  const detail::Prepared prep = detail::prepare(plan);
  SolveOptions fixed = options;
  fixed.marginal_costs = false;
  // Every decision year of every project gets exactly the roadmap's modules (0 when none).
  for (std::size_t pi = 0; pi < plan.projects.size(); ++pi)
    for (int t : prep.decision_years[pi]) {
      int year = prep.year(t), modules = 0;
      for (const auto& e : roadmap.entries)
        if (e.project == plan.projects[pi].id && e.decision_year == year) modules += e.modules;
      fixed.builds.push_back({plan.projects[pi].id, year, modules, modules});
    }
  auto s = solve_plan(plan, Strategy::Optimised, fixed);
  if (!s) return std::unexpected(s.error());
  RoadmapOutcome out;
  out.cost_musd = s->objective.total();
  out.failed = detail::failed_goals(*s);
  out.missed = detail::failed_goals(*s, true);
  if (with_best) {
    SolveOptions free = options;
    free.marginal_costs = false;
    auto b = solve_plan(plan, Strategy::Optimised, free);
    if (!b) return std::unexpected(b.error());
    out.best_musd = b->objective.total();
  }
  return out;
}

}  // namespace rareflow::plan
