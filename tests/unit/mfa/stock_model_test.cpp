#include <gtest/gtest.h>

#include <cmath>
#include <cstring>
#include <vector>

#include "rareflow/mfa/balance.hpp"
#include "rareflow/mfa/stock_model.hpp"

namespace rareflow::mfa {
namespace {

std::vector<double> as_vector(std::span<const double> s) {
  return {s.begin(), s.end()};
}

StockBatch single(std::vector<double> values, const Lifetime& lt, int first_year = 2001) {
  StockBatch b;
  b.first_year = first_year;
  b.years = values.size();
  EXPECT_TRUE(b.add({"XX", "test", Element::Nd}, values, lt).has_value());
  return b;
}

StockResult run_ok(const StockBatch& b, RunOptions opt = {}) {
  auto r = run_stock_model(b, opt);
  EXPECT_TRUE(r.has_value()) << (r ? "" : r.error().message);
  return r ? *r : StockResult{};
}

const std::vector<Lifetime> kEveryModel{
    Lifetime::fixed(5),         Lifetime::normal(5, 1.5), Lifetime::folded_normal(4, 3),
    Lifetime::log_normal(8, 3), Lifetime::weibull(2, 6),  Lifetime::fixed(0)};

// Issue 3 acceptance: inflow 1..10 with a fixed lifetime of 5 gives stock 1,3,6,...,40 and
// outflow 0,0,0,0,0,1,2,3,4,5 (by hand: a cohort born in year c leaves in year c + 5).
TEST(StockModel, FixedLifetimeKnownResult) {
  auto r = run_ok(single({1, 2, 3, 4, 5, 6, 7, 8, 9, 10}, Lifetime::fixed(5)));
  EXPECT_EQ(as_vector(r.stock_of(0)), (std::vector<double>{1, 3, 6, 10, 15, 20, 25, 30, 35, 40}));
  EXPECT_EQ(as_vector(r.outflow_of(0)), (std::vector<double>{0, 0, 0, 0, 0, 1, 2, 3, 4, 5}));
  EXPECT_EQ(as_vector(r.inflow_of(0)), (std::vector<double>{1, 2, 3, 4, 5, 6, 7, 8, 9, 10}));
}

// Stock by cohort for the same case: s_c[t][c] = i[c] while t - c < 5; o_c[c+5][c] = i[c].
TEST(StockModel, FixedLifetimeCohortTables) {
  auto r = run_ok(single({1, 2, 3, 4, 5, 6, 7, 8, 9, 10}, Lifetime::fixed(5)), {.by_cohort = true});
  auto s_c = r.stock_by_cohort_of(0);
  auto o_c = r.outflow_by_cohort_of(0);
  for (std::size_t t = 0; t < 10; ++t)
    for (std::size_t c = 0; c < 10; ++c) {
      const double i = static_cast<double>(c + 1);
      EXPECT_EQ(s_c[t * 10 + c], (c <= t && t - c < 5) ? i : 0.0) << t << "," << c;
      EXPECT_EQ(o_c[t * 10 + c], (c <= t && t - c == 5) ? i : 0.0) << t << "," << c;
    }
}

// Stock-driven fed with the inflow-driven stock returns the original inflow (issue: 1e-9), for
// every lifetime model that keeps something in the inflow year.
TEST(StockModel, StockDrivenInvertsInflowDriven) {
  std::vector<double> inflow;
  for (int t = 0; t < 60; ++t) inflow.push_back(10 + 3 * t + 5 * std::sin(t * 0.7));
  for (const auto& lt : kEveryModel) {
    if (lt == Lifetime::fixed(0)) continue;
    auto forward = run_ok(single(inflow, lt));
    auto back = run_ok(single(as_vector(forward.stock_of(0)), lt), {.driver = Driver::Stock});
    for (std::size_t t = 0; t < inflow.size(); ++t) {
      EXPECT_NEAR(back.inflow[t], inflow[t], 1e-9) << to_string(lt) << " year " << t;
      EXPECT_NEAR(back.outflow[t], forward.outflow[t], 1e-9) << to_string(lt) << " year " << t;
    }
  }
}

// Balance i - o - (s[t] - s[t-1]) = 0 to 1e-9 every year, for every lifetime model and both
// drivers, computed here from the output arrays (not by the library's checker).
TEST(StockModel, BalanceClosesForEveryModel) {
  std::vector<double> series;
  for (int t = 0; t < 80; ++t) series.push_back(100.0 / (1 + std::exp(-(t - 40) / 8.0)));
  for (const auto& lt : kEveryModel) {
    for (Driver driver : {Driver::Inflow, Driver::Stock}) {
      for (bool by_cohort : {false, true}) {
        auto r = run_ok(single(series, lt), {.driver = driver, .by_cohort = by_cohort});
        double before = 0.0;
        for (std::size_t t = 0; t < series.size(); ++t) {
          EXPECT_NEAR(r.inflow[t] - r.outflow[t] - (r.stock[t] - before), 0.0, 1e-9)
              << to_string(lt) << " year " << t;
          before = r.stock[t];
        }
        if (by_cohort) {
          // Cohort tables add up to the totals.
          for (std::size_t t = 0; t < series.size(); ++t) {
            double s = 0, o = 0;
            for (std::size_t c = 0; c <= t; ++c) {
              s += r.stock_by_cohort[t * series.size() + c];
              o += r.outflow_by_cohort[t * series.size() + c];
            }
            EXPECT_NEAR(s, r.stock[t], 1e-9) << to_string(lt);
            EXPECT_NEAR(o, r.outflow[t], 1e-9) << to_string(lt);
          }
        }
        EXPECT_TRUE(check_stock_balance(single(series, lt), r).has_value());
      }
    }
  }
}

// The inflow-driven totals equal sum_c i[c] sf[t][c] with sf from survival_matrix, also when
// parameters vary by cohort (an independent route through the full table).
TEST(StockModel, CohortVaryingLifetimesMatchSurvivalMatrix) {
  const std::size_t years = 40;
  std::vector<double> inflow(years);
  std::vector<Lifetime> lts(years);
  for (std::size_t c = 0; c < years; ++c) {
    inflow[c] = 1.0 + static_cast<double>(c % 7);
    lts[c] = Lifetime::normal(6.0 + 0.25 * static_cast<double>(c), 2.0);  // lifetimes lengthen
  }
  StockBatch b;
  b.first_year = 1990;
  b.years = years;
  ASSERT_TRUE(b.add({"XX", "test", Element::Dy}, inflow, lts).has_value());
  auto r = run_ok(b);
  auto sf = survival_matrix(lts);
  for (std::size_t t = 0; t < years; ++t) {
    double s = 0.0;
    for (std::size_t c = 0; c <= t; ++c) s += inflow[c] * sf[t * years + c];
    EXPECT_NEAR(r.stock[t], s, 1e-12 * s);
  }
  auto back = run_ok(
      [&] {
        StockBatch sb = b;
        sb.values = r.stock;
        return sb;
      }(),
      {.driver = Driver::Stock});
  for (std::size_t t = 0; t < years; ++t) EXPECT_NEAR(back.inflow[t], inflow[t], 1e-9);
}

// Fixed lifetimes 1, 2, 3, 4 for cohorts of 1 each (by hand): the cohort of year c is in use
// while t - c < L_c. Stock 1, 1, 2, 2; outflow 0, 1, 0, 1.
TEST(StockModel, CohortVaryingFixedByHand) {
  StockBatch b;
  b.first_year = 2000;
  b.years = 4;
  std::vector<Lifetime> lts{Lifetime::fixed(1), Lifetime::fixed(2), Lifetime::fixed(3),
                            Lifetime::fixed(4)};
  ASSERT_TRUE(b.add({"XX", "test", Element::Nd}, std::vector<double>{1, 1, 1, 1}, lts));
  auto r = run_ok(b);
  EXPECT_EQ(r.stock, (std::vector<double>{1, 1, 2, 2}));
  EXPECT_EQ(r.outflow, (std::vector<double>{0, 1, 0, 1}));
}

// Negative-inflow correction, by hand, fixed lifetime 4, target stock 10, 16, 8, 8, 3, 2:
//  y0: i = 10.  y1: earlier 10, i = 6.  y2: earlier 16 > 8: i = 0, both cohorts keep 8/16 = 0.5
//  (10 -> 5, 6 -> 3), outflow 8.  y3: earlier 8 = target: i = 0, outflow 0.
//  y4: cohort 0 reaches age 4 and leaves (5); earlier 3 = target: i = 0, outflow 5.
//  y5: cohort 1 leaves (3); earlier 0; i = 2, outflow 3.
// Without the correction, y2 gives i = -8 (ODYM lets the inflow go negative).
TEST(StockModel, NegativeInflowCorrection) {
  auto b = single({10, 16, 8, 8, 3, 2}, Lifetime::fixed(4));
  auto r =
      run_ok(b, {.driver = Driver::Stock, .negative_inflow_correction = true, .by_cohort = true});
  EXPECT_EQ(r.inflow, (std::vector<double>{10, 6, 0, 0, 0, 2}));
  EXPECT_EQ(r.outflow, (std::vector<double>{0, 0, 8, 0, 5, 3}));
  EXPECT_EQ(r.stock, (std::vector<double>{10, 16, 8, 8, 3, 2}));
  EXPECT_EQ(r.correction, (std::vector<double>{1, 1, 0.5, 1, 1, 1}));
  // In proportion: year 2 keeps half of each cohort.
  auto s_c = r.stock_by_cohort_of(0);
  EXPECT_EQ(s_c[2 * 6 + 0], 5.0);
  EXPECT_EQ(s_c[2 * 6 + 1], 3.0);
  auto o_c = r.outflow_by_cohort_of(0);
  EXPECT_EQ(o_c[2 * 6 + 0], 5.0);
  EXPECT_EQ(o_c[2 * 6 + 1], 3.0);
  EXPECT_EQ(o_c[4 * 6 + 0], 5.0);  // the rest of cohort 0 at age 4
  EXPECT_TRUE(check_stock_balance(b, r).has_value());

  auto plain = run_ok(b, {.driver = Driver::Stock});
  EXPECT_EQ(plain.inflow[2], -8.0);
  EXPECT_TRUE(check_stock_balance(b, plain).has_value());
}

// Lifetime 0: inflow-driven, everything leaves in its inflow year; stock-driven, no inflow can
// hold a stock, so the inflow is 0 (ODYM) and the stock the cohorts hold is 0.
TEST(StockModel, ZeroLifetime) {
  auto r = run_ok(single({3, 4, 5}, Lifetime::normal(0, 1)));
  EXPECT_EQ(r.stock, (std::vector<double>{0, 0, 0}));
  EXPECT_EQ(r.outflow, (std::vector<double>{3, 4, 5}));
  auto s = run_ok(single({3, 4, 5}, Lifetime::fixed(0)), {.driver = Driver::Stock});
  EXPECT_EQ(s.inflow, (std::vector<double>{0, 0, 0}));
  EXPECT_EQ(s.stock, (std::vector<double>{0, 0, 0}));
}

// Many stocks with different lifetimes: identical bits whatever the number of threads, and each
// stock equal to the same stock run alone.
TEST(StockModel, BatchIsBitIdenticalAcrossThreadCounts) {
  StockBatch b;
  b.first_year = 1950;
  b.years = 70;
  for (int n = 0; n < 37; ++n) {
    std::vector<double> in(b.years);
    for (std::size_t t = 0; t < b.years; ++t)
      in[t] = 1.0 + std::fmod(n * 1.37 + static_cast<double>(t) * 0.61, 5.0);
    const Lifetime lt = n % 3 == 0 ? Lifetime::weibull(2.0, 8.0 + n)
                                   : Lifetime::normal(5.0 + 0.3 * n, 1.0 + 0.05 * n);
    ASSERT_TRUE(b.add({n % 2 ? "CHN" : "USA", "s" + std::to_string(n / 4),
                       element_at(static_cast<std::size_t>(n % 17))},
                      in, lt));
  }
  for (Driver driver : {Driver::Inflow, Driver::Stock}) {
    auto one = run_ok(b, {.driver = driver, .by_cohort = true, .threads = 1});
    for (unsigned threads : {2u, 3u, 8u}) {
      auto many = run_ok(b, {.driver = driver, .by_cohort = true, .threads = threads});
      for (auto [a, c] : {std::pair{&one.stock, &many.stock},
                          {&one.outflow, &many.outflow},
                          {&one.inflow, &many.inflow},
                          {&one.stock_by_cohort, &many.stock_by_cohort},
                          {&one.outflow_by_cohort, &many.outflow_by_cohort}}) {
        ASSERT_EQ(a->size(), c->size());
        EXPECT_EQ(std::memcmp(a->data(), c->data(), a->size() * sizeof(double)), 0) << threads;
      }
    }
    StockBatch alone;
    alone.first_year = b.first_year;
    alone.years = b.years;
    alone.keys = {b.keys[20]};
    alone.values.assign(b.values.begin() + 20 * 70, b.values.begin() + 21 * 70);
    alone.lifetimes.assign(b.lifetimes.begin() + 20 * 70, b.lifetimes.begin() + 21 * 70);
    auto a = run_ok(alone, {.driver = driver});
    EXPECT_EQ(as_vector(a.stock_of(0)), as_vector(one.stock_of(20)));
  }
}

TEST(StockModel, RejectsBadInput) {
  auto b = single({1, 2, 3}, Lifetime::normal(5, 1));
  b.values[1] = NAN;
  auto r = run_stock_model(b);
  ASSERT_FALSE(r.has_value());
  EXPECT_EQ(r.error().message,
            "stock 0 (XX/test/Nd), 2002: inflow: expected a finite number, found NaN");

  auto neg = single({1, -2, 3}, Lifetime::normal(5, 1));
  EXPECT_TRUE(run_stock_model(neg).has_value());  // a negative inflow is linear algebra
  auto sr = run_stock_model(neg, {.driver = Driver::Stock});
  ASSERT_FALSE(sr.has_value());
  EXPECT_EQ(sr.error().message,
            "stock 0 (XX/test/Nd), 2002: stock: expected a number >= 0, found -2");

  auto bad_lt = single({1, 2, 3}, Lifetime::normal(5, 1));
  bad_lt.lifetimes[2] = Lifetime::normal(5, 0);
  auto lr = run_stock_model(bad_lt);
  ASSERT_FALSE(lr.has_value());
  EXPECT_EQ(lr.error().message,
            "stock 0 (XX/test/Nd), cohort 2003: normal lifetime: sd: expected a finite number > 0, "
            "found 0");

  StockBatch sizes;
  sizes.years = 3;
  EXPECT_FALSE(sizes.add({"XX", "t", Element::La}, std::vector<double>{1, 2}, Lifetime::fixed(2)));
  sizes.keys.push_back({"XX", "t", Element::La});
  EXPECT_FALSE(run_stock_model(sizes).has_value());
}

TEST(StockModel, StockChange) {
  EXPECT_EQ(stock_change(std::vector<double>{2, 5, 4}), (std::vector<double>{2, 3, -1}));
}

// The checker finds a tampered year and names the process and the calendar year.
TEST(Balance, NamesProcessAndYear) {
  auto b = single({1, 2, 3, 4}, Lifetime::fixed(2), 2010);
  auto r = run_ok(b);
  r.outflow[2] += 0.5;
  auto ok = check_stock_balance(b, r);
  ASSERT_FALSE(ok.has_value());
  EXPECT_EQ(ok.error().message,
            "mass balance fails in process \"in-use stock XX/test/Nd\" in 2012: inputs 3 - outputs "
            "1.5 - stock change 2 = -0.5 (relative 0.1 > 1e-09)");
}

TEST(Balance, RelativeTolerance) {
  // 1e6 in, 1e6 - 1e-4 out: relative 1e-10 passes at 1e-9, fails at 1e-11.
  std::vector<double> in{1e6}, out{1e6 - 1e-4};
  EXPECT_FALSE(find_imbalance(in, out, {}, 1e-9).has_value());
  EXPECT_TRUE(find_imbalance(in, out, {}, 1e-11).has_value());
  // All zero balances; a stock that grows without input does not.
  std::vector<double> zero{0, 0}, grow{0, 1};
  EXPECT_FALSE(find_imbalance(zero, zero, zero).has_value());
  auto bad = find_imbalance(zero, zero, grow);
  ASSERT_TRUE(bad.has_value());
  EXPECT_EQ(bad->year_index, 1u);
}

}  // namespace
}  // namespace rareflow::mfa
