// The numbers of one year, resolved from the model, the carried state and the policies:
// effective capacities and costs, demand scales, policy activity shares, recycling, price-floor
// subsidies. Builders read only this (plus the fixed topology), so every year's LP has the same
// shape and differs only in bounds, costs and right-hand sides.
#pragma once

#include <array>
#include <string>
#include <vector>

#include "rareflow/core/error.hpp"
#include "rareflow/market/model.hpp"
#include "rareflow/market/state.hpp"
#include "topology.hpp"

namespace rareflow::market::detail {

struct YearContext {
  const MarketModel& model;
  const Topology& topo;
  const YearState& state;
  const std::vector<std::vector<DemandStep>>& base_steps;  // per demand, at q0
  int year = 0;
  bool policies = true;
  std::array<std::vector<double>, kFacilityKindCount> capacity;  // effective, t/yr
  std::array<std::vector<double>, kFacilityKindCount> cost;      // effective, USD/kg
  std::vector<double> demand_scale;         // per demand: activity x intensity x shocks
  std::vector<double> share;                // per policy: active share of the year (0 when off)
  std::vector<double> recycling;            // per (commodity, region), t
  std::vector<ElementArray> floor_subsidy;  // per separation plant, USD/kg oxide
};

YearContext make_context(const MarketModel& m, const Topology& topo, const YearState& state,
                         const std::vector<std::vector<DemandStep>>& base_steps, int year,
                         bool policies);

// Share of the year in which a policy or event is in force (0 for project delays).
double period_share(const Policy& p, int year);

// Facility selection shared by events and quotas.
bool in_scope(const MarketModel& m, const FacilityScope& s, std::size_t index);
// A trade flow of commodity c from `from` to `to` selected by the scope.
bool in_scope(const MarketModel& m, const FlowScope& s, Commodity c, std::size_t from,
              std::size_t to);

// Short names for LP rows and columns: conc_<source>, ox_Nd, met_Nd, mag_NdFeB.
std::string short_label(const MarketModel& m, Commodity c);

}  // namespace rareflow::market::detail
