#include "rareflow/report/plan_rows.hpp"

#include <algorithm>

#include <fmt/format.h>

#include "rareflow/plan/plan_report.hpp"
#include "rareflow/report/conventions.hpp"

namespace rareflow::report {

namespace {

void append_solution(IamcTable& t, const plan::PlanModel& m, const plan::PlanSolution& s) {
  std::string strategy(plan::strategy_name(s.strategy));
  std::string base = fmt::format("{}|{}", m.name, strategy);
  std::vector<RoadmapProject> entries;
  for (const auto& e : s.roadmap.entries)
    entries.push_back({e.name.empty() ? e.project : e.name, m.region, e.decision_year,
                       e.online_year, e.capacity, std::string(plan::capacity_unit(e.type)),
                       e.capex_musd});
  append_roadmap(t, base, entries);
  for (const auto& sc : s.scenarios) {
    std::string scen = fmt::format("{}|{}", base, sc.name);
    // Goal lines: a self-sufficiency goal as is; an import-dependence cap d as 1 - d.
    for (const auto& g : m.goals) {
      bool ss = g.kind == plan::GoalKind::SelfSufficiency;
      if (!ss && g.kind != plan::GoalKind::ImportDependence) continue;
      if (!g.scenarios.empty() &&
          std::find(g.scenarios.begin(), g.scenarios.end(), sc.name) == g.scenarios.end())
        continue;
      std::string group = g.group;
      if (group.empty())
        for (Element e : g.elements)
          group += (group.empty() ? "" : "+") + std::string(info(e).symbol);
      double share = 100.0 * (ss ? g.share : 1.0 - g.share);
      for (int y = std::max(g.first_year, m.first_year); y <= std::min(g.last_year, m.last_year);
           ++y)
        t.add(kModelName, scen, m.region, var::goal_self_sufficiency(group), y, share);
    }
  }
}

}  // namespace

void append_plan_rows(IamcTable& t, const plan::PlanRunResult& r) {
  append_solution(t, r.plan, r.optimised);
  if (r.reference) append_solution(t, r.plan, *r.reference);
  const std::string scen = fmt::format("{}|optimised", r.plan.name);
  for (const auto& v : r.ranking) {
    if (v.forbid_possible)
      t.add(kModelName, scen, r.plan.region, var::project_value_forbidden(v.project),
            r.plan.first_year, v.forbidden_delta);
    t.add(kModelName, scen, r.plan.region, var::project_value_forced(v.project), r.plan.first_year,
          v.forced_delta);
  }
}

}  // namespace rareflow::report
