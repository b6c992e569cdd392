// The yearly simulation: for each year, demand (activity trajectories, thrifting and
// substitution), capacities (announced projects with ramp-up, candidates built by the
// investment rule), the equilibrium, then stocks and prices carried to the next year. Output:
// a long IAMC table plus a run record with the solver status of every year.
#pragma once

#include <filesystem>
#include <functional>
#include <string>
#include <vector>

#include "rareflow/core/error.hpp"
#include "rareflow/core/iamc.hpp"
#include "rareflow/market/model.hpp"
#include "rareflow/market/result.hpp"

namespace rareflow::market {

struct SimulationOptions {
  int first_year = 2024;
  int last_year = 2050;
  std::string scenario = "baseline";
  bool warm_start = true;
  std::filesystem::path dump_dir;  // when set, each year's LP is written there
  bool dump_mps = false;           // MPS instead of LP format
  // Called after each year is solved (e.g. a progress display); does not change the results.
  std::function<void(int year)> on_year;
};

struct InvestmentDecision {
  FacilityRef facility;
  int decision_year = 0;
  int online_year = 0;
  double capacity_t = 0.0;
  double margin_usd_per_kg = 0.0;   // expected margin (moving average)
  double capital_usd_per_kg = 0.0;  // annualised capex per kg of capacity
};

struct SimulationResult {
  std::vector<YearResult> years;
  std::vector<InvestmentDecision> investments;
  IamcTable table;
};

Result<SimulationResult> simulate(const MarketModel& model, const SimulationOptions& opt);

// The IAMC rows of one solved year (prices, production, trade, demand, shortfall, stocks,
// disposal, capacity, policy rents), appended to `table`.
void append_iamc(const MarketModel& model, const YearResult& y, const std::string& scenario,
                 IamcTable& table);

}  // namespace rareflow::market
