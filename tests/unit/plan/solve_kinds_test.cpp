// Market-share, export and supplier-share goals on the small plans, optima by hand
// (money in USD million; a price in USD/kg times t is 1e-3 USD million).
#include <gtest/gtest.h>

#include "plan_test_util.hpp"

namespace rareflow::plan::test {
namespace {

constexpr double kTol = 1e-6;

Goal goal_of(std::string name, GoalKind kind, int first, int last) {
  Goal g;
  g.name = std::move(name);
  g.kind = kind;
  g.first_year = first;
  g.last_year = last;
  return g;
}

// coproduct.toml with a hard goal: mine output at least 50% of an 800 t world market, so
// 400 t REO a year instead of the 200 t the Nd demand needs. Concentrate disposed does not
// count, so all 400 t are separated. Operating 2 x 400 t x (2 + 5) / 1000 = 5.6; La sold
// 60 + 140 t x 1.5 / 1000 = 0.3; the rest (La 200 t, Nd 200 t) disposed at 0.5 USD/kg = 0.2
// (stocking it is no cheaper: stock left at the end is charged its disposal). Total 5.5.
TEST(PlanGoalKinds, MarketShareForcesOutputAndItsCoproducts) {
  PlanModel plan = load_test_plan("coproduct.toml");
  Goal g = goal_of("half-the-world", GoalKind::MarketShare, 2025, 2026);
  g.stage = Stage::Concentrate;
  g.share = 0.5;
  g.world = YearPath::constant(800.0);
  plan.goals.push_back(g);
  PlanSolution s = solve_ok(plan);
  EXPECT_FALSE(s.solver.hard_goals_relaxed);
  EXPECT_NEAR(year_of(s, 0, 2025).mined, 400.0, kTol);
  EXPECT_NEAR(year_of(s, 0, 2026).mined, 400.0, kTol);
  EXPECT_NEAR(s.objective.total(), 5.5, kTol);
  ASSERT_EQ(s.goals.size(), 2u);
  EXPECT_NEAR(*s.goals[0].achieved_share, 0.5, kTol);
}

// An export goal of 100 t of La in 2025 against a market that takes 60 t: infeasible by
// 40 t, and said so.
TEST(PlanGoalKinds, ExportGoalBeyondTheMarketCapIsReported) {
  PlanModel plan = load_test_plan("coproduct.toml");
  Goal g = goal_of("la-exports", GoalKind::Exports, 2025, 2025);
  g.commodities = {{Stage::Oxide, "La"}};
  g.tonnes = YearPath::constant(100.0);
  plan.goals.push_back(g);
  PlanSolution s = solve_ok(plan);
  EXPECT_TRUE(s.solver.hard_goals_relaxed);
  ASSERT_EQ(s.goals.size(), 1u);
  EXPECT_NEAR(s.goals[0].violation, 40.0, kTol);
  ASSERT_FALSE(s.messages.empty());
  EXPECT_NE(s.messages[0].find("exports of oxide:La of at least 100 t/yr"), std::string::npos)
      << s.messages[0];
  EXPECT_NE(s.messages[0].find("short by 40.0 t"), std::string::npos) << s.messages[0];
}

// two_projects.toml without its self-sufficiency goal but with a second supplier at
// 60 USD/kg and at most 50% of Nd imports from any one supplier: each year 50 t from each,
// 2.5 + 3.0 = 5.5; building B (4 + 40 USD/kg) saves (55 - 40) x 200 t / 1000 = 3 < 4, so
// no build. Total 3 x 5.5 = 16.5.
TEST(PlanGoalKinds, SupplierShareSplitsImports) {
  PlanModel plan = load_test_plan("two_projects.toml");
  plan.goals.clear();
  ImportOption second = plan.imports[0];
  second.supplier = "second";
  second.price = 60.0;
  plan.imports.push_back(second);
  Goal g = goal_of("no-single-supplier", GoalKind::SupplierShare, 2025, 2027);
  g.elements = {Element::Nd};
  g.group = "Nd";
  g.share = 0.5;
  plan.goals.push_back(g);
  PlanSolution s = solve_ok(plan);
  EXPECT_TRUE(s.roadmap.entries.empty());
  EXPECT_NEAR(s.objective.total(), 16.5, kTol);
  const auto& y = year_of(s, 0, 2026);
  ASSERT_EQ(y.imports_by_supplier.size(), 2u);
  EXPECT_NEAR(y.imports_by_supplier[0].second, 50.0, kTol);
  EXPECT_NEAR(y.imports_by_supplier[1].second, 50.0, kTol);
}

}  // namespace
}  // namespace rareflow::plan::test
