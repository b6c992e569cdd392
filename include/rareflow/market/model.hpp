// The market model: a plain value describing a rare-earth market (regions, ore sources, plants,
// demand, trade arcs, recycling, stocks, policies and events) and its dynamics over the years.
// MarketEngine (engine.hpp) solves its yearly equilibrium; simulate() (simulator.hpp) runs it
// year by year. Quantities are tonnes on the commodity's own basis (t REO for concentrate and
// oxide, t metal, t magnet); prices and costs are USD/kg on the same basis.
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "rareflow/core/elements.hpp"
#include "rareflow/market/commodity.hpp"
#include "rareflow/market/policy.hpp"
#include "rareflow/market/trajectory.hpp"

namespace rareflow::market {

inline constexpr int kAlways = -100000;  // online before any simulated year
inline constexpr int kNever = 100000;    // never closes

using ElementArray = std::array<double, kElementCount>;

struct Region {
  std::string id;                         // ISO 3166 alpha-3 or an aggregate (EU27, ROW)
  std::vector<std::string> blocs;         // named blocs it belongs to (G7, BRICS, ...)
  double disposal_cost_usd_per_kg = 0.0;  // cost of disposing of unwanted separated oxide
};

// When a facility has capacity. Announced projects have an online year and a ramp-up; a
// candidate has none until the investment rule builds it.
struct Lifecycle {
  int online_year = kAlways;       // first year with capacity
  int ramp_years = 0;              // capacity share (y - online + 1) / ramp_years until full
  int close_year = kNever;         // first year without capacity
  bool candidate = false;          // built only when expected margins justify it
  double capex_usd_per_tpa = 0.0;  // USD per t/yr of capacity (candidates)
  int lead_time_years = 1;         // decision to first output (candidates), >= 1
  int lifetime_years = 20;         // for the investment annuity
  int earliest_decision_year = kAlways;

  // Share of full capacity in `year` for a facility online from `online` (online_year, or the
  // year the investment rule built it): 0 before it and from close_year, ramping up linearly.
  double capacity_share(int online, int year) const;
  double capacity_share(int year) const { return capacity_share(online_year, year); }
};

// What every facility has: where it is, what it can do a year at what unit cost, and when.
// Capacity and cost are on the kind's basis: mine t REO/yr of concentrate and USD/kg REO
// (mining and beneficiation); separation t REO/yr of concentrate feed and USD/kg REO of feed;
// metal t metal/yr (all elements together) and USD/kg metal; magnet t magnet/yr (finished) and
// USD/kg magnet including non-REE inputs.
struct Facility {
  std::string id;
  std::size_t region = 0;
  double capacity_t = 0.0;
  double unit_cost_usd_per_kg = 0.0;
  Lifecycle life;
};

// A mine, or a region's basket of mines with one composition.
struct OreSource : Facility {
  ElementArray distribution{};  // shares of REO, sum 1
};

struct SeparationPlant : Facility {
  ElementArray recovery{};  // share of each element's feed recovered as oxide; 0 = not
                            // separated (goes to the residue)
};

struct MetalPlant : Facility {
  std::vector<Element> elements;  // metals it can make
};

struct MagnetType {
  std::string id;         // "NdFeB", "SmCo"
  ElementArray recipe{};  // t of element metal per t of finished magnet (the rest is Fe, B...)
  // Manufacturing scrap (cutting, grinding, rejects): t of alloy lost per t of blank. A plant
  // making 1 t of finished magnet uses recipe / (1 - scrap_share) t of metal, and the scrap's
  // rare earths return as oxide in the plant's region at scrap_recovery (docs/model_market.md,
  // section 6b). Both 0: no scrap loop.
  double scrap_share = 0.0;     // in [0, 1)
  double scrap_recovery = 0.0;  // in [0, 1]
};

// A technology route for making magnets (docs/model_market.md, section 6a): plants of magnet
// type `plant_type` can make magnet type `output` with this recipe at their unit cost plus
// `extra_cost_usd_per_kg`. A magnet type without any route of its plant type is made by one
// implicit route: its own recipe, no extra cost, output the type itself.
struct MagnetRoute {
  std::string id;              // "dy-tb", "gbd", "hree-free"
  std::size_t plant_type = 0;  // index into MarketModel::magnet_types: plants that can run it
  std::size_t output = 0;      // magnet type made (a grade, with its own demand)
  ElementArray recipe{};       // t of element metal per t of magnet
  double extra_cost_usd_per_kg = 0.0;  // USD/kg magnet above the plant's unit cost
};

// What one tonne of finished magnet made by a route takes and gives back: metal in (t metal
// per t magnet) and the oxide its scrap returns (t REO per t magnet).
struct MagnetInputs {
  ElementArray metal{};
  ElementArray scrap_oxide{};
};

struct MagnetPlant : Facility {
  std::size_t type = 0;  // index into MarketModel::magnet_types
};

// What demand not served on a step is: a price response (counted as shortfall), demand given
// up at the backstop price, or demand switched to a non-REE substitute.
enum class StepKind : std::uint8_t { Curve, Backstop, Substitute };

struct DemandStep {
  double quantity_t = 0.0;      // width of the step at the reference quantity
  double wtp_usd_per_kg = 0.0;  // willingness to pay
  StepKind kind = StepKind::Curve;
};

// Thrifting and substitution: the demand's intensity moves toward (P/p0)^(long_run -
// elasticity) by a share `speed` each year, where P is the average price over `window_years`
// ending `lag_years` before the year. Off when long_run_elasticity is 0.
struct PriceResponse {
  double long_run_elasticity = 0.0;
  double speed = 0.3;
  int lag_years = 1;
  int window_years = 3;
  bool reversible = false;  // true: intensity recovers toward 1 at `speed`
  // Share of the gap to a higher target closed each year when not reversible (partial
  // reversal: the re-engineering of thrifting is partly undone when prices fall).
  double recovery_speed = 0.0;
};

// Demand of one sector in one region for one commodity (an oxide, a metal or a magnet type).
// Constant elasticity q = q0 (p / p0)^elasticity, zero above the choke price, ending at
// settings.max_quantity_ratio * q0; approximated by steps (demand_curve.hpp).
struct Demand {
  std::string sector;
  std::size_t region = 0;
  Commodity commodity;
  double q0_t = 0.0;              // reference quantity in the base year, t/yr
  double p0_usd_per_kg = 0.0;     // reference price
  double elasticity = -0.5;       // short run, < 0
  double choke_usd_per_kg = 0.0;  // backstop: > p0; nothing is bought at or above it
  // A non-REE substitute (ferrite, induction or wound-rotor motors): a share of the demand
  // leaves once the price exceeds the substitute's cost (0: no substitute).
  double substitute_share = 0.0;       // in [0, 1)
  double substitute_usd_per_kg = 0.0;  // price at which that share switches, > 0
  std::vector<DemandStep> steps;       // if given, used instead of the curve (scaled with q0)
  Trajectory activity;                 // multiplier on q0 by year; empty: 1
  PriceResponse response;
};

// Trade is possible from `from` to `to` for every commodity of `stage` (a concentrate only
// from its source's region).
struct TradeArc {
  std::size_t from = 0;
  std::size_t to = 0;
  Stage stage = Stage::Oxide;
  double cost_usd_per_kg = 0.0;
};

// Secondary oxide from end-of-life recycling (from the stock model), t REO/yr.
struct RecyclingSupply {
  std::size_t region = 0;
  Element element = Element::Nd;
  Trajectory t_per_yr;
};

struct OpeningStock {
  std::size_t region = 0;
  Commodity commodity;
  double t = 0.0;
};

struct MarketSettings {
  int base_year = 2024;             // year of the demand references
  int demand_steps_above = 6;       // steps between the choke price and p0
  int demand_steps_below = 4;       // steps between p0 and the end of the curve
  double max_quantity_ratio = 1.5;  // demand curves end at this multiple of q0
  // > 0: demand steps spaced by this log-price gap next to p0, growing by demand_step_growth
  // per step away from it (instead of the even steps above); docs, section 6.
  double demand_step_gap = 0.0;
  double demand_step_growth = 0.05;
  // Cost of adding one kg to a commercial stock (handling and a year of carry), by stage.
  std::array<double, kStageCount> holding_cost_usd_per_kg{0.5, 0.5, 1.0, 1.0};
  bool allow_reexport = false;  // false: a region exports at most what it produces
  // Investment rule.
  double hurdle_rate = 0.10;
  int price_window_years = 3;
  // Subsidy fixed point for price floors.
  int price_floor_max_iterations = 10;
  double price_floor_tolerance_usd_per_kg = 1e-6;
  double mass_balance_tolerance = 1e-9;  // relative
  // Unit-cost multipliers by facility kind and year; empty: 1.
  std::array<Trajectory, kFacilityKindCount> cost_index;
};

struct MarketModel {
  std::vector<Region> regions;
  std::vector<OreSource> sources;
  std::vector<SeparationPlant> separation;
  std::vector<MetalPlant> metal;
  std::vector<MagnetType> magnet_types;
  std::vector<MagnetRoute> magnet_routes;  // empty: each type made by its own recipe
  std::vector<MagnetPlant> magnet;
  std::vector<Demand> demands;
  std::vector<TradeArc> arcs;
  std::vector<RecyclingSupply> recycling;
  std::vector<OpeningStock> stocks;
  std::vector<Policy> policies;  // policies and events
  MarketSettings settings;

  CommoditySet commodities() const { return {sources.size(), magnet_types.size()}; }
  std::optional<std::size_t> region_index(std::string_view id) const;
  // Indices of the region with this id, or of the members of the bloc with this name.
  std::vector<std::size_t> regions_named(std::string_view id_or_bloc) const;
  // "Oxide|Nd", "Concentrate|<source id>", "Magnet|NdFeB".
  std::string commodity_label(Commodity c) const;
  // "Nd", "<source id>", "NdFeB".
  std::string item_label(Commodity c) const;
  bool matches(const CommodityFilter& f, Commodity c) const;
  std::size_t facility_count(FacilityKind k) const;
  // The common part of any facility: the one place that switches over the four kinds.
  const Facility& facility(FacilityRef f) const;
};

// The routes plants of each magnet type run: the model's routes, plus the implicit route of
// every type that has none (its own recipe, output itself, no extra cost).
std::vector<MagnetRoute> effective_magnet_routes(const MarketModel& m);

// Metal used and scrap oxide returned per t of finished magnet made by `route` on plants of its
// plant type (the type's scrap share and recovery).
MagnetInputs magnet_inputs(const MarketModel& m, const MagnetRoute& route);
// The same for a recipe made on plants of `type`.
MagnetInputs magnet_inputs(const MagnetType& type, const ElementArray& recipe);

// Adds arcs in both directions between every pair of regions for one stage.
void add_all_arcs(MarketModel& m, Stage stage, double cost_usd_per_kg);

}  // namespace rareflow::market
