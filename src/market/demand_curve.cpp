#include "rareflow/market/demand_curve.hpp"

#include <cmath>

namespace rareflow::market {

namespace {

// Mean of the inverse demand p0 (q/q0)^(1/eps) over [x1, x2] in units of q0.
double mean_inverse_demand(double p0, double eps, double x1, double x2) {
  double b = 1.0 / eps;
  if (std::abs(b + 1.0) < 1e-9) return p0 * std::log(x2 / x1) / (x2 - x1);
  return p0 * (std::pow(x2, b + 1.0) - std::pow(x1, b + 1.0)) / ((b + 1.0) * (x2 - x1));
}

}  // namespace

Result<std::vector<DemandStep>> demand_steps(const Demand& d, const MarketSettings& s) {
  if (!d.steps.empty()) return d.steps;
  if (!(d.elasticity < 0.0) || !(d.p0_usd_per_kg > 0.0) ||
      !(d.choke_usd_per_kg > d.p0_usd_per_kg) || !(s.max_quantity_ratio > 1.0) ||
      s.demand_steps_above < 1 || s.demand_steps_below < 1)
    return fail("demand curve of sector '" + d.sector +
                "' needs elasticity < 0, p0 > 0, choke > p0, max_quantity_ratio > 1 and at "
                "least one step above and below p0");
  const double p0 = d.p0_usd_per_kg, eps = d.elasticity, pc = d.choke_usd_per_kg;
  const double p_low = p0 * std::pow(s.max_quantity_ratio, 1.0 / eps);
  // Price boundaries from the choke price down to p_low, with p0 among them.
  std::vector<double> prices{pc};
  for (int i = 1; i <= s.demand_steps_above; ++i)
    prices.push_back(pc * std::pow(p0 / pc, double(i) / s.demand_steps_above));
  prices.back() = p0;
  for (int j = 1; j <= s.demand_steps_below; ++j)
    prices.push_back(p0 * std::pow(p_low / p0, double(j) / s.demand_steps_below));
  std::vector<DemandStep> steps;
  // At and above the choke price nobody buys; just below it, q(choke) is bought.
  double x_prev = std::pow(pc / p0, eps);
  steps.push_back({d.q0_t * x_prev, pc});
  for (std::size_t k = 1; k < prices.size(); ++k) {
    double x = (k == prices.size() - 1) ? s.max_quantity_ratio
               : (prices[k] == p0)      ? 1.0
                                        : std::pow(prices[k] / p0, eps);
    steps.push_back({d.q0_t * (x - x_prev), mean_inverse_demand(p0, eps, x_prev, x)});
    x_prev = x;
  }
  return steps;
}

}  // namespace rareflow::market
