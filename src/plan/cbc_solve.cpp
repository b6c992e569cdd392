#include "cbc_solve.hpp"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <tuple>

#include <fmt/format.h>
#include <CbcModel.hpp>
#include <CbcSolver.hpp>
#include <CoinPackedMatrix.hpp>
#include <CoinPackedVector.hpp>
#include <OsiClpSolverInterface.hpp>

#include "rareflow/core/limits.hpp"

namespace rareflow::plan::detail {

std::string_view status_name(MilpStatus s) {
  switch (s) {
    case MilpStatus::Optimal:
      return "optimal";
    case MilpStatus::Feasible:
      return "feasible (time limit)";
    case MilpStatus::Infeasible:
      return "infeasible";
    case MilpStatus::NoSolution:
      return "no solution (time limit)";
    case MilpStatus::Error:
      return "solver error";
  }
  return "?";
}

namespace {

double finite(double v) {
  if (v == kInf) return COIN_DBL_MAX;
  if (v == -kInf) return -COIN_DBL_MAX;
  return v;
}

void load(OsiClpSolverInterface& s, const LinearModel& m) {
  const auto& cols = m.columns();
  const auto& rows = m.rows();
  CoinPackedMatrix matrix(false, 0, 0);
  matrix.setDimensions(0, static_cast<int>(cols.size()));
  std::vector<double> rlb, rub;
  for (const auto& r : rows) {
    CoinPackedVector v(static_cast<int>(r.cols.size()), r.cols.data(), r.vals.data());
    matrix.appendRow(v);
    rlb.push_back(r.sense == Sense::Le ? -COIN_DBL_MAX : r.rhs);
    rub.push_back(r.sense == Sense::Ge ? COIN_DBL_MAX : r.rhs);
  }
  std::vector<double> clb, cub, obj;
  for (const auto& c : cols) {
    clb.push_back(finite(c.lb));
    cub.push_back(finite(c.ub));
    obj.push_back(c.obj);
  }
  s.loadProblem(matrix, clb.data(), cub.data(), obj.data(), rlb.data(), rub.data());
  for (std::size_t j = 0; j < cols.size(); ++j)
    if (cols[j].integer) s.setInteger(static_cast<int>(j));
  s.setObjSense(1.0);
  s.messageHandler()->setLogLevel(0);
  s.getModelPtr()->setLogLevel(0);
}

}  // namespace

std::string solver_limits_problem(const LinearModel& m) {
  const auto& cols = m.columns();
  for (const auto& c : cols)
    for (auto [what, v, bound] :
         {std::tuple{"cost", c.obj, false}, std::tuple{"lower bound", c.lb, true},
          std::tuple{"upper bound", c.ub, true}})
      if (auto p = solver_value_problem(v, bound); !p.empty())
        return fmt::format("MILP column {}: {} {}", c.name, what, p);
  for (const auto& r : m.rows()) {
    if (auto p = solver_value_problem(r.rhs, false); !p.empty())
      return fmt::format("MILP row {}: right-hand side {}", r.name, p);
    for (std::size_t k = 0; k < r.cols.size(); ++k)
      if (auto p = solver_value_problem(r.vals[k], false); !p.empty())
        return fmt::format("MILP row {}, column {}: coefficient {}", r.name,
                           cols[static_cast<std::size_t>(r.cols[k])].name, p);
  }
  return "";
}

MilpResult solve_milp(const LinearModel& m, const MilpOptions& opt) {
  auto start = std::chrono::steady_clock::now();
  MilpResult res;
  // Refused before Cbc sees it: Clp aborts the process on a cost of 1e25 or more.
  res.problem = solver_limits_problem(m);
  if (!res.problem.empty()) return res;
  OsiClpSolverInterface solver;
  load(solver, m);
  CbcModel model(solver);
  model.setLogLevel(0);
  model.messageHandler()->setLogLevel(0);
  CbcMain0(model);
  // Cbc's standard driver: preprocessing, the default cut generators and heuristics are on.
  // One thread keeps runs deterministic.
  std::string sec = fmt::format("{}", opt.time_limit_s);
  std::string gap = fmt::format("{}", opt.gap);
  const char* argv[] = {"rareflow",  "-logLevel",     "0",    "-seconds", sec.c_str(), "-ratioGap",
                        gap.c_str(), "-allowableGap", "1e-7", "-solve",   "-quit"};
  CbcMain1(static_cast<int>(std::size(argv)), argv, model);
  res.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  res.nodes = model.getNodeCount();
  const double* best = model.bestSolution();
  if (best) {
    res.x.assign(best, best + m.columns().size());
    // Integers come back as doubles a hair off; round them so reports show whole modules.
    for (std::size_t j = 0; j < m.columns().size(); ++j)
      if (m.columns()[j].integer) res.x[j] = std::round(res.x[j]);
    res.objective = m.objective(res.x);
    double bound = model.getBestPossibleObjValue() + m.objective_constant;
    if (model.isProvenOptimal()) bound = std::min(bound, res.objective);
    res.bound = std::min(bound, res.objective);
    res.gap = (res.objective - res.bound) / std::max(1.0, std::abs(res.objective));
    bool proven = model.isProvenOptimal() || res.gap <= opt.gap + 1e-12;
    res.status = proven ? MilpStatus::Optimal : MilpStatus::Feasible;
  } else if (model.isProvenInfeasible() ||
             (model.status() == 0 && !model.isSecondsLimitReached())) {
    res.status = MilpStatus::Infeasible;
  } else if (model.isSecondsLimitReached()) {
    res.status = MilpStatus::NoSolution;
  } else {
    res.status = MilpStatus::Error;
  }
  return res;
}

std::vector<double> fixed_lp_duals(const LinearModel& m, const std::vector<double>& x) {
  OsiClpSolverInterface solver;
  load(solver, m);
  for (std::size_t j = 0; j < m.columns().size(); ++j) {
    if (!m.columns()[j].integer) continue;
    int c = static_cast<int>(j);
    solver.setContinuous(c);
    solver.setColBounds(c, x[j], x[j]);
  }
  solver.initialSolve();
  if (!solver.isProvenOptimal()) return {};
  const double* d = solver.getRowPrice();
  return std::vector<double>(d, d + m.rows().size());
}

}  // namespace rareflow::plan::detail
