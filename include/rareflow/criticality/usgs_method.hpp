// USGS-style supply risk after Nassar and Fortier (2021), USGS Open-File Report 2021-1045
// (method of Nassar et al. 2020, Science Advances 6:eaay8647): supply risk is the confluence of
// disruption potential (DP, governance-weighted production concentration), trade exposure (TE,
// net import reliance) and economic vulnerability (EV). What rareflow computes:
//   g_c = WGI_scaled_c / 10                      (0 best .. 1 worst; approximation, see below)
//   DP  = sum_c share_c^2 * g_c                  (0..1)
//   TE  = net import reliance of the perspective (input, 0..1)
//   EV  = economic vulnerability (input, 0..1)
//   SR  = DP * TE * EV   (or (DP * TE * EV)^(1/3) with UsgsAggregation::GeometricMean)
// The exact governance indicator, scaling and aggregation of the USGS report could not be
// verified from a source available to this project; docs/model_criticality.md says which parts
// are approximations.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "rareflow/core/error.hpp"
#include "rareflow/criticality/common.hpp"
#include "rareflow/criticality/governance.hpp"

namespace rareflow::criticality {

enum class UsgsAggregation : std::uint8_t { Product, GeometricMean };
std::string_view aggregation_name(UsgsAggregation a);  // "product" | "geometric mean"

// The 2021 list took commodities whose recency-weighted mean supply risk (2015-2018) was at least
// 0.40. rareflow applies it to a single-year score; see the doc.
inline constexpr double kUsgsThreshold2021 = 0.40;

struct UsgsInput {
  std::string commodity;  // "Dy", "REE", ...
  std::string perspective = "USA";
  SupplyStage stage =
      SupplyStage::Processing;           // which stage's production the shares describe (label)
  std::vector<CountryShare> production;  // global production shares, fractions summing to 1
  double net_import_reliance = 0.0;      // TE input, fraction 0..1
  double economic_vulnerability = 0.0;   // EV input, 0..1
  UsgsAggregation aggregation = UsgsAggregation::Product;
};

struct UsgsTerm {
  std::string iso3;
  double share = 0.0;
  double wgi_scaled = 0.0;
  bool wgi_defaulted = false;
  double governance = 0.0;    // g_c, 0..1
  double contribution = 0.0;  // share^2 * g_c
};

struct UsgsResult {
  std::string commodity;
  std::string perspective;
  SupplyStage stage = SupplyStage::Processing;
  int wgi_year = 0;
  std::vector<UsgsTerm> terms;
  double disruption_potential = 0.0;
  double trade_exposure = 0.0;
  double economic_vulnerability = 0.0;
  UsgsAggregation aggregation = UsgsAggregation::Product;
  double supply_risk = 0.0;
  bool above_threshold = false;  // supply_risk >= kUsgsThreshold2021
  std::vector<std::string> flags;
};

// Errors: invalid shares, TE or EV outside [0, 1].
Result<UsgsResult> assess_usgs(const UsgsInput& in, const Governance& governance);

}  // namespace rareflow::criticality
