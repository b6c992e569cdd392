// Between-year dynamics: thrifting and substitution (partial adjustment of demand intensity to
// sustained prices), the investment rule for candidate facilities, and the normal flows that
// licensing policies refer to.
#pragma once

#include <optional>
#include <vector>

#include "rareflow/market/model.hpp"
#include "rareflow/market/result.hpp"
#include "rareflow/market/simulator.hpp"
#include "rareflow/market/state.hpp"

namespace rareflow::market::detail {

// Moves each demand's intensity toward its long-run target, from the prices in `history`.
void adjust_intensity(const MarketModel& m, const std::vector<YearResult>& history, int year,
                      YearState& state);

// Value per kg of capacity that a facility's basket would have fetched in one solved year
// (outputs at netback prices minus inputs at market prices), before its own unit cost.
std::optional<double> basket_value(const MarketModel& m, const YearResult& y, FacilityRef f);

// Capital recovery factor: the annuity per unit of capital at `rate` over `years`.
double capital_recovery_factor(double rate, int years);

// Builds every candidate whose moving-average margin (basket value minus unit cost over the
// last settings.price_window_years) exceeds its annualised capex; sets its online year.
void decide_investments(const MarketModel& m, const std::vector<YearResult>& history, int year,
                        YearState& state, std::vector<InvestmentDecision>& decisions);

// Records the normal flow of every flow policy that is in force in `year` and has none yet,
// from `previous` (the year before, or the policy-free reference equilibrium).
void record_reference_flows(const MarketModel& m, const YearResult& previous, int year,
                            YearState& state);

}  // namespace rareflow::market::detail
