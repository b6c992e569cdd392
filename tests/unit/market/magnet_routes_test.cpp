// Magnet technology routes and non-REE substitutes: an input's price is bounded by what
// switching route costs, and a substitute caps the magnet price for the share it can serve.
#include <cmath>

#include <gtest/gtest.h>

#include "rareflow/market/demand_curve.hpp"

#include "fixtures.hpp"

namespace rareflow::market {
namespace {

using namespace testing;

// One region. Nd mine 10 USD/kg REO (ample), Dy mine 10 USD/kg REO with `dy_oxide_t` t REO;
// separation and metal making free; magnet plant 10 USD/kg, 5000 t; magnet demand 1000 t at
// 1000 USD/kg. Routes of the NdFeB plants: "dy-tb" 0.30 t Nd + 0.02 t Dy metal per t, no
// extra cost; "gbd" 0.31 t Nd + 0.01 t Dy, 2 USD/kg extra. Without `routes`, the magnet is
// made only by the dy-tb recipe.
MarketModel route_market(double dy_oxide_t, bool routes) {
  MarketModel m;
  auto r = add_region(m, "AAA");
  add_source(m, "nd_mine", r, 1e6, 10.0, only(Element::Nd));
  add_source(m, "dy_mine", r, dy_oxide_t, 10.0, only(Element::Dy));
  add_separation(m, "sep", r, 1e6, 0.0);
  add_metal(m, "metal", r, 1e6, 0.0, {Element::Nd, Element::Dy});
  ElementArray dytb{}, gbd{};
  dytb[index(Element::Nd)] = 0.30;
  dytb[index(Element::Dy)] = 0.02;
  gbd[index(Element::Nd)] = 0.31;
  gbd[index(Element::Dy)] = 0.01;
  m.magnet_types.push_back({"NdFeB", dytb});
  if (routes) {
    m.magnet_routes.push_back({"dy-tb", 0, 0, dytb, 0.0});
    m.magnet_routes.push_back({"gbd", 0, 0, gbd, 2.0});
  }
  add_magnet(m, "magnets", r, 5000.0, 10.0);
  add_demand(m, "motors", r, Commodity::magnet(0), {{1000.0, 1000.0}});
  return m;
}

// 15 t Dy oxide = 15 / 1.148 t Dy metal, less than the 20 t the dy-tb route needs for 1000 t
// of magnets, more than the 10 t of the gbd route: both routes run (x + y = 1000,
// 0.02 x + 0.01 y = Dy metal), so the plant is indifferent between them:
// 0.02 P_Dy + 0.30 P_Nd = 2 + 0.01 P_Dy + 0.31 P_Nd, i.e. P_Dy(metal) = 200 + P_Nd(metal), with
// P_Nd(metal) = 10 x metal_to_oxide(Nd) (the Nd mine is interior). Dy oxide = P_Dy(metal) /
// metal_to_oxide(Dy). Without the gbd route the whole magnet rent lands on Dy: magnets are
// short (750 t), priced at the 1000 USD/kg willingness to pay, and Dy metal takes
// (1000 - 10 - 0.30 P_Nd) / 0.02.
TEST(MagnetRoutes, DyPriceStopsAtTheCostOfSwitchingRoute) {
  const Commodity dy = Commodity::oxide(Element::Dy);
  const double nd_metal = 10.0 * metal_to_oxide(Element::Nd);
  auto with = route_market(15.0, true);
  auto eng = make_engine(with);
  auto y = solve_ok(eng, 2024, eng.initial_state());
  EXPECT_NEAR(price(with, y, dy, 0), (200.0 + nd_metal) / metal_to_oxide(Element::Dy), 1e-6);
  // All 1000 t of magnets made: 0.02 x + 0.01 (1000 - x) = 15 / 1.148.
  const double dy_metal = 15.0 / metal_to_oxide(Element::Dy);
  const double x = (dy_metal - 10.0) / 0.01;
  ASSERT_EQ(y.route_output.size(), 2u);
  EXPECT_NEAR(y.route_output[0], x, 1e-6);
  EXPECT_NEAR(y.route_output[1], 1000.0 - x, 1e-6);

  auto without = route_market(15.0, false);
  auto eng0 = make_engine(without);
  auto y0 = solve_ok(eng0, 2024, eng0.initial_state());
  EXPECT_NEAR(price(without, y0, dy, 0),
              (1000.0 - 10.0 - 0.30 * nd_metal) / 0.02 / metal_to_oxide(Element::Dy), 1e-6);
}

// Plenty of Dy: only the cheaper dy-tb route runs and Dy costs its mine cost (10 USD/kg).
TEST(MagnetRoutes, CheapRouteAloneWhenInputsAreAmple) {
  auto m = route_market(100.0, true);
  auto eng = make_engine(m);
  auto y = solve_ok(eng, 2024, eng.initial_state());
  EXPECT_NEAR(price(m, y, Commodity::oxide(Element::Dy), 0), 10.0, 1e-9);
  EXPECT_NEAR(y.route_output[0], 1000.0, 1e-6);
  EXPECT_NEAR(y.route_output[1], 0.0, 1e-9);
}

// Magnet supply capped at 600 t; demand 1000 t at 1000 USD/kg of which half can switch to a
// substitute at 60 USD/kg: the curve becomes 500 t at 1000 and 500 t at 60, so 600 t clear at
// 60 USD/kg; the 400 t not served have switched (substitution), none is shortfall.
TEST(MagnetRoutes, SubstituteCapsMagnetPriceForItsShare) {
  MarketModel m;
  auto r = add_region(m, "AAA");
  ElementArray nd{};
  nd[index(Element::Nd)] = 0.3;
  add_source(m, "nd_mine", r, 1e6, 10.0, only(Element::Nd));
  add_separation(m, "sep", r, 1e6, 0.0);
  add_metal(m, "metal", r, 1e6, 0.0, {Element::Nd});
  m.magnet_types.push_back({"NdFeB", nd});
  add_magnet(m, "magnets", r, 600.0, 10.0);
  Demand d;
  d.sector = "motors";
  d.region = r;
  d.commodity = Commodity::magnet(0);
  d.q0_t = 1000.0;
  d.p0_usd_per_kg = 40.0;
  d.elasticity = -0.3;
  d.choke_usd_per_kg = 1000.0;
  d.substitute_share = 0.5;
  d.substitute_usd_per_kg = 60.0;
  auto steps = demand_steps(d, m.settings);
  ASSERT_TRUE(steps.has_value());
  d.steps = *steps;
  m.demands.push_back(d);
  auto eng = make_engine(m);
  auto y = solve_ok(eng, 2024, eng.initial_state());
  const Commodity mag = Commodity::magnet(0);
  EXPECT_NEAR(price(m, y, mag, r), 60.0, 1e-9);
  // Default curve: 6 even log-steps from 1000 down to 40 USD/kg, boundaries 1000 (40/1000)^(i/6);
  // the steps above the boundary b5 = 68.4 USD/kg have a willingness to pay above 60, so half
  // of q(b5) = 1000 (b5/40)^-0.3 = 851.2 t is capped at 60. Served: 425.6 t uncapped plus
  // 174.4 t of the capped half; substituted: the capped half not served, q(b5) - 600; the rest
  // of the 1000 t reference, 1000 - q(b5), is the price response of the curve (shortfall).
  const double b5 = 1000.0 * std::pow(40.0 / 1000.0, 5.0 / 6.0);
  const double q5 = 1000.0 * std::pow(b5 / 40.0, -0.3);
  EXPECT_NEAR(grid(m, y, y.consumption, mag, r), 600.0, 1e-6);
  EXPECT_NEAR(grid(m, y, y.substitution, mag, r), q5 - 600.0, 1e-6);
  EXPECT_NEAR(grid(m, y, y.shortfall, mag, r), 1000.0 - q5, 1e-6);
  EXPECT_NEAR(grid(m, y, y.backstop, mag, r), 0.0, 1e-9);
}

}  // namespace
}  // namespace rareflow::market
