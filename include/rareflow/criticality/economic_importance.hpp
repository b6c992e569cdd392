// Economic importance, EU method (2017 guidelines):
//   EI = 10 * sum_s(A_s * Q_s) / Q_max * SI_EI
// A_s: share of the material's end use in NACE Rev. 2 2-digit sector s (fractions summing to 1);
// Q_s: value added of sector s; Q_max: value added of the largest 2-digit manufacturing sector
// of the perspective's economy; SI_EI: substitution index for EI (<= 1). Dividing by Q_max and
// multiplying by 10 puts EI on the 0..10 scale of the published tables (a material used only by
// the largest sector, without substitutes, scores 10). See docs/model_criticality.md for what
// could and could not be verified about this scaling.
#pragma once

#include <string>
#include <vector>

#include "rareflow/core/error.hpp"

namespace rareflow::criticality {

struct SectorUse {
  std::string nace;          // NACE Rev. 2 2-digit code, e.g. "C29"
  std::string name;          // sector name, for output
  double share = 0.0;        // A_s, fraction of end use
  double value_added = 0.0;  // Q_s, in EconomicImportanceInput::value_added_unit
};

struct EconomicImportanceInput {
  std::vector<SectorUse> uses;
  double largest_sector_value_added = 0.0;  // Q_max, same unit as Q_s; must be >= every Q_s
  double si_ei = 1.0;                       // substitution index for EI, 0..1
  std::string value_added_unit = "EUR million";
};

struct SectorTerm {
  std::string nace;
  std::string name;
  double share = 0.0;
  double value_added = 0.0;
  double product = 0.0;  // A_s * Q_s
};

struct EconomicImportanceResult {
  std::vector<SectorTerm> terms;
  double weighted_value_added = 0.0;        // sum_s A_s * Q_s
  double largest_sector_value_added = 0.0;  // Q_max
  double scaled = 0.0;                      // 10 * sum / Q_max, before substitution
  double si_ei = 1.0;
  double value = 0.0;  // EI
  std::string value_added_unit;
};

// Errors: no sectors, a share or value added negative or not finite, shares not summing to 1
// within 1e-6, a sector twice, Q_max <= 0 or below some Q_s, SI_EI outside [0, 1].
Result<EconomicImportanceResult> economic_importance(const EconomicImportanceInput& in);

}  // namespace rareflow::criticality
