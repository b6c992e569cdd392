// The roadmap planner's input, as plain values: what a plan file (plans/*.toml) says once it
// has been read and checked. Money is held in million USD (MUSD) after conversion at the
// plan's stated exchange rates; quantities in tonnes on each commodity's own basis (t REO for
// concentrate and oxides, t metal, t magnet); unit prices in USD/kg.
#pragma once

#include <array>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "rareflow/core/distribution.hpp"
#include "rareflow/core/element_groups.hpp"
#include "rareflow/core/elements.hpp"
#include "rareflow/core/stage.hpp"

namespace rareflow::plan {

// Where a number comes from. confidence is "reported", "derived" or "assumption"; an
// assumption carries a reason.
struct SourceNote {
  std::string source;
  std::string confidence;
  std::string reason;
};

// A quantity that changes over the years: linear between the given points, flat outside them.
struct YearPath {
  std::vector<std::pair<int, double>> points;  // sorted by year

  static YearPath constant(double v) { return YearPath{{{0, v}}}; }
  double at(int year) const;
  bool empty() const { return points.empty(); }
};

using rareflow::Stage;

// A commodity: "oxide:Nd", "metal:Dy", "magnet:NdFeB" or "concentrate:<deposit>".
struct Commodity {
  Stage stage = Stage::Oxide;
  std::string item;  // element symbol, magnet type id or deposit id

  std::string str() const;
  auto operator<=>(const Commodity&) const = default;
};

using ElementShares = std::array<double, kElementCount>;

struct Deposit {
  std::string id;
  std::string name;
  ElementShares distribution{};  // share of REO by element, sums to 1
  SourceNote note;
};

struct MagnetType {
  std::string id;
  ElementShares recipe{};  // t of metal of each element per t of magnet
  SourceNote note;
};

// Secondary feed for recycling plants (e.g. end-of-life magnet scrap), in t REO contained.
struct Feed {
  std::string id;
  std::string name;
  ElementShares distribution{};
  YearPath available;           // t REO/yr
  double price_usd_per_kg = 0;  // cost of the collected feed, USD/kg REO
  SourceNote note;
};

enum class ProjectType { Mine, Separation, Metal, Magnet, Recycling };
std::string_view project_type_name(ProjectType t);
// Unit of a project's capacity and output: mines t REO/yr mined; separation and recycling
// t REO/yr of separated oxides; metal plants t metal/yr; magnet plants t magnet/yr.
std::string_view capacity_unit(ProjectType t);

struct Announcement {
  int decision_year = 0;
  int modules = 0;
};

struct Project {
  std::string id;
  std::string name;
  ProjectType type = ProjectType::Mine;
  std::string deposit;                // mine: the deposit it works
  std::string feed;                   // recycling: the feed it takes
  std::string magnet;                 // magnet plant: the magnet type it makes
  std::vector<std::string> deposits;  // separation: concentrates it accepts (empty: all)
  std::vector<Element> elements;      // separation, metal: elements it can produce (empty: all)
  double recovery = 1.0;              // separation, recycling: share of each covered element
  double capacity_per_module = 0;     // in capacity_unit(type)
  double capex_musd = 0;              // per module
  double fixed_cost_musd = 0;         // per module online, per year
  double variable_cost = 0;           // USD/kg of output
  int lead_time = 0;                  // years from decision to first output
  int earliest_decision = 0;
  int latest_decision = 0;   // 0: last year at which it can still come online
  int max_modules = 1;       // including existing ones
  int existing_modules = 0;  // online before the horizon
  int life_years = 20;       // for the residual value at the horizon's end
  std::vector<double> ramp;  // share of nameplate in the first years online
  std::optional<Announcement> announced;
  SourceNote note;
};

struct ImportOption {
  std::string supplier;
  Commodity commodity;
  double price = 0;                 // USD/kg
  std::optional<double> available;  // t/yr; none: unlimited
  SourceNote note;
  // The [[imports]] entry it was listed in. By default the availability of an entry that lists
  // several commodities is shared by them (the supplier offers that many tonnes in all);
  // `available_per = "commodity"` gives each commodity the whole amount.
  int entry = -1;
  bool shared_availability = true;
  // From this year, export licences are granted only against declared end use: purchases of
  // the element are capped by the plan's demand for it that year (no stockpiling). 0: never.
  int licensed_from = 0;
};

struct ExportOption {
  Commodity commodity;
  double price = 0;           // USD/kg received
  std::optional<double> cap;  // t/yr the market takes; none: unlimited
  SourceNote note;
};

struct DemandPath {
  Commodity commodity;
  YearPath tonnes;               // t/yr on the commodity's basis
  double shortfall_penalty = 0;  // USD/kg of unmet demand
  SourceNote note;
};

enum class GoalKind {
  SelfSufficiency,
  ImportDependence,
  MarketShare,
  Exports,
  SupplierShare,
  Budget
};
std::string_view goal_kind_name(GoalKind k);

struct Goal {
  std::string name;
  GoalKind kind = GoalKind::SelfSufficiency;
  bool hard = true;
  double penalty = 0;  // soft: USD/kg of shortfall against the target (budget: USD per USD)
  std::vector<Element> elements;       // self-sufficiency, import dependence, supplier share
  std::string group;                   // how the element set was named, e.g. "all", "Nd+Pr"
  double share = 0;                    // min share (self-sufficiency, market share) or max share
  Stage stage = Stage::Concentrate;    // market share: stage whose output is counted
  YearPath world;                      // market share: world market in t/yr at that stage
  std::vector<Commodity> commodities;  // exports
  YearPath tonnes;                     // exports: minimum t/yr
  std::string supplier;                // supplier share: "" = every supplier
  std::optional<double> budget_total_musd;
  std::optional<YearPath> budget_per_year_musd;
  int first_year = 0;                  // applies from this year ...
  int last_year = 0;                   // ... to this one (default: the horizon's end)
  std::vector<std::string> scenarios;  // empty: all
  SourceNote note;
};

// Scenario changes to an import option from a year on.
struct ImportOverride {
  std::string supplier;
  std::vector<Commodity> commodities;
  int from_year = 0;
  int to_year = 0;  // 0: to the end
  std::optional<double> price;
  double price_factor = 1.0;
  std::optional<double> available;
  double available_factor = 1.0;
  bool licensed = false;  // in these years purchases are capped by end use (see ImportOption)
  SourceNote note;
};

struct DemandOverride {
  Commodity commodity;
  std::optional<YearPath> tonnes;
  double factor = 1.0;
  std::optional<YearPath> factor_path;  // a factor by year, on top of `factor` (sampled futures)
  SourceNote note;
};

struct ExportOverride {
  Commodity commodity;
  std::optional<double> price;
  std::optional<double> cap;
  int from_year = 0;
  SourceNote note;
};

// A [[scenarios]] entry of the plan: how one possible future differs from the plan's base data.
struct PlanScenario {
  std::string name;
  double probability = 1.0;
  std::string simulator_scenario;  // optional name of a simulator scenario it mirrors
  std::vector<ImportOverride> imports;
  std::vector<DemandOverride> demand;
  std::vector<ExportOverride> exports;
  SourceNote note;
};

// Builds fixed in every strategy (e.g. a plant already under construction).
struct Commitment {
  std::string project;
  int decision_year = 0;
  int modules = 1;
  SourceNote note;
};

// [futures]: the uncertainty from which `plan --futures N` samples futures (docs/model_plan.md
// section 7c). Each future is one of the plan's scenarios, drawn by its probability, with every
// import price times a drawn factor from `from_year` on, and every demand path times a factor
// that rises linearly from 1 in the year before `from_year` to a drawn value in the last year.
struct FuturesSpec {
  int from_year = 0;
  Dist import_price = Dist::fixed(1.0);  // factor on import prices (dimensionless)
  Dist demand = Dist::fixed(1.0);        // factor on demand in the last year (dimensionless)
  SourceNote note;
};

struct Storage {
  bool allowed = true;
  double holding_cost = 0;   // USD/kg per year held (oxides)
  double disposal_cost = 0;  // USD/kg disposed (concentrate, oxides, separation residue)
  SourceNote note;
};

struct CurrencyRate {
  double per_usd = 1.0;
  SourceNote note;
};

struct PlanModel {
  std::string file;  // where it was read from, for messages
  std::string name;
  std::string title;
  std::string region;  // focus region or bloc
  int first_year = 0;
  int last_year = 0;
  double discount_rate = 0;
  double time_limit_s = 60;  // solver defaults, overridable on the command line
  double gap = 1e-4;         // exact up to Cbc's tolerances unless the plan says otherwise
  std::map<std::string, CurrencyRate> currencies;  // per USD, as stated in the file
  Storage storage;
  std::vector<Deposit> deposits;
  std::vector<MagnetType> magnets;
  std::vector<Feed> feeds;
  std::vector<Project> projects;
  std::vector<ImportOption> imports;
  std::vector<ExportOption> exports;
  std::vector<DemandPath> demand;
  std::vector<Goal> goals;
  std::vector<PlanScenario> scenarios;
  std::vector<Commitment> commitments;
  std::optional<FuturesSpec> futures;
  SourceNote note;

  int years() const { return last_year - first_year + 1; }
  const Project* project(const std::string& id) const;
  const Deposit* deposit(const std::string& id) const;
  const MagnetType* magnet(const std::string& id) const;
  const Feed* feed(const std::string& id) const;
};

// Element groups a plan may name ("all", "LREE", "HREE", "magnet", "Nd+Pr"): element_group()
// in core/element_groups.hpp.

}  // namespace rareflow::plan
