// Production-side policies and events on the one-mine market of fixtures.hpp (Ce oxide at
// 12 USD/kg up to the mine's capacity; demand 50 t at 30, 50 t at 20, 50 t at 8).
#include <gtest/gtest.h>

#include "fixtures.hpp"

namespace rareflow::market {
namespace {

using namespace testing;
const Commodity kCe = Commodity::oxide(Element::Ce);

FacilityScope all_mines() {
  return {FacilityKind::Mine, {}, {}};
}

// A mining quota of 60 t: the 20 USD/kg step is partly served (10 of 50 t), price 20; the
// quota rent is 20 - 12 = 8 USD/kg.
TEST(ProductionPolicy, MiningQuotaBindsWithRent) {
  auto m = one_mine_market(120.0);
  m.policies.push_back(ProductionQuota{"mine_quota", {}, all_mines(), 60.0});
  auto eng = make_engine(m);
  auto y = solve_ok(eng, 2024, eng.initial_state());
  EXPECT_NEAR(y.output[0][0], 60.0, 1e-9);
  EXPECT_NEAR(price(m, y, kCe, 0), 20.0, 1e-9);
  EXPECT_NEAR(row_of(y, 0)->rent_usd_per_kg, 8.0, 1e-9);
}

// A separation quota counts separated output: 70 t, so 50 t at 30 and 20 t at 20: price 20.
TEST(ProductionPolicy, SeparationQuotaCountsOutput) {
  auto m = one_mine_market(120.0);
  m.policies.push_back(ProductionQuota{"sep_quota", {}, {FacilityKind::Separation, {}, {}}, 70.0});
  auto eng = make_engine(m);
  auto y = solve_ok(eng, 2024, eng.initial_state());
  EXPECT_NEAR(grid(m, y, y.production, kCe, 0), 70.0, 1e-9);
  EXPECT_NEAR(price(m, y, kCe, 0), 20.0, 1e-9);
}

// Half the mine lost all year: 60 t, price 20. Lost from 1 July only: 120 (1 - 0.5 x 0.5) =
// 90 t, still inside the 20 USD/kg step, price 20.
TEST(ProductionPolicy, OutageRemovesCapacityForItsShareOfTheYear) {
  auto m = one_mine_market(120.0);
  m.policies.push_back(Outage{"flood", Period::years(2024, 2024), all_mines(), 0.5});
  auto eng = make_engine(m);
  auto y = solve_ok(eng, 2024, eng.initial_state());
  EXPECT_NEAR(y.capacity[0][0], 60.0, 1e-9);
  EXPECT_NEAR(price(m, y, kCe, 0), 20.0, 1e-9);
  auto y25 = solve_ok(eng, 2025, eng.initial_state());  // over: back to 12
  EXPECT_NEAR(price(m, y25, kCe, 0), 12.0, 1e-9);

  auto half = one_mine_market(120.0);
  half.policies.push_back(Outage{"flood", {2024.5, 2025.0}, all_mines(), 0.5});
  auto eng2 = make_engine(half);
  auto y2 = solve_ok(eng2, 2024, eng2.initial_state());
  EXPECT_NEAR(y2.capacity[0][0], 90.0, 1e-9);
  EXPECT_NEAR(y2.served_t[0], 90.0, 1e-9);
}

// Demand doubled: 100 t at 30, 100 t at 20, 100 t at 8 against 120 t: price 20.
TEST(ProductionPolicy, DemandShockScalesTheCurve) {
  auto m = one_mine_market(120.0);
  m.policies.push_back(DemandShock{"boom", {}, {}, {"polishing"}, {}, 2.0});
  auto eng = make_engine(m);
  auto y = solve_ok(eng, 2024, eng.initial_state());
  EXPECT_NEAR(y.reference_t[0], 300.0, 1e-9);
  EXPECT_NEAR(price(m, y, kCe, 0), 20.0, 1e-9);
}

// Mining cost up by half: 15 + 2 = 17 USD/kg, still below 20, so 100 t at price 17.
TEST(ProductionPolicy, CostShockRaisesSupplyCost) {
  auto m = one_mine_market(120.0);
  m.policies.push_back(CostShock{"energy", {}, all_mines(), 1.5});
  auto eng = make_engine(m);
  auto y = solve_ok(eng, 2024, eng.initial_state());
  EXPECT_NEAR(price(m, y, kCe, 0), 17.0, 1e-9);
  EXPECT_NEAR(y.served_t[0], 100.0, 1e-9);
}

// Strategic stockpile holding 100 t with a 15 USD/kg release trigger, in a market where the
// 80 t mine alone would price Ce at 20: it releases 20 t, serving both upper steps (100 t), and
// the release price 15 becomes the price; the level falls to 80 t.
TEST(ProductionPolicy, StockpileReleasesAboveTrigger) {
  auto m = one_mine_market(80.0);
  m.policies.push_back(
      StockpileProgram{"reserve", {}, 0, kCe, 100.0, 0.0, 5.0, 200.0, 15.0, 30.0, 0.0});
  auto eng = make_engine(m);
  auto y = solve_ok(eng, 2024, eng.initial_state());
  EXPECT_NEAR(grid(m, y, y.stockpile_release, kCe, 0), 20.0, 1e-9);
  EXPECT_NEAR(price(m, y, kCe, 0), 15.0, 1e-9);
  EXPECT_NEAR(y.stockpile_level[0], 80.0, 1e-9);
}

// The same programme fills (10 t/yr) while the price (12) is below its 13 USD/kg cap: the mine
// runs 110 t and the price stays 12. The minimum level stops releases below it.
TEST(ProductionPolicy, StockpileFillsBelowCapAndKeepsMinimum) {
  auto m = one_mine_market(120.0);
  m.policies.push_back(
      StockpileProgram{"reserve", {}, 0, kCe, 100.0, 10.0, 13.0, 200.0, 20.0, 30.0, 0.0});
  auto eng = make_engine(m);
  auto y = solve_ok(eng, 2024, eng.initial_state());
  EXPECT_NEAR(grid(m, y, y.stockpile_fill, kCe, 0), 10.0, 1e-9);
  EXPECT_NEAR(y.output[0][0], 110.0, 1e-9);
  EXPECT_NEAR(price(m, y, kCe, 0), 12.0, 1e-9);

  auto tight = one_mine_market(80.0);
  tight.policies.push_back(
      StockpileProgram{"reserve", {}, 0, kCe, 100.0, 0.0, 5.0, 200.0, 15.0, 30.0, 95.0});
  auto eng2 = make_engine(tight);
  auto y2 = solve_ok(eng2, 2024, eng2.initial_state());
  EXPECT_NEAR(grid(tight, y2, y2.stockpile_release, kCe, 0), 5.0, 1e-9);  // 100 - 95
}

// Price floor of 30 USD/kg for a small dear separation plant (30 t, 5 USD/kg; it buys the
// same 10 USD/kg concentrate, so 15 USD/kg > 12: idle without the floor) beside an incumbent
// plant with spare capacity. The market price stays 12; the floor pays 30 - 12 = 18 USD/kg,
// so the plant's net cost is 15 - 18 < 12 and it runs at capacity. Subsidy: 30 t x 18 USD/kg
// = 0.54 M USD. The fixed point needs two solves (subsidy 0, then 18, then unchanged).
TEST(ProductionPolicy, PriceFloorPaysTheGapToOneProducer) {
  auto m = one_mine_market(1000.0);
  auto plant = add_separation(m, "floored_sep", 0, 30.0, 5.0);
  auto no_floor = make_engine(m);
  auto y0 = solve_ok(no_floor, 2024, no_floor.initial_state());
  EXPECT_NEAR(y0.output[1][plant], 0.0, 1e-12);

  m.policies.push_back(PriceFloor{"floor", {}, plant, {Element::Ce}, 30.0});
  auto eng = make_engine(m);
  auto y = solve_ok(eng, 2024, eng.initial_state());
  EXPECT_NEAR(price(m, y, kCe, 0), 12.0, 1e-9);
  EXPECT_NEAR(y.output[1][plant], 30.0, 1e-9);
  EXPECT_NEAR(y.subsidy_musd, 0.54, 1e-9);
  EXPECT_TRUE(y.floor_converged);
  EXPECT_EQ(y.floor_iterations, 2);
  // A floor below the market price pays nothing.
  std::get<PriceFloor>(m.policies[0]).floor_usd_per_kg = 10.0;
  auto low = make_engine(m);
  auto y2 = solve_ok(low, 2024, low.initial_state());
  EXPECT_NEAR(y2.subsidy_musd, 0.0, 1e-12);
  EXPECT_NEAR(y2.output[1][plant], 0.0, 1e-12);
}

}  // namespace
}  // namespace rareflow::market
