#include <cmath>

#include "dynamics.hpp"

namespace rareflow::market::detail {

// Partial adjustment: I_t = I_{t-1} + speed (I* - I_{t-1}), with the long-run target
// I* = min(1, (Pbar / p0)^(eps_long - eps_short)), Pbar the mean price of the window ending
// lag_years before t. The short-run curve already answers the year's price; I moves the curve
// itself (thrifting, substitution). Irreversible by default: I never rises again.
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
    double next = I + pr.speed * (target - I);
    I = pr.reversible ? next : std::min(I, next);
  }
}

}  // namespace rareflow::market::detail
