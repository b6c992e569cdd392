#include <gtest/gtest.h>

#include "rareflow/criticality/eu_method.hpp"
#include "unit/criticality/test_util.hpp"

namespace rareflow::criticality {
namespace {

using testing::governance;

// Scaled WGI chosen round so that every term can be checked by hand.
Governance hand_governance() {
  return governance({{"CHN", 6.0}, {"MYS", 4.0}, {"AUS", 2.0}, {"EST", 1.0}});
}

// Global supply at processing: CHN 0.7, MYS 0.2, AUS 0.1.
// HHI = 0.49*6 + 0.04*4 + 0.01*2 = 2.94 + 0.16 + 0.02 = 3.12.
TEST(HhiWgiT, ThreeCountriesByHand) {
  auto h = hhi_wgi_t({{"CHN", 0.7}, {"MYS", 0.2}, {"AUS", 0.1}}, hand_governance(), {}, "Dy",
                     SupplyStage::Processing, SupplyTerm::Global);
  ASSERT_TRUE(h) << h.error().message;
  ASSERT_EQ(h->terms.size(), 3u);
  EXPECT_NEAR(h->terms[0].contribution, 2.94, 1e-12);
  EXPECT_NEAR(h->terms[1].contribution, 0.16, 1e-12);
  EXPECT_NEAR(h->terms[2].contribution, 0.02, 1e-12);
  EXPECT_NEAR(h->value, 3.12, 1e-12);
}

// A trade factor of 1.1 on China: 0.49*6*1.1 = 3.234; HHI = 3.234 + 0.16 + 0.02 = 3.414.
TEST(HhiWgiT, TradeFactorMultipliesTheCountryTerm) {
  TradeFactorTable t;
  t.rows.push_back({"Dy", SupplyStage::Processing, "CHN", 1.1, SupplyTerm::Global, "test"});
  auto h = hhi_wgi_t({{"CHN", 0.7}, {"MYS", 0.2}, {"AUS", 0.1}}, hand_governance(), t, "Dy",
                     SupplyStage::Processing, SupplyTerm::Global);
  ASSERT_TRUE(h);
  EXPECT_DOUBLE_EQ(h->terms[0].trade_factor, 1.1);
  EXPECT_NEAR(h->value, 3.414, 1e-12);
  // The factor names the global term only: the sourcing term of the same shares is unchanged.
  auto s = hhi_wgi_t({{"CHN", 0.7}, {"MYS", 0.2}, {"AUS", 0.1}}, hand_governance(), t, "Dy",
                     SupplyStage::Processing, SupplyTerm::Sourcing);
  EXPECT_NEAR(s->value, 3.12, 1e-12);
}

// Two stages, both terms at processing, global only at extraction:
// P: HHI(GS) 3.12 (above); sourcing CHN 0.5, MYS 0.3, EST 0.2: 0.25*6 + 0.09*4 + 0.04*1 = 1.90.
//    IR 0.8: weights 0.4 and 0.6; weighted 0.4*3.12 + 0.6*1.90 = 1.248 + 1.14 = 2.388;
//    SR = 2.388 * (1 - 0.01) * 0.95 = 2.245914.
// E: GS only, CHN 0.6, AUS 0.4: 0.36*6 + 0.16*2 = 2.48; SR = 2.48 * 0.99 * 0.95 = 2.33244.
// The larger is E, so E is reported.
EuMaterialInput two_stage_input() {
  EuMaterialInput in;
  in.material = "Dy";
  in.perspective = "EU27";
  in.eol_rir = 0.01;
  in.si_sr = 0.95;
  EuStageInput e;
  e.stage = SupplyStage::Extraction;
  e.global_supply = std::vector<CountryShare>{{"CHN", 0.6}, {"AUS", 0.4}};
  e.import_reliance = 0.8;
  EuStageInput p;
  p.stage = SupplyStage::Processing;
  p.global_supply = std::vector<CountryShare>{{"CHN", 0.7}, {"MYS", 0.2}, {"AUS", 0.1}};
  p.sourcing = std::vector<CountryShare>{{"CHN", 0.5}, {"MYS", 0.3}, {"EST", 0.2}};
  p.import_reliance = 0.8;
  in.stages = {e, p};
  return in;
}

TEST(EuMethod, TwoStagesByHand) {
  auto r = assess_eu(two_stage_input(), hand_governance(), {});
  ASSERT_TRUE(r) << r.error().message;
  ASSERT_EQ(r->stages.size(), 2u);
  const auto& p = r->stages[1];
  EXPECT_EQ(p.scope, SupplyScope::Combined);
  EXPECT_DOUBLE_EQ(p.weight_global, 0.4);
  EXPECT_DOUBLE_EQ(p.weight_sourcing, 0.6);
  EXPECT_NEAR(p.sourcing->value, 1.90, 1e-12);
  EXPECT_NEAR(p.weighted_hhi, 2.388, 1e-12);
  EXPECT_NEAR(p.supply_risk, 2.245914, 1e-12);
  const auto& e = r->stages[0];
  EXPECT_EQ(e.scope, SupplyScope::GlobalOnly);
  EXPECT_NEAR(e.supply_risk, 2.33244, 1e-12);
  EXPECT_EQ(r->reported_stage, SupplyStage::Extraction);
  EXPECT_NEAR(r->supply_risk, 2.33244, 1e-12);
  EXPECT_EQ(scope_label(p.scope, "EU27"), "GS+EU");
  EXPECT_EQ(scope_label(e.scope, "EU27"), "GSonly");
}

// Missing sourcing data at extraction: the output says so.
TEST(EuMethod, GsOnlyFallbackIsFlagged) {
  auto r = assess_eu(two_stage_input(), hand_governance(), {});
  ASSERT_TRUE(r);
  ASSERT_FALSE(r->flags.empty());
  EXPECT_EQ(r->flags[0],
            "GSonly(E): no EU27 sourcing shares at extraction; global supply term used alone");
}

// Sourcing only (the "EUonly" case), for a perspective other than the EU: USA sourcing
// USA 0.5, AUS 0.5 with USA WGI 3 (default not used): 0.25*3 + 0.25*2 = 1.25;
// SR = 1.25 * (1 - 0) * 1 = 1.25.
TEST(EuMethod, SourcingOnlyForAnotherPerspective) {
  EuMaterialInput in;
  in.material = "Nd";
  in.perspective = "USA";
  EuStageInput p;
  p.sourcing = std::vector<CountryShare>{{"USA", 0.5}, {"AUS", 0.5}};
  p.import_reliance = 0.3;
  in.stages = {p};
  auto g = governance({{"USA", 3.0}, {"AUS", 2.0}});
  auto r = assess_eu(in, g, {});
  ASSERT_TRUE(r) << r.error().message;
  EXPECT_EQ(r->stages[0].scope, SupplyScope::SourcingOnly);
  EXPECT_EQ(scope_label(r->stages[0].scope, "USA"), "USAonly");
  EXPECT_DOUBLE_EQ(r->stages[0].weight_sourcing, 1.0);
  EXPECT_NEAR(r->supply_risk, 1.25, 1e-12);
  EXPECT_EQ(r->flags[0],
            "USAonly(P): no global supply shares at processing; sourcing term used alone");
}

// IR = 0: the sourcing term alone carries weight 1 - 0/2 = 1 and GS weight 0.
// IR = 1: weights 0.5 and 0.5. GS = {CHN 1} (6.0), sourcing = {EST 1} (1.0):
// IR 0 -> SR 1.0; IR 1 -> 0.5*6 + 0.5*1 = 3.5.
TEST(EuMethod, ImportRelianceEdgeWeights) {
  EuMaterialInput in;
  in.material = "La";
  EuStageInput p;
  p.global_supply = std::vector<CountryShare>{{"CHN", 1.0}};
  p.sourcing = std::vector<CountryShare>{{"EST", 1.0}};
  p.import_reliance = 0.0;
  in.stages = {p};
  auto r0 = assess_eu(in, hand_governance(), {});
  ASSERT_TRUE(r0);
  EXPECT_DOUBLE_EQ(r0->supply_risk, 1.0);
  in.stages[0].import_reliance = 1.0;
  auto r1 = assess_eu(in, hand_governance(), {});
  ASSERT_TRUE(r1);
  EXPECT_DOUBLE_EQ(r1->supply_risk, 3.5);
}

// A supplier missing from the WGI table gets 5.0 and is flagged:
// GS = {CHN 0.5, XXX 0.5}: 0.25*6 + 0.25*5 = 2.75.
TEST(EuMethod, MissingWgiCountryDefaultsAndIsFlagged) {
  EuMaterialInput in;
  in.material = "Ce";
  EuStageInput p;
  p.global_supply = std::vector<CountryShare>{{"CHN", 0.5}, {"XXX", 0.5}};
  in.stages = {p};
  auto r = assess_eu(in, hand_governance(), {});
  ASSERT_TRUE(r);
  EXPECT_NEAR(r->supply_risk, 2.75, 1e-12);
  EXPECT_TRUE(r->stages[0].global->terms[1].wgi_defaulted);
  bool flagged = false;
  for (const auto& f : r->flags)
    flagged |= f == "WGI default 5 (world-average governance) used at processing for: XXX";
  EXPECT_TRUE(flagged);
}

// Criticality: SR 2.33 >= 1 and EI >= 2.8 -> critical; EI 2.7 -> not; no EI -> undecided.
TEST(EuMethod, CriticalityRule) {
  auto in = two_stage_input();
  in.economic_importance_given = 2.8;
  auto r = assess_eu(in, hand_governance(), {});
  ASSERT_TRUE(r);
  EXPECT_EQ(r->critical, std::optional<bool>(true));
  EXPECT_TRUE(r->economic_importance_given);
  in.economic_importance_given = 2.7;
  EXPECT_EQ(assess_eu(in, hand_governance(), {})->critical, std::optional<bool>(false));
  in.economic_importance_given.reset();
  EXPECT_EQ(assess_eu(in, hand_governance(), {})->critical, std::nullopt);
  // SR below 1 with a high EI: GS {EST 1} -> SR 1.0 * 0.99 * 0.95 = 0.9405 < 1.
  EuMaterialInput low;
  low.material = "La";
  low.eol_rir = 0.01;
  low.si_sr = 0.95;
  EuStageInput p;
  p.global_supply = std::vector<CountryShare>{{"EST", 1.0}};
  low.stages = {p};
  low.economic_importance_given = 9.0;
  auto rl = assess_eu(low, hand_governance(), {});
  EXPECT_NEAR(rl->supply_risk, 0.9405, 1e-12);
  EXPECT_EQ(rl->critical, std::optional<bool>(false));
}

TEST(EuMethod, SharesNotSummingToOneAreAnError) {
  auto in = two_stage_input();
  in.stages[1].global_supply = std::vector<CountryShare>{{"CHN", 0.7}, {"MYS", 0.2}};
  auto r = assess_eu(in, hand_governance(), {});
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().message,
            "global shares of Dy at processing sum to 0.8999999999999999, expected 1 (within "
            "1e-06)");
}

// Within the 1e-6 tolerance the shares are accepted; just outside they are not.
TEST(EuMethod, ShareToleranceBoundary) {
  auto in = two_stage_input();
  in.stages[0].global_supply = std::vector<CountryShare>{{"CHN", 0.6 + 5e-7}, {"AUS", 0.4}};
  EXPECT_TRUE(assess_eu(in, hand_governance(), {}));
  in.stages[0].global_supply = std::vector<CountryShare>{{"CHN", 0.6 + 2e-6}, {"AUS", 0.4}};
  EXPECT_FALSE(assess_eu(in, hand_governance(), {}));
}

TEST(EuMethod, NegativeValuesAreErrors) {
  auto in = two_stage_input();
  in.stages[0].global_supply = std::vector<CountryShare>{{"CHN", 1.2}, {"AUS", -0.2}};
  auto r = assess_eu(in, hand_governance(), {});
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().message,
            "global shares of Dy at extraction: share of AUS is -0.2, expected >= 0");
  in = two_stage_input();
  in.eol_rir = -0.01;
  r = assess_eu(in, hand_governance(), {});
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().message, "EoL-RIR of Dy is -0.01, expected a fraction between 0 and 1");
  in = two_stage_input();
  in.stages[1].import_reliance = 1.5;
  r = assess_eu(in, hand_governance(), {});
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().message,
            "import reliance of Dy at processing is 1.5, expected a fraction between 0 and 1");
  in = two_stage_input();
  in.economic_importance_given = -1.0;
  r = assess_eu(in, hand_governance(), {});
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().message, "given EI of Dy is -1, expected a value >= 0");
}

TEST(EuMethod, StructuralErrors) {
  EuMaterialInput in;
  in.material = "Dy";
  auto r = assess_eu(in, hand_governance(), {});
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().message, "Dy: no stage to assess");
  in.stages = {EuStageInput{}};
  r = assess_eu(in, hand_governance(), {});
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().message,
            "Dy at processing: neither global supply nor EU27 sourcing shares are given");
  in.stages = {two_stage_input().stages[1], two_stage_input().stages[1]};
  r = assess_eu(in, hand_governance(), {});
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().message, "Dy: each stage may be given once");
  auto dup = two_stage_input();
  dup.stages[0].global_supply = std::vector<CountryShare>{{"CHN", 0.5}, {"chn", 0.5}};
  r = assess_eu(dup, hand_governance(), {});
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().message, "global shares of Dy at extraction list country chn twice");
}

// The batch stops at the first bad material and names it.
TEST(EuMethod, AssessAllReportsTheFailingMaterial) {
  auto good = two_stage_input();
  auto bad = two_stage_input();
  bad.material = "Tb";
  bad.si_sr = 1.2;
  auto r = assess_eu_all({good, bad}, hand_governance(), {});
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().message, "SI_SR of Tb is 1.2, expected a fraction between 0 and 1");
  auto ok = assess_eu_all({good, good}, hand_governance(), {});
  ASSERT_TRUE(ok);
  EXPECT_EQ(ok->size(), 2u);
}

}  // namespace
}  // namespace rareflow::criticality
