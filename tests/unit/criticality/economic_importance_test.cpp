#include <gtest/gtest.h>

#include "rareflow/criticality/economic_importance.hpp"

namespace rareflow::criticality {
namespace {

// C29 A 0.5 x Q 100 = 50; C27 0.3 x 50 = 15; C26 0.2 x 80 = 16; sum 81.
// Largest sector 200: 10 * 81 / 200 = 4.05; x SI_EI 0.9 = 3.645.
EconomicImportanceInput hand_input() {
  EconomicImportanceInput in;
  in.uses = {{"C29", "motor vehicles", 0.5, 100.0},
             {"C27", "electrical equipment", 0.3, 50.0},
             {"C26", "computers and electronics", 0.2, 80.0}};
  in.largest_sector_value_added = 200.0;
  in.si_ei = 0.9;
  return in;
}

TEST(EconomicImportance, ThreeSectorsByHand) {
  auto r = economic_importance(hand_input());
  ASSERT_TRUE(r) << r.error().message;
  ASSERT_EQ(r->terms.size(), 3u);
  EXPECT_DOUBLE_EQ(r->terms[0].product, 50.0);
  EXPECT_DOUBLE_EQ(r->terms[1].product, 15.0);
  EXPECT_DOUBLE_EQ(r->terms[2].product, 16.0);
  EXPECT_DOUBLE_EQ(r->weighted_value_added, 81.0);
  EXPECT_DOUBLE_EQ(r->scaled, 4.05);
  EXPECT_NEAR(r->value, 3.645, 1e-12);
}

// A material used only by the largest sector, with no substitute, scores the maximum 10.
TEST(EconomicImportance, ScaleTopIsTen) {
  EconomicImportanceInput in;
  in.uses = {{"C29", "motor vehicles", 1.0, 200.0}};
  in.largest_sector_value_added = 200.0;
  EXPECT_DOUBLE_EQ(economic_importance(in)->value, 10.0);
}

TEST(EconomicImportance, Errors) {
  auto in = hand_input();
  in.uses[2].share = 0.1;
  auto r = economic_importance(in);
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().message, "end-use shares sum to 0.9, expected 1 (within 1e-06)");
  in = hand_input();
  in.uses[1].value_added = -5.0;
  EXPECT_EQ(economic_importance(in).error().message,
            "value added of sector C27 is -5, expected a value >= 0");
  in = hand_input();
  in.largest_sector_value_added = 90.0;
  EXPECT_EQ(economic_importance(in).error().message,
            "value added of sector C29 (100) exceeds that of the largest sector (90)");
  in = hand_input();
  in.uses[1].nace = "C29";
  EXPECT_EQ(economic_importance(in).error().message, "sector C29 is listed twice");
  in = hand_input();
  in.si_ei = 1.1;
  EXPECT_EQ(economic_importance(in).error().message,
            "SI_EI is 1.1, expected a fraction between 0 and 1");
  EXPECT_EQ(economic_importance({}).error().message,
            "economic importance needs at least one sector of end use");
}

}  // namespace
}  // namespace rareflow::criticality
