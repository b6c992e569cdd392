#include <gtest/gtest.h>

#include "rareflow/criticality/governance.hpp"
#include "unit/criticality/test_util.hpp"

namespace rareflow::criticality {
namespace {

// China, WGI 2024 update, year 2023 (shared/data/criticality/wgi_2023.csv):
// -1.5046 - 0.5131 + 0.6790 - 0.3565 - 0.0401 - 0.0054 = -1.7407; / 6 = -0.290117;
// scaled 2 * (2.5 + 0.290117) = 5.580233 (the 5.5802).
const WgiScores kChina{"CHN", "China", 2023, -1.5046, -0.5131, 0.6790, -0.3565, -0.0401, -0.0054};

TEST(Governance, WgiMeanAndScaledByHand) {
  EXPECT_NEAR(wgi_mean(kChina), -0.2901167, 1e-7);
  EXPECT_NEAR(wgi_scaled(kChina), 5.5802333, 1e-7);
}

// The scale's ends: mean 2.5 (best) -> 0, mean -2.5 (worst) -> 10, world mean 0 -> 5.
TEST(Governance, ScaleEnds) {
  EXPECT_DOUBLE_EQ(wgi_scaled_from_mean(2.5), 0.0);
  EXPECT_DOUBLE_EQ(wgi_scaled_from_mean(-2.5), 10.0);
  EXPECT_DOUBLE_EQ(wgi_scaled_from_mean(0.0), kWgiScaledDefault);
}

TEST(Governance, MissingCountryGetsDefaultAndFlag) {
  auto g = governance_for_year({kChina}, 2023);
  ASSERT_TRUE(g) << g.error().message;
  auto chn = governance_of(*g, "chn");  // codes are case-insensitive
  EXPECT_FALSE(chn.defaulted);
  EXPECT_NEAR(chn.scaled, 5.5802333, 1e-7);
  auto xyz = governance_of(*g, "XYZ");
  EXPECT_TRUE(xyz.defaulted);
  EXPECT_DOUBLE_EQ(xyz.scaled, 5.0);
}

TEST(Governance, UnknownYearListsAvailableYears) {
  WgiScores old = kChina;
  old.year = 2021;
  auto g = governance_for_year({kChina, old}, 2019);
  ASSERT_FALSE(g);
  EXPECT_EQ(g.error().message, "no WGI data for year 2019; available: 2021, 2023");
}

TEST(Governance, DuplicateCountryIsAnError) {
  auto g = governance_for_year({kChina, kChina}, 2023);
  ASSERT_FALSE(g);
  EXPECT_EQ(g.error().message, "WGI 2023 lists country CHN twice");
}

TEST(TradeFactors, DefaultOneAndTermPrecedence) {
  TradeFactorTable t;
  t.rows.push_back({"Dy", SupplyStage::Processing, "CHN", 1.2, std::nullopt, "s"});
  t.rows.push_back({"Dy", SupplyStage::Processing, "CHN", 1.5, SupplyTerm::Sourcing, "s"});
  EXPECT_DOUBLE_EQ(trade_factor(t, "Dy", SupplyStage::Processing, SupplyTerm::Global, "CHN"), 1.2);
  EXPECT_DOUBLE_EQ(trade_factor(t, "dy", SupplyStage::Processing, SupplyTerm::Sourcing, "chn"),
                   1.5);
  EXPECT_DOUBLE_EQ(trade_factor(t, "Dy", SupplyStage::Extraction, SupplyTerm::Global, "CHN"), 1.0);
  EXPECT_DOUBLE_EQ(trade_factor(t, "Tb", SupplyStage::Processing, SupplyTerm::Global, "CHN"), 1.0);
  EXPECT_DOUBLE_EQ(trade_factor(t, "Dy", SupplyStage::Processing, SupplyTerm::Global, "MYS"), 1.0);
}

// Dy is an HREE: an element row beats a group row, which beats an all-REE row.
TEST(TradeFactors, GroupAndAllReeFallback) {
  TradeFactorTable t;
  t.rows.push_back({"REE", SupplyStage::Processing, "CHN", 1.1, std::nullopt, "s"});
  t.rows.push_back({"HREE", SupplyStage::Processing, "CHN", 1.3, std::nullopt, "s"});
  t.rows.push_back({"Tb", SupplyStage::Processing, "CHN", 1.4, std::nullopt, "s"});
  EXPECT_DOUBLE_EQ(trade_factor(t, "Dy", SupplyStage::Processing, SupplyTerm::Global, "CHN"), 1.3);
  EXPECT_DOUBLE_EQ(trade_factor(t, "Tb", SupplyStage::Processing, SupplyTerm::Global, "CHN"), 1.4);
  EXPECT_DOUBLE_EQ(trade_factor(t, "Nd", SupplyStage::Processing, SupplyTerm::Global, "CHN"), 1.1);
  EXPECT_DOUBLE_EQ(trade_factor(t, "Tin", SupplyStage::Processing, SupplyTerm::Global, "CHN"), 1.0);
}

TEST(TradeFactors, ValidationErrors) {
  TradeFactorTable bad;
  bad.rows.push_back({"Dy", SupplyStage::Processing, "CHN", -1.0, std::nullopt, "s"});
  auto v = validate(bad);
  ASSERT_FALSE(v);
  EXPECT_EQ(v.error().message,
            "trade factor for Dy processing CHN is -1, expected a positive number");
  TradeFactorTable dup;
  dup.rows.push_back({"Dy", SupplyStage::Processing, "CHN", 1.1, std::nullopt, "s"});
  dup.rows.push_back({"dy", SupplyStage::Processing, "chn", 1.2, std::nullopt, "s"});
  v = validate(dup);
  ASSERT_FALSE(v);
  EXPECT_EQ(v.error().message, "trade factor for dy processing chn (both terms) is given twice");
}

TEST(Stages, ParseAndName) {
  EXPECT_EQ(*parse_stage("P"), SupplyStage::Processing);
  EXPECT_EQ(*parse_stage("Extraction"), SupplyStage::Extraction);
  EXPECT_EQ(stage_code(SupplyStage::Extraction), "E");
  auto bad = parse_stage("refining");
  ASSERT_FALSE(bad);
  EXPECT_EQ(bad.error().message,
            "unknown stage 'refining', expected extraction (E) or processing (P)");
}

}  // namespace
}  // namespace rareflow::criticality
