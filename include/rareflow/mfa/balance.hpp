// Process-level mass balance: inputs = outputs + stock change, every year, to a relative
// tolerance. A model that loses or creates material is wrong, whatever else it does.
#pragma once

#include <cstddef>
#include <optional>
#include <span>
#include <string_view>

#include "rareflow/core/error.hpp"

namespace rareflow::mfa {

struct StockBatch;
struct StockResult;

inline constexpr double kBalanceTolerance = 1e-9;

// One year where a process does not balance.
struct Imbalance {
  std::size_t year_index = 0;
  double inputs = 0.0;
  double outputs = 0.0;
  double stock_change = 0.0;
  double residual = 0.0;  // inputs - outputs - stock_change
  double scale = 0.0;     // max(|inputs|, |outputs|, |stock[t]|, |stock[t-1]|)
};

// The first year t with |residual| > rel_tol * scale (or a non-finite residual). `stock` holds
// the process's stock level at the end of each year (stock before the first year = 0), or is
// empty for a process without a stock. All non-empty spans have the same length.
std::optional<Imbalance> find_imbalance(std::span<const double> inputs,
                                        std::span<const double> outputs,
                                        std::span<const double> stock,
                                        double rel_tol = kBalanceTolerance);

// As find_imbalance, as a Result whose error names the process and the calendar year.
Result<void> check_process_balance(std::string_view process, int first_year,
                                   std::span<const double> inputs, std::span<const double> outputs,
                                   std::span<const double> stock,
                                   double rel_tol = kBalanceTolerance);

// The in-use stock process of every stock in a run: inflow = outflow + stock change.
Result<void> check_stock_balance(const StockBatch& batch, const StockResult& result,
                                 double rel_tol = kBalanceTolerance);

}  // namespace rareflow::mfa
