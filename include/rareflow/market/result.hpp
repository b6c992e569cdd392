// The outcome of one year's equilibrium: solver status, prices (duals of the regional balances,
// USD/kg on the commodity's own basis), quantities by commodity and region, facility outputs,
// trade flows, served demand and shortfall, policy rents. A shortfall is an outcome, not an
// error.
#pragma once

#include <array>
#include <cstdint>
#include <string_view>
#include <vector>

#include "rareflow/core/elements.hpp"
#include "rareflow/market/policy.hpp"
#include "rareflow/market/state.hpp"

namespace rareflow::market {

enum class SolveStatus : std::uint8_t { Optimal, Infeasible, Unbounded, Stopped, Failed };
std::string_view status_name(SolveStatus s);  // "optimal", "infeasible", ...

struct Flow {
  std::size_t commodity = 0;  // commodity index
  std::size_t from = 0;
  std::size_t to = 0;
  double t = 0.0;
};

// One constraint row of a flow or production policy.
struct PolicyRow {
  std::size_t policy = 0;                   // index into MarketModel::policies
  std::size_t commodity = kAllCommodities;  // licensing rows are per commodity
  double bound_t = 0.0;                     // right-hand side this year (infinite when not active)
  double activity_t = 0.0;                  // flows or output counted by the row
  double rent_usd_per_kg = 0.0;             // shadow price of the limit, >= 0 (the quota rent)
};

struct YearResult {
  int year = 0;
  SolveStatus status = SolveStatus::Failed;
  int iterations = 0;
  bool warm_started = false;
  double solve_seconds = 0.0;  // wall time of the simplex, not part of any output
  int floor_iterations = 0;    // solves used by the price-floor fixed point (1 without floors)
  bool floor_converged = true;
  int rows = 0, columns = 0, nonzeros = 0;
  double surplus_musd = 0.0;  // objective: willingness to pay served minus all costs, M USD

  std::size_t regions = 0;
  std::size_t commodities = 0;
  // Grids over (commodity index c, region r), at [c * regions + r].
  std::vector<std::uint8_t> has_balance;  // the region has a balance row for the commodity
  std::vector<double> price;              // USD/kg, dual of the balance; NaN without a balance
  std::vector<double> netback_price;      // what a new producer in the region would get, USD/kg
  std::vector<double> production;  // mine (concentrate), separation, metal or magnet output, t
  std::vector<double> recycling;   // secondary oxide, t
  std::vector<double> imports, exports;
  std::vector<double> input_use;         // used to make the next stage, t
  std::vector<double> consumption;       // served final demand, t
  std::vector<double> demand_reference;  // q0 of the year (after activity, intensity, shocks)
  std::vector<double> shortfall;         // reference - served - substituted - backstop, >= 0, t
  std::vector<double> substitution;      // demand switched to a non-REE substitute, t
  std::vector<double> backstop;          // demand given up at the backstop price, t
  std::vector<double> disposal;
  std::vector<double> stock_draw, stock_build, stock_close;
  std::vector<double> stockpile_fill, stockpile_release;

  // Per facility of each kind (FacilityKind order): output (mine t REO, separation feed t REO,
  // metal t, magnet t), effective capacity, and capacity rent (USD/kg, dual of the capacity).
  std::array<std::vector<double>, kFacilityKindCount> output, capacity, capacity_rent;
  // Per separation plant and element: t REO of feed not recovered (the residue).
  std::vector<std::array<double, kElementCount>> separation_loss;
  // Per demand.
  std::vector<double> served_t, reference_t, substituted_t, backstop_t;
  std::vector<double>
      route_output;         // t magnet per (effective route k, region r), [k * regions + r]
  std::vector<Flow> flows;  // positive flows only
  std::vector<PolicyRow> policy_rows;
  std::vector<double> stockpile_level;  // closing level per policy (0 for other kinds)
  double subsidy_musd = 0.0;            // price-floor payments, M USD
  double tax_musd = 0.0;                // export taxes and import tariffs collected, M USD

  double at(const std::vector<double>& grid, std::size_t commodity, std::size_t region) const {
    return grid[commodity * regions + region];
  }
};

}  // namespace rareflow::market
