// Solving a LinearModel with COIN-OR Cbc (branch and cut over Clp), with Cbc's default
// preprocessing, cuts and heuristics, a time limit and a relative gap target.
#pragma once

#include <string>
#include <vector>

#include "linear_model.hpp"

namespace rareflow::plan::detail {

enum class MilpStatus {
  Optimal,     // proven optimal (within the gap target)
  Feasible,    // stopped at the time limit with a solution
  Infeasible,  // proven infeasible
  NoSolution,  // stopped at the time limit without a solution
  Error
};

struct MilpOptions {
  double time_limit_s = 60.0;
  double gap = 1e-4;
};

struct MilpResult {
  MilpStatus status = MilpStatus::Error;
  std::vector<double> x;
  double objective = 0.0;  // including the model's constant
  double bound = 0.0;      // best possible objective (including the constant)
  double gap = 0.0;        // (objective - bound) / max(1, |objective|)
  double seconds = 0.0;
  long nodes = 0;
  std::string problem;  // with status Error: the row or column the solver cannot take
};

// "" when Cbc can take every value of `m`; otherwise the first row or column that it cannot,
// named (nan, an infinite cost, coefficient or right-hand side, a magnitude above
// limits::kMaxSolverValue).
std::string solver_limits_problem(const LinearModel& m);

MilpResult solve_milp(const LinearModel& m, const MilpOptions& opt);

// Row duals of the LP left when the integer columns are fixed at x (Clp). Empty on failure.
std::vector<double> fixed_lp_duals(const LinearModel& m, const std::vector<double>& x);

std::string_view status_name(MilpStatus s);

}  // namespace rareflow::plan::detail
