// In-use stocks, end of life and recycled supply of the data package's default trajectories
// (mfa::default_stocks), selected by region, sector and element and summed per year and
// element: what `rareflow stocks` prints and `rareflow.stocks()` returns.
#pragma once

#include <string>

#include "rareflow/core/table.hpp"
#include "rareflow/data/dataset.hpp"
#include "rareflow/workflow/request.hpp"

namespace rareflow::workflow {

struct StocksRequest {
  std::string region;   // "" or a world region: all regions
  std::string sector;   // "" = all
  std::string element;  // symbol; "" = all
  int first = 2000;     // reported years, inclusive
  int last = 2050;
  RequestOrigin origin;
};

// Checks every field (problems already found by the caller in `diags` are reported with
// them, all at once), runs the stock model and returns the table: rows year x element, in
// t REO and t REO/yr. The run fails when no stock matches the selection.
Outcome<Table> stocks_table(const Dataset& d, const StocksRequest& r, Diagnostics diags = {});

}  // namespace rareflow::workflow
