// Criticality inputs derived from the default data package (2024 balance). Expected values are
// computed by hand from the package's CSVs (production.csv, mine_mix.csv, distributions.csv,
// routes.csv, wgi.csv, eu_crm_2023.csv) as noted at each assertion.
#include <gtest/gtest.h>

#include <map>

#include "rareflow/criticality/inputs.hpp"
#include "rareflow/criticality/report.hpp"
#include "unit/criticality/test_util.hpp"

namespace rareflow::criticality {
namespace {

const Dataset& data() {
  static const Dataset d = value_or_throw(load_default_dataset());
  return d;
}

const Balance& balance() {
  static const Balance b = [] {
    auto r = build_balance(data(), 2024);
    if (!r) throw std::runtime_error(r.error().message);
    return std::move(*r);
  }();
  return b;
}

const CriticalityInputs& inputs(const std::string& perspective) {
  static std::map<std::string, CriticalityInputs> cache;
  auto it = cache.find(perspective);
  if (it == cache.end()) {
    auto r = criticality_inputs(data(), balance(), perspective);
    if (!r) throw std::runtime_error(r.error().message);
    it = cache.emplace(perspective, std::move(*r)).first;
  }
  return it->second;
}

double share_of(const std::vector<CountryShare>& s, const std::string& iso3) {
  for (const auto& c : s)
    if (c.iso3 == iso3) return c.share;
  return 0.0;
}

const MaterialInputs& material(const CriticalityInputs& in, const std::string& id) {
  auto m = find_material(in, id);
  if (!m) throw std::runtime_error(m.error().message);
  return **m;
}

const StageInputs& stage(const MaterialInputs& m, SupplyStage s) {
  for (const auto& st : m.stages)
    if (st.stage == s) return st;
  throw std::runtime_error("stage missing");
}

// Dy content of the ores (distributions.csv), normalised by the listed shares (100 - remainder).
constexpr double kDyBayanObo = 0.1 / 99.6;
constexpr double kDyIonClay = 6.7 / 98.82;
constexpr double kDyMountainPass = 0.0312 / 99.8616;
constexpr double kDyMountWeld = 0.2 / 99.9;
constexpr double kDyMonazite = 0.69 / 99.94;
// China's 2024 ore mix (mine_mix.csv): 85.7 % Bayan Obo, 14.3 % ion-adsorption clay.
constexpr double kDyChinaOre = 0.857 * kDyBayanObo + 0.143 * kDyIonClay;

// production.csv, mine 2024 (USGS MCS 2025): CHN 270,000, USA 45,000, MMR 31,000, AUS 13,000,
// NGA 13,000, THA 13,000, IND 2,900, RUS 2,500, MDG 2,000, ROW 1,100, VNM 300, MYS 130, BRA 20:
// 393,950 t REO.
TEST(CriticalityInputs, ChinaExtractionShareAllElements) {
  const auto world = world_output(balance(), SupplyStage::Extraction, {});
  double total = 0.0;
  for (const auto& c : world) total += c.t;
  EXPECT_NEAR(total, 393950.0, 1e-6);
  EXPECT_EQ(world.front().iso3, "CHN");
  EXPECT_NEAR(share_of(shares_of(world), "CHN"), 270000.0 / 393950.0, 1e-12);
  EXPECT_NEAR(share_of(shares_of(world), "USA"), 45000.0 / 393950.0, 1e-12);
}

// production.csv, separation 2024: CHN 254,000 (quota), MYS 6,197 + 4,875 (Lynas), USA 1,294
// (MP NdPr), IND 2,900 (IREL): 269,266 t REO.
TEST(CriticalityInputs, ChinaProcessingShareAllElements) {
  const auto world = world_output(balance(), SupplyStage::Processing, {});
  double total = 0.0;
  for (const auto& c : world) total += c.t;
  EXPECT_NEAR(total, 269266.0, 1e-6);
  EXPECT_NEAR(share_of(shares_of(world), "CHN"), 254000.0 / 269266.0, 1e-12);
  EXPECT_NEAR(share_of(shares_of(world), "MYS"), 11072.0 / 269266.0, 1e-12);
}

// Dy mined = mine output x Dy content of the region's ore mix.
TEST(CriticalityInputs, DyExtractionSharesByHand) {
  const std::map<std::string, double> dy = {
      {"CHN", 270000 * kDyChinaOre},    {"MMR", 31000 * kDyIonClay},
      {"USA", 45000 * kDyMountainPass}, {"AUS", 13000 * kDyMountWeld},
      {"NGA", 13000 * kDyMonazite},     {"THA", 13000 * kDyMonazite},
      {"IND", 2900 * kDyMonazite},      {"MDG", 2000 * kDyMonazite},
      {"ROW", 1100 * kDyMonazite},      {"VNM", 300 * kDyMonazite},
      {"MYS", 130 * kDyMonazite},       {"BRA", 20 * kDyMonazite}};  // RUS loparite: no Dy
  double total = 0.0;
  for (const auto& [c, t] : dy) total += t;
  const auto& s = stage(material(inputs("EU27"), "Dy"), SupplyStage::Extraction);
  EXPECT_NEAR(s.world_total_t, total, 1e-9);
  EXPECT_EQ(s.global.size(), dy.size());
  for (const auto& [c, t] : dy) EXPECT_NEAR(share_of(s.global, c), t / total, 1e-12) << c;
  EXPECT_EQ(s.global.front().iso3, "CHN");
}

// Dy separated: China separates 254,000 t of its 362,003 t feed (own 270,000 + MMR 31,000 +
// NGA 13,000 + THA 13,000 + MDG 2,000 + VNM 300 + USA concentrate 32,703, routes.csv) in the
// feed's composition; Lynas Malaysia separates 4,875 t of non-NdPr elements from its feed
// (AUS 13,000 Mt Weld + own 130 monazite); IREL 2,900 t of India's monazite; MP only NdPr.
TEST(CriticalityInputs, DyProcessingSharesByHand) {
  const double chn_feed_dy = 270000 * kDyChinaOre + 31000 * kDyIonClay +
                             (13000 + 13000 + 2000 + 300) * kDyMonazite + 32703 * kDyMountainPass;
  const double chn = chn_feed_dy * 254000.0 / 362003.0;
  const double mys_feed_dy = 13000 * kDyMountWeld + 130 * kDyMonazite;
  const double mys_feed_ndpr = 13000 * (15.0 + 4.0) / 99.9 + 130 * (17.4 + 5.0) / 99.94;
  const double mys = 4875.0 * mys_feed_dy / (13130.0 - mys_feed_ndpr);
  const double ind = 2900 * kDyMonazite;
  const double total = chn + mys + ind;
  const auto& s = stage(material(inputs("EU27"), "Dy"), SupplyStage::Processing);
  EXPECT_NEAR(s.world_total_t, total, 1e-9);
  ASSERT_EQ(s.global.size(), 3u);
  EXPECT_NEAR(share_of(s.global, "CHN"), chn / total, 1e-12);
  EXPECT_NEAR(share_of(s.global, "MYS"), mys / total, 1e-12);
  EXPECT_NEAR(share_of(s.global, "IND"), ind / total, 1e-12);
}

// Issue 11: EU27 is a region of the balance (its members' market region). Extraction: no EU
// flows, so sourcing is missing (GSonly) and IR is the EU 2023 published 80 %. Processing: the
// EU separates nothing in 2024 and imports its Dy (pooled oxide, magnets), so IR = 1 from the
// balance and sourcing shares exist (China first). EoL-RIR 1 %, SI_SR 0.99, EI 7.8.
TEST(CriticalityInputs, Eu27OwnProcessingInputs) {
  const auto& in = inputs("EU27");
  EXPECT_EQ(in.members, (std::vector<std::string>{"DEU", "FRA", "EST", "SWE", "ITA"}));
  EXPECT_EQ(in.members_with_lines, std::vector<std::string>{"EU27"});
  const auto& dy = material(in, "Dy");
  const auto& e = stage(dy, SupplyStage::Extraction);
  EXPECT_FALSE(e.sourcing.has_value());
  EXPECT_NE(e.sourcing_basis.find("no import routes into EU27"), std::string::npos);
  EXPECT_EQ(e.ir_basis, IrBasis::PublishedEu2023);
  EXPECT_DOUBLE_EQ(*e.import_reliance, 0.80);
  const auto& p = stage(dy, SupplyStage::Processing);
  EXPECT_EQ(p.ir_basis, IrBasis::Balance);
  EXPECT_DOUBLE_EQ(*p.import_reliance, 1.0);
  ASSERT_TRUE(p.sourcing.has_value());
  EXPECT_EQ(p.sourcing->front().iso3, "CHN");
  EXPECT_DOUBLE_EQ(dy.eol_rir, 0.01);
  EXPECT_DOUBLE_EQ(dy.si_sr, 0.99);
  EXPECT_DOUBLE_EQ(*dy.economic_importance, 7.8);
  EXPECT_DOUBLE_EQ(*dy.published->sr_processing, 5.6);
}

// SR_P(Dy, EU27) = (IR/2 HHI_WGI(GS_P) + (1 - IR/2) HHI_WGI(sourcing)) * (1 - 0.01) * 0.99,
// IR = 1, with the 2023 WGI (wgi.csv) and t = 1 (trade_factors.csv).
TEST(CriticalityInputs, Eu27DySupplyRiskByHand) {
  std::map<std::string, double> wgi;
  for (const auto& r : testing::read_csv(testing::world_file("wgi.csv"), nullptr))
    wgi[r.at("iso3")] = wgi_scaled({r.at("iso3"), r.at("country"), 2023, std::stod(r.at("voice")),
                                    std::stod(r.at("stability")), std::stod(r.at("effectiveness")),
                                    std::stod(r.at("regulatory")), std::stod(r.at("rule_of_law")),
                                    std::stod(r.at("corruption"))});
  const auto& in = inputs("EU27");
  const auto& s = stage(material(in, "Dy"), SupplyStage::Processing);
  double hhi_gs = 0.0, hhi_src = 0.0;
  for (const auto& c : s.global) hhi_gs += c.share * c.share * wgi.at(c.iso3);
  for (const auto& c : *s.sourcing) hhi_src += c.share * c.share * wgi.at(c.iso3);
  auto r = assess_eu_from(in);
  ASSERT_TRUE(r) << r.error().message;
  int seen = 0;
  for (const auto& e : *r) {
    if (e.material != "Dy") continue;
    ++seen;
    EXPECT_EQ(e.reported_stage, SupplyStage::Processing);
    EXPECT_NEAR(e.supply_risk, (0.5 * hhi_gs + 0.5 * hhi_src) * 0.99 * 0.99, 1e-12);
    EXPECT_EQ(e.wgi_year, 2023);
    EXPECT_EQ(*e.critical, true);  // SR > 1 and published EI 7.8 >= 2.8
  }
  EXPECT_EQ(seen, 1);
}

// China imports concentrate (routes.csv), so its extraction sourcing is known: own mined Dy plus
// imports by origin; IR = imports / (production + imports), no concentrate exports.
TEST(CriticalityInputs, ChinaDySourcingAtExtraction) {
  const auto& in = inputs("CHN");
  const auto& s = stage(material(in, "Dy"), SupplyStage::Extraction);
  ASSERT_TRUE(s.sourcing.has_value());
  const double own = 270000 * kDyChinaOre;
  const double imports =
      31000 * kDyIonClay + (13000 + 13000 + 2000 + 300) * kDyMonazite + 32703 * kDyMountainPass;
  EXPECT_NEAR(s.production_t, own, 1e-9);
  EXPECT_NEAR(s.imports_t, imports, 1e-9);
  EXPECT_NEAR(s.exports_t, 0.0, 1e-12);
  EXPECT_NEAR(share_of(*s.sourcing, "CHN"), own / (own + imports), 1e-12);
  EXPECT_NEAR(share_of(*s.sourcing, "MMR"), 31000 * kDyIonClay / (own + imports), 1e-12);
  EXPECT_EQ(s.ir_basis, IrBasis::Balance);
  EXPECT_NEAR(*s.import_reliance, imports / (own + imports), 1e-12);
  auto r = assess_eu_from(in);
  ASSERT_TRUE(r) << r.error().message;
  int seen = 0;
  for (const auto& e : *r) {
    if (e.material != "Dy") continue;
    ++seen;
    EXPECT_EQ(e.stages[0].stage, SupplyStage::Extraction);
    EXPECT_EQ(scope_label(e.stages[0].scope, "CHN"), "GS+CHN");
  }
  EXPECT_EQ(seen, 1);
}

// Issue 11: the USA's processing inputs now include the oxide in the magnets it imports and
// its share of the oxide pool outside China. Nd: the 1,294 t of NdPr oxide it separates (Nd
// share 12 / 16.34 of the Mountain Pass NdPr) stays its production. Dy: it separates none, and
// all of it arrives (in magnets from China and pooled oxide): IR = 1.
TEST(CriticalityInputs, UsaImportsItsDy) {
  const auto& in = inputs("USA");
  const auto& nd = stage(material(in, "Nd"), SupplyStage::Processing);
  EXPECT_EQ(nd.ir_basis, IrBasis::Balance);
  EXPECT_NEAR(nd.production_t, 1294.0 * 12.0 / 16.34, 1e-9);
  const auto& dy = stage(material(in, "Dy"), SupplyStage::Processing);
  EXPECT_EQ(dy.ir_basis, IrBasis::Balance);
  EXPECT_DOUBLE_EQ(dy.production_t, 0.0);
  EXPECT_GT(dy.imports_t, 0.0);
  EXPECT_DOUBLE_EQ(*dy.import_reliance, 1.0);
  ASSERT_TRUE(dy.sourcing.has_value());
  EXPECT_EQ(dy.sourcing->front().iso3, "CHN");
  // Without an EU perspective the EU's EI is not used: criticality undecided.
  EXPECT_FALSE(material(in, "Dy").economic_importance.has_value());
}

// G7: USA, JPN and EU27 (for DEU, FRA, ITA) have lines; GBR and CAN have none.
TEST(CriticalityInputs, BlocNamesMembersWithoutLines) {
  const auto& in = inputs("G7");
  EXPECT_EQ(in.members_with_lines, (std::vector<std::string>{"EU27", "JPN", "USA"}));
  bool said = false;
  for (const auto& n : in.notes)
    said |= n.starts_with(
        "IR and sourcing from the balance lines of EU27, JPN, USA only; GBR, CAN have no line");
  EXPECT_TRUE(said);
}

// USGS-style: EV is not in the package (1, flagged); TE is the IR of the stage.
TEST(CriticalityInputs, UsgsUsesIrAsTradeExposure) {
  std::vector<std::string> skipped;
  auto r = assess_usgs_from(inputs("EU27"), skipped);
  ASSERT_TRUE(r) << r.error().message;
  EXPECT_TRUE(skipped.empty());
  int seen = 0;
  for (const auto& u : *r) {
    if (u.commodity != "Dy" || u.stage != SupplyStage::Processing) continue;
    ++seen;
    EXPECT_DOUBLE_EQ(u.trade_exposure, 1.0);
    EXPECT_DOUBLE_EQ(u.economic_vulnerability, 1.0);
    EXPECT_DOUBLE_EQ(u.supply_risk, u.disruption_potential);
  }
  EXPECT_EQ(seen, 1);
  // GBR has no flows in the package: its Dy cannot be scored (issue 11: "cannot say").
  std::vector<std::string> gbr_skipped;
  ASSERT_TRUE(assess_usgs_from(inputs("GBR"), gbr_skipped));
  EXPECT_NE(std::find(gbr_skipped.begin(), gbr_skipped.end(),
                      "Dy (processing): cannot say: no import reliance (TE) for GBR"),
            gbr_skipped.end());
  // The USA's Dy is scored from its own imports (issue 13's defect: SR was 0 or missing).
  std::vector<std::string> usa_skipped;
  auto usa = assess_usgs_from(inputs("USA"), usa_skipped);
  ASSERT_TRUE(usa);
  for (const auto& u : *usa)
    if (u.commodity == "Dy" && u.stage == SupplyStage::Processing) {
      EXPECT_GT(u.supply_risk, 0.4);
    }
}

// The audit table marks an unknown IR as missing instead of the 0 that went unused into GSonly.
TEST(CriticalityInputs, AuditTableShowsIrBasis) {
  // GBR: no flows in the package (issue 11 resolved the USA, which used to serve here).
  const auto& in = inputs("GBR");
  auto r = assess_eu_from(in);
  ASSERT_TRUE(r);
  const Table t = eu_audit_table(in, *r);
  int ir_p = -1, basis_p = -1;
  for (std::size_t k = 0; k < t.columns.size(); ++k) {
    if (t.columns[k].name == "ir_P") ir_p = static_cast<int>(k);
    if (t.columns[k].name == "ir_basis_P") basis_p = static_cast<int>(k);
  }
  ASSERT_GE(ir_p, 0);
  ASSERT_GE(basis_p, 0);
  int seen = 0;
  for (std::size_t i = 0; i < r->size(); ++i) {
    ASSERT_EQ(t.rows[i].size(), t.columns.size());
    if ((*r)[i].material != "Dy") continue;
    ++seen;
    EXPECT_TRUE(std::isnan(std::get<double>(t.rows[i][ir_p])));
    EXPECT_EQ(std::get<std::string>(t.rows[i][basis_p]), "unavailable");
  }
  EXPECT_EQ(seen, 1);
}

}  // namespace
}  // namespace rareflow::criticality
