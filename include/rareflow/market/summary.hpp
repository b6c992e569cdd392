// Summaries of a solved year for reports: average prices over a group of regions (weighted by
// what each region uses), production shares, and the price ratio between two groups (e.g.
// outside versus inside China under export licensing).
#pragma once

#include <vector>

#include "rareflow/core/elements.hpp"
#include "rareflow/market/model.hpp"
#include "rareflow/market/result.hpp"

namespace rareflow::market {

// Price of `c` over `regions` (all regions if empty), USD/kg, weighted by local use
// (consumption + input use); the plain mean of the known prices when nothing is used; NaN
// when no region has a price.
double average_price(const MarketModel& m, const YearResult& y, Commodity c,
                     const std::vector<std::size_t>& regions);

// Regions not in `regions` (the complement), e.g. everywhere outside China.
std::vector<std::size_t> other_regions(const MarketModel& m,
                                       const std::vector<std::size_t>& regions);

// Share of world output of facilities of one kind located in `regions`, in [0, 1]
// (mine: t REO mined; separation: t REO of feed; metal; magnet). NaN when world output is 0.
double production_share(const MarketModel& m, const YearResult& y, FacilityKind kind,
                        const std::vector<std::size_t>& regions);

// A region's supply and use of each element in a year, t REO: supply = separated + recycled
// oxide; use = oxide consumed + metal consumed and magnets consumed, as the oxide they contain
// (magnet recipes, oxide_to_metal).
struct ElementUse {
  ElementArray supply{}, use{};
};
ElementUse element_use(const MarketModel& m, const YearResult& y, std::size_t region);
// A region's self-sufficiency in a group is group_share(group, supply, use)
// (core/element_groups.hpp): 1 = its own separated and recycled oxide covers its use.

}  // namespace rareflow::market
