// Report conventions on top of the IAMC vocabulary (core/iamc_vocabulary.hpp, which names every
// variable): thresholds, aggregate regions, and helpers that write and read the structured rows
// (roadmap, criticality), so producers and the report agree.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "rareflow/core/iamc.hpp"

namespace rareflow::report::vars {

// EU CRM thresholds (2017 guidelines): critical when SR >= 1 and EI >= 2.8.
inline constexpr double kSupplyRiskThreshold = 1.0;
inline constexpr double kEconomicImportanceThreshold = 2.8;

// Regions that are totals of others; left out of share charts.
bool is_aggregate_region(std::string_view region);

}  // namespace rareflow::report::vars

namespace rareflow::report {

struct RoadmapProject {
  std::string project;
  std::string region;
  int decision_year = 0;
  int online_year = 0;
  double capacity = 0.0;
  std::string capacity_unit;  // e.g. "t REO/yr"
  double capex = 0.0;         // USD million
};
void append_roadmap(IamcTable& t, const std::string& scenario,
                    const std::vector<RoadmapProject>& entries);
// Projects of a scenario, in order of first appearance. A project needs both rows.
std::vector<RoadmapProject> read_roadmap(const IamcTable& t, const std::string& scenario);

struct CriticalityScore {
  std::string material;  // element symbol (e.g. "Dy") or a group name ("HREE")
  double supply_risk = 0.0;
  double economic_importance = 0.0;
};
void append_criticality(IamcTable& t, const std::string& scenario, const std::string& region,
                        int year, const std::vector<CriticalityScore>& scores);

// Scenarios in order of first appearance.
std::vector<std::string> scenarios_of(const IamcTable& t);

}  // namespace rareflow::report
