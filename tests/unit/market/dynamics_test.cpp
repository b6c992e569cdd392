// Between-year dynamics through simulate(): ramp-up of announced projects, project delays,
// the investment rule, thrifting, stocks carried from year to year.
#include <cmath>

#include <gtest/gtest.h>

#include "fixtures.hpp"
#include "rareflow/market/simulator.hpp"

namespace rareflow::market {
namespace {

using namespace testing;
const Commodity kCe = Commodity::oxide(Element::Ce);

SimulationResult run(const MarketModel& m, int first, int last) {
  SimulationOptions o;
  o.first_year = first;
  o.last_year = last;
  auto r = simulate(m, o);
  EXPECT_TRUE(r.has_value()) << (r ? "" : r.error().message);
  return *r;
}

// An announced 100 t mine online in 2025 with a 2-year ramp: 0, 50, 100 t of capacity in
// 2024, 2025, 2026 (share (y - online + 1) / ramp_years).
TEST(Dynamics, AnnouncedProjectRampsUp) {
  auto m = one_mine_market(20.0);
  add_source(m, "new", 0, 100.0, 10.0, only(Element::Ce));
  m.sources[1].life.online_year = 2025;
  m.sources[1].life.ramp_years = 2;
  auto r = run(m, 2024, 2026);
  EXPECT_NEAR(r.years[0].capacity[0][1], 0.0, 1e-12);
  EXPECT_NEAR(r.years[1].capacity[0][1], 50.0, 1e-12);
  EXPECT_NEAR(r.years[2].capacity[0][1], 100.0, 1e-12);
}

// A 2-year delay moves the same project's first output to 2027.
TEST(Dynamics, ProjectDelayShiftsOnlineYear) {
  auto m = one_mine_market(20.0);
  add_source(m, "new", 0, 100.0, 10.0, only(Element::Ce));
  m.sources[1].life.online_year = 2025;
  m.policies.push_back(ProjectDelay{"permit", {FacilityKind::Mine, 1}, 2});
  auto r = run(m, 2024, 2027);
  EXPECT_NEAR(r.years[2].capacity[0][1], 0.0, 1e-12);    // 2026
  EXPECT_NEAR(r.years[3].capacity[0][1], 100.0, 1e-12);  // 2027
}

// Existing mine: 100 t at 10; demand 50 t at 30, 100 t at 25, 100 t at 8, so the 25 USD/kg
// step is partly served and sets the price. Candidate mine: 100 t at 5 USD/kg, capex 20 000
// USD per t/yr, 20 years at 10%: capital charge 20 x 0.117460 = 2.349 USD/kg. Its basket
// (concentrate sold to the local plant) is worth 25 - 2 = 23 USD/kg, margin 23 - 5 = 18 > 2.35:
// built in 2024, online after its 2-year lead time in 2026. With 200 t the two upper steps are
// served (150 t) and the old mine is marginal: price 12.
TEST(Dynamics, CandidateBuiltWhenMarginCoversCapital) {
  auto m = one_mine_market(100.0);
  m.demands[0].steps = {{50.0, 30.0}, {100.0, 25.0}, {100.0, 8.0}};
  m.demands[0].q0_t = 250.0;
  add_source(m, "candidate", 0, 100.0, 5.0, only(Element::Ce));
  auto& life = m.sources[1].life;
  life.candidate = true;
  life.capex_usd_per_tpa = 20000.0;
  life.lead_time_years = 2;
  life.lifetime_years = 20;
  auto r = run(m, 2024, 2026);
  ASSERT_EQ(r.investments.size(), 1u);
  EXPECT_EQ(r.investments[0].decision_year, 2024);
  EXPECT_EQ(r.investments[0].online_year, 2026);
  EXPECT_NEAR(r.investments[0].margin_usd_per_kg, 18.0, 1e-9);
  EXPECT_NEAR(r.investments[0].capital_usd_per_kg, 20.0 * 0.1 / (1.0 - std::pow(1.1, -20)), 1e-12);
  EXPECT_NEAR(price(m, r.years[0], kCe, 0), 25.0, 1e-9);
  EXPECT_NEAR(price(m, r.years[1], kCe, 0), 25.0, 1e-9);
  EXPECT_NEAR(price(m, r.years[2], kCe, 0), 12.0, 1e-9);
  EXPECT_NEAR(r.years[2].output[0][1], 100.0, 1e-9);
}

// The same candidate with a capital charge above its margin (capex 200 000 USD per t/yr:
// 23.5 USD/kg > 18) is never built.
TEST(Dynamics, CandidateNotBuiltWhenCapitalExceedsMargin) {
  auto m = one_mine_market(100.0);
  m.demands[0].steps = {{50.0, 30.0}, {100.0, 25.0}, {100.0, 8.0}};
  add_source(m, "candidate", 0, 100.0, 5.0, only(Element::Ce));
  m.sources[1].life.candidate = true;
  m.sources[1].life.capex_usd_per_tpa = 200000.0;
  auto r = run(m, 2024, 2027);
  EXPECT_TRUE(r.investments.empty());
}

// Thrifting: supply at 24 USD/kg (spare capacity) against a curve with p0 = 12, short-run
// elasticity -0.5, long-run -1.5, speed 0.5, lag 1, window 1. Target intensity after 2024:
// (24 / 12)^(-1.5 + 0.5) = 0.5; 2025 intensity 1 + 0.5 (0.5 - 1) = 0.75, so the 2025
// reference quantity is 75 t; 2026: 0.75 + 0.5 (0.5 - 0.75) = 0.625.
TEST(Dynamics, ThriftingFollowsSustainedHighPrices) {
  MarketModel m;
  auto r0 = add_region(m, "AAA");
  add_source(m, "mine", r0, 1000.0, 22.0, only(Element::Ce));
  add_separation(m, "sep", r0, 1000.0, 2.0);
  Demand d;
  d.sector = "glass";
  d.region = r0;
  d.commodity = kCe;
  d.q0_t = 100.0;
  d.p0_usd_per_kg = 12.0;
  d.elasticity = -0.5;
  d.choke_usd_per_kg = 100.0;
  d.response = {-1.5, 0.5, 1, 1, false};
  m.demands.push_back(d);
  auto r = run(m, 2024, 2026);
  EXPECT_NEAR(price(m, r.years[0], kCe, 0), 24.0, 1e-9);
  EXPECT_NEAR(r.years[0].reference_t[0], 100.0, 1e-9);
  EXPECT_NEAR(r.years[1].reference_t[0], 75.0, 1e-9);
  EXPECT_NEAR(r.years[2].reference_t[0], 62.5, 1e-9);
}

// Activity trajectories scale the reference quantity: +10% a year.
TEST(Dynamics, ActivityGrowthScalesDemand) {
  auto m = one_mine_market(1000.0);
  m.demands[0].activity = Trajectory::growth(2024, 0.10, 2030);
  auto r = run(m, 2024, 2026);
  EXPECT_NEAR(r.years[2].reference_t[0], 150.0 * 1.21, 1e-9);
}

// Stocks carry: an opening stock of 30 t in the 80 t mine market is drawn in 2024 (free
// supply); the two upper steps (100 t) take the 30 t and 70 t mined, so the mine has spare
// capacity and prices Ce at 12 (the 8 USD/kg step stays unserved). The stock closes at 0, and
// in 2025 the mine alone is at capacity again: price 20.
TEST(Dynamics, OpeningStockIsDrawnAndCarried) {
  auto m = one_mine_market(80.0);
  m.stocks.push_back({0, kCe, 30.0});
  auto r = run(m, 2024, 2025);
  EXPECT_NEAR(grid(m, r.years[0], r.years[0].stock_draw, kCe, 0), 30.0, 1e-9);
  EXPECT_NEAR(grid(m, r.years[0], r.years[0].stock_close, kCe, 0), 0.0, 1e-9);
  EXPECT_NEAR(r.years[0].served_t[0], 100.0, 1e-9);
  EXPECT_NEAR(r.years[0].output[0][0], 70.0, 1e-9);
  EXPECT_NEAR(price(m, r.years[0], kCe, 0), 12.0, 1e-9);
  EXPECT_NEAR(price(m, r.years[1], kCe, 0), 20.0, 1e-9);
}

// Licensing from 2025 with no explicit normal flow: the simulator takes 2024's flow (200 t,
// free trade) as normal, and 2025 passes 25% of it: 50 t.
TEST(Dynamics, LicensingReferenceIsTheYearBeforeItStarts) {
  auto m = two_region_market(true, 0.0);
  FlowScope s;
  s.from = {0};
  m.policies.push_back(ExportLicensing{"licence", Period::years(2025, 2030), s, 0.25});
  auto r = run(m, 2024, 2025);
  EXPECT_NEAR(flow(r.years[0], 0, 1), 200.0, 1e-9);
  EXPECT_NEAR(flow(r.years[1], 0, 1), 50.0, 1e-9);
}

// A policy in force from the first year refers to the policy-free equilibrium of that year.
TEST(Dynamics, FirstYearPolicyUsesPolicyFreeReference) {
  auto m = two_region_market(true, 0.0);
  FlowScope s;
  s.from = {0};
  m.policies.push_back(ExportLicensing{"licence", {}, s, 0.5});
  auto r = run(m, 2024, 2024);
  EXPECT_NEAR(flow(r.years[0], 0, 1), 100.0, 1e-9);
}

}  // namespace
}  // namespace rareflow::market
