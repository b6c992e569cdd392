// The base-year balance as element flows between chain nodes, for the report's Sankey
// diagrams, and the sources table every report carries.
#pragma once

#include <vector>

#include "rareflow/core/table.hpp"
#include "rareflow/data/balance.hpp"
#include "rareflow/report/sankey.hpp"

namespace rareflow::report {

// Stages: "Mine, recycling, stock" (mining regions, recycling, stock draw) -> Separation ->
// Oxide (producing region) -> Use region (CHN, ROW) -> Magnets -> "End use or gap" (sectors and
// the named gaps as sinks). Every inner node passes on what it receives, as the balance closes.
std::vector<ChainFlow> chain_flows_from_balance(const Balance& b);

// Every source of the package: id, title, publisher, year, confidence, address.
Table sources_table(const Dataset& d);

}  // namespace rareflow::report

namespace rareflow::report {

struct ReportInputs;

// Adds the data package's base-year view to a report: the Sankey diagrams of the key element
// groups (when the inputs have none), the balance tables, the sources and the package version.
Result<void> add_base_year(ReportInputs& in, const Dataset& d);

// Concatenates several results (e.g. one directory per scenario or plan) into one report.
ReportInputs merge_inputs(std::vector<ReportInputs> parts);

}  // namespace rareflow::report
