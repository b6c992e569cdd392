// A hand-solved three-region market (issue 11): two exporters, A (Ce oxide at 10 + 2 = 12
// USD/kg, 1000 t spare) and B (14 + 2 = 16 USD/kg, 120 t), and an importer C that only
// consumes (100 t at 50 and 100 t at 40 USD/kg). Oxide arcs between every pair at 1 USD/kg;
// re-export off. Every expected flow and price below is worked out by hand in its comment.
#include <gtest/gtest.h>

#include "fixtures.hpp"

namespace rareflow::market {
namespace {

using namespace testing;
const Commodity kCe = Commodity::oxide(Element::Ce);
constexpr std::size_t kA = 0, kB = 1, kC = 2;

MarketModel three_regions() {
  MarketModel m;
  add_region(m, "A");
  add_region(m, "B");
  add_region(m, "C");
  add_source(m, "a_mine", kA, 1000.0, 10.0, only(Element::Ce));
  add_separation(m, "a_sep", kA, 1000.0, 2.0);
  add_source(m, "b_mine", kB, 120.0, 14.0, only(Element::Ce));
  add_separation(m, "b_sep", kB, 1000.0, 2.0);
  add_demand(m, "c_use", kC, kCe, {{100.0, 50.0}, {100.0, 40.0}});
  add_all_arcs(m, Stage::Oxide, 1.0);
  return m;
}

FlowScope from_to(std::size_t from, std::size_t to) {
  FlowScope s;
  s.from = {from};
  s.to = {to};
  return s;
}

// Free trade: A's oxide reaches C at 12 + 1 = 13, below B's 16 + 1 = 17, so A ships all 200 t
// and B's mine stays idle; C's price is 13.
TEST(ThreeRegions, FreeTradeBuysFromTheCheapestExporter) {
  auto m = three_regions();
  auto eng = make_engine(m);
  auto y = solve_ok(eng, 2024, eng.initial_state());
  EXPECT_NEAR(flow(y, kA, kC), 200.0, 1e-9);
  EXPECT_NEAR(flow(y, kB, kC), 0.0, 1e-9);
  EXPECT_NEAR(price(m, y, kCe, kC), 13.0, 1e-9);
}

// A specific tariff of 5,000 USD/t (5 USD/kg) on C's imports from A only: A's route costs
// 12 + 1 + 5 = 18 > 17 on B's untaxed route, so B ships all it has (120 t) and A the other
// 80 t. The marginal supplier is A, so C pays 18; A keeps 12; B's capacity binds, so its oxide
// is worth C's price less transport, 17. Trade moved to the untaxed route: 120 t. Tariff
// revenue: 80 t x 5 USD/kg = 0.4 M USD. With re-export off, A cannot ship through B (A -> B
// stays 0).
TEST(ThreeRegions, TariffMovesTradeToTheUntaxedRoute) {
  auto m = three_regions();
  m.policies.push_back(TradeTax{"tariff", {}, from_to(kA, kC), TaxSide::Import, 0.0, 5000.0});
  auto eng = make_engine(m);
  auto y = solve_ok(eng, 2024, eng.initial_state());
  EXPECT_NEAR(flow(y, kB, kC), 120.0, 1e-9);
  EXPECT_NEAR(flow(y, kA, kC), 80.0, 1e-9);
  EXPECT_NEAR(flow(y, kA, kB), 0.0, 1e-9);
  EXPECT_NEAR(price(m, y, kCe, kC), 18.0, 1e-9);
  EXPECT_NEAR(price(m, y, kCe, kA), 12.0, 1e-9);
  EXPECT_NEAR(price(m, y, kCe, kB), 17.0, 1e-9);
  EXPECT_NEAR(y.tax_musd, 0.4, 1e-9);
}

// A tariff of 3 USD/kg leaves A's route at 16 < 17: nothing moves, C pays 16.
TEST(ThreeRegions, TariffBelowTheCostGapMovesNothing) {
  auto m = three_regions();
  m.policies.push_back(TradeTax{"tariff", {}, from_to(kA, kC), TaxSide::Import, 0.0, 3000.0});
  auto eng = make_engine(m);
  auto y = solve_ok(eng, 2024, eng.initial_state());
  EXPECT_NEAR(flow(y, kA, kC), 200.0, 1e-9);
  EXPECT_NEAR(flow(y, kB, kC), 0.0, 1e-9);
  EXPECT_NEAR(price(m, y, kCe, kC), 16.0, 1e-9);
}

// A bans exports to C. B may buy A's oxide (nothing bans A -> B) but, with re-export off, may
// export only what it produces: 120 t. C is served 100 t at 50 and 20 t of its 40 USD/kg step,
// so its price is 40 and 80 t go unserved; A -> C is 0 and nothing of A's oxide leaks to C.
TEST(ThreeRegions, BanOnOneDestinationLeaksNothingThroughAThirdRegion) {
  auto m = three_regions();
  m.policies.push_back(ExportBan{"ban", {}, from_to(kA, kC)});
  auto eng = make_engine(m);
  auto y = solve_ok(eng, 2024, eng.initial_state());
  EXPECT_NEAR(flow(y, kA, kC), 0.0, 1e-12);
  EXPECT_NEAR(flow(y, kB, kC), 120.0, 1e-9);
  EXPECT_NEAR(grid(m, y, y.production, kCe, kB), 120.0, 1e-9);
  EXPECT_LE(grid(m, y, y.exports, kCe, kB), grid(m, y, y.production, kCe, kB) + 1e-9);
  EXPECT_NEAR(price(m, y, kCe, kC), 40.0, 1e-9);
  EXPECT_NEAR(grid(m, y, y.consumption, kCe, kC), 120.0, 1e-9);
}

}  // namespace
}  // namespace rareflow::market
