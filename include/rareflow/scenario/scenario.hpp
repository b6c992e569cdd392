// Scenario files (TOML): a base scenario plus overrides of data rows, trajectories, policies
// and events. A scenario names regions, blocs, elements and facilities as in the data package;
// the market adapter turns names into indices. Inheritance: `base = "NAME"`; a child adds to
// its base's lists and replaces its scalars.
#pragma once

#include <cstdint>
#include <limits>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "rareflow/core/distribution.hpp"
#include "rareflow/core/error.hpp"
#include "rareflow/core/params.hpp"
#include "rareflow/data/chain_stage.hpp"
#include "rareflow/data/dataset.hpp"

namespace rareflow::scenario {

using Value = std::variant<double, std::string>;

// Changes one row of a data table: `set` column -> new value.
struct Override {
  std::string table;
  std::string id;
  std::map<std::string, Value> set;
  std::string source;
  std::string where;  // file:line of the entry, for messages
};

// A path for an activity driver (e.g. ev_sales) or a cost index ("cost:mine"), by year.
struct TrajectorySpec {
  std::string target;
  std::vector<std::pair<int, double>> points;  // strictly increasing years
  std::string unit;
  std::string source;
  std::string where;
};

// Policy and event kinds, as the scenario file names them in `kind` (policy_kind_name).
enum class PolicyKind : std::uint8_t {
  ExportBan,
  ExportQuota,
  ExportLicensing,
  ExportTax,
  ImportTariff,
  Sanction,
  ProductionQuota,
  Stockpile,
  PriceFloor,
  Outage,
  DemandShock,
  CostShock,
  ProjectDelay,
};

struct PolicySpec {
  PolicyKind kind = PolicyKind::ExportBan;  // resolved at load from the kind table (kinds())
  std::string name;
  std::vector<std::string> regions;   // exporters / scope regions (ids or blocs)
  std::vector<std::string> partners;  // importers / the other side (ids or blocs)
  std::vector<std::string> stages;    // concentrate, oxide, metal, magnet
  std::vector<std::string> elements;  // symbols
  std::vector<std::string> sectors;
  std::vector<std::string> facilities;  // facility ids
  std::string facility_stage;           // mine, separation, metal, magnet (facility scopes)
  double start = -std::numeric_limits<double>::infinity();  // fractional year, inclusive
  double end = std::numeric_limits<double>::infinity();     // exclusive
  std::map<std::string, double> numbers;  // share, quota_t, ad_valorem, ... (see kinds())
  std::string source;
  std::string where;
};

// A number of the scenario that may be given as a distribution (inputs.hpp): where it goes and
// what it may take. A plain number is a fixed distribution; `simulate` uses each median.
struct ScenarioInput {
  std::string name;  // "policy[0].share": the entry and the key, as in messages
  Dist dist;
  std::string where;       // file:line
  std::size_t policy = 0;  // index into Scenario::policies
  std::string key;         // a number of the policy, or "start" / "end"
};

struct Scenario {
  std::string name;
  std::string description;
  std::vector<std::string> chain;  // base first, this scenario last
  int first_year = 2024;
  int last_year = 2050;
  std::vector<FacilityStatus> include_statuses{FacilityStatus::Operating,
                                               FacilityStatus::Construction};
  std::vector<std::string> include_facilities;  // added whatever their status
  std::map<std::string, double> settings;       // market settings (hurdle_rate, ...)
  std::vector<Override> overrides;
  std::vector<TrajectorySpec> trajectories;
  std::vector<PolicySpec> policies;
  std::vector<ScenarioInput> inputs;  // every policy number, start and end, in file order
};

// A policy or event kind and its declared table of numbers (src/scenario/policy_params.cpp):
// each with its unit, range, default, whether required and meaning. Adding a parameter is one
// row there.
struct KindSpec {
  PolicyKind kind;
  std::string name;  // as in scenario files, messages and outputs ("export_ban")
  std::vector<ParamSpec> params;
  bool needs_regions = false;
};
const std::vector<KindSpec>& kinds();
const KindSpec& kind_spec(PolicyKind kind);
// The kind named `name`, or nullptr when no kind has that name.
const KindSpec* find_kind(std::string_view name);
std::string_view policy_kind_name(PolicyKind kind);
// The value of `key` in `p`, or its kind's declared default (0 when there is none).
double policy_number(const PolicySpec& p, const std::string& key);

// Loads `name_or_path`: a path to a .toml file, or the name of a shipped scenario
// (scenarios/NAME.toml, compiled into the binary). Resolves inheritance (a base is looked up
// beside the file first, then among the shipped ones), validates everything against `d`, and
// fails with every problem (file:line:column: field: expected, found).
Result<Scenario> load_scenario(const std::string& name_or_path, const Dataset& d);

std::vector<std::string> shipped_scenarios();

// A copy of `d` with the scenario's overrides applied (facilities, parameters, sectors),
// validated again like any package.
Result<Dataset> apply_overrides(const Dataset& d, const Scenario& s);

}  // namespace rareflow::scenario
