// Trade policies on the two-region market of fixtures.hpp. Every expected price is worked out
// by hand from the marginal supplier or the partly served demand step.
#include <gtest/gtest.h>

#include "fixtures.hpp"
#include "rareflow/market/summary.hpp"

namespace rareflow::market {
namespace {

using namespace testing;
constexpr std::size_t kExp = 0, kImp = 1;
const Commodity kCe = Commodity::oxide(Element::Ce);

// Free trade, no transport cost: the exporter's mine has spare capacity, so it prices Ce oxide
// at 12 everywhere and IMP imports its 200 t (its own mine at 30 stays idle).
TEST(TradePolicy, FreeTradeOnePrice) {
  auto m = two_region_market(true, 0.0);
  auto eng = make_engine(m);
  auto y = solve_ok(eng, 2024, eng.initial_state());
  EXPECT_NEAR(price(m, y, kCe, kExp), 12.0, 1e-9);
  EXPECT_NEAR(price(m, y, kCe, kImp), 12.0, 1e-9);
  EXPECT_NEAR(flow(y, kExp, kImp), 200.0, 1e-9);
}

// Quota of 150 t on EXP's exports: IMP's own mine (30 USD/kg) supplies the last 50 t, so the
// price is 30 in IMP and 12 in EXP; the gap (18) is the quota rent, the dual of the quota row.
TEST(TradePolicy, BindingQuotaRentEqualsPriceGap) {
  auto m = two_region_market(true, 0.0);
  m.policies.push_back(ExportQuota{"quota", {}, exports_of(kExp), 150.0});
  auto eng = make_engine(m);
  auto y = solve_ok(eng, 2024, eng.initial_state());
  double inside = price(m, y, kCe, kExp), outside = price(m, y, kCe, kImp);
  EXPECT_NEAR(inside, 12.0, 1e-9);
  EXPECT_NEAR(outside, 30.0, 1e-9);
  EXPECT_NEAR(flow(y, kExp, kImp), 150.0, 1e-9);
  const PolicyRow* q = row_of(y, 0);
  ASSERT_NE(q, nullptr);
  EXPECT_NEAR(q->activity_t, 150.0, 1e-9);
  EXPECT_GT(outside, inside);
  EXPECT_NEAR(outside - inside, q->rent_usd_per_kg, 1e-6);
}

// With transport 1 USD/kg the wedge is transport plus rent: 30 - 12 = 1 + 17.
TEST(TradePolicy, QuotaRentWithTransport) {
  auto m = two_region_market(true, 1.0);
  m.policies.push_back(ExportQuota{"quota", {}, exports_of(kExp), 150.0});
  auto eng = make_engine(m);
  auto y = solve_ok(eng, 2024, eng.initial_state());
  EXPECT_NEAR(price(m, y, kCe, kImp) - price(m, y, kCe, kExp), 1.0 + row_of(y, 0)->rent_usd_per_kg,
              1e-6);
  EXPECT_NEAR(row_of(y, 0)->rent_usd_per_kg, 17.0, 1e-9);
}

// A quota that does not bind has no rent and changes nothing.
TEST(TradePolicy, SlackQuotaHasNoRent) {
  auto m = two_region_market(true, 0.0);
  m.policies.push_back(ExportQuota{"quota", {}, exports_of(kExp), 500.0});
  auto eng = make_engine(m);
  auto y = solve_ok(eng, 2024, eng.initial_state());
  EXPECT_NEAR(row_of(y, 0)->rent_usd_per_kg, 0.0, 1e-9);
  EXPECT_NEAR(price(m, y, kCe, kImp), 12.0, 1e-9);
}

// Export ban: no flow; IMP falls back on its own mine at 30 USD/kg and serves all 200 t
// (willingness to pay 50 and 40); EXP keeps 12.
TEST(TradePolicy, ExportBanStopsFlowsAndSplitsPrices) {
  auto m = two_region_market(true, 0.0);
  m.policies.push_back(ExportBan{"ban", {}, exports_of(kExp)});
  auto eng = make_engine(m);
  auto y = solve_ok(eng, 2024, eng.initial_state());
  EXPECT_NEAR(flow(y, kExp, kImp), 0.0, 1e-12);
  EXPECT_NEAR(price(m, y, kCe, kExp), 12.0, 1e-9);
  EXPECT_NEAR(price(m, y, kCe, kImp), 30.0, 1e-9);
  EXPECT_NEAR(y.served_t[1], 200.0, 1e-9);
  EXPECT_NEAR(row_of(y, 0)->rent_usd_per_kg, 18.0, 1e-9);
}

// Without any supply at home, a ban leaves IMP's demand unserved: a shortfall, not an error.
TEST(TradePolicy, ExportBanWithoutAlternativeIsShortfall) {
  auto m = two_region_market(false, 0.0);
  m.policies.push_back(ExportBan{"ban", {}, exports_of(kExp)});
  auto eng = make_engine(m);
  auto y = solve_ok(eng, 2024, eng.initial_state());
  EXPECT_NEAR(y.served_t[1], 0.0, 1e-12);
  EXPECT_NEAR(grid(m, y, y.shortfall, kCe, kImp), 200.0, 1e-9);
  // No supply: the price is at least the highest unserved willingness to pay.
  EXPECT_GE(price(m, y, kCe, kImp), 50.0 - 1e-9);
}

// A ban from 1 July: the flow may be the normal flow (200 t, given in the state) for the first
// half year only: 100 t; IMP's mine supplies the other 100 t at 30.
TEST(TradePolicy, PartYearBanUsesNormalFlow) {
  auto m = two_region_market(true, 0.0);
  m.policies.push_back(ExportBan{"ban", {2024.5, 2030.0}, exports_of(kExp)});
  auto eng = make_engine(m);
  YearState s = eng.initial_state();
  auto missing = eng.solve(2024, s);
  ASSERT_FALSE(missing.has_value());
  EXPECT_NE(missing.error().message.find("normal flow"), std::string::npos);
  s.reference_flow[{0, kAllCommodities}] = 200.0;
  auto y = solve_ok(eng, 2024, s);
  EXPECT_NEAR(flow(y, kExp, kImp), 100.0, 1e-9);
  EXPECT_NEAR(price(m, y, kCe, kImp), 30.0, 1e-9);
}

// Licensing at a quarter of the normal 200 t: 50 t pass; IMP's mine sets its price at 30.
TEST(TradePolicy, LicensingPassesShareOfNormalFlow) {
  auto m = two_region_market(true, 0.0);
  m.policies.push_back(ExportLicensing{"licence", {}, exports_of(kExp), 0.25});
  auto eng = make_engine(m);
  YearState s = eng.initial_state();
  s.reference_flow[{0, m.commodities().index(kCe)}] = 200.0;
  auto y = solve_ok(eng, 2024, s);
  EXPECT_NEAR(flow(y, kExp, kImp), 50.0, 1e-9);
  EXPECT_NEAR(price(m, y, kCe, kImp), 30.0, 1e-9);
  EXPECT_NEAR(row_of(y, 0)->rent_usd_per_kg, 18.0, 1e-9);
}

// Licensing from 1 January with a 3-month delay: a quarter of the year passes nothing, the
// rest a quarter of the normal 200 t: 200 x 0.75 x 0.25 = 37.5 t.
TEST(TradePolicy, LicensingDelayBlocksTheFirstMonths) {
  auto m = two_region_market(true, 0.0);
  m.policies.push_back(ExportLicensing{"licence", {2024.0, 2030.0}, exports_of(kExp), 0.25, 0.25});
  auto eng = make_engine(m);
  YearState s = eng.initial_state();
  s.reference_flow[{0, m.commodities().index(kCe)}] = 200.0;
  auto y = solve_ok(eng, 2024, s);
  EXPECT_NEAR(flow(y, kExp, kImp), 37.5, 1e-9);
  auto y25 = solve_ok(eng, 2025, s);  // delay over: 50 t
  EXPECT_NEAR(flow(y25, kExp, kImp), 50.0, 1e-9);
}

// Specific import tariff 5000 USD/t = 5 USD/kg plus transport 1: IMP still imports (18 < 30),
// and the price wedge is exactly transport + tariff = 6. Revenue: 200 t x 5 USD/kg = 1 M USD.
TEST(TradePolicy, SpecificTariffWedgeEqualsTariff) {
  auto m = two_region_market(true, 1.0);
  FlowScope into_imp;
  into_imp.to = {kImp};
  m.policies.push_back(TradeTax{"tariff", {}, into_imp, TaxSide::Import, 0.0, 5000.0});
  auto eng = make_engine(m);
  auto y = solve_ok(eng, 2024, eng.initial_state());
  EXPECT_NEAR(price(m, y, kCe, kImp) - price(m, y, kCe, kExp), 6.0, 1e-9);
  EXPECT_NEAR(flow(y, kExp, kImp), 200.0, 1e-9);
  EXPECT_NEAR(y.tax_musd, 1.0, 1e-9);
}

// Ad valorem export tax of 25% on last year's exporter price (20 USD/kg, from the state):
// 5 USD/kg; with transport 1 the wedge is 6.
TEST(TradePolicy, AdValoremTaxUsesLastYearsPrice) {
  auto m = two_region_market(true, 1.0);
  m.policies.push_back(TradeTax{"tax", {}, exports_of(kExp), TaxSide::Export, 0.25, 0.0});
  auto eng = make_engine(m);
  YearState s = eng.initial_state();
  auto unknown = eng.solve(2024, s);
  ASSERT_FALSE(unknown.has_value());  // no last-year price: cannot convert the rate
  s.last_price[m.commodities().index(kCe) * 2 + kExp] = 20.0;
  auto y = solve_ok(eng, 2024, s);
  EXPECT_NEAR(price(m, y, kCe, kImp) - price(m, y, kCe, kExp), 6.0, 1e-9);
}

// Three regions: A produces at 12 (spare capacity), B at 22 (150 t), C only consumes (100 t at
// 50, 100 t at 40); B also consumes 100 t at 30. Sanctions between A and C: nothing flows
// between them, and B cannot pass A's oxide on (no re-export), so C gets B's own 150 t and
// the partly served 40 USD/kg step sets C's price. B imports its own use from A at 12 + 1.
TEST(TradePolicy, SanctionsBlockDirectAndIndirectFlows) {
  MarketModel m;
  auto a = add_region(m, "A"), b = add_region(m, "B"), c = add_region(m, "C");
  add_source(m, "a_mine", a, 1000.0, 10.0, only(Element::Ce));
  add_separation(m, "a_sep", a, 1000.0, 2.0);
  add_source(m, "b_mine", b, 150.0, 20.0, only(Element::Ce));
  add_separation(m, "b_sep", b, 1000.0, 2.0);
  add_demand(m, "b_use", b, kCe, {{100.0, 30.0}});
  add_demand(m, "c_use", c, kCe, {{100.0, 50.0}, {100.0, 40.0}});
  add_all_arcs(m, Stage::Oxide, 1.0);
  FlowScope ac;
  ac.from = {a};
  ac.to = {c};
  m.policies.push_back(Sanction{"sanction", {}, ac});
  auto eng = make_engine(m);
  auto y = solve_ok(eng, 2024, eng.initial_state());
  EXPECT_NEAR(flow(y, a, c), 0.0, 1e-12);
  EXPECT_NEAR(flow(y, c, a), 0.0, 1e-12);
  double b_exports = grid(m, y, y.exports, kCe, b), b_output = grid(m, y, y.production, kCe, b);
  EXPECT_LE(b_exports, b_output + 1e-9);
  EXPECT_NEAR(flow(y, b, c), 150.0, 1e-9);
  EXPECT_NEAR(price(m, y, kCe, c), 40.0, 1e-9);
  EXPECT_NEAR(price(m, y, kCe, a), 12.0, 1e-9);
  EXPECT_NEAR(price(m, y, kCe, b), 13.0, 1e-9);
  // Without the sanction, A supplies C directly at 12 + 1.
  m.policies.clear();
  auto free = make_engine(m);
  auto y2 = solve_ok(free, 2024, free.initial_state());
  EXPECT_NEAR(price(m, y2, kCe, c), 13.0, 1e-9);
}

// Summaries for reports: under the quota, the price outside EXP over the price inside is
// 30 / 12 = 2.5; EXP mines 250 t (100 t for its 20 USD/kg step + 150 t exported) of the
// 300 t mined, IMP 50 t.
TEST(TradePolicy, SummaryPricesAndShares) {
  auto m = two_region_market(true, 0.0);
  m.policies.push_back(ExportQuota{"quota", {}, exports_of(kExp), 150.0});
  auto eng = make_engine(m);
  auto y = solve_ok(eng, 2024, eng.initial_state());
  std::vector<std::size_t> inside{kExp};
  double in = average_price(m, y, kCe, inside);
  double out = average_price(m, y, kCe, other_regions(m, inside));
  EXPECT_NEAR(out / in, 2.5, 1e-9);
  EXPECT_NEAR(production_share(m, y, FacilityKind::Mine, inside), 250.0 / 300.0, 1e-9);
}

// Sanctions can name blocs: regions_named() resolves a bloc to its members.
TEST(TradePolicy, BlocNamesResolveToMembers) {
  MarketModel m;
  add_region(m, "A");
  add_region(m, "B");
  add_region(m, "C");
  m.regions[0].blocs = {"G7"};
  m.regions[2].blocs = {"G7", "EU"};
  EXPECT_EQ(m.regions_named("G7"), (std::vector<std::size_t>{0, 2}));
  EXPECT_EQ(m.regions_named("B"), (std::vector<std::size_t>{1}));
  EXPECT_TRUE(m.regions_named("XX").empty());
}

}  // namespace
}  // namespace rareflow::market
