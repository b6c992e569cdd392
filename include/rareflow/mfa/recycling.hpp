// End of life to secondary supply. The outflow of each in-use stock (end-of-life products) is
// collected at a collection rate; what is collected waits `delay` years (dismantling,
// pre-processing), then a recovery rate per element returns it as separated oxide. Everything
// else is lost. Per stock n and year t, in the stock model's basis:
//   collected[t]     = outflow[t] * collection_rate[t]
//   uncollected[t]   = outflow[t] - collected[t]                     (lost)
//   recycled[t]      = collected[t - d] * recovery_rate[e]           (secondary supply)
//   recovery_loss[t] = collected[t - d] - recycled[t]                (lost)
//   pending[t]       = collected[t - d + 1] + ... + collected[t]     (awaiting recovery)
// so outflow[t] = recycled[t] + uncollected[t] + recovery_loss[t] + pending[t] - pending[t-1].
#pragma once

#include <array>
#include <cstdint>
#include <string>
#include <vector>

#include "rareflow/core/elements.hpp"
#include "rareflow/core/error.hpp"
#include "rareflow/mfa/balance.hpp"
#include "rareflow/mfa/stock_model.hpp"

namespace rareflow::mfa {

// What the stock model's quantities measure: tonnes of rare-earth oxide, or tonnes of metal
// (converted to oxide with the element's usual oxide for the oxide outputs).
enum class Basis : std::uint8_t { Oxide, Metal };

struct RecyclingParams {
  // Share of end-of-life flow collected, in [0, 1]: one per stock, or one per stock and year
  // ([n * years + t]).
  std::vector<double> collection_rate{};
  // Share of the collected element recovered as separated oxide, in [0, 1], by element index.
  std::array<double, kElementCount> recovery_rate{};
  // Years from end of life to secondary supply: empty (0), one for all stocks, or one per stock.
  std::vector<int> delay_years{};
  Basis basis = Basis::Oxide;
};

struct RecyclingResult {
  int first_year = 0;
  std::size_t years = 0;
  std::size_t stocks = 0;
  // Per stock and year [n * years + t], in the stock model's basis.
  std::vector<double> collected{};
  std::vector<double> uncollected{};
  std::vector<double> recycled{};
  std::vector<double> recovery_loss{};
  std::vector<double> pending{};
  // By region and element [(r * kElementCount + index(e)) * years + t], in t REO.
  std::vector<std::string> regions{};  // in order of first appearance in the batch
  std::vector<double> secondary_oxide{};
  std::vector<double> lost_oxide{};  // uncollected + recovery loss

  std::size_t region_index(std::string_view region) const;  // regions.size() if absent
  double secondary(std::size_t region, Element e, std::size_t t) const {
    return secondary_oxide[(region * kElementCount + index(e)) * years + t];
  }
  double lost(std::size_t region, Element e, std::size_t t) const {
    return lost_oxide[(region * kElementCount + index(e)) * years + t];
  }
};

// Fails, naming the stock, on rates outside [0, 1], negative delays, sizes that do not match the
// batch, or an outflow that is clearly negative (a negative inflow in a stock-driven run without
// the negative-inflow correction).
Result<RecyclingResult> run_end_of_life(const StockBatch& batch, const StockResult& stocks,
                                        const RecyclingParams& params);

// Balances of the two processes of every stock: collection (outflow = collected + uncollected)
// and recovery (collected = recycled + recovery loss + change in pending).
Result<void> check_recycling_balance(const StockBatch& batch, const StockResult& stocks,
                                     const RecyclingResult& eol,
                                     double rel_tol = kBalanceTolerance);

}  // namespace rareflow::mfa
