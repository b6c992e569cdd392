// A synthetic world-sized market (made-up but plausible numbers, no data behind them) for
// benchmarks and whole-run tests: regions, ore sources of three composition families,
// separation, metal and magnet plants, 15 demand sectors per region with growth and price
// response, trade arcs between all regions for every stage, recycling, opening stocks,
// announced and candidate projects. Deterministic for a given spec.
#pragma once

#include <cstdint>

#include "rareflow/market/model.hpp"

namespace rareflow::market {

struct SyntheticSpec {
  int regions = 20;
  int sources = 30;
  int base_year = 2024;
  int last_year = 2050;
  std::uint64_t seed = 1;
  bool policies = false;  // add an export licensing policy and a quota from 2026
};

MarketModel synthetic_world(const SyntheticSpec& spec);

}  // namespace rareflow::market
