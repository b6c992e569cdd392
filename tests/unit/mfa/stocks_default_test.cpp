// Tests of default_stocks: the in-use stocks, end of life and secondary supply built from the
// data package (the model behind `rareflow stocks`).
#include <gtest/gtest.h>

#include <cmath>
#include <string>

#include "rareflow/data/balance.hpp"
#include "rareflow/mfa/stocks_default.hpp"
#include "unit/data/package_fixture.hpp"

namespace rareflow::mfa {
namespace {

const Dataset& world() {
  static const Dataset d = value_or_throw(load_default_dataset());
  return d;
}

std::vector<double> index_of(const Dataset& d, const std::string& sector, int first, int last) {
  auto g = growth_index(d, sector_growth(d, *d.sector(sector)), 2024, first, last);
  EXPECT_TRUE(g) << g.error().message;
  return g ? *g : std::vector<double>{};
}

double at(const std::vector<double>& v, int first, int year) {
  return v[static_cast<std::size_t>(year - first)];
}

// Growth indices by hand from trajectories.csv: magnet_ree_demand 93 kt 2023, 131 kt 2030,
// 181 kt 2050 (iea-gcmo-2024); ev_sales 13.8 (2023), 17 (2024), 20 (2025), 45 (2030) million;
// wind_additions 117 GW (2024), 163.5 GW (2030). Compound growth within each segment; outside a
// driver's years the magnet demand's nearest segment.
TEST(GrowthIndex, FollowsTrajectorySegments) {
  const Dataset& d = world();
  const double r1 = std::pow(131.0 / 93.0, 1.0 / 7.0);  // 2023-2030: 5.02 %/yr
  const double r2 = std::pow(181.0 / 131.0, 1.0 / 20);  // 2030-2050: 1.63 %/yr

  auto m = index_of(d, "industrial_motors", 1985, 2060);
  EXPECT_DOUBLE_EQ(at(m, 1985, 2024), 1.0);
  EXPECT_NEAR(at(m, 1985, 2030), 131.0 / (93.0 * r1), 1e-12);  // = (131/93)^(6/7)
  EXPECT_NEAR(at(m, 1985, 2050), 181.0 / (93.0 * r1), 1e-12);
  EXPECT_NEAR(at(m, 1985, 2060), 181.0 / (93.0 * r1) * std::pow(r2, 10), 1e-12);
  EXPECT_NEAR(at(m, 1985, 2000), std::pow(r1, -24), 1e-12);  // back-cast at the 2023-2030 rate

  auto ev = index_of(d, "ev_motors", 2000, 2040);
  EXPECT_NEAR(at(ev, 2000, 2023), 13.8 / 17.0, 1e-12);
  EXPECT_NEAR(at(ev, 2000, 2025), 20.0 / 17.0, 1e-12);
  EXPECT_NEAR(at(ev, 2000, 2030), 45.0 / 17.0, 1e-12);
  EXPECT_NEAR(at(ev, 2000, 2031), 45.0 / 17.0 * r2, 1e-12);  // after ev_sales: magnet demand
  EXPECT_NEAR(at(ev, 2000, 2022), 13.8 / 17.0 / r1, 1e-12);  // before ev_sales: magnet demand

  auto wind = index_of(d, "wind", 2020, 2031);
  EXPECT_NEAR(at(wind, 2020, 2030), 163.5 / 117.0, 1e-12);
  EXPECT_NEAR(at(wind, 2020, 2023), 1.0 / r1, 1e-12);
  EXPECT_NEAR(at(wind, 2020, 2031), 163.5 / 117.0 * r2, 1e-12);

  // Oxide sectors: no trajectory in the package, zero growth.
  for (double v : index_of(d, "polishing", 1985, 2050)) EXPECT_EQ(v, 1.0);
}

// 2024 inflows are the balance's use lines: CHN EV motors Nd and ROW polishing Ce.
TEST(DefaultStocks, BaseYearInflowIsTheBalanceUse) {
  const Dataset& d = world();
  auto r = default_stocks(d, 2024, 2024);
  ASSERT_TRUE(r) << r.error().message;
  auto b = build_balance(d, 2024);
  ASSERT_TRUE(b);
  auto use = [&](const std::string& region, const std::string& item, Element e) {
    for (const auto& l : b->region(region)->lines)
      if (l.item == item) return l.t_reo[index(e)];
    ADD_FAILURE() << item;
    return 0.0;
  };
  auto inflow = [&](const std::string& region, const std::string& sector, Element e) {
    for (const auto& s : r->stocks)
      if (s.key.region == region && s.key.sector == sector && s.key.element == e)
        return s.inflow[0];
    ADD_FAILURE() << region << " " << sector;
    return 0.0;
  };
  EXPECT_DOUBLE_EQ(inflow("CHN", "ev_motors", Element::Nd),
                   use("CHN", "use: EV traction motors", Element::Nd));
  EXPECT_DOUBLE_EQ(inflow("ROW", "polishing", Element::Ce),
                   use("ROW", "use: polishing", Element::Ce));
  // Issue 11: every region with use lines in the balance, in package order.
  EXPECT_EQ(r->regions,
            (std::vector<std::string>{"CHN", "USA", "VNM", "RUS", "JPN", "KOR", "EU27", "ROW"}));
  EXPECT_DOUBLE_EQ(inflow("JPN", "polishing", Element::Ce),
                   use("JPN", "use: polishing", Element::Ce));
}

// On the default data, over the whole run: every stock balances, recycled supply is collected
// end of life times the recovery rate one year later, and cumulative recycled supply never
// exceeds what entered the stock.
TEST(DefaultStocks, BalancesCloseAndRecyclingNeverExceedsInflow) {
  const Dataset& d = world();
  auto r = default_stocks(d, kHistoryStart, 2050);
  ASSERT_TRUE(r) << r.error().message;
  ASSERT_GT(r->stocks.size(), 50u);
  EXPECT_EQ(r->checked_processes, 3 * r->stocks.size());
  for (const auto& s : r->stocks) {
    const Sector& sec = *d.sector(s.key.sector);
    double in = 0.0, back = 0.0, prev = 0.0;
    for (std::size_t t = 0; t < r->years; ++t) {
      in += s.inflow[t];
      back += s.recycled[t];
      EXPECT_LE(back, in) << describe(s.key) << " " << r->first_year + static_cast<int>(t);
      EXPECT_GE(s.stock[t], -1e-9);
      const double scale = std::max(1.0, s.inflow[t]);
      EXPECT_NEAR(s.inflow[t] - s.outflow[t] - (s.stock[t] - prev), 0.0, 1e-9 * scale);
      EXPECT_NEAR(s.collected[t], s.outflow[t] * sec.collection_pct / 100.0, 1e-9 * scale);
      const double arriving = t > 0 ? s.collected[t - 1] : 0.0;
      EXPECT_NEAR(s.recycled[t], arriving * sec.recovery_pct / 100.0, 1e-9 * scale);
      prev = s.stock[t];
    }
  }
  // Something is recycled: magnet sectors collect 5 % and recover 90 % (sectors.csv).
  EXPECT_GT(r->secondary("CHN", Element::Nd, 2030), 0.0);
  EXPECT_EQ(r->secondary("CHN", Element::La, 2030), 0.0);  // oxide sectors: collection 0
  // GBR has no stocks of its own (issue 11 gave the USA its own use and stocks).
  EXPECT_EQ(r->secondary("GBR", Element::Nd, 2030), 0.0);
}

// secondary() is the sum of the recycled series of the region's stocks of that element.
TEST(DefaultStocks, SecondarySupplySumsTheRegionsStocks) {
  auto r = default_stocks(world(), 2030, 2031);
  ASSERT_TRUE(r) << r.error().message;
  double sum = 0.0;
  for (const auto& s : r->stocks)
    if (s.key.region == "ROW" && s.key.element == Element::Dy) sum += s.recycled[1];
  EXPECT_GT(sum, 0.0);
  EXPECT_DOUBLE_EQ(r->secondary("ROW", Element::Dy, 2031), sum);
  EXPECT_EQ(r->secondary("ROW", Element::Dy, 2032), 0.0);  // outside the range
}

// The reported window does not change the numbers: the model always starts in 1985.
TEST(DefaultStocks, ResultsDoNotDependOnTheWindow) {
  auto wide = default_stocks(world(), 2000, 2050);
  auto narrow = default_stocks(world(), 2040, 2041);
  ASSERT_TRUE(wide && narrow);
  ASSERT_EQ(wide->stocks.size(), narrow->stocks.size());
  for (std::size_t n = 0; n < wide->stocks.size(); ++n) {
    EXPECT_EQ(wide->stocks[n].stock[40], narrow->stocks[n].stock[0]);
    EXPECT_EQ(wide->stocks[n].recycled[41], narrow->stocks[n].recycled[1]);
  }
}

// Hand-checked case: EV motors with a fixed 10-year lifetime, 20 % collection and 50 %
// recovery. Fixed(L) keeps a cohort in use at ages 0..L-1, so end of life in year t is the
// inflow of year t-10 (none before 1995), and recycled supply in t is 0.2 * 0.5 * inflow(t-11).
// Glass (fixed lifetime 0) leaves in its inflow year and keeps no stock.
TEST(DefaultStocks, FixedLifetimeHandCheck) {
  testing::PackageDir pkg;
  pkg.replace("sectors.csv", "ev_motors,EV traction motors,magnet,ndfeb,normal,15,4.5,5,90",
              "ev_motors,EV traction motors,magnet,ndfeb,fixed,10,0,20,50");
  const Dataset d = value_or_throw(load_dataset(pkg.path()));
  auto r = default_stocks(d, kHistoryStart, 2050);
  ASSERT_TRUE(r) << r.error().message;
  int checked = 0;
  for (const auto& s : r->stocks) {
    if (s.key.sector == "ev_motors") {
      ++checked;
      for (int y = 1985; y <= 2050; ++y) {
        const auto t = static_cast<std::size_t>(y - 1985);
        const double eol = y >= 1995 ? s.inflow[t - 10] : 0.0;
        EXPECT_NEAR(s.outflow[t], eol, 1e-12 * s.inflow[t]) << describe(s.key) << " " << y;
        const double rec = y >= 1996 ? 0.2 * 0.5 * s.inflow[t - 11] : 0.0;
        EXPECT_NEAR(s.recycled[t], rec, 1e-12 * s.inflow[t]) << describe(s.key) << " " << y;
        // Stock = the last 10 cohorts.
        double held = 0.0;
        for (int c = std::max(1985, y - 9); c <= y; ++c)
          held += s.inflow[static_cast<std::size_t>(c - 1985)];
        EXPECT_NEAR(s.stock[t], held, 1e-9 * held);
      }
    }
    if (s.key.sector == "glass") {
      ++checked;
      for (std::size_t t = 0; t < r->years; ++t) {
        EXPECT_EQ(s.stock[t], 0.0);
        EXPECT_EQ(s.outflow[t], s.inflow[t]);
        EXPECT_EQ(s.recycled[t], 0.0);
      }
    }
  }
  EXPECT_GT(checked, 8);  // 2 regions x 4 magnet elements, plus glass stocks
}

TEST(DefaultStocks, RefusesBadYears) {
  auto r = default_stocks(world(), 2050, 2000);
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().message, "years: expected 1985 <= first <= last <= 2100, found 2050..2000");
  EXPECT_FALSE(default_stocks(world(), 1984, 2000));
  EXPECT_FALSE(default_stocks(world(), 2000, 2101));
}

TEST(DefaultStocks, RefusesARepeatedTrajectoryYear) {
  testing::PackageDir pkg;
  pkg.replace("trajectories.csv", "wind_additions,2030,163.5", "wind_additions,2024,163.5");
  const Dataset d = value_or_throw(load_dataset(pkg.path()));
  auto r = default_stocks(d, 2000, 2050);
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().message, "trajectories: driver wind_additions: year 2024 appears twice");
}

}  // namespace
}  // namespace rareflow::mfa
