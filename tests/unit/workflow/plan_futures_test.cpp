// Sampled futures for the planner: drawing, reduction, the MILP over the representatives and
// the roadmap's evaluation in every sampled future (workflow/plan_futures.hpp).
#include "rareflow/workflow/plan_futures.hpp"

#include <fstream>
#include <sstream>

#include <gtest/gtest.h>

#include "rareflow/plan/plan_io.hpp"
#include "rareflow/workflow/plan.hpp"

namespace rareflow::workflow {
namespace {

const std::string kPlan = std::string(RAREFLOW_TEST_DATA) + "/plan/futures.toml";

plan::PlanModel futures_plan() {
  std::ifstream in(kPlan);
  std::stringstream ss;
  ss << in.rdbuf();
  return value_or_throw(plan::parse_plan(ss.str(), kPlan));
}

// tests/data/plan/futures.toml by hand (no discounting, MUSD = USD/kg x t x 1e-3): 2025 imports
// 100 t x 30 = 3.0 in every future. 2026 without the plant: 100 t x 15 = 1.5 (cheap futures)
// or x 60 = 6.0 (dear). With the plant (decided 2025, online 2026, life 1 so no residual
// value): capex 0.5, then in cheap futures it imports (1.5) and in dear ones runs at 40 USD/kg
// (4.0). Costs: cheap 3 + 0.5 + 1.5 = 5.0 with the plant, 4.5 without; dear 7.5 with, 9.0
// without. With q the share of cheap futures the plant pays when 5q + 7.5(1-q) < 4.5q + 9(1-q),
// i.e. q < 0.75. Regret: 0.5 in cheap futures (4.5 was possible), 0 in dear ones.
TEST(PlanFutures, HandSolvedTwoPriceFutures) {
  const auto plan = futures_plan();
  FuturesOptions o{40, 2, 7, true};
  auto draw = draw_futures(plan, o);
  ASSERT_TRUE(draw) << draw.error().message;
  ASSERT_EQ(draw->futures.size(), 40u);
  double cheap = 0;
  for (const auto& f : draw->futures) {
    ASSERT_TRUE(f.import_price == 0.5 || f.import_price == 2.0);
    cheap += f.import_price == 0.5 ? 1.0 / 40 : 0.0;
  }
  ASSERT_GT(cheap, 0.0);
  ASSERT_LT(cheap, 0.75);
  // Two distinct futures kept: the reduction is exact (D = 0) and keeps the shares drawn.
  EXPECT_EQ(draw->reduction.distance, 0.0);
  ASSERT_EQ(draw->reduced.scenarios.size(), 2u);
  double sum = 0;
  for (std::size_t i = 0; i < 2; ++i) {
    const auto& f = draw->futures[draw->reduction.kept[i]];
    EXPECT_DOUBLE_EQ(draw->reduction.probability[i], f.import_price == 0.5 ? cheap : 1 - cheap);
    sum += draw->reduction.probability[i];
  }
  EXPECT_DOUBLE_EQ(sum, 1.0);

  plan::SolveOptions so;
  so.gap = 1e-9;
  auto solved = plan::solve_plan(draw->reduced, plan::Strategy::Optimised, so);
  ASSERT_TRUE(solved) << solved.error().message;
  ASSERT_EQ(solved->roadmap.entries.size(), 1u);
  EXPECT_EQ(solved->roadmap.entries[0].decision_year, 2025);
  EXPECT_NEAR(solved->objective.total(), 5.0 * cheap + 7.5 * (1 - cheap), 1e-6);

  auto out = evaluate_futures(plan, draw->futures, solved->roadmap, so, true);
  ASSERT_TRUE(out) << out.error().message;
  for (std::size_t j = 0; j < out->size(); ++j) {
    const bool is_cheap = draw->futures[j].import_price == 0.5;
    EXPECT_NEAR((*out)[j].cost_musd, is_cheap ? 5.0 : 7.5, 1e-6);
    EXPECT_NEAR(*(*out)[j].best_musd, is_cheap ? 4.5 : 7.5, 1e-6);
    EXPECT_TRUE((*out)[j].failed.empty());
  }
}

std::string run_csv(std::uint64_t seed) {
  PlanRequest r;
  r.plan_file = kPlan;
  r.options.reference = false;
  r.futures = {30, 2, seed, true};
  auto res = run_plan(r);
  EXPECT_TRUE(res) << (res ? "" : res.error().message);
  return res ? render(res->tables, Format::Csv) : "";
}

// Same seed, the same bytes; another seed draws other futures (other shares of cheap ones).
TEST(PlanFutures, ASeedGivesIdenticalOutput) {
  const std::string a = run_csv(11), b = run_csv(11), c = run_csv(12);
  EXPECT_FALSE(a.empty());
  EXPECT_EQ(a, b);
  EXPECT_NE(a, c);
  EXPECT_NE(a.find("Roadmap across the 30 sampled futures: cost and regret"), std::string::npos);
}

TEST(PlanFutures, BadRequestsFailBeforeSolving) {
  auto plan = futures_plan();
  auto k = draw_futures(plan, {10, 11, 1, true});
  ASSERT_FALSE(k);
  EXPECT_NE(k.error().message.find("--reduce: expected 1 to 10"), std::string::npos);
  plan.futures.reset();
  auto none = draw_futures(plan, {10, 2, 1, true});
  ASSERT_FALSE(none);
  EXPECT_NE(none.error().message.find("no [futures] table"), std::string::npos);
}

}  // namespace
}  // namespace rareflow::workflow
