// Model-based risk: what a named disruption does to a perspective, from two simulator runs
// (baseline and disruption) for the same year. Per element:
//   shortfall share  = shortfall_t / demand_t                    (baseline and disruption)
//   added shortfall  = shortfall_disruption - shortfall_baseline (t) and its share of demand
//   price increase   = price_disruption / price_baseline - 1     (fraction)
// demand_t is the perspective's baseline demand, so both shares have the same denominator.
#pragma once

#include <string>
#include <vector>

#include "rareflow/core/error.hpp"

namespace rareflow::criticality {

struct ModelOutcome {
  double shortfall_t = 0.0;       // unmet demand of the perspective, t per year
  double price_usd_per_kg = 0.0;  // market price, USD/kg
};

struct ModelMeasureInput {
  std::string material;  // "Dy", ...
  std::string perspective;
  std::string scenario;  // the disruption scenario's name, e.g. "china-heavy-ree-licensing"
  int year = 0;
  double demand_t = 0.0;  // the perspective's baseline demand, t per year
  ModelOutcome baseline;
  ModelOutcome disruption;
};

struct ModelMeasureResult {
  std::string material;
  std::string perspective;
  std::string scenario;
  int year = 0;
  double demand_t = 0.0;
  ModelOutcome baseline;
  ModelOutcome disruption;
  double shortfall_share_baseline = 0.0;    // fraction of demand
  double shortfall_share_disruption = 0.0;  // fraction of demand
  double added_shortfall_t = 0.0;
  double added_shortfall_share = 0.0;  // fraction of demand
  double price_change_usd_per_kg = 0.0;
  double price_increase = 0.0;  // fraction (0.5 = +50 %)
  std::vector<std::string> flags;
};

// Errors: negative or non-finite values, baseline price <= 0, shortfall above demand, a
// shortfall with zero demand. Zero demand and zero shortfall give shares of 0 and a flag.
Result<ModelMeasureResult> model_measure(const ModelMeasureInput& in);
Result<std::vector<ModelMeasureResult>> model_measures(const std::vector<ModelMeasureInput>& in);

}  // namespace rareflow::criticality
