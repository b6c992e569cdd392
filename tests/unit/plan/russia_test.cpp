// The worked example plans/russia-2035.toml: every number carries its source, and the plan
// solves within the acceptance gap with its hard goals met.
#include <gtest/gtest.h>

#include "plan_test_util.hpp"

namespace rareflow::plan::test {
namespace {

PlanModel russia() {
  std::string name;
  std::string text = value_or_throw(
      load_plan_text(std::string(RAREFLOW_SOURCE_DIR) + "/plans/russia-2035.toml", name));
  return value_or_throw(parse_plan(text, name));
}

void expect_noted(const SourceNote& n, const std::string& what) {
  EXPECT_FALSE(n.source.empty()) << what << " has no source";
  EXPECT_FALSE(n.confidence.empty()) << what << " has no confidence";
  if (n.confidence == "assumption") {
    EXPECT_FALSE(n.reason.empty()) << what << " assumes without a reason";
  }
}

TEST(PlanRussia, EveryEntryCarriesItsSource) {
  PlanModel p = russia();
  expect_noted(p.note, "[plan]");
  expect_noted(p.storage.note, "[storage]");
  for (const auto& [c, r] : p.currencies) expect_noted(r.note, "currency " + c);
  for (const auto& d : p.deposits) expect_noted(d.note, "deposit " + d.id);
  for (const auto& m : p.magnets) expect_noted(m.note, "magnet " + m.id);
  for (const auto& f : p.feeds) expect_noted(f.note, "feed " + f.id);
  for (const auto& pr : p.projects) expect_noted(pr.note, "project " + pr.id);
  for (const auto& o : p.imports)
    expect_noted(o.note, "import " + o.supplier + " " + o.commodity.str());
  for (const auto& x : p.exports) expect_noted(x.note, "export " + x.commodity.str());
  for (const auto& d : p.demand) expect_noted(d.note, "demand " + d.commodity.str());
  for (const auto& g : p.goals) expect_noted(g.note, "goal " + g.name);
  for (const auto& s : p.scenarios) {
    expect_noted(s.note, "scenario " + s.name);
    for (const auto& o : s.imports) expect_noted(o.note, "scenario " + s.name + " import change");
  }
}

// The stated targets are in: 45% import dependence by 2030 (hard), 9% of the world market by
// 2030 (soft), 284.6 bn RUB = 2,907 USD million at 97.9 RUB/USD (hard).
TEST(PlanRussia, GoalsFollowTheStatedTargets) {
  PlanModel p = russia();
  ASSERT_EQ(p.goals.size(), 3u);
  EXPECT_EQ(p.goals[0].kind, GoalKind::ImportDependence);
  EXPECT_DOUBLE_EQ(p.goals[0].share, 0.45);
  EXPECT_EQ(p.goals[0].first_year, 2030);
  EXPECT_TRUE(p.goals[0].hard);
  EXPECT_EQ(p.goals[1].kind, GoalKind::MarketShare);
  EXPECT_FALSE(p.goals[1].hard);
  ASSERT_TRUE(p.goals[2].budget_total_musd.has_value());
  EXPECT_NEAR(*p.goals[2].budget_total_musd, 284600.0 / 97.9, 1e-6);
  ASSERT_EQ(p.scenarios.size(), 2u);
  EXPECT_DOUBLE_EQ(p.scenarios[0].probability + p.scenarios[1].probability, 1.0);
}

TEST(PlanRussia, SolvesWithinTheGapAndMeetsHardGoals) {
  PlanModel p = russia();
  auto opt = solve_plan(p, Strategy::Optimised, {});
  ASSERT_TRUE(opt.has_value()) << opt.error().message;
  EXPECT_EQ(status_name(opt->solver.status), "optimal");
  EXPECT_LE(opt->solver.gap, 0.01);
  EXPECT_FALSE(opt->solver.hard_goals_relaxed);
  EXPECT_LT(opt->solver.max_balance_residual, 1e-6);
  EXPECT_FALSE(opt->roadmap.entries.empty());
  for (const auto& g : opt->goals) {
    if (g.hard) {
      EXPECT_NEAR(g.violation, 0.0, 1e-6) << g.goal << " " << g.scenario << " " << g.year;
    }
  }
  // The reference (announced projects on their dates) cannot cost less than the optimum
  // (allowing for the 1% gap).
  auto ref = solve_plan(p, Strategy::Reference, {});
  ASSERT_TRUE(ref.has_value()) << ref.error().message;
  EXPECT_GE(ref->objective.total(), opt->solver.bound_musd);
}

}  // namespace
}  // namespace rareflow::plan::test
