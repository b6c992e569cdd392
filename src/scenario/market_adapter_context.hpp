// Shared state of one market build: the scenario's data, the base-year balance, the model being
// filled block by block (regions, supply, arcs, demand, policies) and the name maps that
// policies need. Internal to the scenario layer.
#pragma once

#include <map>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "rareflow/data/balance.hpp"
#include "rareflow/scenario/market_adapter.hpp"

namespace rareflow::scenario::detail {

using market::ElementArray;

inline constexpr const char* kRow = "ROW";

// The base-year separation feed and the plants' coverage of one region.
struct SeparationRegion {
  ElementArray feed{};     // t REO per element entering separation in the base year (balance)
  ElementArray covered{};  // 1 where the region's plants separate the element
  double output_t = 0.0;   // reported separated output in the base year, t REO
  bool observed = false;   // has base-year separation output rows
};

struct Context {
  Context(const Dataset& data, const Scenario& scenario, const Balance& bal, MarketBuild& build)
      : d(data), s(scenario), balance(bal), out(build), m(build.model) {}

  const Dataset& d;  // with the scenario's overrides and trajectories applied
  const Scenario& s;
  const Balance& balance;
  MarketBuild& out;
  market::MarketModel& m;
  int base_year = 0;
  int last_year = 0;
  std::vector<std::string> errors;

  ElementArray price{};  // reference price, USD/kg oxide; NaN if none
  std::vector<std::string> price_source = std::vector<std::string>(kElementCount);
  double recovery = 0.95;            // separation recovery of covered elements
  double magnet_cost = 0.0;          // calibrated NdFeB making cost, USD/kg magnet
  std::size_t china_separation = 0;  // index of China's separation aggregate
  std::map<std::string, SeparationRegion> separation;  // by region id
  // Package facility id (or an aggregate's id) -> model facility.
  std::map<std::string, std::vector<market::FacilityRef>> facility;
  // Per year base..last: growth index of magnet demand (1 in the base year) and China's
  // official mining and separation quotas (t REO).
  std::vector<double> magnet_index;
  std::vector<double> china_mining_quota, china_separation_quota;
  // Base-year supply per element (world and China), t REO: measured on a base-year solve once
  // the model exists (docs, section 3); unset on the first pass, which estimates it.
  std::optional<ElementArray> measured_supply, measured_supply_china;

  // The model region of a package region: itself, or the market region it is resolved in
  // (regions.csv market_region, e.g. EST -> EU27).
  std::optional<std::size_t> region(std::string_view id) const {
    if (auto r = m.region_index(id)) return r;
    return m.region_index(d.market_region(id));
  }
  // A parameter of the package; records an error and returns `fallback` when it is missing.
  double param(std::string_view id, double fallback = 0.0);
  void error(std::string msg) { errors.push_back(std::move(msg)); }
  void note(std::string msg) { out.notes.push_back(std::move(msg)); }
  bool priced(std::size_t e) const { return price[e] == price[e]; }
  bool has_param(std::string_view id) const;
  // Facilities of the run: status in include_statuses, or named in include_facilities.
  bool included(const Facility& f) const;
  // The lifecycle of a package facility in the run (online year, ramp-up).
  market::Lifecycle lifecycle(const Facility& f);
  // Recovery array: `recovery` on covered and priced elements, 0 elsewhere.
  ElementArray recovery_of(const ElementArray& covered) const;
  // Index of `year` into the per-year vectors above (clamped to the range).
  std::size_t year_index(int year) const;
};

// Blocks, in build order.
void prepare_china(Context& c);
void add_regions(Context& c);
void add_mines(Context& c);
void add_plants(Context& c);
void add_candidates(Context& c);
void add_metal(Context& c);
void add_arcs(Context& c);
void add_demand(Context& c);
void add_recycling(Context& c);
void add_china_quotas(Context& c);
void add_scenario_policies(Context& c);
void apply_settings(Context& c);
// Magnet technology routes and grades, substitutes and curve shapes
// (market_adapter_magnets.cpp).
void add_magnet_routes(Context& c);
// Manufacturing scrap of NdFeB making: the share of a blank lost as scrap, derived from China's
// recycled PrNd and its magnet output, and the recovery of the scrap (docs/model_calibration.md,
// section 4a); sets both on `type`, or leaves them 0 with a note saying what is missing.
void set_magnet_scrap(Context& c, market::MagnetType& type);
// Value of the metal one kg of finished magnet takes at reference prices, less the oxide its
// scrap returns, USD/kg magnet (scrap share and recovery of `type`).
double net_metal_value(Context& c, const market::MagnetType& type, const ElementArray& recipe);
// Base-year magnet output by model region (production.csv, t magnet on the plants' own basis:
// blanks, before the scrap share).
std::map<std::size_t, double> base_magnet_output(Context& c);
market::Commodity magnet_grade(Context& c, const Sector& s);
// Backstop, reversal rate and (magnet sectors) substitute of a demand; `s` null for demand
// without a sector of the package.
void shape_demand(Context& c, market::Demand& d, const Sector* s);

// A development or candidate deposit with the project parameters of a candidate mine.
bool is_candidate_deposit(const Context& c, const Deposit& dep);
// Largest value of `v` relative to its first element (1 when empty or the first is 0).
double peak_ratio(const std::vector<double>& v);
// Growth index (1 in the base year) of a package driver for base..last, with compound rates
// between its points; fails if the driver is missing or malformed.
Result<std::vector<double>> driver_index(const Dataset& d, std::string_view driver, int base,
                                         int last);
// A market trajectory with one point per year from `base`.
market::Trajectory yearly(int base, const std::vector<double>& values);
// Sum of an element array.
double total(const ElementArray& a);

}  // namespace rareflow::scenario::detail
