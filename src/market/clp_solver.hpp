// A yearly LP loaded into COIN-OR Clp: solve (dual simplex, from a given basis when warm),
// change costs and re-solve, read the primal and dual solution, write LP/MPS files.
#pragma once

#include <filesystem>
#include <memory>
#include <vector>

#include "lp_problem.hpp"
#include "rareflow/core/error.hpp"
#include "rareflow/market/result.hpp"

class ClpSimplex;

namespace rareflow::market::detail {

struct ClpOutcome {
  SolveStatus status = SolveStatus::Failed;
  int iterations = 0;
  double objective = 0.0;  // minimisation form, kUSD (USD/kg x t)
  double seconds = 0.0;
};

// An error naming the first row or column holding a value Clp cannot take (nan, an infinite
// cost or coefficient, a magnitude above limits::kMaxSolverValue), by name when the LP keeps
// names; Clp would abort or answer nonsense on it.
Result<void> check_solver_limits(const LpProblem& lp);

class ClpRun {
 public:
  explicit ClpRun(const LpProblem& lp);
  ~ClpRun();
  ClpRun(const ClpRun&) = delete;
  ClpRun& operator=(const ClpRun&) = delete;

  // Basis: one status byte per column then per row (Clp's status array).
  void set_basis(const std::vector<unsigned char>& basis);
  std::vector<unsigned char> basis() const;
  void set_costs(const std::vector<double>& cost);
  // From the basis set (or the last one) with the dual simplex; or from scratch.
  ClpOutcome solve(bool from_basis);

  const double* x() const;             // column values
  const double* row_dual() const;      // d objective / d row bound
  const double* reduced_cost() const;  // per column
  const double* row_activity() const;

 private:
  std::unique_ptr<ClpSimplex> s_;
};

// Writes the LP with its names; MPS when the file name ends in .mps, LP format otherwise.
// The file is written under a temporary name and renamed.
Result<void> write_lp_file(const LpProblem& lp, const std::filesystem::path& file);

}  // namespace rareflow::market::detail
