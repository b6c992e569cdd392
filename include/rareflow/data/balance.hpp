// The base-year material balance: accounting, not a market. It follows the observed figures
// and routes of the data package stage by stage (mine -> concentrate -> separation -> oxide ->
// metal -> magnet -> end use, plus recycling) and shows where public figures do not add up as
// named gap lines, never absorbed silently. Quantities are t REO equivalent per element.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "rareflow/core/error.hpp"
#include "rareflow/data/dataset.hpp"

namespace rareflow {

// One line of a region's balance. `sign` is +1 for what enters the region's system
// (mining, imports, recycling) and -1 for what leaves it (exports, use, named gaps).
struct BalanceLine {
  ChainStage stage = ChainStage::Mine;
  std::string item;  // e.g. "mined", "imports from MMR", "use: wind", "gap: ..."
  int sign = 0;
  bool gap = false;       // a named line where public figures do not add up
  ElementShares t_reo{};  // t REO equivalent per element
  double other = kNaN;    // the same flow on its own basis (t magnet, t metal), if any
  std::string other_unit;
  std::string source;   // source ids behind the line
  std::string partner;  // the other region of a trade line

  double total() const;
};

struct RegionBalance {
  std::string region;
  std::vector<BalanceLine> lines;
  // Stage outputs used by summaries (t REO per element).
  ElementShares mined{}, separated{}, recycled{}, magnet_reo{};
  double magnets_t = 0;  // t magnet produced
  double metal_t = 0;    // t metal made for magnets
};

struct Balance {
  int year = 0;
  std::vector<RegionBalance> regions;   // in data package order, those with any flow
  ElementShares magnet_recipe_metal{};  // t metal per t NdFeB
  double total_reo_demand = 0;          // world, t REO (from the magnets' share)

  const RegionBalance* region(std::string_view id) const;
  // Per element: sum over regions and lines of sign * value. Zero when the balance closes.
  ElementShares closure(const RegionBalance& r) const;
};

// Builds the balance of `year`. Fails (Error naming region, element and size) when a region's
// balance does not close to a relative 1e-9, or when the year has no data.
Result<Balance> build_balance(const Dataset& d, int year);

inline constexpr double kBalanceTolerance = 1e-9;

// Sum over the elements (t REO).
double total(const ElementShares& a);

}  // namespace rareflow
