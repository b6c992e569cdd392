// The IAMC variable names the report reads (see docs/model_report.md), and helpers that write
// and read the structured ones (roadmap, criticality), so producers and the report agree.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "rareflow/core/iamc.hpp"

namespace rareflow::report::vars {

// Price|Oxide|<El>: oxide price in USD/kg, by region (e.g. CHN and ROW, or World).
inline constexpr std::string_view kPriceOxide = "Price|Oxide|";
// Mine and separation output by region, t REO/yr.
inline constexpr std::string_view kMineProduction = "Production|Mine|REO";
inline constexpr std::string_view kSeparation = "Production|Separation|REO";
// Shortfall|<Commodity>|<Sector or element>: unserved demand, t/yr, by region.
inline constexpr std::string_view kShortfall = "Shortfall|";
// Plan|Self-sufficiency|<El or group>: share of use met from the focus region's own chain, %.
inline constexpr std::string_view kSelfSufficiency = "Plan|Self-sufficiency|";
// Plan|Goal|Self-sufficiency|<El or group>: the goal, %, in the years it applies.
inline constexpr std::string_view kSelfSufficiencyGoal = "Plan|Goal|Self-sufficiency|";
// Plan|Cost|<Component>: cost components per year (e.g. Capex, Opex, Imports), million USD.
inline constexpr std::string_view kCost = "Plan|Cost|";
// Plan|Roadmap|<Project>|Capacity: capacity added, row year = online year (unit e.g. t REO/yr).
// Plan|Roadmap|<Project>|Capex: capital cost, row year = decision year, million USD.
inline constexpr std::string_view kRoadmap = "Plan|Roadmap|";
inline constexpr std::string_view kRoadmapCapacity = "|Capacity";
inline constexpr std::string_view kRoadmapCapex = "|Capex";
// Plan|Project value|<Project>|Forbidden and ...|Forced: change in the expected present cost
// when the project may not be built / is forced on its earliest date (`plan --rank`), million
// USD; row year = the plan's first year.
inline constexpr std::string_view kProjectValue = "Plan|Project value|";
inline constexpr std::string_view kProjectValueForbidden = "|Forbidden";
inline constexpr std::string_view kProjectValueForced = "|Forced";
// Criticality|SR|<Material> and Criticality|EI|<Material>: dimensionless scores; region = the
// perspective (e.g. EU27).
inline constexpr std::string_view kSupplyRisk = "Criticality|SR|";
inline constexpr std::string_view kEconomicImportance = "Criticality|EI|";

// EU CRM thresholds (2017 guidelines): critical when SR >= 1 and EI >= 2.8.
inline constexpr double kSupplyRiskThreshold = 1.0;
inline constexpr double kEconomicImportanceThreshold = 2.8;

// Regions that are totals of others; left out of share charts.
bool is_aggregate_region(std::string_view region);

}  // namespace rareflow::report::vars

namespace rareflow::report {

struct RoadmapEntry {
  std::string project;
  std::string region;
  int decision_year = 0;
  int online_year = 0;
  double capacity = 0.0;
  std::string capacity_unit;  // e.g. "t REO/yr"
  double capex = 0.0;         // million USD
};
void append_roadmap(IamcTable& t, const std::string& scenario,
                    const std::vector<RoadmapEntry>& entries);
// Projects of a scenario, in order of first appearance. A project needs both rows.
std::vector<RoadmapEntry> read_roadmap(const IamcTable& t, const std::string& scenario);

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
