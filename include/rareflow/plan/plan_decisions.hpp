// What a plan's analyst asks after the optimum: what each candidate project is worth (forbid
// it, force it on its earliest date) and what each point of a goal costs (re-solve across the
// goal's target). Money in USD million (expected present value, as the objective).
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "rareflow/core/error.hpp"
#include "rareflow/core/table.hpp"
#include "rareflow/plan/plan_model.hpp"
#include "rareflow/plan/plan_solver.hpp"

namespace rareflow::plan {

// One candidate project's value to the plan. Deltas are against the optimum's expected cost;
// "goals failed" are hard goals the plan then cannot meet (their cost is then the least-cost
// plan at the least violation, see docs/model_plan.md section 6).
struct ProjectValue {
  std::string project;
  std::string name;
  ProjectType type = ProjectType::Mine;
  int optimum_modules = 0;      // modules the optimum builds
  int optimum_year = 0;         // its first decision year in the optimum (0: not built)
  bool forbid_possible = true;  // false when a commitment fixes it
  double forbidden_delta = 0;   // cost when it may not be built - optimum
  std::vector<std::string> forbidden_fails;
  int forced_year = 0;      // its earliest decision year
  double forced_delta = 0;  // cost when one module is decided then - optimum
  std::vector<std::string> forced_fails;
};

// Every project that can be built (it has a decision year in the horizon), forbidden and forced
// in turn, sorted by the value of having it (forbidden_delta, largest first), then by what
// forcing it costs (smallest first). `optimum` is the plan's optimised solution.
Result<std::vector<ProjectValue>> rank_projects(const PlanModel& plan, const PlanSolution& optimum,
                                                const SolveOptions& options);
Table ranking_table(const PlanSolution& optimum, const std::vector<ProjectValue>& values);

// "NAME=FROM:TO:POINTS": a goal's target from FROM to TO in POINTS evenly spaced points. Shares
// are given in percent (import dependence 30:60:7 is 30%, 35%, ..., 60%); budgets in USD
// million (the total, or the yearly budget when the goal has no total); export goals in t/yr.
struct GoalSweep {
  std::string goal;
  double from = 0, to = 0;
  int points = 0;
};
Result<GoalSweep> parse_goal_sweep(const std::string& text, const PlanModel& plan);

struct SweepPoint {
  double target = 0;  // in the sweep's unit (%, USD million or t/yr)
  PlanSolution solution;
  std::vector<std::string> binding;  // goals binding in some scenario-year
  std::vector<std::string> failed;   // hard goals that cannot be met at this target
  bool roadmap_changed = false;      // differs from the previous point's roadmap
};

// Re-solves the plan at each point (from scratch: no warm start, see docs/model_plan.md).
Result<std::vector<SweepPoint>> sweep_goal(const PlanModel& plan, const GoalSweep& sweep,
                                           const SolveOptions& options);
// Cost, the change in cost per unit of target, roadmap and binding goals per point; notes say
// between which targets the roadmap changes.
Table sweep_table(const PlanModel& plan, const GoalSweep& sweep,
                  const std::vector<SweepPoint>& points);
// "smz_separation 2025 x1; glazov_magnet 2025 x2" (decision years and modules).
std::string roadmap_summary(const std::vector<RoadmapBuild>& entries);

// A roadmap's outcome in a plan, e.g. one sampled future (docs/model_plan.md section 7c): the
// expected present cost with every build fixed to the roadmap (operations optimised), the goals
// it then misses, and, when asked, the plan's own optimum (what perfect foresight of that plan
// would cost), so that regret = cost - best. Money in USD million.
struct RoadmapOutcome {
  double cost_musd = 0;
  std::vector<std::string> failed;  // hard goals not met
  std::vector<std::string> missed;  // every goal not met (hard or soft)
  std::optional<double> best_musd;
};
Result<RoadmapOutcome> roadmap_outcome(const PlanModel& plan, const Roadmap& roadmap,
                                       const SolveOptions& options, bool with_best);

}  // namespace rareflow::plan
