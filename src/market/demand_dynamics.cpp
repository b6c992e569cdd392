#include <cmath>

#include "dynamics.hpp"

namespace rareflow::market::detail {

// Partial adjustment: I_t = I_{t-1} + speed (I* - I_{t-1}), with the long-run target
// I* = min(1, (Pbar / p0)^(eps_long - eps_short)), Pbar the mean price of the window ending
// lag_years before t. The short-run curve already answers the year's price; I moves the curve
// itself (thrifting, substitution). Undone when prices fall at recovery_speed (default 0:
// irreversible), or at speed when reversible.
void adjust_intensity(const MarketModel& m, const std::vector<YearResult>& history, int year,
                      YearState& state) {
  const CommoditySet set = m.commodities();
  for (std::size_t d = 0; d < m.demands.size(); ++d) {
    const Demand& dem = m.demands[d];
    const PriceResponse& pr = dem.response;
    if (pr.long_run_elasticity == 0.0 || !(dem.p0_usd_per_kg > 0.0)) continue;
    const int last = year - pr.lag_years, first = last - pr.window_years + 1;
    double sum = 0.0;
    int n = 0;
    for (const auto& y : history) {
      if (y.year < first || y.year > last) continue;
      double p = y.at(y.price, set.index(dem.commodity), dem.region);
      if (std::isnan(p)) continue;
      sum += p;
      ++n;
    }
    if (n == 0) continue;
    double pbar = sum / n;
    double target = pbar <= 0.0 ? 1.0
                                : std::min(1.0, std::pow(pbar / dem.p0_usd_per_kg,
                                                         pr.long_run_elasticity - dem.elasticity));
    double& I = state.intensity[d];
    // Thrifting follows the target at `speed`; undoing it (target above I) at `speed` when
    // reversible, else at recovery_speed (0: never).
    double rate = target <= I ? pr.speed : pr.reversible ? pr.speed : pr.recovery_speed;
    I += rate * (target - I);
  }
}

}  // namespace rareflow::market::detail
