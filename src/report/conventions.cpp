#include "rareflow/report/conventions.hpp"

#include <algorithm>
#include <map>

namespace rareflow::report {

namespace vars {
bool is_aggregate_region(std::string_view region) {
  return region == "World" || region == "WLD" || region == "Total" || region == "Global";
}
}  // namespace vars

void append_roadmap(IamcTable& t, const std::string& scenario,
                    const std::vector<RoadmapProject>& entries) {
  for (const auto& e : entries) {
    t.add(kModelName, scenario, e.region, var::roadmap_capacity(e.project, e.capacity_unit),
          e.online_year, e.capacity);
    t.add(kModelName, scenario, e.region, var::roadmap_capex(e.project), e.decision_year, e.capex);
  }
}

std::vector<RoadmapProject> read_roadmap(const IamcTable& t, const std::string& scenario) {
  std::vector<std::string> order;
  std::map<std::string, RoadmapProject> by_project;
  std::map<std::string, int> seen;  // bit 1: capacity, bit 2: capex
  for (const auto& r : t.rows) {
    if (r.scenario != scenario || !r.variable.starts_with(var::kRoadmap)) continue;
    std::string rest = r.variable.substr(var::kRoadmap.size());
    bool cap = rest.ends_with(var::kRoadmapCapacity);
    bool capex = rest.ends_with(var::kRoadmapCapex);
    if (!cap && !capex) continue;
    std::string project =
        rest.substr(0, rest.size() - (cap ? var::kRoadmapCapacity : var::kRoadmapCapex).size());
    if (!by_project.contains(project)) order.push_back(project);
    auto& e = by_project[project];
    e.project = project;
    e.region = r.region;
    if (cap) {
      e.online_year = r.year;
      e.capacity = r.value;
      e.capacity_unit = r.unit;
      seen[project] |= 1;
    } else {
      e.decision_year = r.year;
      e.capex = r.value;
      seen[project] |= 2;
    }
  }
  std::vector<RoadmapProject> out;
  for (const auto& p : order)
    if (seen[p] == 3) out.push_back(by_project[p]);
  return out;
}

void append_criticality(IamcTable& t, const std::string& scenario, const std::string& region,
                        int year, const std::vector<CriticalityScore>& scores) {
  for (const auto& s : scores) {
    t.add(kModelName, scenario, region, var::supply_risk(s.material), year, s.supply_risk);
    t.add(kModelName, scenario, region, var::economic_importance(s.material), year,
          s.economic_importance);
  }
}

std::vector<std::string> scenarios_of(const IamcTable& t) {
  std::vector<std::string> out;
  for (const auto& r : t.rows)
    if (std::find(out.begin(), out.end(), r.scenario) == out.end()) out.push_back(r.scenario);
  return out;
}

}  // namespace rareflow::report
