// Modelling conventions fixed for issue 15: shared import availability, licensing caps,
// idle (stranded) projects flagged, the LP file keeping the objective constant, discounted
// soft-goal penalties and soft targets beyond reach; and plan numbers the solver cannot take
// refused at load (issue 13). Values worked out by hand in the comments.
#include <CbcModel.hpp>
#include <OsiClpSolverInterface.hpp>
#include <filesystem>
#include <fstream>

#include <gtest/gtest.h>

#include "plan_test_util.hpp"

namespace rareflow::plan::test {
namespace {

constexpr double kTol = 1e-6;

std::string replace(std::string text, const std::string& from, const std::string& to) {
  auto pos = text.find(from);
  EXPECT_NE(pos, std::string::npos) << from;
  return text.replace(pos, from.size(), to);
}

// shared_import.toml: 10 t Nd and 10 t Pr; "near" offers 12 t in all at 10 USD/kg, "far" any
// amount at 100. Shared: 12 t near (0.12) + 8 t far (0.8) = 0.92 USD million. Per commodity:
// 20 t near = 0.2.
TEST(PlanFixes, ImportEntryAvailabilityIsSharedByItsCommodities) {
  PlanModel plan = load_test_plan("shared_import.toml");
  PlanSolution s = solve_ok(plan);
  EXPECT_NEAR(s.objective.total(), 0.92, kTol);
  double near = 0;
  for (const auto& [u, t] : year_of(s, 0, 2025).imports_by_supplier)
    if (u == "near") near = t;
  EXPECT_NEAR(near, 12.0, kTol);

  PlanModel each =
      value_or_throw(parse_plan(replace(read_test_file("shared_import.toml"), "available = 12 ",
                                        "available_per = \"commodity\"\navailable = 12 "),
                                "shared_import.toml"));
  EXPECT_NEAR(solve_ok(each).objective.total(), 0.2, kTol);
}

// Licensing: two years, Nd oxide at 10 USD/kg in 2025 and 1000 from 2026, free storage.
// Unlicensed, 2025 buys both years' 10 t (20 t x 10 = 0.2). Licensed (purchases capped by the
// year's demand), 2025 buys 10 t (0.1) and 2026 10 t at 1000 (10): 10.1.
TEST(PlanFixes, LicensedPurchasesAreCappedByDemand) {
  const std::string text = R"([plan]
name = "licensing"
region = "TST"
first_year = 2025
last_year = 2026
discount_rate = 0.0

[[imports]]
supplier = "X"
commodity = "oxide:Nd"
price = 10

[[demand]]
commodity = "oxide:Nd"
tonnes = 10
shortfall_penalty = 5000

[[scenarios]]
name = "dear"
probability = 1.0
[[scenarios.imports]]
supplier = "X"
commodity = "oxide:Nd"
from_year = 2026
price = 1000
)";
  PlanSolution free = solve_ok(value_or_throw(parse_plan(text, "licensing.toml")));
  EXPECT_NEAR(free.objective.total(), 0.2, kTol);
  EXPECT_NEAR(year_of(free, 0, 2025).elements[index(Element::Nd)].stock, 10.0, kTol);
  PlanSolution lic = solve_ok(value_or_throw(parse_plan(
      replace(text, "price = 10\n", "price = 10\nlicensed_from = 2025\n"), "licensing.toml")));
  EXPECT_NEAR(lic.objective.total(), 10.1, kTol);
  EXPECT_NEAR(year_of(lic, 0, 2025).elements[index(Element::Nd)].stock, 0.0, kTol);
}

// stranded.toml: the reference strategy builds the announced far_mine (capex 10) whose
// concentrate no plant takes and nothing exports; the existing home_plant has no feed either.
// Optimised: 4.5 fixed + 3 x 100 t x 50 / 1000 imports = 19.5; reference 29.5.
TEST(PlanFixes, ReferenceFlagsProjectsThatProduceNothing) {
  PlanModel plan = load_test_plan("stranded.toml");
  PlanSolution ref = solve_ok(plan, Strategy::Reference);
  EXPECT_NEAR(ref.objective.total(), 29.5, kTol);
  EXPECT_EQ(ref.idle_projects, (std::vector<std::string>{"far_mine", "home_plant"}));
  bool said = false;
  for (const auto& m : ref.messages)
    if (m.starts_with("project 'far_mine' (10.0 USD million of capex) produces nothing") &&
        m.find("no separation plant in this strategy takes concentrate of 'far_ore'") !=
            std::string::npos)
      said = true;
  EXPECT_TRUE(said);
  PlanSolution opt = solve_ok(plan);
  EXPECT_NEAR(opt.objective.total(), 19.5, kTol);
  EXPECT_EQ(opt.idle_projects, std::vector<std::string>{"home_plant"});
}

// The LP file read back by Cbc has the same optimum, the 4.5 constant (home_plant's fixed cost,
// 3 years x 1.5) included through a column fixed at 1.
TEST(PlanFixes, DumpedLpReadsBackWithTheSameOptimumAndConstant) {
  PlanModel plan = load_test_plan("stranded.toml");
  const std::string lp = plan_lp_text(plan, Strategy::Reference);
  EXPECT_NE(lp.find("objective_constant = 1"), std::string::npos);
  auto file = std::filesystem::temp_directory_path() / "rareflow_plan_readback.lp";
  std::ofstream(file) << lp;
  OsiClpSolverInterface solver;
  solver.messageHandler()->setLogLevel(0);
  ASSERT_EQ(solver.readLp(file.c_str()), 0);
  std::filesystem::remove(file);
  CbcModel model(solver);
  model.setLogLevel(0);
  model.branchAndBound();
  ASSERT_TRUE(model.isProvenOptimal());
  EXPECT_NEAR(model.getObjValue(), 29.5, kTol);
  EXPECT_NEAR(model.getObjValue(), solve_ok(plan, Strategy::Reference).objective.total(), kTol);
}

// Soft goals: penalties are discounted like costs. infeasible_goal.toml with the goal soft at
// 100 USD/kg and 10% a year: the plant (60 t) leaves 40 t short in 2026 and 2027; building it
// costs 4 + 60 t x 40 / 1000 x (1/1.1 + 1/1.21) = 8.1653 and saves 60 t of imports at 50 and
// 60 t of penalty at 100 per year, so it is built; the penalty on the 40 t left is
// 40 x 100 / 1000 x (1/1.1 + 1/1.21) = 6.9421 (expected present value), not 8 (undiscounted).
TEST(PlanFixes, SoftGoalPenaltiesAreDiscounted) {
  PlanModel plan = load_test_plan("infeasible_goal.toml");
  plan.discount_rate = 0.10;
  plan.goals[0].hard = false;
  plan.goals[0].penalty = 100;
  PlanSolution s = solve_ok(plan);
  EXPECT_NEAR(cost_of(s.objective, "soft-goal penalty"), 4.0 * (1 / 1.1 + 1 / 1.21), kTol);
}

// A soft market-share target no candidate could reach is reported, not charged: with one
// 60 t/yr plant at most, a recycling (oxide) share target of 100 t/yr (10% of 1,000 t) leaves
// 40 t/yr out of reach; only the reachable 60 t is priced (at 100 USD/kg the plant is built
// and runs full, so nothing is charged; before, 2 x 40 t x 100 / 1000 = 8 was a constant).
TEST(PlanFixes, SoftTargetBeyondReachIsReportedNotCharged) {
  PlanModel plan = load_test_plan("infeasible_goal.toml");
  Goal g;
  g.name = "share";
  g.kind = GoalKind::MarketShare;
  g.stage = Stage::Oxide;
  g.share = 0.10;
  g.world = YearPath::constant(1000);
  g.hard = false;
  g.penalty = 100;
  g.first_year = 2026;
  g.last_year = 2027;
  plan.goals = {g};
  PlanSolution s = solve_ok(plan);
  double unreachable = 0;
  for (const auto& gy : s.goals) unreachable += gy.unreachable;
  EXPECT_NEAR(unreachable, 80.0, kTol);  // 40 t in each of 2026 and 2027
  EXPECT_NEAR(cost_of(s.objective, "soft-goal penalty"), 0.0, kTol);  // the plant runs full
  bool said = false;
  for (const auto& m : s.messages)
    said = said || m.find("cannot be approached") != std::string::npos;
  EXPECT_TRUE(said);
}

// Issue 13: numbers the solver cannot take are refused at load with file:line:column, the
// field and the range (they used to abort inside Cbc).
TEST(PlanFixes, HugeNumbersAreRefusedAtLoad) {
  const std::string base = read_test_file("infeasible_goal.toml");
  auto errors = [](const std::string& text) -> std::string {
    try {
      value_or_throw(parse_plan(text, "bad.toml"));
    } catch (const InputError& e) {
      return e.what();
    }
    return "";
  };
  std::string e1 = errors(replace(base, "min_share = 1.0", "min_share = 1.0\npenalty = 1e308"));
  EXPECT_NE(e1.find("bad.toml:39:11: goals[0].penalty: expected a penalty between 0 and 1e6 "
                    "USD/kg (budgets: USD per USD), found 1e+308"),
            std::string::npos)
      << e1;
  std::string e2 = errors(replace(base, "tonnes = 100", "tonnes = 1e308"));
  EXPECT_NE(e2.find("bad.toml:31:10: demand[0].tonnes: expected t/yr between 0 and 1e8"),
            std::string::npos)
      << e2;
  std::string e3 = errors(replace(base, "tonnes = 100", "tonnes = { 2025 = 100, 2026 = 1e100 }"));
  EXPECT_NE(e3.find("demand[0].tonnes.2026: expected t/yr between 0 and 1e8, found float 1e+100"),
            std::string::npos)
      << e3;
}

}  // namespace
}  // namespace rareflow::plan::test
