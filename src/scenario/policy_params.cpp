// The numeric parameters a policy or event may carry, each with its unit and sane range. The
// ranges bound what the market LP can take (a price floor of 1e26 USD/kg aborted Clp) and what
// is physically meaningful; sources for the scale: world rare-earth mine production is about
// 390 kt REO/yr (USGS MCS 2025), oxide prices stay below 10,000 USD/kg (Tb oxide peaked near
// 4,000 USD/kg in 2011/2022).
#include "rareflow/scenario/scenario.hpp"

namespace rareflow::scenario {

const std::vector<ParamSpec>& policy_params() {
  using enum ParamType;
  // Tonnes: up to 10 Mt, about 25 times world mine production.
  constexpr double kTonnes = 1e7;
  // Prices: up to 100,000 USD/kg, 25 times the highest oxide price seen.
  constexpr double kUsdPerKg = 1e5;
  static const std::vector<ParamSpec> k = {
      {"quota_t", Number, "t", 0, kTonnes, {}, false, "quota on the flow, tonnes per year"},
      {"share", Number, "fraction", 0, 1, {}, false, "share of the flow the policy applies to"},
      {"delay_years", Number, "years", 0, 50, {}, false, "delay"},
      {"ad_valorem", Number, "fraction of price", 0, 10, {}, false, "tax or tariff rate"},
      {"specific_usd_per_t",
       Number,
       "USD/t",
       0,
       kUsdPerKg * 1000,
       {},
       false,
       "tax or tariff per tonne"},
      {"initial_level_t", Number, "t", 0, kTonnes, {}, false, "stockpile level at the start"},
      {"fill_rate_t", Number, "t/yr", 0, kTonnes, {}, false, "most the stockpile buys a year"},
      {"fill_price_cap_usd_per_kg",
       Number,
       "USD/kg",
       0,
       kUsdPerKg,
       {},
       false,
       "the stockpile buys only below this price"},
      {"max_level_t", Number, "t", 0, kTonnes, {}, false, "stockpile capacity"},
      {"release_trigger_usd_per_kg",
       Number,
       "USD/kg",
       0,
       kUsdPerKg,
       {},
       false,
       "the stockpile sells above this price"},
      {"release_rate_t", Number, "t/yr", 0, kTonnes, {}, false, "most the stockpile sells a year"},
      {"min_level_t", Number, "t", 0, kTonnes, {}, false, "stockpile level kept in reserve"},
      {"floor_usd_per_kg", Number, "USD/kg", 0, kUsdPerKg, {}, false, "minimum price"},
      {"share_lost", Number, "fraction", 0, 1, {}, false, "share of capacity lost"},
      {"multiplier", Number, "factor", 0, 100, {}, false, "multiplier on demand or cost"},
  };
  return k;
}

const ParamSpec& policy_param(const std::string& key) {
  if (const ParamSpec* p = find_param(policy_params(), key)) return *p;
  // A key a kind declares without a range here still gets a finite, non-negative bound.
  static thread_local ParamSpec fallback;
  fallback = {key, ParamType::Number, "", 0, 1e9, {}, false, ""};
  return fallback;
}

}  // namespace rareflow::scenario
