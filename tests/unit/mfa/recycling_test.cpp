#include <gtest/gtest.h>

#include <cmath>
#include <numeric>
#include <vector>

#include "rareflow/mfa/recycling.hpp"

namespace rareflow::mfa {
namespace {

// Three stocks, 10 years from 2021, fixed lifetime 3: stock 0 (CHN, motors, Nd) inflow 10 a
// year, stock 1 (CHN, motors, Dy) inflow 1 a year, stock 2 (DEU, wind, Nd) inflow 1, 2, ..., 10.
// Outflow (by hand: cohort c leaves in year c + 3): stock 0 is 0,0,0,10,10,...; stock 1 is
// 0,0,0,1,1,...; stock 2 is 0,0,0,1,2,3,4,5,6,7.
struct Fixture {
  StockBatch batch{.first_year = 2021, .years = 10};
  StockResult stocks;
  Fixture() {
    std::vector<double> ten(10, 10.0), one(10, 1.0), ramp(10);
    std::iota(ramp.begin(), ramp.end(), 1.0);
    EXPECT_TRUE(batch.add({"CHN", "motors", Element::Nd}, ten, Lifetime::fixed(3)));
    EXPECT_TRUE(batch.add({"CHN", "motors", Element::Dy}, one, Lifetime::fixed(3)));
    EXPECT_TRUE(batch.add({"DEU", "wind", Element::Nd}, ramp, Lifetime::fixed(3)));
    stocks = *run_stock_model(batch);
  }
  RecyclingParams params(double collection, double rec_nd, double rec_dy, int delay) const {
    RecyclingParams p;
    p.collection_rate.assign(3, collection);
    p.recovery_rate[index(Element::Nd)] = rec_nd;
    p.recovery_rate[index(Element::Dy)] = rec_dy;
    p.delay_years = {delay};
    return p;
  }
};

double sum(std::span<const double> v) {
  return std::accumulate(v.begin(), v.end(), 0.0);
}

// Delay 0, collection 0.5, recovery Nd 0.8 / Dy 0.6: recycled = 0.4 (Nd) or 0.3 (Dy) times the
// outflow of the same year; lost = the rest. Aggregated by region: CHN Nd in 2024 = 10 * 0.4 = 4,
// CHN Dy = 1 * 0.3 = 0.3, DEU Nd in 2030 = 7 * 0.4 = 2.8.
TEST(Recycling, NoDelayHandChecked) {
  Fixture f;
  auto r = run_end_of_life(f.batch, f.stocks, f.params(0.5, 0.8, 0.6, 0));
  ASSERT_TRUE(r.has_value()) << r.error().message;
  ASSERT_EQ(r->regions, (std::vector<std::string>{"CHN", "DEU"}));
  const std::size_t chn = r->region_index("CHN"), deu = r->region_index("DEU");
  EXPECT_DOUBLE_EQ(r->secondary(chn, Element::Nd, 3), 4.0);
  EXPECT_DOUBLE_EQ(r->secondary(chn, Element::Dy, 3), 0.3);
  EXPECT_DOUBLE_EQ(r->secondary(deu, Element::Nd, 9), 2.8);
  EXPECT_DOUBLE_EQ(r->lost(deu, Element::Nd, 9), 7.0 - 2.8);
  EXPECT_EQ(r->secondary(chn, Element::Nd, 2), 0.0);
  EXPECT_EQ(r->secondary(deu, Element::Dy, 5), 0.0);
  // Per stock and year: recycled <= outflow and recycled + lost = outflow.
  for (std::size_t s = 0; s < 3; ++s)
    for (std::size_t t = 0; t < 10; ++t) {
      const std::size_t k = s * 10 + t;
      const double out = f.stocks.outflow[k];
      EXPECT_LE(r->recycled[k], out);
      EXPECT_NEAR(r->recycled[k] + r->uncollected[k] + r->recovery_loss[k], out, 1e-12 * out);
      EXPECT_EQ(r->pending[k], 0.0);
    }
  EXPECT_TRUE(check_recycling_balance(f.batch, f.stocks, *r).has_value());
}

// Delay 2: what is collected in year t arrives in t + 2. DEU Nd outflow 1 in 2024 (collected
// 0.5) is recycled in 2026 as 0.4; at the end, the last two years' collection (6 and 7, times
// 0.5) is still pending. Cumulative: recycled + lost + pending at the end = total outflow.
TEST(Recycling, DelayShiftsSupplyAndConservesMass) {
  Fixture f;
  auto r = run_end_of_life(f.batch, f.stocks, f.params(0.5, 0.8, 0.6, 2));
  ASSERT_TRUE(r.has_value()) << r.error().message;
  const std::size_t deu = r->region_index("DEU");
  EXPECT_EQ(r->secondary(deu, Element::Nd, 3), 0.0);  // 2024: collected, not yet recovered
  EXPECT_EQ(r->secondary(deu, Element::Nd, 4), 0.0);
  EXPECT_DOUBLE_EQ(r->secondary(deu, Element::Nd, 5), 0.4);
  EXPECT_DOUBLE_EQ(r->pending[2 * 10 + 9], 0.5 * (6 + 7));
  for (std::size_t s = 0; s < 3; ++s) {
    auto span = [&](const std::vector<double>& v) { return std::span(v.data() + s * 10, 10); };
    const double outflow = sum(f.stocks.outflow_of(s));
    const double recycled = sum(span(r->recycled));
    const double lost = sum(span(r->uncollected)) + sum(span(r->recovery_loss));
    EXPECT_LE(recycled, outflow);
    EXPECT_NEAR(recycled + lost + r->pending[s * 10 + 9], outflow, 1e-12 * outflow);
  }
  EXPECT_TRUE(check_recycling_balance(f.batch, f.stocks, *r).has_value());
}

// Metal basis: recycled metal is reported as oxide, Nd2O3 / 2 Nd = 336.481 / 288.484 (IUPAC
// masses, O = 15.999), so 4 t Nd metal -> 4.66542 t Nd2O3.
TEST(Recycling, MetalBasisConvertsToOxide) {
  Fixture f;
  auto p = f.params(0.5, 0.8, 0.6, 0);
  p.basis = Basis::Metal;
  auto r = run_end_of_life(f.batch, f.stocks, p);
  ASSERT_TRUE(r.has_value());
  EXPECT_NEAR(r->secondary(r->region_index("CHN"), Element::Nd, 3), 4.0 * 336.481 / 288.484, 1e-9);
  EXPECT_DOUBLE_EQ(r->recycled[3], 4.0);  // per-stock flows stay in the input basis
}

// Collection rates per stock and year: 0 before 2025, 1 from 2025 (an EU-style target).
TEST(Recycling, CollectionRatePerYear) {
  Fixture f;
  auto p = f.params(0, 1.0, 1.0, 0);
  p.collection_rate.assign(30, 0.0);
  for (std::size_t s = 0; s < 3; ++s)
    for (std::size_t t = 4; t < 10; ++t) p.collection_rate[s * 10 + t] = 1.0;
  auto r = run_end_of_life(f.batch, f.stocks, p);
  ASSERT_TRUE(r.has_value());
  EXPECT_EQ(r->recycled[3], 0.0);  // 2024: outflow 10, nothing collected
  EXPECT_EQ(r->uncollected[3], 10.0);
  EXPECT_EQ(r->recycled[4], 10.0);  // 2025: all of it
}

TEST(Recycling, RejectsBadParameters) {
  Fixture f;
  auto p = f.params(1.2, 0.8, 0.6, 0);
  auto r = run_end_of_life(f.batch, f.stocks, p);
  ASSERT_FALSE(r.has_value());
  EXPECT_EQ(r.error().message,
            "end of life: stock CHN/motors/Nd: collection_rate: expected a share in [0, 1], found "
            "1.2");
  p = f.params(0.5, 0.8, -0.1, 0);
  EXPECT_EQ(run_end_of_life(f.batch, f.stocks, p).error().message,
            "end of life: recovery_rate Dy: expected a share in [0, 1], found -0.1");
  p = f.params(0.5, 0.8, 0.6, -1);
  EXPECT_FALSE(run_end_of_life(f.batch, f.stocks, p).has_value());
  p = f.params(0.5, 0.8, 0.6, 0);
  p.collection_rate.pop_back();
  EXPECT_FALSE(run_end_of_life(f.batch, f.stocks, p).has_value());
}

// A stock-driven run without the correction can give negative inflow and outflow; recycling a
// negative outflow makes no sense, so it is refused with a pointer to the correction.
TEST(Recycling, RefusesNegativeOutflow) {
  StockBatch b;
  b.first_year = 2000;
  b.years = 4;
  ASSERT_TRUE(
      b.add({"JPN", "hdd", Element::Nd}, std::vector<double>{10, 2, 2, 2}, Lifetime::fixed(1.5)));
  // y0 i=10; y1: cohort 0 (age 1 < 1.5) holds 10 > 2 -> i = -8; y2: cohort 0 leaves (10),
  // cohort 1 holds -8 -> i = 10, outflow 10; y3: cohort 1 leaves: outflow -8.
  auto s = run_stock_model(b, {.driver = Driver::Stock});
  ASSERT_TRUE(s.has_value());
  ASSERT_EQ(s->outflow[3], -8.0);
  RecyclingParams p;
  p.collection_rate = {0.5};
  auto r = run_end_of_life(b, *s, p);
  ASSERT_FALSE(r.has_value());
  EXPECT_EQ(r.error().message,
            "end of life: stock JPN/hdd/Nd, 2003: expected an outflow >= 0, found -8 (a negative "
            "inflow; use the negative-inflow correction)");
}

TEST(Recycling, BalanceCheckNamesProcessAndYear) {
  Fixture f;
  auto r = run_end_of_life(f.batch, f.stocks, f.params(0.5, 0.8, 0.6, 1));
  ASSERT_TRUE(r.has_value());
  r->recycled[2 * 10 + 6] *= 1.01;  // DEU Nd, 2027
  auto ok = check_recycling_balance(f.batch, f.stocks, *r);
  ASSERT_FALSE(ok.has_value());
  EXPECT_TRUE(ok.error().message.starts_with(
      "mass balance fails in process \"recovery DEU/wind/Nd\" in 2027: "))
      << ok.error().message;
}

}  // namespace
}  // namespace rareflow::mfa
