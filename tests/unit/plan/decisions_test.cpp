// Project values (--rank) and goal-cost curves (--sweep-goal) on plans small enough to solve by
// hand. Money in USD million; a price in USD/kg times t is 1e-3 USD million.
#include <gtest/gtest.h>

#include "plan_test_util.hpp"
#include "rareflow/plan/plan_decisions.hpp"

namespace rareflow::plan::test {
namespace {

constexpr double kTol = 1e-6;

SolveOptions exact() {
  SolveOptions o;
  o.gap = 1e-9;
  return o;
}

// three_projects.toml: Nd demand 100 t/yr in 2025-2026, imports 50 USD/kg, a hard goal of 100%
// self-sufficiency, no lead times, no discounting, no residual values (life 1).
//   optimum: A in 2025: 4 + 2 x 100 t x 20 / 1000 = 8.
//   A forbidden: 2025 can reach only 50% (C; B not before 2026): the goal fails. Least
//     violation: C in 2025 (2 + 50 t x 45 / 1000 = 2.25) and 50 t imported (2.5); 2026 at 100%
//     needs B (7 + 100 t x 10 / 1000 = 1): 14.75, i.e. +6.75, failing nd-at-home.
//   A forced in 2025: the optimum, +0.
//   B forbidden: +0. B forced in 2026: A still needed for 2025 (4 + 2); B in 2026 (7 + 1)
//     runs instead of A: 14, +6.
//   C forbidden: +0. C forced in 2025: idle beside A (45 > 20 USD/kg): 8 + 2, +2.
// Order: A (+6.75 when forbidden), then C and B (+0), C first as forcing it costs less.
TEST(PlanRank, ThreeProjectsValuedByHand) {
  PlanModel plan = load_test_plan("three_projects.toml");
  PlanSolution opt = solve_ok(plan);
  ASSERT_NEAR(opt.objective.total(), 8.0, kTol);
  auto values = rank_projects(plan, opt, exact());
  ASSERT_TRUE(values) << values.error().message;
  ASSERT_EQ(values->size(), 3u);
  const auto& a = (*values)[0];
  const auto& c = (*values)[1];
  const auto& b = (*values)[2];
  EXPECT_EQ(a.project, "plant_a");
  EXPECT_EQ(c.project, "plant_c");
  EXPECT_EQ(b.project, "plant_b");
  EXPECT_NEAR(a.forbidden_delta, 6.75, kTol);
  EXPECT_EQ(a.forbidden_fails, std::vector<std::string>{"nd-at-home"});
  EXPECT_EQ(a.forced_year, 2025);
  EXPECT_NEAR(a.forced_delta, 0.0, kTol);
  EXPECT_TRUE(a.forced_fails.empty());
  EXPECT_EQ(a.optimum_modules, 1);
  EXPECT_EQ(a.optimum_year, 2025);
  EXPECT_NEAR(b.forbidden_delta, 0.0, kTol);
  EXPECT_EQ(b.forced_year, 2026);
  EXPECT_NEAR(b.forced_delta, 6.0, kTol);
  EXPECT_NEAR(c.forbidden_delta, 0.0, kTol);
  EXPECT_NEAR(c.forced_delta, 2.0, kTol);
  EXPECT_TRUE(c.forbidden_fails.empty());

  Table t = ranking_table(opt, *values);
  ASSERT_EQ(t.rows.size(), 3u);
  EXPECT_EQ(std::get<std::string>(t.rows[0][5]), "nd-at-home");
}

// two_projects.toml (worked out in solve_small_test.cpp): with the self-sufficiency goal at
//   0%: nothing is built, 3 years of imports: 3 x 100 t x 50 / 1000 = 15;
//  50%: plant B (4 + 2 x 100 t x 40 / 1000 = 12; once built it runs full, 40 < 50 USD/kg) and
//       2025's imports (5): 17;
// 100%: the same roadmap, 17.
// The roadmap changes between 0 and 50%.
TEST(PlanSweep, SelfSufficiencyCurveByHand) {
  PlanModel plan = load_test_plan("two_projects.toml");
  auto sweep = parse_goal_sweep("nd-at-home=0:100:3", plan);
  ASSERT_TRUE(sweep) << sweep.error().message;
  auto pts = sweep_goal(plan, *sweep, exact());
  ASSERT_TRUE(pts) << pts.error().message;
  ASSERT_EQ(pts->size(), 3u);
  EXPECT_NEAR((*pts)[0].target, 0.0, kTol);
  EXPECT_NEAR((*pts)[1].target, 50.0, kTol);
  EXPECT_NEAR((*pts)[0].solution.objective.total(), 15.0, kTol);
  EXPECT_NEAR((*pts)[1].solution.objective.total(), 17.0, kTol);
  EXPECT_NEAR((*pts)[2].solution.objective.total(), 17.0, kTol);
  EXPECT_TRUE((*pts)[0].solution.roadmap.entries.empty());
  EXPECT_TRUE((*pts)[1].roadmap_changed);
  EXPECT_FALSE((*pts)[2].roadmap_changed);
  EXPECT_EQ(roadmap_summary((*pts)[2].solution.roadmap.entries), "plant_b 2025 x1");
  // At 100% the goal binds in both years it applies to.
  EXPECT_EQ((*pts)[2].binding, std::vector<std::string>{"nd-at-home"});
  Table t = sweep_table(plan, *sweep, *pts);
  ASSERT_EQ(t.rows.size(), 3u);
  // (17 - 15) / 50 points = 0.04 USD million per percentage point.
  EXPECT_NEAR(std::get<double>(t.rows[1][2]), 0.04, kTol);
  EXPECT_EQ(t.notes[0], "the roadmap changes between 0 and 50 %");
}

TEST(PlanSweep, BadRequestsAreRefusedBeforeSolving) {
  PlanModel plan = load_test_plan("two_projects.toml");
  auto unknown = parse_goal_sweep("nd-at-hom=0:100:3", plan);
  ASSERT_FALSE(unknown);
  EXPECT_NE(unknown.error().message.find("did you mean \"nd-at-home\""), std::string::npos);
  EXPECT_FALSE(parse_goal_sweep("nd-at-home=0:100", plan));
  EXPECT_FALSE(parse_goal_sweep("nd-at-home=0:150:3", plan));  // a share above 100%
  EXPECT_FALSE(parse_goal_sweep("nd-at-home=0:100:2.5", plan));
}

}  // namespace
}  // namespace rareflow::plan::test
