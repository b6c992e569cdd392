// Co-production: a mine yields La, Ce and Nd together, so magnet demand drives the mine and La
// and Ce follow whether wanted or not.
#include <gtest/gtest.h>

#include "fixtures.hpp"

namespace rareflow::market {
namespace {

using namespace testing;

// One region. Mine: 30% La, 50% Ce, 20% Nd (REO shares), 5 USD/kg, 20 000 t; separation 2
// USD/kg, full recovery; Nd metal 5 USD/kg; NdFeB magnets (0.3 t Nd per t) 10 USD/kg; magnet
// demand 1000 t at 100 and 1000 t at 80, times `magnet_multiplier`; La demand 1000 t at 3 and
// 1000 t at 1; Ce demand 1000 t at 3 and 2000 t at 1.
MarketModel coproduction_market(double magnet_multiplier) {
  MarketModel m;
  auto r = add_region(m, "AAA");
  ElementArray a{};
  a[index(Element::La)] = 0.3;
  a[index(Element::Ce)] = 0.5;
  a[index(Element::Nd)] = 0.2;
  add_source(m, "mine", r, 20000.0, 5.0, a);
  add_separation(m, "sep", r, 50000.0, 2.0);
  add_metal(m, "metal", r, 50000.0, 5.0, {Element::Nd});
  ElementArray recipe{};
  recipe[index(Element::Nd)] = 0.3;
  m.magnet_types.push_back({"NdFeB", recipe});
  add_magnet(m, "magnets", r, 50000.0, 10.0);
  add_demand(m, "motors", r, Commodity::magnet(0), {{1000.0, 100.0}, {1000.0, 80.0}});
  add_demand(m, "catalysts", r, Commodity::oxide(Element::La), {{1000.0, 3.0}, {1000.0, 1.0}});
  add_demand(m, "polishing", r, Commodity::oxide(Element::Ce), {{1000.0, 3.0}, {2000.0, 1.0}});
  if (magnet_multiplier != 1.0) {
    DemandShock shock{"double_magnets", {}, {}, {}, {}, magnet_multiplier};
    shock.goods.stages = {Stage::Magnet};
    m.policies.push_back(shock);
  }
  return m;
}

// Base: 2000 t of magnets need 600 t Nd metal = 600 x 1.1664 = 700 t Nd oxide, so the mine runs
// 3499 t and yields 1050 t La and 1750 t Ce: both partly serve their 1 USD/kg steps, so La =
// Ce = 1. The mine and the plant are interior, so 5 + 2 = 0.3 La + 0.5 Ce + 0.2 Nd gives
// Nd = (7 - 0.3 - 0.5) / 0.2 = 31 USD/kg.
// Doubled: 1400 t Nd oxide, 6998 t mined, 2099 t La and 3499 t Ce exceed all La and Ce demand;
// the surplus is disposed of (free here), La = Ce = 0, and Nd carries the whole cost:
// 7 / 0.2 = 35 USD/kg.
TEST(Coproduction, DoublingMagnetDemandRaisesNdAndLowersLaCe) {
  const Commodity nd = Commodity::oxide(Element::Nd), la = Commodity::oxide(Element::La),
                  ce = Commodity::oxide(Element::Ce);
  auto base_model = coproduction_market(1.0);
  auto base_eng = make_engine(base_model);
  auto base = solve_ok(base_eng, 2024, base_eng.initial_state());
  auto high_model = coproduction_market(2.0);
  auto high_eng = make_engine(high_model);
  auto high = solve_ok(high_eng, 2024, high_eng.initial_state());

  const double nd_oxide_base = 600.0 * metal_to_oxide(Element::Nd);
  EXPECT_NEAR(base.output[0][0], nd_oxide_base / 0.2, 1e-6);
  EXPECT_NEAR(price(base_model, base, nd, 0), 31.0, 1e-9);
  EXPECT_NEAR(price(base_model, base, la, 0), 1.0, 1e-9);
  EXPECT_NEAR(price(base_model, base, ce, 0), 1.0, 1e-9);
  EXPECT_NEAR(grid(base_model, base, base.disposal, la, 0) +
                  grid(base_model, base, base.stock_build, la, 0),
              0.0, 1e-9);

  EXPECT_NEAR(price(high_model, high, nd, 0), 35.0, 1e-9);
  EXPECT_NEAR(price(high_model, high, la, 0), 0.0, 1e-9);
  EXPECT_NEAR(price(high_model, high, ce, 0), 0.0, 1e-9);
  const double mined = 2.0 * nd_oxide_base / 0.2;
  EXPECT_NEAR(grid(high_model, high, high.disposal, la, 0), 0.3 * mined - 2000.0, 1e-6);
  EXPECT_NEAR(grid(high_model, high, high.disposal, ce, 0), 0.5 * mined - 3000.0, 1e-6);

  EXPECT_GT(price(high_model, high, nd, 0), price(base_model, base, nd, 0));
  EXPECT_LT(price(high_model, high, la, 0), price(base_model, base, la, 0));
  EXPECT_LT(price(high_model, high, ce, 0), price(base_model, base, ce, 0));
}

// When storing costs less than disposal, the surplus goes to stock instead, and the price is
// minus the holding cost (holders are paid to take it).
TEST(Coproduction, SurplusIsStockedWhenDisposalIsDearer) {
  auto m = coproduction_market(2.0);
  m.regions[0].disposal_cost_usd_per_kg = 2.0;
  m.settings.holding_cost_usd_per_kg[static_cast<std::size_t>(Stage::Oxide)] = 0.5;
  auto eng = make_engine(m);
  auto y = solve_ok(eng, 2024, eng.initial_state());
  const Commodity la = Commodity::oxide(Element::La);
  const double mined = 2.0 * 600.0 * metal_to_oxide(Element::Nd) / 0.2;
  EXPECT_NEAR(grid(m, y, y.stock_build, la, 0), 0.3 * mined - 2000.0, 1e-6);
  EXPECT_NEAR(grid(m, y, y.disposal, la, 0), 0.0, 1e-9);
  EXPECT_NEAR(price(m, y, la, 0), -0.5, 1e-9);
  EXPECT_NEAR(grid(m, y, y.stock_close, la, 0), 0.3 * mined - 2000.0, 1e-6);
}

}  // namespace
}  // namespace rareflow::market
