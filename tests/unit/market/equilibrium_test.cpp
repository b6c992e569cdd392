// Equilibria small enough to work out by hand.
#include <gtest/gtest.h>

#include "fixtures.hpp"

namespace rareflow::market {
namespace {

using namespace testing;

// Supply: mining 10 + separation 2 = 12 USD/kg Ce oxide up to 120 t. Demand steps 50 t at 30,
// 50 t at 20, 50 t at 8. The 8 USD/kg step is below cost, so 100 t are served and the mine is
// the marginal supplier with spare capacity: price = 12 USD/kg, concentrate price = 10.
TEST(Equilibrium, OneMineSpareCapacityPriceIsSupplyCost) {
  auto m = one_mine_market(120.0);
  auto eng = make_engine(m);
  auto y = eng.solve(2024, eng.initial_state());
  ASSERT_TRUE(y.has_value()) << y.error().message;
  EXPECT_EQ(y->status, SolveStatus::Optimal);
  EXPECT_NEAR(price(m, *y, Commodity::oxide(Element::Ce), 0), 12.0, 1e-9);
  EXPECT_NEAR(price(m, *y, Commodity::concentrate(0), 0), 10.0, 1e-9);
  EXPECT_NEAR(y->served_t[0], 100.0, 1e-9);
  EXPECT_NEAR(y->output[0][0], 100.0, 1e-9);
  // Shortfall against the reference quantity (150 t): the 50 t step at 8 USD/kg.
  EXPECT_NEAR(y->reference_t[0], 150.0, 1e-12);
  EXPECT_NEAR(grid(m, *y, y->shortfall, Commodity::oxide(Element::Ce), 0), 50.0, 1e-9);
  // Surplus: 50 (30 - 12) + 50 (20 - 12) = 1300 kUSD = 1.3 M USD.
  EXPECT_NEAR(y->surplus_musd, 1.3, 1e-9);
}

// With 80 t of mine capacity the second step is only partly served, so it sets the price:
// 20 USD/kg oxide, 18 USD/kg concentrate, and the mine earns a capacity rent of 8 USD/kg.
TEST(Equilibrium, OneMineAtCapacityPriceIsWillingnessToPay) {
  auto m = one_mine_market(80.0);
  auto eng = make_engine(m);
  auto y = eng.solve(2024, eng.initial_state());
  ASSERT_TRUE(y.has_value()) << y.error().message;
  EXPECT_NEAR(price(m, *y, Commodity::oxide(Element::Ce), 0), 20.0, 1e-9);
  EXPECT_NEAR(price(m, *y, Commodity::concentrate(0), 0), 18.0, 1e-9);
  EXPECT_NEAR(y->capacity_rent[0][0], 8.0, 1e-9);
  EXPECT_NEAR(y->served_t[0], 80.0, 1e-9);
  EXPECT_NEAR(grid(m, *y, y->shortfall, Commodity::oxide(Element::Ce), 0), 70.0, 1e-9);
}

}  // namespace
}  // namespace rareflow::market
