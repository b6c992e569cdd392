#include "rareflow/market/demand_curve.hpp"

#include <algorithm>
#include <cmath>

namespace rareflow::market {

namespace {

// Mean of the inverse demand p0 (q/q0)^(1/eps) over [x1, x2] in units of q0.
double mean_inverse_demand(double p0, double eps, double x1, double x2) {
  double b = 1.0 / eps;
  if (std::abs(b + 1.0) < 1e-9) return p0 * std::log(x2 / x1) / (x2 - x1);
  return p0 * (std::pow(x2, b + 1.0) - std::pow(x1, b + 1.0)) / ((b + 1.0) * (x2 - x1));
}

// Price boundaries from the backstop down to p_low, with p0 among them: geometric with
// `demand_steps_above` / `demand_steps_below` steps, or, when settings.demand_step_gap > 0,
// log-price gaps of demand_step_gap next to p0 growing by demand_step_growth per step away
// from it (fine near the reference, coarse near the backstop).
std::vector<double> price_boundaries(double pc, double p0, double p_low, const MarketSettings& s) {
  std::vector<double> prices;
  if (s.demand_step_gap > 0.0) {
    auto side = [&](double far) {  // log-distances from p0 outward, ending at `far`
      std::vector<double> u;
      double gap = std::log1p(s.demand_step_gap), at = 0.0, end = std::abs(std::log(far / p0));
      while (at + gap < end * (1.0 - 1e-9)) {
        at += gap;
        u.push_back(at);
        gap *= 1.0 + s.demand_step_growth;
      }
      u.push_back(end);
      return u;
    };
    auto up = side(pc);
    for (auto it = up.rbegin(); it != up.rend(); ++it) prices.push_back(p0 * std::exp(*it));
    prices.front() = pc;
    prices.push_back(p0);
    for (double u : side(p_low)) prices.push_back(p0 * std::exp(-u));
    prices.back() = p_low;
    return prices;
  }
  prices.push_back(pc);
  for (int i = 1; i <= s.demand_steps_above; ++i)
    prices.push_back(pc * std::pow(p0 / pc, double(i) / s.demand_steps_above));
  prices.back() = p0;
  for (int j = 1; j <= s.demand_steps_below; ++j)
    prices.push_back(p0 * std::pow(p_low / p0, double(j) / s.demand_steps_below));
  return prices;
}

// A substitute takes `share` of every step: that part's willingness to pay is capped at the
// substitute's cost (what is not served there has switched, not gone short).
std::vector<DemandStep> with_substitute(const std::vector<DemandStep>& steps, double share,
                                        double price) {
  if (!(share > 0.0)) return steps;
  std::vector<DemandStep> out;
  for (const auto& st : steps) {
    out.push_back({st.quantity_t * (1.0 - share), st.wtp_usd_per_kg, st.kind});
    bool capped = st.wtp_usd_per_kg > price;
    out.push_back({st.quantity_t * share, capped ? price : st.wtp_usd_per_kg,
                   capped ? StepKind::Substitute : st.kind});
  }
  // Keep the order of falling willingness to pay.
  std::stable_sort(out.begin(), out.end(), [](const DemandStep& a, const DemandStep& b) {
    return a.wtp_usd_per_kg > b.wtp_usd_per_kg;
  });
  return out;
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
  const std::vector<double> prices = price_boundaries(pc, p0, p_low, s);
  std::vector<DemandStep> steps;
  // At and above the backstop price nobody buys; just below it, q(backstop) is bought.
  double x_prev = std::pow(pc / p0, eps);
  steps.push_back({d.q0_t * x_prev, pc, StepKind::Backstop});
  for (std::size_t k = 1; k < prices.size(); ++k) {
    double x = (k == prices.size() - 1) ? s.max_quantity_ratio
               : (prices[k] == p0)      ? 1.0
                                        : std::pow(prices[k] / p0, eps);
    steps.push_back({d.q0_t * (x - x_prev), mean_inverse_demand(p0, eps, x_prev, x)});
    x_prev = x;
  }
  return with_substitute(steps, d.substitute_share, d.substitute_usd_per_kg);
}

Result<std::vector<DemandStep>> reference_steps(const Demand& d, const MarketSettings& s,
                                                double band) {
  auto steps = demand_steps(d, s);
  if (!steps) return steps;
  std::vector<DemandStep> out;
  double q = 0.0, carve = 2.0 * band * d.q0_t;
  bool inserted = false;
  for (const auto& st : *steps) {
    if (!inserted && q >= d.q0_t * (1.0 - 1e-9)) {
      out.push_back({carve, d.p0_usd_per_kg});
      inserted = true;
    }
    q += st.quantity_t;
    double width = st.quantity_t;
    if (inserted && carve > 0.0) {
      double take = std::min(carve, width);
      width -= take;
      carve -= take;
    }
    if (width > 0.0) out.push_back({width, st.wtp_usd_per_kg, st.kind});
  }
  if (!inserted || carve > 1e-9 * d.q0_t)
    return fail("demand curve of sector '" + d.sector + "': no room for the reference step");
  return out;
}

}  // namespace rareflow::market
