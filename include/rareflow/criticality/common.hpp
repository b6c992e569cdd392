// Shared vocabulary of the criticality layer: supply-chain stages, country shares and the
// thresholds of the published methods. Every function of the layer is pure: plain input structs
// in, Result<...> out, no data files read here (the data package and the CLI wire them).
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "rareflow/core/error.hpp"

namespace rareflow::criticality {

// The two stages at which the EU method computes supply risk.
enum class SupplyStage : std::uint8_t { Extraction, Processing };

std::string_view stage_name(SupplyStage s);  // "extraction" | "processing"
std::string_view stage_code(SupplyStage s);  // "E" | "P", as in the EU result tables
// Accepts "extraction", "processing", "E", "P" (any case).
Result<SupplyStage> parse_stage(std::string_view text);

// One country's share of a stage's supply (global supply or a perspective's sourcing), as a
// fraction 0..1. iso3 is an ISO 3166 alpha-3 code or a pseudo-code such as "OTH" (others).
struct CountryShare {
  std::string iso3;
  double share = 0.0;
};

// The two concentration terms of the EU supply risk.
enum class SupplyTerm : std::uint8_t { Global, Sourcing };
std::string_view term_name(SupplyTerm t);  // "global" | "sourcing"

// Shares must sum to 1 within this tolerance.
inline constexpr double kShareTolerance = 1e-6;

// EU criticality thresholds (2017 guidelines, unchanged in 2020 and 2023).
inline constexpr double kEuSupplyRiskThreshold = 1.0;
inline constexpr double kEuEconomicImportanceThreshold = 2.8;

}  // namespace rareflow::criticality
