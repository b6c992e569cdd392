// Inputs of the model-based risk measure (model_measure.hpp) from two market runs: the baseline
// scenario and a named disruption, simulated from the scenario's first year to the assessed
// year on the data package. The market model resolves final demand only for CHN and ROW (every
// other package region's demand is inside ROW), so a perspective is read from the market
// regions that hold its members' demand: CHN for China, ROW for every other member.
// Per element, for the perspective's market regions and the assessed year:
//   demand    = oxide demand + sum over magnet types of magnet demand * recipe / oxide_to_metal
//   shortfall = the same sum over the unserved quantities           (t REO, baseline demand)
//   price     = oxide price averaged over those regions, weighted by use (market::average_price)
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "rareflow/core/error.hpp"
#include "rareflow/criticality/model_measure.hpp"
#include "rareflow/data/dataset.hpp"
#include "rareflow/scenario/market_adapter.hpp"
#include "rareflow/scenario/scenario.hpp"

namespace rareflow::criticality {

inline constexpr const char* kDefaultDisruption = "china-heavy-ree-licensing";
inline constexpr int kDefaultModelYear = 2026;

struct ModelRequest {
  std::string perspective;                    // region id or bloc, any case
  std::string scenario = kDefaultDisruption;  // shipped scenario name or path to a .toml
  std::optional<int> year;                    // default: default_model_year()
};

struct ModelAssessment {
  std::string perspective;                  // as the data package spells it
  std::vector<std::string> members;         // member region ids
  std::vector<std::string> market_regions;  // the members' market regions (ROW for the rest)
  std::string scenario;                     // the disruption's name
  int year = 0;
  std::vector<ModelMeasureInput> inputs;    // every element, in Element order
  std::vector<ModelMeasureResult> results;  // same order
  std::vector<std::string> notes;           // for the output, one sentence each
};

// The first whole year under the scenario's earliest policy (ceil of its start), kept within
// the scenario's years; kDefaultModelYear when no policy has a finite start.
int default_model_year(const scenario::Scenario& s);

// Market regions holding the members' demand: each member's market region (regions.csv
// market_region; EST -> EU27) when the market model has it, else "ROW"; deduplicated, in the
// model's region order. `in_row` gets the members read from ROW.
std::vector<std::string> market_regions_for(const Dataset& d, const market::MarketModel& m,
                                            const std::vector<std::string>& members,
                                            std::vector<std::string>* in_row = nullptr);

// The measure inputs of every element from two runs that both contain `year`; fails when a
// region is not in the market model or the year is missing from a run.
Result<std::vector<ModelMeasureInput>> model_measure_inputs(
    const scenario::ScenarioRun& baseline, const scenario::ScenarioRun& disruption,
    const std::vector<std::string>& market_regions, int year, const std::string& perspective);

// Loads the baseline and the requested scenario (an unknown or invalid one fails with its
// diagnostics, as in load_scenario), runs both, and measures every element.
Result<ModelAssessment> model_assessment(const Dataset& d, const ModelRequest& r);

}  // namespace rareflow::criticality
