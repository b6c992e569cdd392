// Engine-wide properties on the synthetic world market: mass balance every year, determinism,
// warm start reaching the cold optimum, LP files with readable names, IAMC output.
#include <cstring>
#include <filesystem>
#include <fstream>
#include <sstream>

#include <gtest/gtest.h>

#include "fixtures.hpp"
#include "rareflow/market/mass_balance.hpp"
#include "rareflow/market/simulator.hpp"
#include "rareflow/market/synthetic.hpp"

namespace rareflow::market {
namespace {

using namespace testing;

MarketModel small_world(bool policies) {
  SyntheticSpec spec;
  spec.regions = 8;
  spec.sources = 12;
  spec.last_year = 2032;
  spec.policies = policies;
  return synthetic_world(spec);
}

SimulationResult run(const MarketModel& m, int last, bool warm) {
  SimulationOptions o;
  o.first_year = 2024;
  o.last_year = last;
  o.warm_start = warm;
  auto r = simulate(m, o);
  EXPECT_TRUE(r.has_value()) << (r ? "" : r.error().message);
  return *r;
}

// The engine checks every year itself (a violation fails the run); check again here with the
// public function, and that the check would fail on a corrupted balance, naming the place.
TEST(Engine, MassBalanceClosesEveryYearAndCatchesLeaks) {
  auto m = small_world(true);
  auto r = run(m, 2032, true);
  ASSERT_EQ(r.years.size(), 9u);
  for (const auto& y : r.years) {
    EXPECT_EQ(y.status, SolveStatus::Optimal);
    EXPECT_TRUE(check_mass_balance(m, y, 1e-9).has_value()) << y.year;
  }
  YearResult bad = r.years[3];
  const std::size_t nd = m.commodities().index(Commodity::oxide(Element::Nd));
  bad.production[nd * bad.regions + 0] += 1.0;  // 1 t of Nd oxide from nowhere in R00
  auto res = check_mass_balance(m, bad, 1e-9);
  ASSERT_FALSE(res.has_value());
  EXPECT_NE(res.error().message.find("Oxide|Nd in R00, 2027"), std::string::npos)
      << res.error().message;
  // A leak hidden from the regional balance still breaks the world element balance.
  YearResult leak = r.years[3];
  leak.separation_loss[0][index(Element::Dy)] += 0.5;
  auto res2 = check_mass_balance(m, leak, 1e-9);
  ASSERT_FALSE(res2.has_value());
  EXPECT_NE(res2.error().message.find("element Dy world-wide, 2027"), std::string::npos)
      << res2.error().message;
}

bool same_bits(const std::vector<double>& a, const std::vector<double>& b) {
  return a.size() == b.size() && std::memcmp(a.data(), b.data(), a.size() * sizeof(double)) == 0;
}

// Same inputs, same bytes: two runs give identical IAMC csv and run records.
TEST(Engine, DeterministicRuns) {
  auto m = small_world(true);
  auto a = run(m, 2030, true);
  auto b = run(m, 2030, true);
  EXPECT_EQ(iamc_to_csv(a.table), iamc_to_csv(b.table));
  EXPECT_EQ(run_record_to_json(a.table.record), run_record_to_json(b.table.record));
  auto plain = small_world(false);
  auto eng1 = make_engine(plain), eng2 = make_engine(plain);
  auto y1 = solve_ok(eng1, 2028, eng1.initial_state());
  auto y2 = solve_ok(eng2, 2028, eng2.initial_state());
  EXPECT_TRUE(same_bits(y1.price, y2.price));  // NaN where there is no balance
  EXPECT_TRUE(same_bits(y1.production, y2.production));
  EXPECT_EQ(y1.surplus_musd, y2.surplus_musd);
}

// Warm start from another year's basis reaches the same optimum as a cold solve.
TEST(Engine, WarmStartGivesTheColdOptimum) {
  auto m = small_world(true);
  auto eng = make_engine(m);
  YearState s = eng.initial_state();
  s.reference_flow = {};
  // Policies need normal flows and last year's prices: take them from a policy-free solve.
  auto ref = eng.solve(2029, s, {false, false});
  ASSERT_TRUE(ref.has_value());
  s.last_price = ref->price;
  for (std::size_t p = 0; p < m.policies.size(); ++p)
    for (std::size_t c = 0; c < m.commodities().size(); ++c) {
      double t = 0.0;
      for (const auto& f : ref->flows)
        if (f.commodity == c && f.from == 0) t += f.t;
      s.reference_flow[{p, c}] = t;
      s.reference_flow[{p, kAllCommodities}] += t;
    }
  eng.forget_basis();
  auto cold = eng.solve(2030, s, {false, true});
  ASSERT_TRUE(cold.has_value()) << cold.error().message;
  EXPECT_FALSE(cold->warm_started);
  ASSERT_TRUE(eng.solve(2026, s, {false, true}).has_value());  // leaves 2026's basis
  auto warm = eng.solve(2030, s, {true, true});
  ASSERT_TRUE(warm.has_value());
  EXPECT_TRUE(warm->warm_started);
  EXPECT_NEAR(warm->surplus_musd, cold->surplus_musd, 1e-9 * std::abs(cold->surplus_musd));
  EXPECT_LT(warm->iterations, cold->iterations);
  // In the hand-checked markets the optimum is unique: prices agree too.
  auto hm = two_region_market(true, 1.0);
  hm.policies.push_back(ExportQuota{"quota", {}, exports_of(0), 150.0});
  auto he = make_engine(hm);
  auto c1 = solve_ok(he, 2024, he.initial_state());
  he.forget_basis();
  auto c2 = he.solve(2024, he.initial_state(), {false, true});
  ASSERT_TRUE(c2.has_value());
  const std::size_t ce = hm.commodities().index(Commodity::oxide(Element::Ce));
  for (std::size_t r = 0; r < 2; ++r) EXPECT_EQ(c1.at(c1.price, ce, r), c2->at(c2->price, ce, r));
}

std::string slurp(const std::filesystem::path& p) {
  std::ifstream in(p);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

TEST(Engine, WritesLpAndMpsWithReadableNames) {
  auto m = two_region_market(true, 1.0);
  m.policies.push_back(ExportQuota{"quota", {}, exports_of(0), 150.0});
  auto eng = make_engine(m);
  auto dir = std::filesystem::temp_directory_path() / "rareflow_market_lp_test";
  std::filesystem::create_directories(dir);
  ASSERT_TRUE(eng.write_lp(2024, eng.initial_state(), dir / "y.lp").has_value());
  ASSERT_TRUE(eng.write_lp(2024, eng.initial_state(), dir / "y.mps").has_value());
  std::string lp = slurp(dir / "y.lp"), mps = slurp(dir / "y.mps");
  for (const char* name : {"bal_ox_Ce_EXP", "mine_exp_mine", "sep_exp_sep_exp_mine",
                           "flow_ox_Ce_EXP_IMP", "pol_quota", "cap_sep_imp_sep"}) {
    EXPECT_NE(lp.find(name), std::string::npos) << name;
    EXPECT_NE(mps.find(name), std::string::npos) << name;
  }
  EXPECT_FALSE(std::filesystem::exists(dir / "y.lp.tmp"));
  std::filesystem::remove_all(dir);
}

TEST(Engine, SimulationDumpsEachYearsLp) {
  auto dir = std::filesystem::temp_directory_path() / "rareflow_market_dump_test";
  std::filesystem::remove_all(dir);
  std::filesystem::create_directories(dir);
  SimulationOptions o;
  o.first_year = 2024;
  o.last_year = 2025;
  o.dump_dir = dir;
  o.dump_mps = true;
  ASSERT_TRUE(simulate(one_mine_market(120.0), o).has_value());
  EXPECT_NE(slurp(dir / "market_2024.mps").find("bal_ox_Ce_AAA"), std::string::npos);
  EXPECT_TRUE(std::filesystem::exists(dir / "market_2025.mps"));
  std::filesystem::remove_all(dir);
}

TEST(Engine, SimulationWritesIamcRowsAndRunRecord) {
  auto m = one_mine_market(120.0);
  SimulationOptions o;
  o.first_year = 2024;
  o.last_year = 2025;
  o.scenario = "test";
  auto r = simulate(m, o);
  ASSERT_TRUE(r.has_value());
  auto find = [&](const std::string& region, const std::string& var, int year) -> const IamcRow* {
    for (const auto& row : r->table.rows)
      if (row.region == region && row.variable == var && row.year == year) return &row;
    return nullptr;
  };
  const IamcRow* p = find("AAA", "Price|Oxide|Ce", 2025);
  ASSERT_NE(p, nullptr);
  EXPECT_EQ(p->unit, "USD/kg");
  EXPECT_EQ(p->scenario, "test");
  EXPECT_NEAR(p->value, 12.0, 1e-9);
  const IamcRow* mine = find("World", "Production|Mine|REO", 2024);
  ASSERT_NE(mine, nullptr);
  EXPECT_EQ(mine->unit, "t REO/yr");
  EXPECT_NEAR(mine->value, 100.0, 1e-9);
  const IamcRow* sf = find("AAA", "Shortfall|Oxide|Ce", 2024);
  ASSERT_NE(sf, nullptr);
  EXPECT_NEAR(sf->value, 50.0, 1e-9);
  EXPECT_EQ(r->table.record.entries.at("market.status.2024"), "optimal");
  EXPECT_EQ(r->table.record.entries.at("market.status.2025"), "optimal");
}

}  // namespace
}  // namespace rareflow::market
