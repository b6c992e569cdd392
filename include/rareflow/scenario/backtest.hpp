// Back-tests: the market model run on a historical episode from its own history package and
// compared with what was observed. `quota-era`: China's export quotas, 2010-2015, from the
// history package data/history/ (base year 2009); docs/model_calibration.md, section 7.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "rareflow/core/error.hpp"
#include "rareflow/core/iamc.hpp"
#include "rareflow/core/table.hpp"
#include "rareflow/market/model.hpp"
#include "rareflow/market/simulator.hpp"

namespace rareflow::scenario {

struct BacktestPoint {
  int year = 0;
  double observed = 0.0;  // NaN where nothing was observed
  double model = 0.0;     // NaN where the model has no value
};

// One compared series, e.g. "Price|Oxide|Nd|outside China" in USD/kg.
struct BacktestSeries {
  std::string name;
  std::string unit;
  std::vector<BacktestPoint> points;
  double male = 0.0;  // mean absolute log error over the years with both values (NaN: none)
  int compared = 0;   // years with both values
};

struct BacktestRun {
  std::string name;
  std::string data_origin;  // "embedded" or the package folder
  int base_year = 0;
  int first_year = 0;
  int last_year = 0;
  market::MarketModel model;
  market::SimulationResult sim;
  std::vector<BacktestSeries> series;
  std::vector<std::string> notes;
};

// Names of the back-tests rareflow knows ("quota-era").
std::vector<std::string> backtest_names();

// Runs back-test `name` on the history package in `data_dir` (empty: the embedded one). Fails
// with a clear message on an unknown name or a bad package (file:line:column of the cell).
Result<BacktestRun> run_backtest(std::string_view name, const std::string& data_dir = {});

// The series whose name is `name`, or null.
const BacktestSeries* find_series(const BacktestRun& run, std::string_view name);

// The comparison as IAMC rows (region World): Backtest|Model|<series> and
// Backtest|Observed|<series> per year, with the run record; what `--out` writes and the
// report's back-test section reads.
IamcTable backtest_iamc(const BacktestRun& run);

// Model against observed, one row per series and year, with the fit measure per series.
Table backtest_table(const BacktestRun& run);
// One row per series: its mean absolute log error and the years compared.
Table backtest_fit_table(const BacktestRun& run);

}  // namespace rareflow::scenario
