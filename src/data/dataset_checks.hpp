// Checks across rows and tables that the schema alone cannot express (distributions summing to
// 100, unit matching stage, mine mixes covering producers, required parameters).
#pragma once

#include "rareflow/core/error.hpp"
#include "rareflow/data/dataset.hpp"

namespace rareflow::detail {

void check_dataset(const Dataset& d, Diagnostics& diags);

}  // namespace rareflow::detail
