// Helpers shared by the plan tests: load a test plan, find rows in a solution.
#pragma once

#include <fstream>
#include <sstream>
#include <string>

#include <gtest/gtest.h>

#include "rareflow/plan/plan_io.hpp"
#include "rareflow/plan/plan_solver.hpp"

namespace rareflow::plan::test {

inline std::string read_test_file(const std::string& name) {
  std::ifstream in(std::string(RAREFLOW_TEST_DATA) + "/plan/" + name);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

inline PlanModel load_test_plan(const std::string& name) {
  return value_or_throw(parse_plan(read_test_file(name), name));
}

inline PlanSolution solve_ok(const PlanModel& plan, Strategy s = Strategy::Optimised) {
  SolveOptions opt;
  opt.gap = 1e-9;  // exact optima for hand-checked values
  auto r = solve_plan(plan, s, opt);
  EXPECT_TRUE(r.has_value()) << (r ? "" : r.error().message);
  return r ? *r : PlanSolution{};
}

inline const PlanYear& year_of(const PlanSolution& s, std::size_t scenario, int year) {
  for (const auto& y : s.scenarios.at(scenario).years)
    if (y.year == year) return y;
  throw std::runtime_error("year not in solution");
}

inline double cost_of(const CostBreakdown& c, std::string_view kind) {
  const auto& names = cost_kind_names();
  for (std::size_t i = 0; i < names.size(); ++i)
    if (names[i] == kind) return c.by_kind[i];
  throw std::runtime_error("unknown cost kind");
}

}  // namespace rareflow::plan::test
