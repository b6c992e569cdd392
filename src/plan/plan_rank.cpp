// Project values: each candidate project forbidden, then forced on its earliest decision year,
// against the optimum (plan_decisions.hpp).
#include <algorithm>

#include <fmt/format.h>

#include "milp_context.hpp"
#include "plan_extract.hpp"
#include "rareflow/plan/plan_decisions.hpp"

namespace rareflow::plan {

namespace detail {
// Hard goals (or every goal) a solution does not meet (violation above round-off), and goals
// that bind.
std::vector<std::string> failed_goals(const PlanSolution& s, bool soft_too) {
  std::vector<std::string> out;
  for (const auto& g : s.goals)
    if ((g.hard || soft_too) && g.violation > 1e-6 * std::max(1.0, std::abs(g.target)) &&
        std::find(out.begin(), out.end(), g.goal) == out.end())
      out.push_back(g.goal);
  return out;
}
std::vector<std::string> binding_goals(const PlanSolution& s) {
  std::vector<std::string> out;
  for (const auto& g : s.goals)
    if ((g.binding || (!g.hard && g.violation > 1e-6)) &&
        std::find(out.begin(), out.end(), g.goal) == out.end())
      out.push_back(g.goal);
  return out;
}
}  // namespace detail

std::string roadmap_summary(const std::vector<RoadmapBuild>& entries) {
  std::string out;
  for (const auto& e : entries)
    out +=
        fmt::format("{}{} {} x{}", out.empty() ? "" : "; ", e.project, e.decision_year, e.modules);
  return out.empty() ? "nothing built" : out;
}

Result<std::vector<ProjectValue>> rank_projects(const PlanModel& plan, const PlanSolution& optimum,
                                                const SolveOptions& options) {
  const detail::Prepared prep = detail::prepare(plan);
  const double base = optimum.objective.total();
  std::vector<ProjectValue> out;
  for (std::size_t pi = 0; pi < plan.projects.size(); ++pi) {
    const Project& p = plan.projects[pi];
    if (prep.decision_years[pi].empty()) continue;  // nothing to decide within the horizon
    ProjectValue v;
    v.project = p.id;
    v.name = p.name;
    v.type = p.type;
    for (const auto& e : optimum.roadmap.entries) {
      if (e.project != p.id) continue;
      v.optimum_modules += e.modules;
      if (v.optimum_year == 0) v.optimum_year = e.decision_year;
    }
    v.forbid_possible = std::none_of(plan.commitments.begin(), plan.commitments.end(),
                                     [&](const Commitment& c) { return c.project == p.id; });
    SolveOptions opt = options;
    opt.marginal_costs = false;
    if (v.forbid_possible) {
      opt.builds = options.builds;
      opt.builds.push_back({p.id, 0, 0, 0});
      auto s = solve_plan(plan, Strategy::Optimised, opt);
      if (!s) return std::unexpected(s.error());
      v.forbidden_delta = s->objective.total() - base;
      v.forbidden_fails = detail::failed_goals(*s);
    }
    v.forced_year = prep.year(prep.decision_years[pi].front());
    opt.builds = options.builds;
    opt.builds.push_back({p.id, v.forced_year, 1, std::nullopt});
    auto s = solve_plan(plan, Strategy::Optimised, opt);
    if (!s) return std::unexpected(s.error());
    v.forced_delta = s->objective.total() - base;
    v.forced_fails = detail::failed_goals(*s);
    out.push_back(std::move(v));
  }
  std::stable_sort(out.begin(), out.end(), [](const ProjectValue& a, const ProjectValue& b) {
    if (a.forbidden_delta != b.forbidden_delta) return a.forbidden_delta > b.forbidden_delta;
    return a.forced_delta < b.forced_delta;
  });
  return out;
}

Table ranking_table(const PlanSolution& optimum, const std::vector<ProjectValue>& values) {
  Table t;
  t.title = "Project values: each project forbidden, then forced on its earliest date";
  t.columns = {{"rank", ""},
               {"project", ""},
               {"type", ""},
               {"in the optimum", ""},
               {"cost if forbidden", "USD million", 2},
               {"goals failed if forbidden", ""},
               {"forced in", ""},
               {"cost if forced", "USD million", 2},
               {"goals failed if forced", ""}};
  auto list = [](const std::vector<std::string>& v) {
    std::string s;
    for (const auto& x : v) s += (s.empty() ? "" : ", ") + x;
    return s.empty() ? std::string("none") : s;
  };
  long long rank = 0;
  for (const auto& v : values) {
    std::string in = v.optimum_modules > 0
                         ? fmt::format("{} module{} from {}", v.optimum_modules,
                                       v.optimum_modules > 1 ? "s" : "", v.optimum_year)
                         : std::string("not built");
    t.add_row({Cell{++rank}, Cell{v.project}, Cell{std::string(project_type_name(v.type))},
               Cell{in}, v.forbid_possible ? Cell{v.forbidden_delta} : Cell{},
               Cell{v.forbid_possible ? list(v.forbidden_fails) : std::string("committed")},
               Cell{static_cast<long long>(v.forced_year)}, Cell{v.forced_delta},
               Cell{list(v.forced_fails)}});
  }
  t.notes.push_back(fmt::format(
      "costs are changes in the expected present cost against the optimum ({:.2f} USD million); "
      "forcing builds one module in the project's earliest decision year",
      optimum.objective.total()));
  t.notes.push_back(
      "where hard goals are failed, the cost is that of the least-cost plan at the least "
      "violation of them (the goals are relaxed, not priced)");
  return t;
}

}  // namespace rareflow::plan
