#include <gtest/gtest.h>

#include <cmath>

#include "rareflow/criticality/usgs_method.hpp"
#include "unit/criticality/test_util.hpp"

namespace rareflow::criticality {
namespace {

// CHN 0.7 (WGI 6 -> g 0.6), MYS 0.2 (4 -> 0.4), AUS 0.1 (2 -> 0.2):
// DP = 0.49*0.6 + 0.04*0.4 + 0.01*0.2 = 0.294 + 0.016 + 0.002 = 0.312.
// TE 0.9, EV 0.5: product 0.312*0.9*0.5 = 0.1404 (< 0.40); geometric mean 0.1404^(1/3) = 0.519743
// (0.519743^3 = 0.140400).
UsgsInput hand_input() {
  UsgsInput in;
  in.commodity = "Dy";
  in.production = {{"CHN", 0.7}, {"MYS", 0.2}, {"AUS", 0.1}};
  in.net_import_reliance = 0.9;
  in.economic_vulnerability = 0.5;
  return in;
}

TEST(UsgsMethod, ThreeCountriesByHand) {
  auto g = testing::governance({{"CHN", 6.0}, {"MYS", 4.0}, {"AUS", 2.0}});
  auto r = assess_usgs(hand_input(), g);
  ASSERT_TRUE(r) << r.error().message;
  EXPECT_NEAR(r->terms[0].governance, 0.6, 1e-12);
  EXPECT_NEAR(r->disruption_potential, 0.312, 1e-12);
  EXPECT_DOUBLE_EQ(r->trade_exposure, 0.9);
  EXPECT_NEAR(r->supply_risk, 0.1404, 1e-12);
  EXPECT_FALSE(r->above_threshold);
  auto in = hand_input();
  in.aggregation = UsgsAggregation::GeometricMean;
  auto gm = assess_usgs(in, g);
  EXPECT_NEAR(gm->supply_risk, 0.519743, 1e-6);
  EXPECT_TRUE(gm->above_threshold);
}

// A sole supplier with the worst governance, full import reliance and vulnerability: SR = 1.
TEST(UsgsMethod, UpperBound) {
  UsgsInput in;
  in.commodity = "Tb";
  in.production = {{"AAA", 1.0}};
  in.net_import_reliance = 1.0;
  in.economic_vulnerability = 1.0;
  auto r = assess_usgs(in, testing::governance({{"AAA", 10.0}}));
  EXPECT_DOUBLE_EQ(r->supply_risk, 1.0);
}

TEST(UsgsMethod, Errors) {
  auto g = testing::governance({});
  auto in = hand_input();
  in.net_import_reliance = 1.2;
  EXPECT_EQ(assess_usgs(in, g).error().message,
            "net import reliance of Dy is 1.2, expected a fraction between 0 and 1");
  in = hand_input();
  in.production = {{"CHN", 0.5}};
  EXPECT_EQ(assess_usgs(in, g).error().message,
            "production shares of Dy at processing sum to 0.5, expected 1 (within 1e-06)");
  in = hand_input();
  in.economic_vulnerability = -0.1;
  EXPECT_EQ(assess_usgs(in, g).error().message,
            "economic vulnerability of Dy is -0.1, expected a fraction between 0 and 1");
}

TEST(UsgsMethod, MissingGovernanceIsFlagged) {
  auto r = assess_usgs(hand_input(), testing::governance({{"CHN", 6.0}}));
  ASSERT_TRUE(r);
  // MYS, AUS at the default 5 -> g 0.5: DP = 0.294 + 0.04*0.5 + 0.01*0.5 = 0.319.
  EXPECT_NEAR(r->disruption_potential, 0.319, 1e-12);
  EXPECT_EQ(r->flags.front(), "WGI default 5 (world-average governance) used for: MYS, AUS");
}

}  // namespace
}  // namespace rareflow::criticality
