// EU critical raw materials method (2017 guidelines, as applied in the 2023 assessment), for any
// perspective (EU27, USA, JPN, a bloc):
//   HHI_WGI,t = sum_c share_c^2 * WGI_scaled_c * t_c                   (shares as fractions)
//   SR_stage  = [HHI(GS) * IR/2 + HHI(sourcing) * (1 - IR/2)] * (1 - EoL_RIR) * SI_SR
// at the extraction and the processing stage; the larger is reported with its stage. When the
// perspective's sourcing shares are missing the global term is used alone ("GSonly"); when only
// sourcing is given, the sourcing term alone ("EUonly", "<perspective>only"). Critical when
// SR >= 1 and EI >= 2.8.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "rareflow/core/error.hpp"
#include "rareflow/criticality/common.hpp"
#include "rareflow/criticality/economic_importance.hpp"
#include "rareflow/criticality/governance.hpp"

namespace rareflow::criticality {

// One country's term of a governance-weighted HHI.
struct HhiTerm {
  std::string iso3;
  double share = 0.0;       // fraction
  double wgi_scaled = 0.0;  // 0..10
  bool wgi_defaulted = false;
  double trade_factor = 1.0;  // t_c
  double contribution = 0.0;  // share^2 * wgi_scaled * t_c
};

struct HhiResult {
  SupplyTerm term = SupplyTerm::Global;
  std::vector<HhiTerm> terms;  // in input order
  double value = 0.0;          // HHI_WGI,t
};

// HHI_WGI,t of one set of shares. Errors: shares invalid (empty, negative, duplicate country,
// sum not 1 within 1e-6), trade factors invalid.
Result<HhiResult> hhi_wgi_t(const std::vector<CountryShare>& shares, const Governance& governance,
                            const TradeFactorTable& trade_factors, std::string_view material,
                            SupplyStage stage, SupplyTerm term);

// Which terms entered a stage's supply risk.
enum class SupplyScope : std::uint8_t { Combined, GlobalOnly, SourcingOnly };
// Label as in the EU tables: "GS+EU", "GSonly", "EUonly" for EU27/EU; "GS+USA", "GSonly",
// "USAonly" for other perspectives.
std::string scope_label(SupplyScope s, std::string_view perspective);

struct EuStageInput {
  SupplyStage stage = SupplyStage::Processing;
  std::optional<std::vector<CountryShare>> global_supply;  // GS shares; nullopt = not available
  // The perspective's sourcing (domestic production plus imports by origin); nullopt = missing.
  std::optional<std::vector<CountryShare>> sourcing;
  double import_reliance = 0.0;  // IR, fraction 0..1 (see import_reliance())
};

// The published figures of an assessment, shown next to rareflow's for comparison.
struct PublishedEu {
  std::optional<double> supply_risk;
  std::optional<double> sr_extraction;
  std::optional<double> sr_processing;
  std::optional<double> economic_importance;
  std::string source;  // source id
};

struct EuMaterialInput {
  std::string material;  // "Dy", "HREE", ...
  std::string perspective = "EU27";
  std::vector<EuStageInput> stages;  // one or two, each stage at most once
  double eol_rir = 0.0;              // end-of-life recycling input rate, fraction 0..1
  double si_sr = 1.0;                // substitution index for supply risk, 0..1
  std::optional<EconomicImportanceInput> economic_importance;  // computed when given
  std::optional<double> economic_importance_given;             // used as is when no sector data
  std::optional<PublishedEu> published;
};

struct EuStageResult {
  SupplyStage stage = SupplyStage::Processing;
  SupplyScope scope = SupplyScope::Combined;
  std::optional<HhiResult> global;
  std::optional<HhiResult> sourcing;
  double import_reliance = 0.0;
  double weight_global = 0.0;    // IR/2, or 1 (GSonly), or 0 (sourcing only)
  double weight_sourcing = 0.0;  // 1 - IR/2, or 0, or 1
  double weighted_hhi = 0.0;     // weight_global * HHI(GS) + weight_sourcing * HHI(sourcing)
  double eol_factor = 1.0;       // 1 - EoL_RIR
  double si_sr = 1.0;
  double supply_risk = 0.0;
};

// SR of one stage. Errors: neither term given, invalid shares, IR/EoL/SI outside [0, 1].
Result<EuStageResult> eu_stage_supply_risk(const EuStageInput& in, std::string_view material,
                                           std::string_view perspective, double eol_rir,
                                           double si_sr, const Governance& governance,
                                           const TradeFactorTable& trade_factors);

struct EuResult {
  std::string material;
  std::string perspective;
  int wgi_year = 0;
  double eol_rir = 0.0;
  double si_sr = 1.0;
  std::vector<EuStageResult> stages;  // in input order
  SupplyStage reported_stage =
      SupplyStage::Processing;  // the stage with the larger SR (ties: first given)
  double supply_risk = 0.0;     // SR of the reported stage
  std::optional<EconomicImportanceResult> ei_detail;
  std::optional<double> economic_importance;  // computed or given; nullopt when neither
  bool economic_importance_given = false;     // true when taken from the input as is
  std::optional<bool> critical;               // nullopt when EI is unknown
  std::optional<PublishedEu> published;
  std::vector<std::string> flags;  // fallbacks and defaults, one line each, for the output
};

// The whole EU assessment of one material for one perspective.
Result<EuResult> assess_eu(const EuMaterialInput& in, const Governance& governance,
                           const TradeFactorTable& trade_factors);

// assess_eu for each input; the first error stops (its message names the material).
Result<std::vector<EuResult>> assess_eu_all(const std::vector<EuMaterialInput>& in,
                                            const Governance& governance,
                                            const TradeFactorTable& trade_factors);

}  // namespace rareflow::criticality
