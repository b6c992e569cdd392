// The solver layer refuses values Cbc/Clp cannot take, naming the row or column, instead of
// aborting the process (issue 13: `shortfall_penalty = 1e308` and `tonnes = 1e308` in
// tests/data/plan/infeasible_goal.toml aborted with ClpSimplex::createRim's assertion
// fabs(obj[i]) < 1.0e25).
#include <cmath>

#include <gtest/gtest.h>

#include "plan/cbc_solve.hpp"
#include "plan_test_util.hpp"
#include "rareflow/plan/plan_run.hpp"

namespace rareflow::plan {
namespace {

std::string run_error(const std::string& from, const std::string& to) {
  std::string text = test::read_test_file("infeasible_goal.toml");
  auto p = text.find(from);
  EXPECT_NE(p, std::string::npos) << from;
  text.replace(p, from.size(), to);
  PlanRunOptions o;
  o.reference = false;
  try {
    auto r = run_plan(text, "infeasible_goal.toml", o);
    return r ? "" : r.error().message;
  } catch (const InputError& e) {
    return e.what();  // a range check at load is as good as the solver guard
  }
}

TEST(SolverLimits, HugePenaltyIsAnErrorNotAnAbort) {
  std::string e = run_error("shortfall_penalty = 1000", "shortfall_penalty = 1e308");
  EXPECT_FALSE(e.empty());
  EXPECT_NE(e.find("1e+308"), std::string::npos) << e;
}

TEST(SolverLimits, HugeDemandIsAnErrorNotAnAbort) {
  EXPECT_FALSE(run_error("tonnes = 100", "tonnes = 1e308").empty());
  EXPECT_FALSE(run_error("tonnes = 100", "tonnes = 1e100").empty());
}

TEST(SolverLimits, NamesTheColumnAndRow) {
  detail::LinearModel m;
  int x = m.add_column("build_plant", 0, 10);
  detail::LinExpr e;
  e.terms.push_back({x, 1.0});
  m.add_row("demand_2030", e, detail::Sense::Ge, 5);
  EXPECT_EQ(detail::solver_limits_problem(m), "");
  m.columns()[0].obj = 1e26;
  EXPECT_EQ(
      detail::solver_limits_problem(m),
      "MILP column build_plant: cost 1e+26 (the solvers take magnitudes up to 1000000000000000)");
  m.columns()[0].obj = 1;
  m.rows()[0].rhs = std::nan("");
  EXPECT_EQ(detail::solver_limits_problem(m),
            "MILP row demand_2030: right-hand side not a number (nan)");
  auto r = detail::solve_milp(m, {});
  EXPECT_EQ(r.status, detail::MilpStatus::Error);
  EXPECT_FALSE(r.problem.empty());
}

}  // namespace
}  // namespace rareflow::plan
