// The market LP is checked before Clp sees it: a value Clp cannot take is an error naming the
// row or column (issue 13: a cost of 1e26 aborted the process in ClpSimplex::createRim).
#include <cmath>

#include <gtest/gtest.h>

#include "market/clp_solver.hpp"

namespace rareflow::market::detail {
namespace {

LpProblem small_lp() {
  LpProblem lp;
  lp.with_names = true;
  int x = lp.add_column(0, kInf, 100, [] { return std::string("mine_CHN"); });
  int r = lp.add_row(50, kInf, [] { return std::string("demand_JPN"); });
  lp.add(r, x, 1.0);
  return lp;
}

TEST(MarketSolverLimits, AcceptsAnOrdinaryLp) {
  EXPECT_TRUE(check_solver_limits(small_lp()).has_value());
}

TEST(MarketSolverLimits, NamesTheColumnWithAHugeCost) {
  auto lp = small_lp();
  lp.cost[0] = 1e26;
  auto r = check_solver_limits(lp);
  ASSERT_FALSE(r.has_value());
  EXPECT_EQ(r.error().message,
            "LP column mine_CHN: cost 1e+26 (the solvers take magnitudes up to 1000000000000000)");
}

TEST(MarketSolverLimits, NamesTheRowWithANanBound) {
  auto lp = small_lp();
  lp.row_lb[0] = std::nan("");
  auto r = check_solver_limits(lp);
  ASSERT_FALSE(r.has_value());
  EXPECT_EQ(r.error().message, "LP row demand_JPN: lower bound not a number (nan)");
}

}  // namespace
}  // namespace rareflow::market::detail
