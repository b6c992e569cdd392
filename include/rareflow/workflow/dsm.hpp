// The dynamic stock model on anyone's yearly series: from year,value CSV files (`rareflow dsm`)
// or from values in memory (the Python package). Both check the request, run the model, check
// the stock balance and return the same tables.
#pragma once

#include <expected>
#include <string>
#include <vector>

#include "rareflow/core/error.hpp"
#include "rareflow/core/table.hpp"

namespace rareflow::workflow {

struct DsmRequest {
  std::string inflow_file{};  // exactly one of inflow_file and stock_file is set
  std::string stock_file{};
  std::string lifetime{};                   // e.g. "normal:12,3" (see mfa::parse_lifetime)
  bool negative_inflow_correction = false;  // stock-driven only
  bool by_cohort = false;
};

// Reads the series, runs the model, checks the stock balance and returns the tables to print:
// per year (inflow, outflow, stock, stock change), then with by_cohort the stock and outflow by
// cohort. Every problem with the request or the file comes back as a Diagnostic, all at once.
std::expected<std::vector<Table>, Diagnostics> run_dsm(const DsmRequest& request);

// The same model on values: one value per year in `years` (consecutive, increasing), finite
// and >= 0, in `unit`. Problems name `origin` as the file and the field as origin[year].
struct DsmSeriesRequest {
  std::vector<int> years{};
  std::vector<double> values{};
  std::string unit{};         // "" = the unspecified unit
  bool stock_driven = false;  // values are stocks at year end (else inflows per year)
  std::string lifetime{};
  bool negative_inflow_correction = false;
  bool by_cohort = false;
  std::string origin = "series";
};
std::expected<std::vector<Table>, Diagnostics> run_dsm_series(const DsmSeriesRequest& request);

}  // namespace rareflow::workflow
