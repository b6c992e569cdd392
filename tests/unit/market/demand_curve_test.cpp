// Step approximation of constant-elasticity demand, checked against hand-computed steps.
#include <cmath>

#include <gtest/gtest.h>

#include "rareflow/market/demand_curve.hpp"

namespace rareflow::market {
namespace {

// eps = -1, p0 = 10, q0 = 100, choke 40, two steps above p0, one below, curve end 1.5 q0.
// Prices 40, 20, 10, then 10 / 1.5 = 6.667; quantities q = 100 (10 / p): 25, 50, 100, 150.
// Willingness to pay: 40 for the first 25 t; then the mean of p = 10 q0 / q over each step,
// 10 ln(x2 / x1) / (x2 - x1) with x = q / q0: 10 ln 2 / 0.25 = 27.726, 10 ln 2 / 0.5 = 13.863,
// 10 ln 1.5 / 0.5 = 8.109.
TEST(DemandCurve, UnitElasticStepsByHand) {
  Demand d;
  d.sector = "s";
  d.q0_t = 100.0;
  d.p0_usd_per_kg = 10.0;
  d.elasticity = -1.0;
  d.choke_usd_per_kg = 40.0;
  MarketSettings s;
  s.demand_steps_above = 2;
  s.demand_steps_below = 1;
  s.max_quantity_ratio = 1.5;
  auto steps = demand_steps(d, s);
  ASSERT_TRUE(steps.has_value());
  ASSERT_EQ(steps->size(), 4u);
  const double w[] = {25, 25, 50, 50};
  const double p[] = {40, 10 * std::log(2.0) / 0.25, 10 * std::log(2.0) / 0.5,
                      10 * std::log(1.5) / 0.5};
  for (std::size_t k = 0; k < 4; ++k) {
    EXPECT_NEAR((*steps)[k].quantity_t, w[k], 1e-9) << k;
    EXPECT_NEAR((*steps)[k].wtp_usd_per_kg, p[k], 1e-9) << k;
  }
}

// eps = -0.5: q(p0) = q0 exactly at the boundary between the upper and lower steps, the steps
// add up to max_quantity_ratio q0, and the willingness to pay falls step by step.
TEST(DemandCurve, ReferencePointAndTotalsHold) {
  Demand d;
  d.sector = "s";
  d.q0_t = 1000.0;
  d.p0_usd_per_kg = 60.0;
  d.elasticity = -0.5;
  d.choke_usd_per_kg = 300.0;
  MarketSettings s;
  auto steps = demand_steps(d, s);
  ASSERT_TRUE(steps.has_value());
  ASSERT_EQ(steps->size(), std::size_t(1 + s.demand_steps_above + s.demand_steps_below));
  double upto_p0 = 0.0, total = 0.0;
  for (int k = 0; k <= s.demand_steps_above; ++k) upto_p0 += (*steps)[std::size_t(k)].quantity_t;
  for (const auto& st : *steps) total += st.quantity_t;
  EXPECT_NEAR(upto_p0, 1000.0, 1e-9);
  EXPECT_NEAR(total, 1500.0, 1e-9);
  EXPECT_NEAR((*steps)[0].quantity_t, 1000.0 * std::pow(300.0 / 60.0, -0.5), 1e-9);
  for (std::size_t k = 1; k < steps->size(); ++k)
    EXPECT_LT((*steps)[k].wtp_usd_per_kg, (*steps)[k - 1].wtp_usd_per_kg);
  // The step just above p0 is valued above p0, the one just below under it.
  EXPECT_GT((*steps)[std::size_t(s.demand_steps_above)].wtp_usd_per_kg, 60.0);
  EXPECT_LT((*steps)[std::size_t(s.demand_steps_above) + 1].wtp_usd_per_kg, 60.0);
}

TEST(DemandCurve, RejectsChokeBelowReference) {
  Demand d;
  d.sector = "s";
  d.q0_t = 10.0;
  d.p0_usd_per_kg = 60.0;
  d.elasticity = -0.5;
  d.choke_usd_per_kg = 50.0;
  EXPECT_FALSE(demand_steps(d, MarketSettings{}).has_value());
}

}  // namespace
}  // namespace rareflow::market
