// Governance (World Bank WGI, rescaled as the EU method does) and the EU trade-restriction
// factors t_c. Both are lookups with documented defaults: a country missing from the WGI table
// gets kWgiScaledDefault and is flagged; a (material, stage, country) without a trade factor
// gets 1.
#pragma once

#include <functional>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "rareflow/core/error.hpp"
#include "rareflow/criticality/common.hpp"

namespace rareflow::criticality {

// The six WGI dimensions for one country and year (estimates, about -2.5 worst .. 2.5 best).
struct WgiScores {
  std::string iso3;
  std::string country;
  int year = 0;
  double voice = 0.0;          // voice and accountability
  double stability = 0.0;      // political stability and absence of violence/terrorism
  double effectiveness = 0.0;  // government effectiveness
  double regulatory = 0.0;     // regulatory quality
  double rule_of_law = 0.0;
  double corruption = 0.0;  // control of corruption
};

double wgi_mean(const WgiScores& w);  // mean of the six dimensions
// EU rescaling: 2 * (2.5 - mean), 0 = best governance, 10 = worst.
double wgi_scaled_from_mean(double mean);
double wgi_scaled(const WgiScores& w);

// Default scaled WGI for a country not in the table: WGI estimates are standardised to a world
// mean of 0, and 2 * (2.5 - 0) = 5.0, i.e. "average governance". Always flagged in the output.
inline constexpr double kWgiScaledDefault = 5.0;

// Scaled WGI per country for one WGI year.
struct Governance {
  int year = 0;
  std::map<std::string, double, std::less<>> scaled;  // iso3 -> WGI scaled, 0..10
  double missing_default = kWgiScaledDefault;
};

struct GovernanceValue {
  double scaled = 0.0;
  bool defaulted = false;  // true when the country is not in the table
};
GovernanceValue governance_of(const Governance& g, std::string_view iso3);

// Governance table for `year` from WGI rows of any years. Errors: no row for that year (the
// message lists the years available), a country twice in that year, a non-finite score.
Result<Governance> governance_for_year(const std::vector<WgiScores>& rows, int year);

// One trade-restriction factor t_c (EU 2017 guidelines: > 1 export restrictions, 0.8 where an
// EU trade agreement applies). `term` nullopt: applies to both the global and sourcing terms.
struct TradeFactor {
  std::string material;  // element symbol, group ("HREE") or material name; case-insensitive
  SupplyStage stage = SupplyStage::Extraction;
  std::string iso3;
  double factor = 1.0;
  std::optional<SupplyTerm> term;
  std::string source;  // source id
};

struct TradeFactorTable {
  std::vector<TradeFactor> rows;
};

// t_c for (material, stage, term, country). Rows are looked up for the material itself, then for
// its group ("LREE"/"HREE") when it is an element, then for "REE" (all rare earths); at each
// level a row naming the term wins over a row for both terms. 1 when nothing matches.
double trade_factor(const TradeFactorTable& table, std::string_view material, SupplyStage stage,
                    SupplyTerm term, std::string_view iso3);

// Every factor positive and finite, no two rows for the same key.
Result<void> validate(const TradeFactorTable& table);

}  // namespace rareflow::criticality
