// The bridge between the data package, a scenario and the market engine: it turns the 2024
// package (balance, facilities, deposits, prices, parameters, trajectories) plus a scenario's
// overrides, trajectories and policies into a MarketModel calibrated on the base year, runs
// it, and summarises the results for `rareflow simulate` and `rareflow compare`. Every
// modelling choice and assumption is in docs/model_calibration.md; the numbers come from the
// package (parameters.csv and prices.csv rows, each with its source).
#pragma once

#include <filesystem>
#include <functional>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "rareflow/core/error.hpp"
#include "rareflow/core/iamc.hpp"
#include "rareflow/core/table.hpp"
#include "rareflow/data/dataset.hpp"
#include "rareflow/market/model.hpp"
#include "rareflow/market/result.hpp"
#include "rareflow/market/simulator.hpp"
#include "rareflow/scenario/scenario.hpp"

namespace rareflow::scenario {

inline constexpr const char* kChina = "CHN";
inline constexpr const char* kOutsideChina = "Outside China";  // IAMC region of group averages

// How the base-year demand of one element was set so that the market clears at the
// reference price (docs/model_calibration.md, section 3).
struct ElementCalibration {
  Element element = Element::La;
  double reference_price_usd_per_kg = 0.0;  // p0; NaN when the element has no price
  std::string price_source;
  double supply_t = 0.0;       // modelled base-year supply: separated + recycled, t REO
  double magnet_use_t = 0.0;   // net oxide of the recorded finished magnet use, t REO
  double other_use_t = 0.0;    // recorded use in other sectors (balance), t REO
  double other_scale = 1.0;    // factor on the recorded other uses
  double unallocated_t = 0.0;  // demand added for supply without a recorded use, t REO
};

// A calibrated market model with what went into it.
struct MarketBuild {
  market::MarketModel model;
  std::string scenario;
  std::vector<std::string> chain;  // base first
  int base_year = 0;
  int first_year = 0;
  int last_year = 0;
  std::string data_name, data_version, data_origin;
  double magnet_scale = 1.0;             // factor on recorded magnet use
  double magnet_price_usd_per_kg = 0.0;  // reference NdFeB price
  double separation_quota_factor = 1.0;  // model basis / official China separation quota
  bool yearly_quotas = false;            // China's quotas move: one policy per year (solved cold)
  std::vector<ElementCalibration> elements;    // every element
  std::vector<std::string> affected_elements;  // of China's export controls in the scenario
  std::vector<std::string> notes;              // choices applied, one sentence each
};

// Builds the market model of scenario `s` on data package `d` (the scenario's overrides are
// applied first). Fails with every problem found, one per line, each naming the scenario
// entry (file:line) or the data row it comes from.
Result<MarketBuild> build_market(const Dataset& d, const Scenario& s);
Result<market::MarketModel> build_market_model(const Dataset& d, const Scenario& s);

// Market settings a scenario may set in [settings], with what they mean.
struct SettingSpec {
  std::string key;
  std::string meaning;
  double min = 0.0;
  double max = 0.0;
  bool integer = false;
};
const std::vector<SettingSpec>& setting_specs();

// One line of the calibration table: a modelled base-year figure against the observed one.
struct CalibrationRow {
  std::string quantity;  // "mine production" or "oxide price"
  std::string item;      // region id or element symbol
  double observed = 0.0;
  double model = 0.0;
  std::string unit;
  std::string source;
  bool target = false;     // part of the acceptance targets
  double tolerance = 0.0;  // relative, for targets

  double deviation() const;  // (model - observed) / observed
  bool ok() const;           // within tolerance (always true for non-targets)
};

// Base-year model against USGS 2024: mine production by country (target within 5% for every
// country above 5,000 t) and the world use-weighted oxide prices of the USGS-priced elements
// (target within 25% for Nd, Dy, Tb, La and Ce).
std::vector<CalibrationRow> calibration_rows(const Dataset& d, const MarketBuild& b,
                                             const market::YearResult& base);
Table calibration_table(const std::vector<CalibrationRow>& rows);

// "2024..2050" or "2030": first and last year; fails with a message naming the expected form.
Result<std::pair<int, int>> parse_year_range(const std::string& text);

struct RunOptions {
  std::optional<int> first_year;  // default: the scenario's years
  std::optional<int> last_year;
  bool warm_start = true;
  std::filesystem::path dump_dir;         // each year's LP, when set
  std::string input;                      // the scenario as named on the command line
  std::function<void(int year)> on_year;  // after each simulated year (progress displays)
};

// A policy or event of the scenario that changes no flow, and why. The test is cheap and
// one-sided: in force in no simulated year, or a limit whose rows never bind (zero rent) in
// any year; a tax, shock or floor in force is not judged (docs/model.md).
struct IdlePolicy {
  std::string name;
  std::string why;
};
std::vector<IdlePolicy> idle_policies(const Scenario& s, const market::MarketModel& m,
                                      const market::SimulationResult& sim);

struct ScenarioRun {
  MarketBuild build;
  market::SimulationResult sim;             // sim.table: the IAMC results plus group averages
  std::vector<CalibrationRow> calibration;  // empty when the run does not start in the base year
};

// Builds and simulates: the IAMC table gains World and Outside China average prices, and the
// run record the inputs (scenario chain, data package name and version), the calibration and
// the adapter's notes.
Result<ScenarioRun> run_scenario(const Dataset& d, const Scenario& s, const RunOptions& o);

// The summary `rareflow simulate` prints, from a run's IAMC table (first, middle and last
// year): key oxide prices in and outside China, China's production shares, shortfalls, and the
// outside/inside price ratio of the elements under China's export controls.
std::vector<Table> simulate_summary(const IamcTable& t);
// Differences in key results between two runs (A, B, B - A) per year in `years`
// (all common years when empty).
Result<std::vector<Table>> compare_tables(const IamcTable& a, const IamcTable& b,
                                          const std::vector<int>& years);

}  // namespace rareflow::scenario
