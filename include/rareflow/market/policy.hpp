// Policies and events of a market scenario. Each names its scope (regions, partners, stages,
// elements or facilities) and the period in which it acts. Periods are in fractional years:
// 2025.25 is 1 April 2025, and a year y covers [y, y + 1). A policy active for part of a year
// acts on that share of the year's flows (see docs/model_market.md, "Policies").
#pragma once

#include <cstdint>
#include <limits>
#include <string>
#include <variant>
#include <vector>

#include "rareflow/core/elements.hpp"
#include "rareflow/market/commodity.hpp"

namespace rareflow::market {

struct Period {
  double start = -std::numeric_limits<double>::infinity();
  double end = std::numeric_limits<double>::infinity();  // exclusive

  // Share of year [year, year + 1) inside the period, in [0, 1].
  double active_share(int year) const;
  static Period years(int first, int last) { return {double(first), double(last) + 1.0}; }
};

// Trade flows from one set of regions to another, of the selected commodities.
struct FlowScope {
  std::vector<std::size_t> from;  // exporters (region indices); empty: all regions
  std::vector<std::size_t> to;    // importers; empty: all regions
  CommodityFilter goods;
};

enum class FacilityKind : std::uint8_t { Mine, Separation, Metal, Magnet };
inline constexpr std::size_t kFacilityKindCount = 4;
std::string_view facility_kind_name(FacilityKind k);  // "Mine", "Separation", "Metal", "Magnet"

struct FacilityRef {
  FacilityKind kind = FacilityKind::Mine;
  std::size_t index = 0;  // into MarketModel::sources / separation / metal / magnet
};

// Facilities of one kind: the listed ones, or (if none listed) all in the listed regions (all
// regions if none listed).
struct FacilityScope {
  FacilityKind kind = FacilityKind::Mine;
  std::vector<std::size_t> regions;
  std::vector<std::size_t> facilities;
};

// No exports in scope.
struct ExportBan {
  std::string name;
  Period period;
  FlowScope scope;
};

// Exports in scope, summed over commodities and partners, at most quota_t per year (each
// commodity on its own basis).
struct ExportQuota {
  std::string name;
  Period period;
  FlowScope scope;
  double quota_t = 0.0;
};

// Export licensing: for each commodity in scope, at most `share` of the normal flow passes.
// Normal flow: the flow in scope in the year before the policy starts (the simulator keeps
// it; see YearState::reference_flow). With a delay, nothing passes during the first
// delay_years of the period (licences not yet granted).
// A path changes the share over time: from each point's time on (fractional year, e.g. a
// quarterly approval ramp), its share applies; before the first point, `share`.
struct SharePoint {
  double from = 0.0;
  double share = 1.0;
};

struct ExportLicensing {
  std::string name;
  Period period;
  FlowScope scope;
  double share = 1.0;
  double delay_years = 0.0;
  std::vector<SharePoint> path = {};  // sorted by `from`; empty: `share` throughout

  // Integral over [year, year + 1) of the share passed while in force: zero during the delay,
  // the path's share otherwise (docs/model_market.md, section 7).
  double passed_share(int year) const;
};

enum class TaxSide : std::uint8_t { Export, Import };

// Export tax or import tariff on flows in scope: ad valorem (share of last year's price of the
// commodity in the exporting region) plus a specific amount in USD/t.
struct TradeTax {
  std::string name;
  Period period;
  FlowScope scope;
  TaxSide side = TaxSide::Import;
  double ad_valorem = 0.0;
  double specific_usd_per_t = 0.0;
};

// No flows between scope.from and scope.to, in either direction.
struct Sanction {
  std::string name;
  Period period;
  FlowScope scope;
};

// Mine output (t REO) or separation output (t REO of separated oxides) of the facilities in
// scope at most quota_t per year. Only kinds Mine and Separation.
struct ProductionQuota {
  std::string name;
  Period period;
  FacilityScope scope;
  double quota_t = 0.0;
};

// A strategic stockpile of one oxide or metal in one region: buys up to fill_rate_t per year
// while the price is at most fill_price_cap, up to max_level_t; releases up to release_rate_t
// per year when the price reaches release_trigger, never below min_level_t.
struct StockpileProgram {
  std::string name;
  Period period;
  std::size_t region = 0;
  Commodity commodity;
  double initial_level_t = 0.0;
  double fill_rate_t = 0.0;
  double fill_price_cap_usd_per_kg = 0.0;
  double max_level_t = 0.0;
  double release_trigger_usd_per_kg = 0.0;
  double release_rate_t = 0.0;
  double min_level_t = 0.0;
};

// A guaranteed price for the listed oxides of one separation plant: the plant is paid the
// difference between the floor and the market price in its region when the market is lower.
struct PriceFloor {
  std::string name;
  Period period;
  std::size_t plant = 0;  // index into MarketModel::separation
  std::vector<Element> elements;
  double floor_usd_per_kg = 0.0;
};

// Event: a share of the capacity of the facilities in scope is lost during the period.
struct Outage {
  std::string name;
  Period period;
  FacilityScope scope;
  double share_lost = 0.0;
};

// Event: demand of the matching (region, sector, commodity) scaled by `multiplier`.
struct DemandShock {
  std::string name;
  Period period;
  std::vector<std::size_t> regions;  // empty: all
  std::vector<std::string> sectors;  // empty: all
  CommodityFilter goods;
  double multiplier = 1.0;
};

// Event: unit costs of the facilities in scope scaled by `multiplier`.
struct CostShock {
  std::string name;
  Period period;
  FacilityScope scope;
  double multiplier = 1.0;
};

// Event: an announced project comes online `delay_years` later (a candidate: its lead time is
// longer by that much).
struct ProjectDelay {
  std::string name;
  FacilityRef facility;
  int delay_years = 0;
};

using Policy =
    std::variant<ExportBan, ExportQuota, ExportLicensing, TradeTax, Sanction, ProductionQuota,
                 StockpileProgram, PriceFloor, Outage, DemandShock, CostShock, ProjectDelay>;

const std::string& policy_name(const Policy& p);
// "export_ban", "export_quota", "export_licensing", "trade_tax", "sanction", "production_quota",
// "stockpile", "price_floor", "outage", "demand_shock", "cost_shock", "project_delay".
std::string_view policy_kind(const Policy& p);

}  // namespace rareflow::market
