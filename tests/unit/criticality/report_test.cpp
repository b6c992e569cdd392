#include <gtest/gtest.h>

#include <cmath>

#include "rareflow/criticality/report.hpp"
#include "unit/criticality/test_util.hpp"

namespace rareflow::criticality {
namespace {

// Dy processing, global supply CHN 0.8 (WGI 6), MYS 0.2 (WGI 4), no sourcing, IR 1, EoL 1 %,
// SI_SR 0.99: HHI = 0.64*6 + 0.04*4 = 3.84 + 0.16 = 4.00; SR = 4.00 * 0.99 * 0.99 = 3.9204.
// EI: C29 1.0 x 150 / 200 * 10 = 7.5; x 0.98 = 7.35.
EuResult dy_result() {
  EuMaterialInput in;
  in.material = "Dy";
  in.eol_rir = 0.01;
  in.si_sr = 0.99;
  EuStageInput p;
  p.global_supply = std::vector<CountryShare>{{"CHN", 0.8}, {"MYS", 0.2}};
  p.import_reliance = 1.0;
  in.stages = {p};
  EconomicImportanceInput ei;
  ei.uses = {{"C29", "motor vehicles", 1.0, 150.0}};
  ei.largest_sector_value_added = 200.0;
  ei.si_ei = 0.98;
  in.economic_importance = ei;
  in.published = PublishedEu{5.6, 5.3, 5.6, 7.8, "eu-crm-2023-critmat"};
  return *assess_eu(in, testing::governance({{"CHN", 6.0}, {"MYS", 4.0}}), {});
}

bool contains(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

TEST(Explain, EuWalksThroughEveryNumber) {
  const std::string t = explain(dy_result());
  EXPECT_TRUE(
      contains(t, "CHN  share 0.8000  share^2 0.6400  x WGI_scaled 6.0000  x t 1.00  = 3.8400"))
      << t;
  EXPECT_TRUE(
      contains(t, "MYS  share 0.2000  share^2 0.0400  x WGI_scaled 4.0000  x t 1.00  = 0.1600"));
  EXPECT_TRUE(contains(t, "HHI_WGI,t(GS) = 4.0000"));
  EXPECT_TRUE(contains(t, "Stage processing (P): scope GSonly"));
  EXPECT_TRUE(contains(
      t, "SR(P) = weighted HHI * (1 - EoL_RIR) * SI_SR = 4.0000 * 0.9900 * 0.9900 = 3.9204"));
  EXPECT_TRUE(contains(t, "EI = 10 * 150.0 / 200.0 * 0.98 = 7.5000 * 0.98 = 7.3500"));
  EXPECT_TRUE(contains(t, "SR 3.92 >= 1.0, EI 7.35 >= 2.8: critical"));
  EXPECT_TRUE(contains(t, "Published (eu-crm-2023-critmat): SR 5.6, SR(E) 5.3, SR(P) 5.6, EI 7.8"));
  EXPECT_TRUE(contains(t, "GSonly(P)"));
}

TEST(Tables, EuTableHasOneRowPerMaterialAndUnitsOnNumbers) {
  const Table t = eu_table({dy_result(), dy_result()});
  ASSERT_EQ(t.rows.size(), 2u);
  ASSERT_EQ(t.rows[0].size(), t.columns.size());
  for (std::size_t i = 0; i < t.columns.size(); ++i) {
    const Cell& c = t.rows[0][i];
    if (std::holds_alternative<double>(c)) {
      EXPECT_FALSE(t.columns[i].unit.empty()) << t.columns[i].name << " has no unit";
    }
  }
  auto col = [&](const std::string& name) {
    for (std::size_t i = 0; i < t.columns.size(); ++i)
      if (t.columns[i].name == name) return i;
    ADD_FAILURE() << "no column " << name;
    return std::size_t{0};
  };
  EXPECT_NEAR(std::get<double>(t.rows[0][col("sr_P")]), 3.9204, 1e-12);
  EXPECT_NEAR(std::get<double>(t.rows[0][col("hhi_gs_P")]), 4.0, 1e-12);
  EXPECT_TRUE(std::isnan(std::get<double>(t.rows[0][col("sr_E")])));  // E not assessed
  EXPECT_EQ(std::get<std::string>(t.rows[0][col("gs_shares_P")]), "CHN 0.8000, MYS 0.2000");
  EXPECT_EQ(std::get<std::string>(t.rows[0][col("critical")]), "yes");
  EXPECT_EQ(std::get<std::string>(t.rows[0][col("stage_reported")]), "P");
  EXPECT_EQ(t.columns[col("ei_weighted_va")].unit, "EUR million");
  EXPECT_DOUBLE_EQ(std::get<double>(t.rows[0][col("published_sr")]), 5.6);
}

TEST(Tables, TermsTableListsEveryCountryTerm) {
  const Table t = eu_terms_table({dy_result()});
  ASSERT_EQ(t.rows.size(), 2u);
  EXPECT_EQ(std::get<std::string>(t.rows[1][4]), "MYS");
  EXPECT_NEAR(std::get<double>(t.rows[1][10]), 0.16, 1e-12);  // contribution
  EXPECT_NEAR(std::get<double>(t.rows[1][11]), 4.0, 1e-12);   // the HHI it adds to
  const std::string csv = to_csv(t);
  EXPECT_TRUE(contains(csv, "contribution [index]"));
}

TEST(Tables, UsgsAndModelTables) {
  UsgsInput u;
  u.commodity = "Dy";
  u.production = {{"CHN", 1.0}};
  u.net_import_reliance = 1.0;
  u.economic_vulnerability = 0.5;
  auto ur = assess_usgs(u, testing::governance({{"CHN", 6.0}}));
  ASSERT_TRUE(ur);
  // DP = 1 * 0.6 = 0.6; SR = 0.6 * 1 * 0.5 = 0.3.
  const Table ut = usgs_table({*ur});
  EXPECT_NEAR(std::get<double>(ut.rows[0][9]), 0.3, 1e-12);
  EXPECT_TRUE(contains(explain(*ur), "SR = DP * TE * EV = 0.6000 * 1.0000 * 0.5000 = 0.3000"));
  auto mr = model_measure({"Dy", "EU27", "x", 2030, 1000.0, {0.0, 300.0}, {250.0, 750.0}});
  ASSERT_TRUE(mr);
  const Table mt = model_table({*mr});
  EXPECT_EQ(mt.columns[14].name, "price_increase");
  EXPECT_DOUBLE_EQ(std::get<double>(mt.rows[0][14]), 1.5);
  EXPECT_TRUE(contains(explain(*mr), "= 1.5000 (150.0 %)"));
}

// Same inputs give byte-identical output.
TEST(Tables, Deterministic) {
  EXPECT_EQ(to_json(eu_table({dy_result()})), to_json(eu_table({dy_result()})));
  EXPECT_EQ(explain(dy_result()), explain(dy_result()));
}

}  // namespace
}  // namespace rareflow::criticality
