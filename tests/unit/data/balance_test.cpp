// The 2024 balance on the default package. Expected values are computed by hand from the
// package's figures (USGS MCS 2025, the 2024 quotas and routes) as noted at each assertion.
#include <cmath>

#include <gtest/gtest.h>

#include "rareflow/data/balance.hpp"
#include "rareflow/data/balance_tables.hpp"

namespace rareflow {
namespace {

double sum(const ElementShares& a) {
  return total(a);
}

class Balance2024 : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    data_ = new Dataset(value_or_throw(load_default_dataset()));
    auto b = build_balance(*data_, 2024);
    ASSERT_TRUE(b.has_value()) << b.error().message;
    balance_ = new Balance(std::move(*b));
  }
  static void TearDownTestSuite() {
    delete balance_;
    delete data_;
  }
  static Dataset* data_;
  static Balance* balance_;
};
Dataset* Balance2024::data_ = nullptr;
Balance* Balance2024::balance_ = nullptr;

TEST_F(Balance2024, ClosesEveryRegionAndElement) {
  for (const auto& r : balance_->regions) {
    ElementShares c = balance_->closure(r);
    for (std::size_t i = 0; i < kElementCount; ++i) {
      double gross = 0;
      for (const auto& l : r.lines)
        if (l.sign) gross += std::abs(l.t_reo[i]);
      EXPECT_LE(std::abs(c[i]), 1e-9 * std::max(gross, 1.0)) << r.region << " element " << i;
    }
  }
}

// USGS MCS 2025 country rows add up to 393,950 t (the published world total is 390,000 rounded).
TEST_F(Balance2024, MiningMatchesUsgs) {
  double world = 0;
  for (const auto& r : balance_->regions) world += sum(r.mined);
  EXPECT_NEAR(world, 393950, 1e-6);
  EXPECT_NEAR(sum(balance_->region("CHN")->mined), 270000, 1e-6);
  EXPECT_NEAR(sum(balance_->region("USA")->mined), 45000, 1e-6);
  EXPECT_NEAR(sum(balance_->region("MMR")->mined), 31000, 1e-6);
  EXPECT_NEAR(sum(balance_->region("RUS")->mined), 2500, 1e-6);
}

// China separates 254,000 of 269,266 t: 94.3%, "about 90%" (IEA: 91%).
TEST_F(Balance2024, ChinaDominatesSeparationAndMagnets) {
  EXPECT_NEAR(separation_share(*balance_, "CHN"), 100.0 * 254000 / 269266, 1e-9);
  EXPECT_GE(separation_share(*balance_, "CHN"), 88.0);
  EXPECT_LE(separation_share(*balance_, "CHN"), 96.0);
  // Magnets: 300,000 of 319,149 t = 94.0% (ROW derived from IEA's 94%).
  EXPECT_NEAR(magnet_share(*balance_, "CHN"), 100.0 * 300000 / 319149, 1e-9);
}

// Russia mines 2,500 t of loparite, turns it into mixed carbonate, separates nothing.
TEST_F(Balance2024, RussiaMakesCarbonateNotOxides) {
  const RegionBalance* r = balance_->region("RUS");
  ASSERT_NE(r, nullptr);
  EXPECT_NEAR(sum(r->mined), 2500, 1e-9);
  EXPECT_EQ(sum(r->separated), 0.0);
  bool carbonate = false;
  for (const auto& l : r->lines)
    if (l.stage == chain_stage_from_key("intermediate") && l.sign == 0)
      carbonate = std::abs(l.total() - 2500) < 1e-9;
  EXPECT_TRUE(carbonate);
  // Loparite is light: Lovozero's analysis has no Dy or Tb.
  EXPECT_EQ(r->mined[index(Element::Dy)], 0.0);
}

// China's feed = 270,000 mined + 31,000 + 13,000 + 13,000 + 2,000 + 300 + 32,703 imported
// = 362,003 t; the quota-based output is 254,000 t, so 108,003 t is a named gap.
TEST_F(Balance2024, ChinaFeedAboveQuotaIsNamedGap) {
  const RegionBalance* r = balance_->region("CHN");
  double gap = 0;
  for (const auto& l : r->lines)
    if (l.gap && l.stage == chain_stage_from_key("separation")) gap += l.total();
  EXPECT_NEAR(gap, 108003, 1e-6);
}

// Malaysia: 13,130 t of feed against 11,072 t separated; per element, 5,753 t are not
// separated and 3,695 t of NdPr-rich output exceed the classic Mt Weld analysis. The
// separation table's column shows only the first (the two gaps have opposite signs).
TEST_F(Balance2024, SeparationTableShowsFeedNotSeparated) {
  auto tables = value_or_throw(balance_tables(*data_, *balance_, "", true));
  const Table& sep = tables[1];
  bool seen = false;
  for (const auto& row : sep.rows)
    if (std::get<std::string>(row[0]) == "MYS") {
      seen = true;
      double out_above = 0, not_separated = 0;
      for (const auto& l : balance_->region("MYS")->lines)
        if (l.gap && l.stage == chain_stage_from_key("separation"))
          (l.sign < 0 ? not_separated : out_above) += l.total();
      EXPECT_NEAR(std::get<double>(row[4]), not_separated, 1e-6);
      EXPECT_GT(out_above, 0.0);
      // feed - separated = not separated - output above feed: 13,130 - 11,072.
      EXPECT_NEAR(not_separated - out_above, 13130.0 - 11072.0, 1e-6);
    }
  EXPECT_TRUE(seen);
}

// Element split follows the ore: US mined Nd = 45,000 x 12.0 / 99.8616 (Mountain Pass listed
// shares normalised) = 5,407.5 t.
TEST_F(Balance2024, CoProductionFollowsDistribution) {
  EXPECT_NEAR(balance_->region("USA")->mined[index(Element::Nd)], 45000 * 12.0 / 99.8616, 1e-6);
}

// NdFeB recipe: 31 wt% rare-earth metal in total (ndfeb_re_content).
TEST_F(Balance2024, MagnetRecipeMetalContent) {
  EXPECT_NEAR(sum(balance_->magnet_recipe_metal), 0.31, 1e-12);
  EXPECT_NEAR(balance_->region("CHN")->metal_t, 300000 * 0.31, 1e-6);
}

TEST_F(Balance2024, UnknownYearFails) {
  auto b = build_balance(*data_, 1990);
  ASSERT_FALSE(b.has_value());
  EXPECT_EQ(b.error().message, "balance: the data package has no mine production for 1990");
}

TEST_F(Balance2024, UnknownRegionIsClearError) {
  try {
    value_or_throw(balance_tables(*data_, *balance_, "CHX", false));
    FAIL() << "expected an InputError";
  } catch (const InputError& e) {
    EXPECT_NE(std::string(e.what()).find("found \"CHX\" (did you mean \"CHN\"?)"),
              std::string::npos)
        << e.what();
  }
}

// Regions resolved downstream (issue 11): every figure below is a row of the package
// (production.csv, routes.csv, regional_use.csv), so the balance must carry it unchanged.
TEST_F(Balance2024, RegionsResolveMagnetsAndUse) {
  // Magnet output: JPN 13,000 t (JSNM 2017), EU27 2,000 t (capacity bound).
  EXPECT_NEAR(balance_->region("JPN")->magnets_t, 13000, 1e-9);
  EXPECT_NEAR(balance_->region("EU27")->magnets_t, 2000, 1e-9);
  // China's magnet exports by destination add up to the customs total, 58,152 t.
  double exported = 0, to_rus = 0;
  for (const auto& l : balance_->region("CHN")->lines)
    if (l.stage == chain_stage_from_key("magnet") && l.sign < 0 && !l.partner.empty()) {
      exported += l.other;
      if (l.partner == "RUS") to_rus += l.other;
    }
  EXPECT_NEAR(exported, 58152, 1e-9);
  // Russia uses the 1,000 t it imports (no magnet output of its own), split over the magnet
  // sectors: the magnet use lines add up to 1,000 t magnet.
  double rus_magnets = 0, jpn_nonmagnet = 0;
  for (const auto& l : balance_->region("RUS")->lines)
    if (l.stage == chain_stage_from_key("use") && l.other_unit == "t magnet")
      rus_magnets += l.other;
  EXPECT_NEAR(to_rus, 1000, 1e-9);
  EXPECT_NEAR(rus_magnets, 1000, 1e-9);
  // Japan's non-magnet use: 18,835 - 5,500 = 13,335 t REO (JSNM 2024), all sectors together.
  for (const auto& l : balance_->region("JPN")->lines)
    if (l.stage == chain_stage_from_key("use") && l.other_unit.empty()) jpn_nonmagnet += l.total();
  EXPECT_NEAR(jpn_nonmagnet, 13335, 1e-6);
}

// China's oxide exports without a recorded destination (55,431 t) are shared out, not lost:
// the sum of China's oxide export lines is the 55,431 t plus the explicit routes (none from
// China), and Japan imports oxide (for its 13,000 t of magnets and its other uses).
TEST_F(Balance2024, OxidePoolKeepsChinasExports) {
  double chn_oxide_exports = 0, jpn_imports = 0;
  for (const auto& l : balance_->region("CHN")->lines)
    if (l.stage == chain_stage_from_key("oxide") && l.sign < 0 && !l.gap)
      chn_oxide_exports += l.total();
  for (const auto& l : balance_->region("JPN")->lines)
    if (l.stage == chain_stage_from_key("oxide") && l.sign > 0 && !l.gap) jpn_imports += l.total();
  EXPECT_NEAR(chn_oxide_exports, 55431, 1e-6);
  EXPECT_GT(jpn_imports, 0.0);
}

}  // namespace
}  // namespace rareflow
