#include <gtest/gtest.h>

#include "rareflow/criticality/model_measure.hpp"

namespace rareflow::criticality {
namespace {

// Demand 1000 t; baseline: shortfall 20 t at 300 USD/kg; disruption: 270 t at 750 USD/kg.
// Shares 0.02 and 0.27; added 250 t = 0.25; price +450 USD/kg = 750/300 - 1 = 1.5.
ModelMeasureInput hand_input() {
  return {"Dy", "EU27", "china-heavy-ree-licensing", 2030, 1000.0, {20.0, 300.0}, {270.0, 750.0}};
}

TEST(ModelMeasure, ByHand) {
  auto r = model_measure(hand_input());
  ASSERT_TRUE(r) << r.error().message;
  EXPECT_DOUBLE_EQ(r->shortfall_share_baseline, 0.02);
  EXPECT_DOUBLE_EQ(r->shortfall_share_disruption, 0.27);
  EXPECT_DOUBLE_EQ(r->added_shortfall_t, 250.0);
  EXPECT_DOUBLE_EQ(r->added_shortfall_share, 0.25);
  EXPECT_DOUBLE_EQ(r->price_change_usd_per_kg, 450.0);
  EXPECT_DOUBLE_EQ(r->price_increase, 1.5);
  EXPECT_TRUE(r->flags.empty());
}

TEST(ModelMeasure, ZeroDemandAndLessShortfall) {
  ModelMeasureInput in{"Pm", "EU27", "s", 2030, 0.0, {0.0, 10.0}, {0.0, 10.0}};
  auto r = model_measure(in);
  ASSERT_TRUE(r);
  EXPECT_DOUBLE_EQ(r->added_shortfall_share, 0.0);
  EXPECT_DOUBLE_EQ(r->price_increase, 0.0);
  EXPECT_EQ(r->flags.front(), "no demand in the baseline: shortfall shares set to 0");
  auto in2 = hand_input();
  in2.disruption.shortfall_t = 10.0;  // less than the baseline's 20 t
  auto r2 = model_measure(in2);
  EXPECT_DOUBLE_EQ(r2->added_shortfall_share, -0.01);
  EXPECT_EQ(r2->flags.front(), "the disruption run has less shortfall than the baseline");
}

TEST(ModelMeasure, Errors) {
  auto in = hand_input();
  in.baseline.price_usd_per_kg = 0.0;
  EXPECT_EQ(model_measure(in).error().message,
            "baseline price of Dy is 0: the price increase is undefined");
  in = hand_input();
  in.disruption.shortfall_t = 1200.0;
  EXPECT_EQ(model_measure(in).error().message,
            "shortfall of Dy (1200 t) exceeds the perspective's demand (1000 t)");
  in = hand_input();
  in.disruption.price_usd_per_kg = -1.0;
  EXPECT_EQ(model_measure(in).error().message,
            "disruption price of Dy is -1, expected a value >= 0");
  auto all = model_measures({hand_input(), in});
  ASSERT_FALSE(all);
}

}  // namespace
}  // namespace rareflow::criticality
