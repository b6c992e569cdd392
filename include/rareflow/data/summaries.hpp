// Human summaries of the data package, as tables with units (used by `rareflow data`).
#pragma once

#include <string>
#include <vector>

#include "rareflow/core/table.hpp"
#include "rareflow/data/dataset.hpp"

namespace rareflow {

// `what`: "" (production, reserves and deposits), a summary name (production, reserves,
// deposits, elements, sources) or any table name of the package (shown as stored).
// Fails naming the valid choices when `what` is unknown.
Result<std::vector<Table>> data_show(const Dataset& d, const std::string& what, int year);

// Fails when the data has no mine production in `year` (0: the base year).
Result<Table> mine_production_table(const Dataset& d, int year);
Table reserves_table(const Dataset& d);
Table deposits_table(const Dataset& d);
Table elements_table();
Table schema_table(const Schema& s);
Table raw_table_view(const RawTable& t);

}  // namespace rareflow
