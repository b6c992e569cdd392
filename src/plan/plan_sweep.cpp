// Goal-cost curves: the plan re-solved across one goal's target (plan_decisions.hpp).
#include <algorithm>
#include <charconv>
#include <cmath>

#include <fmt/format.h>

#include "plan_extract.hpp"
#include "rareflow/plan/plan_decisions.hpp"

namespace rareflow::plan {

namespace {

bool is_share(GoalKind k) {
  return k == GoalKind::SelfSufficiency || k == GoalKind::ImportDependence ||
         k == GoalKind::MarketShare || k == GoalKind::SupplierShare;
}

std::string sweep_unit(const Goal& g) {
  if (is_share(g.kind)) return "%";
  if (g.kind == GoalKind::Budget) return "USD million";
  return "t/yr";
}

std::optional<double> to_number(std::string_view s) {
  double v = 0;
  auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
  if (ec != std::errc() || p != s.data() + s.size() || !std::isfinite(v)) return std::nullopt;
  return v;
}

// The plan with goal `gi`'s target set to `value` (in the sweep's unit).
PlanModel with_target(const PlanModel& plan, std::size_t gi, double value) {
  PlanModel p = plan;
  Goal& g = p.goals[gi];
  if (is_share(g.kind)) {
    g.share = value / 100.0;
  } else if (g.kind == GoalKind::Budget) {
    if (g.budget_total_musd)
      g.budget_total_musd = value;
    else
      g.budget_per_year_musd = YearPath::constant(value);
  } else {
    g.tonnes = YearPath::constant(value);
  }
  return p;
}

bool same_roadmap(const std::vector<RoadmapBuild>& a, const std::vector<RoadmapBuild>& b) {
  return std::equal(a.begin(), a.end(), b.begin(), b.end(), [](const auto& x, const auto& y) {
    return x.project == y.project && x.decision_year == y.decision_year && x.modules == y.modules;
  });
}

}  // namespace

Result<GoalSweep> parse_goal_sweep(const std::string& text, const PlanModel& plan) {
  const std::string usage = "expected NAME=FROM:TO:POINTS, e.g. import-dependence-2030=30:60:7";
  auto eq = text.find('=');
  if (eq == std::string::npos)
    return fail(fmt::format("--sweep-goal: {}, found \"{}\"", usage, text));
  GoalSweep s;
  s.goal = text.substr(0, eq);
  std::vector<std::string> names;
  for (const auto& g : plan.goals) names.push_back(g.name);
  if (std::find(names.begin(), names.end(), s.goal) == names.end()) {
    return fail(fmt::format("--sweep-goal: plan '{}' has no goal '{}'{}", plan.name, s.goal,
                            suggestion(s.goal, names)));
  }
  std::vector<std::string_view> parts;
  std::string_view rest(text);
  rest.remove_prefix(eq + 1);
  while (true) {
    auto c = rest.find(':');
    parts.push_back(rest.substr(0, c));
    if (c == std::string_view::npos) break;
    rest.remove_prefix(c + 1);
  }
  auto from = parts.size() == 3 ? to_number(parts[0]) : std::nullopt;
  auto to = parts.size() == 3 ? to_number(parts[1]) : std::nullopt;
  auto n = parts.size() == 3 ? to_number(parts[2]) : std::nullopt;
  if (!from || !to || !n || *n < 1 || *n > 101 || *n != std::floor(*n))
    return fail(fmt::format("--sweep-goal: {} (POINTS a whole number from 1 to 101), found \"{}\"",
                            usage, text));
  const Goal& g = *std::find_if(plan.goals.begin(), plan.goals.end(),
                                [&](const Goal& x) { return x.name == s.goal; });
  double hi = is_share(g.kind) ? 100.0 : 1e7;
  if (*from < 0 || *to < 0 || *from > hi || *to > hi)
    return fail(
        fmt::format("--sweep-goal: targets of goal '{}' are in {} between 0 and {:g}, "
                    "found {}:{}",
                    s.goal, sweep_unit(g), hi, *from, *to));
  s.from = *from;
  s.to = *to;
  s.points = static_cast<int>(*n);
  return s;
}

Result<std::vector<SweepPoint>> sweep_goal(const PlanModel& plan, const GoalSweep& sweep,
                                           const SolveOptions& options) {
  std::size_t gi = 0;
  while (gi < plan.goals.size() && plan.goals[gi].name != sweep.goal) ++gi;
  if (gi == plan.goals.size()) return fail(fmt::format("no goal '{}'", sweep.goal));
  std::vector<SweepPoint> out;
  for (int k = 0; k < sweep.points; ++k) {
    SweepPoint pt;
    pt.target = sweep.points == 1 ? sweep.from
                                  : sweep.from + (sweep.to - sweep.from) * k / (sweep.points - 1);
    // Each point is solved from scratch: Cbc 2.10's MIP start crashed in its preprocessing's
    // post-processing on these models (see docs/model_plan.md section 10).
    auto s = solve_plan(with_target(plan, gi, pt.target), Strategy::Optimised, options);
    if (!s) return std::unexpected(s.error());
    pt.solution = std::move(*s);
    pt.binding = detail::binding_goals(pt.solution);
    pt.failed = detail::failed_goals(pt.solution);
    pt.roadmap_changed = !out.empty() && !same_roadmap(out.back().solution.roadmap.entries,
                                                       pt.solution.roadmap.entries);
    out.push_back(std::move(pt));
  }
  return out;
}

Table sweep_table(const PlanModel& plan, const GoalSweep& sweep,
                  const std::vector<SweepPoint>& points) {
  const Goal& g = *std::find_if(plan.goals.begin(), plan.goals.end(),
                                [&](const Goal& x) { return x.name == sweep.goal; });
  const std::string unit = sweep_unit(g);
  Table t;
  t.title = fmt::format("Goal-cost curve: {} ({})", sweep.goal, goal_kind_name(g.kind));
  t.columns = {{"target", unit, 2},
               {"expected cost", "USD million", 2},
               {"change per unit of target", "USD million/" + (unit == "%" ? "pt" : unit), 3},
               {"gap", "%", 4},
               {"roadmap", ""},
               {"binding goals", ""},
               {"hard goals failed", ""}};
  auto list = [](const std::vector<std::string>& v) {
    std::string s;
    for (const auto& x : v) s += (s.empty() ? "" : ", ") + x;
    return s.empty() ? std::string("none") : s;
  };
  for (std::size_t k = 0; k < points.size(); ++k) {
    const auto& p = points[k];
    Cell slope;
    if (k > 0 && p.target != points[k - 1].target)
      slope = (p.solution.objective.total() - points[k - 1].solution.objective.total()) /
              (p.target - points[k - 1].target);
    t.add_row({Cell{p.target}, Cell{p.solution.objective.total()}, slope,
               Cell{100.0 * p.solution.solver.gap},
               Cell{roadmap_summary(p.solution.roadmap.entries)}, Cell{list(p.binding)},
               Cell{list(p.failed)}});
    if (p.roadmap_changed)
      t.notes.push_back(fmt::format("the roadmap changes between {:g} and {:g} {}",
                                    points[k - 1].target, p.target, unit));
  }
  if (points.size() > 1 && t.notes.empty())
    t.notes.push_back(
        fmt::format("the roadmap is the same from {:g} to {:g} {}", sweep.from, sweep.to, unit));
  t.notes.push_back(
      "each point is the plan re-solved with only this goal's target changed; cost is the "
      "expected present cost (objective)");
  return t;
}

}  // namespace rareflow::plan
