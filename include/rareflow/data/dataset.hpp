// The loaded, validated data package as typed, immutable values with ids resolved. Every
// record keeps the source id it cites.
#pragma once

#include <array>
#include <filesystem>
#include <limits>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "rareflow/core/elements.hpp"
#include "rareflow/core/error.hpp"
#include "rareflow/data/chain_stage.hpp"
#include "rareflow/data/raw_table.hpp"
#include "rareflow/data/schema.hpp"

namespace rareflow {

using ElementShares = std::array<double, kElementCount>;  // fractions, summing to 1
inline constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

struct Source {
  std::string id, title, publisher;
  int year = 0;
  std::string address, confidence, note;
};

struct Region {
  std::string id, name;
  RegionKind kind = RegionKind::Country;
  std::vector<std::string> blocs;
  std::string source;
  std::string market_region;  // region the country is resolved in; empty = its own
};

// An ore's (or an end use's) element distribution. `share` is normalised to sum to 1, the
// remainder spread pro rata over the listed elements; `listed_pct` keeps the table's values.
struct Distribution {
  std::string id, name;
  ElementShares share{};
  ElementShares listed_pct{};
  double remainder_pct = 0;
  std::string source, note;
};

struct Deposit {
  std::string id, name, region, type;
  DepositStatus status = DepositStatus::Operating;
  double resource_mt_ore = kNaN, grade_pct_treo = kNaN;
  std::string distribution, owner, source, note;
};

struct Facility {
  std::string id, name, region;
  ChainStage stage = ChainStage::Mine;
  std::string deposit;
  double capacity = kNaN;  // per year, on the basis in `unit`
  std::string unit;
  int start_year = 0;
  FacilityStatus status = FacilityStatus::Operating;
  std::string owner, source, note;
};

struct Production {
  ChainStage stage = ChainStage::Mine;
  std::string region;
  int year = 0;
  std::vector<Element> elements;  // empty = all elements
  std::string element_text;
  double value = 0;
  std::string unit, source, note;
};

struct MineMix {
  std::string region;
  int year = 0;
  std::string distribution;
  double share_pct = 0;
  std::string source;
};

struct Route {
  int year = 0;
  ChainStage stage = ChainStage::Oxide;
  std::string from, to;
  std::vector<Element> elements;  // empty = all elements (the flow keeps its composition)
  std::string element_text;
  double value = 0;
  std::string unit, source, note;
};

struct Reserve {
  std::string region, basis;
  int year = 0;
  double value = 0;
  std::string unit, source, note;
};

struct Price {
  std::string element, form;
  int year = 0;
  double usd_per_kg = 0;
  std::string source;
};

struct Sector {
  std::string id, name, commodity, recipe, lifetime_model;
  double lifetime_mean_y = 0, lifetime_sd_y = 0, collection_pct = 0, recovery_pct = 0;
  std::string source;
};

struct DemandShare {
  int year = 0;
  std::string region, sector;
  double share_pct = 0;
  std::string basis, source;
};

// Base-year non-magnet use of a region outside China (regional_use.csv): `sector` is an oxide
// sector id or kNonMagnet (all oxide sectors, split as the world's), in t REO.
struct RegionalUse {
  static constexpr const char* kNonMagnet = "non-magnet";
  int year = 0;
  std::string region, sector;
  double t_reo = 0;
  std::string source, note;
};

struct Parameter {
  std::string id;
  double value = 0;
  std::string unit, source, note;
};

struct Trajectory {
  std::string driver;
  int year = 0;
  double value = 0;
  std::string unit, source, note;
};

// World Bank WGI estimates of one country and year (about -2.5 worst .. 2.5 best).
struct WgiEstimates {
  std::string iso3, country;
  int year = 0;
  double voice = 0, stability = 0, effectiveness = 0, regulatory = 0, rule_of_law = 0,
         corruption = 0;
  std::string source;
};

// One published result of the EU CRM 2023 assessment; NaN / "" where not published.
struct EuCrmPublished {
  std::string material, element;  // element: symbol, or LREE/HREE
  double sr = kNaN, ei = kNaN;
  std::string stage_reported, scope_extraction;
  double sr_extraction = kNaN;
  std::string scope_processing;
  double sr_processing = kNaN, si_ei = kNaN, si_sr = kNaN;
  double ir_extraction_pct = kNaN, ir_processing_pct = kNaN, eol_rir_pct = kNaN;
  std::string source, note;
};

// An EU trade-related factor t_c; scope is global, sourcing or both.
struct TradeFactorEntry {
  std::string material, stage, iso3;
  double factor = 1;
  std::string scope, source, note;
};

struct Dataset {
  // Raw tables point into `schema`: moving keeps them valid, copying would not.
  Dataset() = default;
  Dataset(Dataset&&) = default;
  Dataset& operator=(Dataset&&) = default;
  Dataset(const Dataset&) = delete;
  Dataset& operator=(const Dataset&) = delete;

  Schema schema;
  std::string origin;  // "embedded" or the directory loaded
  std::vector<RawTable> raw;

  std::vector<Source> sources;
  std::vector<Region> regions;
  std::vector<Distribution> distributions;
  std::vector<Distribution> sector_recipes;
  std::vector<Deposit> deposits;
  std::vector<Facility> facilities;
  std::vector<Production> production;
  std::vector<MineMix> mine_mix;
  std::vector<Route> routes;
  std::vector<Reserve> reserves;
  std::vector<Price> prices;
  std::vector<Sector> sectors;
  std::vector<DemandShare> demand;
  std::vector<RegionalUse> regional_use;
  std::vector<Parameter> parameters;
  std::vector<Trajectory> trajectories;
  std::vector<WgiEstimates> wgi;
  std::vector<EuCrmPublished> eu_crm_2023;
  std::vector<TradeFactorEntry> trade_factors;

  const Source* source(std::string_view id) const;
  const Region* region(std::string_view id) const;
  const Distribution* distribution(std::string_view id) const;
  const Distribution* recipe(std::string_view id) const;
  const Sector* sector(std::string_view id) const;
  // The parameter's value, or an error naming it when the package has no such row.
  Result<double> parameter(std::string_view id) const;
  // Region ids of a bloc (e.g. "EU27"), or {id} when `id` is a region; empty if neither.
  std::vector<std::string> members(std::string_view bloc_or_region) const;
  // The market region `id` is resolved in (regions.csv market_region; `id` itself when empty).
  std::string market_region(std::string_view id) const;
  // Countries resolved in market region `id` other than `id` itself (e.g. EU27's members).
  std::vector<std::string> resolved_in(std::string_view id) const;
  const RawTable* raw_table(std::string_view name) const;
};

// Parses "all" (-> empty) or symbols joined by '+' (e.g. "Nd+Pr"); nullopt if malformed.
std::optional<std::vector<Element>> parse_element_set(std::string_view text);

// Loads and validates the package in `dir`; the error's diagnostics list every problem.
Result<Dataset> load_dataset(const std::filesystem::path& dir);
// The package compiled into the binary (data/world); an error only if it is broken.
Result<Dataset> load_default_dataset();
// Loads from any reader (used by both of the above and by tests).
Result<Dataset> load_dataset_from(const FileReader& read, const std::string& prefix,
                                  const std::string& origin);

}  // namespace rareflow
