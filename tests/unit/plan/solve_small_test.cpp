// Tiny plans whose optimum is worked out by hand in the comments. Money in USD million;
// a price in USD/kg times t is 1e-3 USD million.
#include <gtest/gtest.h>

#include "plan_test_util.hpp"

namespace rareflow::plan::test {
namespace {

constexpr double kTol = 1e-6;

// two_projects.toml: Nd demand 100 t/yr in 2025-2027, imports at 50 USD/kg, a hard goal of
// 100% self-sufficiency from 2026, two recycling plants with a one-year lead time:
//   A: capex 10, 20 USD/kg -> 10 + 2 x 100 t x 20 / 1000 = 14
//   B: capex  4, 40 USD/kg ->  4 + 2 x 100 t x 40 / 1000 = 12
// 2025 must be imported either way: 100 t x 50 / 1000 = 5. Optimum: B in 2025, total 17.
TEST(PlanSmall, TwoProjectsThreeYearsPicksTheCheaperPlant) {
  PlanModel plan = load_test_plan("two_projects.toml");
  PlanSolution s = solve_ok(plan);
  ASSERT_EQ(s.roadmap.entries.size(), 1u);
  const auto& e = s.roadmap.entries[0];
  EXPECT_EQ(e.project, "plant_b");
  EXPECT_EQ(e.decision_year, 2025);
  EXPECT_EQ(e.online_year, 2026);
  EXPECT_EQ(e.modules, 1);
  EXPECT_NEAR(e.capex_musd, 4.0, kTol);
  EXPECT_NEAR(s.objective.total(), 17.0, kTol);
  EXPECT_NEAR(cost_of(s.objective, "capex"), 4.0, kTol);
  EXPECT_NEAR(cost_of(s.objective, "imports"), 5.0, kTol);
  EXPECT_NEAR(cost_of(s.objective, "variable operating"), 8.0, kTol);
  EXPECT_NEAR(s.solver.objective_musd, 17.0, kTol);
  EXPECT_EQ(status_name(s.solver.status), "optimal");
  // Self-sufficiency: 0% in 2025 (all imported), 100% afterwards.
  const auto nd = index(Element::Nd);
  EXPECT_NEAR(year_of(s, 0, 2025).elements[nd].imports, 100.0, kTol);
  EXPECT_NEAR(year_of(s, 0, 2026).elements[nd].self_sufficiency(), 1.0, kTol);
  EXPECT_NEAR(year_of(s, 0, 2027).elements[nd].domestic, 100.0, kTol);
  // The goal binds (exactly 100%) in both years it applies to.
  ASSERT_EQ(s.goals.size(), 2u);
  for (const auto& g : s.goals) EXPECT_TRUE(g.binding) << g.year;
}

// Without the goal, importing (2 x 100 t x 50 / 1000 = 10) beats plant B (12): no builds,
// total 5 + 10 = 15.
TEST(PlanSmall, WithoutTheGoalImportsWin) {
  PlanModel plan = load_test_plan("two_projects.toml");
  plan.goals.clear();
  PlanSolution s = solve_ok(plan);
  EXPECT_TRUE(s.roadmap.entries.empty());
  EXPECT_NEAR(s.objective.total(), 15.0, kTol);
}

// At 10% a year, B costs 4 (paid in 2025) + 4/1.1 + 4/1.21 = 10.9421 and A
// 10 + 2/1.1 + 2/1.21 = 13.4711; with the 2025 imports (5, undiscounted) B gives 15.9421.
TEST(PlanSmall, DiscountingAtTenPercent) {
  PlanModel plan = load_test_plan("two_projects.toml");
  plan.discount_rate = 0.10;
  PlanSolution s = solve_ok(plan);
  ASSERT_EQ(s.roadmap.entries.size(), 1u);
  EXPECT_EQ(s.roadmap.entries[0].project, "plant_b");
  EXPECT_NEAR(s.objective.total(), 5.0 + 4.0 + 4.0 / 1.1 + 4.0 / 1.21, kTol);
}

// The reference strategy builds the announced plant A in 2025: 5 + 14 = 19, so optimising
// saves 2.
TEST(PlanSmall, ReferenceStrategyBuildsTheAnnouncedPlant) {
  PlanModel plan = load_test_plan("two_projects.toml");
  PlanSolution r = solve_ok(plan, Strategy::Reference);
  ASSERT_EQ(r.roadmap.entries.size(), 1u);
  EXPECT_EQ(r.roadmap.entries[0].project, "plant_a");
  EXPECT_TRUE(r.roadmap.entries[0].fixed);
  EXPECT_NEAR(r.objective.total(), 19.0, kTol);
}

}  // namespace
}  // namespace rareflow::plan::test
