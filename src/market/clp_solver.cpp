#include "clp_solver.hpp"

#include <chrono>
#include <cmath>
#include <numeric>
#include <tuple>

#include <fmt/format.h>
#include <ClpSimplex.hpp>
#include <CoinPackedMatrix.hpp>

#include "rareflow/core/limits.hpp"

namespace rareflow::market::detail {

namespace {

double clp_bound(double v) {
  if (v == kInf) return COIN_DBL_MAX;
  if (v == -kInf) return -COIN_DBL_MAX;
  return v;
}

std::vector<double> clp_bounds(const std::vector<double>& v) {
  std::vector<double> out(v.size());
  for (std::size_t i = 0; i < v.size(); ++i) out[i] = clp_bound(v[i]);
  return out;
}

// Column-ordered matrix from the triplets; entries keep their order of addition within a
// column, so the same LP always gives the same matrix.
void load(ClpSimplex& s, const LpProblem& lp) {
  const int nc = lp.columns();
  std::vector<CoinBigIndex> start(static_cast<std::size_t>(nc) + 1, 0);
  for (int c : lp.entry_col) ++start[static_cast<std::size_t>(c) + 1];
  std::partial_sum(start.begin(), start.end(), start.begin());
  std::vector<CoinBigIndex> next(start.begin(), start.end() - 1);
  std::vector<int> rows(lp.entry_value.size());
  std::vector<double> values(lp.entry_value.size());
  for (std::size_t k = 0; k < lp.entry_value.size(); ++k) {
    auto pos = static_cast<std::size_t>(next[static_cast<std::size_t>(lp.entry_col[k])]++);
    rows[pos] = lp.entry_row[k];
    values[pos] = lp.entry_value[k];
  }
  auto cl = clp_bounds(lp.col_lb), cu = clp_bounds(lp.col_ub);
  auto rl = clp_bounds(lp.row_lb), ru = clp_bounds(lp.row_ub);
  s.loadProblem(nc, lp.rows(), start.data(), rows.data(), values.data(), cl.data(), cu.data(),
                lp.cost.data(), rl.data(), ru.data());
  if (lp.with_names) {
    s.copyNames(lp.row_names, lp.col_names);
    s.setStrParam(ClpProbName, lp.problem_name);
  }
}

}  // namespace

Result<void> check_solver_limits(const LpProblem& lp) {
  auto col = [&](int j) {
    return lp.with_names ? lp.col_names[static_cast<std::size_t>(j)] : fmt::format("#{}", j);
  };
  auto row = [&](int i) {
    return lp.with_names ? lp.row_names[static_cast<std::size_t>(i)] : fmt::format("#{}", i);
  };
  for (int j = 0; j < lp.columns(); ++j) {
    auto jj = static_cast<std::size_t>(j);
    for (auto [what, v, bound] :
         {std::tuple{"cost", lp.cost[jj], false}, std::tuple{"lower bound", lp.col_lb[jj], true},
          std::tuple{"upper bound", lp.col_ub[jj], true}})
      if (auto p = solver_value_problem(v, bound); !p.empty())
        return fail(fmt::format("LP column {}: {} {}", col(j), what, p));
  }
  for (int i = 0; i < lp.rows(); ++i) {
    auto ii = static_cast<std::size_t>(i);
    for (auto [what, v] :
         {std::pair{"lower bound", lp.row_lb[ii]}, std::pair{"upper bound", lp.row_ub[ii]}})
      if (auto p = solver_value_problem(v, true); !p.empty())
        return fail(fmt::format("LP row {}: {} {}", row(i), what, p));
  }
  for (std::size_t k = 0; k < lp.entry_value.size(); ++k)
    if (auto p = solver_value_problem(lp.entry_value[k], false); !p.empty())
      return fail(fmt::format("LP row {}, column {}: coefficient {}", row(lp.entry_row[k]),
                              col(lp.entry_col[k]), p));
  return {};
}

ClpRun::ClpRun(const LpProblem& lp) : s_(std::make_unique<ClpSimplex>()) {
  s_->setLogLevel(0);
  s_->setOptimizationDirection(1.0);
  load(*s_, lp);
}

ClpRun::~ClpRun() = default;

void ClpRun::set_basis(const std::vector<unsigned char>& basis) {
  s_->copyinStatus(basis.data());
}

std::vector<unsigned char> ClpRun::basis() const {
  const unsigned char* st = s_->statusArray();
  std::size_t n = static_cast<std::size_t>(s_->numberColumns() + s_->numberRows());
  return st == nullptr ? std::vector<unsigned char>{} : std::vector<unsigned char>(st, st + n);
}

void ClpRun::set_costs(const std::vector<double>& cost) {
  for (std::size_t j = 0; j < cost.size(); ++j)
    s_->setObjectiveCoefficient(static_cast<int>(j), cost[j]);
}

ClpOutcome ClpRun::solve(bool from_basis) {
  auto t0 = std::chrono::steady_clock::now();
  if (from_basis)
    s_->dual();
  else
    s_->initialSolve();
  // The dual simplex may stop with small infeasibilities after scaling; primal cleans up.
  if (s_->status() != 0 || s_->secondaryStatus() != 0) s_->primal(1);
  ClpOutcome o;
  o.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  o.iterations = s_->numberIterations();
  o.objective = s_->objectiveValue();
  switch (s_->status()) {
    case 0:
      o.status = SolveStatus::Optimal;
      break;
    case 1:
      o.status = SolveStatus::Infeasible;
      break;
    case 2:
      o.status = SolveStatus::Unbounded;
      break;
    case 3:
      o.status = SolveStatus::Stopped;
      break;
    default:
      o.status = SolveStatus::Failed;
      break;
  }
  return o;
}

const double* ClpRun::x() const {
  return s_->primalColumnSolution();
}
const double* ClpRun::row_dual() const {
  return s_->dualRowSolution();
}
const double* ClpRun::reduced_cost() const {
  return s_->dualColumnSolution();
}
const double* ClpRun::row_activity() const {
  return s_->primalRowSolution();
}

Result<void> write_lp_file(const LpProblem& lp, const std::filesystem::path& file) {
  ClpSimplex s;
  s.setLogLevel(0);
  load(s, lp);
  const bool mps = file.extension() == ".mps";
  std::filesystem::path tmp = file;
  tmp += ".tmp";
  if (mps) {
    if (s.writeMps(tmp.c_str(), 1, 1, 1.0) != 0)
      return fail(fmt::format("cannot write {}", tmp.string()));
  } else {
    // Clp appends the extension it is given; pass none and name the file fully.
    s.writeLp(tmp.c_str(), "", 1e-12, 10, 9, 1.0, true);
  }
  std::error_code ec;
  if (!std::filesystem::exists(tmp, ec)) return fail(fmt::format("cannot write {}", tmp.string()));
  std::filesystem::rename(tmp, file, ec);
  if (ec)
    return fail(
        fmt::format("cannot rename {} to {}: {}", tmp.string(), file.string(), ec.message()));
  return {};
}

}  // namespace rareflow::market::detail
