// The yearly equilibrium engine. It owns a validated MarketModel, builds each year's linear
// programme (maximum total surplus subject to capacities, balances and policies), solves it
// with COIN-OR Clp, warm-started from the previous solve's basis, checks the mass balance of
// the primal solution, and returns the year's outcome. Status and outcome are separate: the
// Result fails only when the engine could not produce an answer (bad state, solver failure,
// mass-balance violation); unserved demand is part of the answer.
#pragma once

#include <filesystem>
#include <memory>

#include "rareflow/core/error.hpp"
#include "rareflow/market/model.hpp"
#include "rareflow/market/result.hpp"
#include "rareflow/market/state.hpp"

namespace rareflow::market {

struct SolveOptions {
  bool warm_start = true;      // start from the last solve's basis when the LP shape matches
  bool apply_policies = true;  // false: the policy-free equilibrium (events still apply)
};

struct LpSize {
  int rows = 0;
  int columns = 0;
  int nonzeros = 0;
};

class MarketEngine {
 public:
  // Validates the model; fails with every diagnostic when it is invalid.
  static Result<MarketEngine> create(MarketModel model);

  MarketEngine(MarketEngine&&) noexcept;
  MarketEngine& operator=(MarketEngine&&) noexcept;
  ~MarketEngine();

  const MarketModel& model() const;
  // The state at the start of the first simulated year: opening stocks, initial stockpile
  // levels, lifecycle online years (shifted by project delays), intensities 1.
  YearState initial_state() const;

  Result<YearResult> solve(int year, const YearState& state, const SolveOptions& opt = {});

  // Writes the year's LP with readable row and column names: MPS when the file name ends in
  // .mps, LP format otherwise. Written to a temporary name and renamed.
  Result<void> write_lp(int year, const YearState& state, const std::filesystem::path& file,
                        const SolveOptions& opt = {}) const;

  // Rows, columns and non-zeros of the year's LP (the same every year for a model).
  LpSize lp_size(int year, const YearState& state) const;
  void forget_basis();  // the next solve starts cold

 private:
  struct Impl;
  explicit MarketEngine(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

}  // namespace rareflow::market
