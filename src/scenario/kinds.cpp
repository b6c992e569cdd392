#include "rareflow/scenario/scenario.hpp"

namespace rareflow::scenario {

// The numeric parameters of each policy or event kind (units in docs/model.md, section 4).
const std::vector<KindSpec>& kinds() {
  static const std::vector<KindSpec> k = {
      {"export_ban", {}, {}, true},
      {"export_quota", {"quota_t"}, {"quota_t"}, true},
      {"export_licensing", {"share", "delay_years"}, {"share"}, true},
      {"export_tax", {"ad_valorem", "specific_usd_per_t"}, {}, true},
      {"import_tariff", {"ad_valorem", "specific_usd_per_t"}, {}, true},
      {"sanction", {}, {}, true},
      {"production_quota", {"quota_t"}, {"quota_t"}, false},
      {"stockpile",
       {"initial_level_t", "fill_rate_t", "fill_price_cap_usd_per_kg", "max_level_t",
        "release_trigger_usd_per_kg", "release_rate_t", "min_level_t"},
       {"max_level_t"},
       true},
      {"price_floor", {"floor_usd_per_kg"}, {"floor_usd_per_kg"}, false},
      {"outage", {"share_lost"}, {"share_lost"}, false},
      {"demand_shock", {"multiplier"}, {"multiplier"}, false},
      {"cost_shock", {"multiplier"}, {"multiplier"}, false},
      {"project_delay", {"delay_years"}, {"delay_years"}, false},
  };
  return k;
}

}  // namespace rareflow::scenario
