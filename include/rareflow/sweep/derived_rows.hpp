// Outputs a sweep adds to each run's IAMC rows: ratios whose ranges the report shows. They are
// computed inside every run because a percentile of a ratio is not the ratio of percentiles.
//   Share|Production|Mine|REO        region's share of world mine output (t REO), %
//   Share|Production|Separation|REO  region's share of world separation feed (t REO), %
//   Self-sufficiency|magnet          separated + recycled oxide / use, magnet elements, %
//   Self-sufficiency|all             the same over all elements, %
// (market::production_share and market::self_sufficiency; a region that uses none of a group
// gets no self-sufficiency row; names and units from core/iamc_vocabulary.hpp.)
#pragma once

#include "rareflow/core/iamc.hpp"
#include "rareflow/scenario/market_adapter.hpp"

namespace rareflow::sweep {

// Appends the rows above for every region and simulated year of `run` to `t`.
void append_derived_rows(const scenario::ScenarioRun& run, IamcTable& t);

}  // namespace rareflow::sweep
