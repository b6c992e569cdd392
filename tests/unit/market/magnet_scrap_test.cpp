// Manufacturing scrap: a plant making finished magnets uses recipe / (1 - s) of metal and its
// scrap's rare earths come back as oxide in its region at recovery r (docs/model_market.md,
// section 6b). Hand-solved one-region market.
#include <gtest/gtest.h>

#include "fixtures.hpp"
#include "rareflow/market/mass_balance.hpp"
#include "rareflow/market/validate.hpp"

namespace rareflow::market {
namespace {

using namespace testing;

// One region; Nd mine 10 USD/kg REO, ample; separation and metal making free; NdFeB 0.30 t Nd
// metal per t finished, scrap share s = 0.25 of a blank, recovery r = 0.8; magnet plant 10 USD/kg
// (5000 t); demand 1000 t of magnets at 1000 USD/kg.
MarketModel scrap_market(double s, double r) {
  MarketModel m;
  auto reg = add_region(m, "AAA");
  add_source(m, "nd_mine", reg, 1e6, 10.0, only(Element::Nd));
  add_separation(m, "sep", reg, 1e6, 0.0);
  add_metal(m, "metal", reg, 1e6, 0.0, {Element::Nd});
  ElementArray recipe{};
  recipe[index(Element::Nd)] = 0.30;
  m.magnet_types.push_back({"NdFeB", recipe, s, r});
  add_magnet(m, "magnets", reg, 5000.0, 10.0);
  add_demand(m, "motors", reg, Commodity::magnet(0), {{1000.0, 1000.0}});
  return m;
}

// 1000 t finished take 0.30 / 0.75 x 1000 = 400 t Nd metal (533.3 t of blanks); the scrap holds
// 400 - 300 = 100 t Nd metal, of which 80 t come back as 80 k t REO (k = metal_to_oxide(Nd)).
// Mined and separated: 400 k - 80 k = 320 k t REO. The magnet price is the plant's cost plus
// the metal less the scrap credit: 10 + 0.4 x 10 k - 0.08 k x 10 = 10 + 3.2 k USD/kg.
TEST(MagnetScrap, MetalGrossScrapBackAsOxide) {
  const double k = metal_to_oxide(Element::Nd);
  auto m = scrap_market(0.25, 0.8);
  auto eng = make_engine(m);
  auto y = solve_ok(eng, 2024, eng.initial_state());
  const auto nd_oxide = Commodity::oxide(Element::Nd);
  EXPECT_NEAR(grid(m, y, y.consumption, Commodity::magnet(0), 0), 1000.0, 1e-6);
  EXPECT_NEAR(grid(m, y, y.input_use, Commodity::metal(Element::Nd), 0), 400.0, 1e-6);
  EXPECT_NEAR(grid(m, y, y.recycling, nd_oxide, 0), 80.0 * k, 1e-6);
  EXPECT_NEAR(grid(m, y, y.production, nd_oxide, 0), 320.0 * k, 1e-6);
  EXPECT_NEAR(price(m, y, Commodity::magnet(0), 0), 10.0 + 3.2 * k, 1e-6);
  EXPECT_TRUE(check_mass_balance(m, y, 1e-9));
}

// Without scrap (s = 0) the same market uses 300 t of metal and recycles nothing.
TEST(MagnetScrap, NoScrapNoLoop) {
  auto m = scrap_market(0.0, 0.0);
  auto eng = make_engine(m);
  auto y = solve_ok(eng, 2024, eng.initial_state());
  EXPECT_NEAR(grid(m, y, y.input_use, Commodity::metal(Element::Nd), 0), 300.0, 1e-6);
  EXPECT_NEAR(grid(m, y, y.recycling, Commodity::oxide(Element::Nd), 0), 0.0, 1e-12);
}

// A scrap share of 1 (nothing finished) or a recovery above 1 is refused by name.
TEST(MagnetScrap, SharesOutsideTheirRangeAreRefused) {
  auto d = validate(scrap_market(1.0, 1.2)).str();
  EXPECT_NE(d.find("magnet_types[0].scrap_share"), std::string::npos) << d;
  EXPECT_NE(d.find("magnet_types[0].scrap_recovery"), std::string::npos) << d;
}

}  // namespace
}  // namespace rareflow::market
