#include "rareflow/mfa/balance.hpp"

#include <algorithm>
#include <cmath>
#include <limits>

#include <fmt/format.h>

#include "rareflow/core/table.hpp"
#include "rareflow/mfa/stock_model.hpp"

namespace rareflow::mfa {

std::optional<Imbalance> find_imbalance(std::span<const double> inputs,
                                        std::span<const double> outputs,
                                        std::span<const double> stock, double rel_tol) {
  for (std::size_t t = 0; t < inputs.size(); ++t) {
    const double now = stock.empty() ? 0.0 : stock[t];
    const double before = stock.empty() || t == 0 ? 0.0 : stock[t - 1];
    const double ds = now - before;
    const double residual = inputs[t] - outputs[t] - ds;
    const double scale =
        std::max({std::abs(inputs[t]), std::abs(outputs[t]), std::abs(now), std::abs(before)});
    if (!(std::abs(residual) <= rel_tol * scale))
      return Imbalance{t, inputs[t], outputs[t], ds, residual, scale};
  }
  return std::nullopt;
}

Result<void> check_process_balance(std::string_view process, int first_year,
                                   std::span<const double> inputs, std::span<const double> outputs,
                                   std::span<const double> stock, double rel_tol) {
  auto bad = find_imbalance(inputs, outputs, stock, rel_tol);
  if (!bad) return {};
  const double relative = bad->scale > 0.0 ? std::abs(bad->residual) / bad->scale
                                           : std::numeric_limits<double>::infinity();
  return fail(fmt::format(
      "mass balance fails in process \"{}\" in {}: inputs {} - outputs {} - stock change {} = {} "
      "(relative {} > {})",
      process, first_year + static_cast<int>(bad->year_index), format_double(bad->inputs),
      format_double(bad->outputs), format_double(bad->stock_change), format_double(bad->residual),
      format_double(relative), format_double(rel_tol)));
}

Result<void> check_stock_balance(const StockBatch& batch, const StockResult& result,
                                 double rel_tol) {
  for (std::size_t n = 0; n < result.stocks; ++n) {
    if (!find_imbalance(result.inflow_of(n), result.outflow_of(n), result.stock_of(n), rel_tol))
      continue;
    std::string name = n < batch.keys.size() ? describe(batch.keys[n]) : fmt::format("#{}", n);
    return check_process_balance(fmt::format("in-use stock {}", name), result.first_year,
                                 result.inflow_of(n), result.outflow_of(n), result.stock_of(n),
                                 rel_tol);
  }
  return {};
}

}  // namespace rareflow::mfa
