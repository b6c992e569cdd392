// Tables that present the base-year balance (used by `rareflow balance` and the report).
#pragma once

#include <string>
#include <vector>

#include "rareflow/core/table.hpp"
#include "rareflow/data/balance.hpp"

namespace rareflow {

// World view (region empty) or one region's lines. `all_elements`: one column per element;
// otherwise the key elements only (for text on a terminal). Fails naming the regions with
// flows when `region` has none.
Result<std::vector<Table>> balance_tables(const Dataset& d, const Balance& b,
                                          const std::string& region, bool all_elements);

// Shares of world output held by `region` at the separation and magnet stages (percent).
double separation_share(const Balance& b, const std::string& region);
double magnet_share(const Balance& b, const std::string& region);

}  // namespace rareflow
