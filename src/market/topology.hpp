// The shape of the market, fixed for a model whatever the year: which commodity can be
// produced or used in which region, which trade arcs carry which commodity, which ore sources
// can feed which separation plant. Every yearly LP of a model has the same rows and columns,
// which is what lets one year's basis warm-start the next.
#pragma once

#include <cstdint>
#include <vector>

#include "rareflow/market/model.hpp"

namespace rareflow::market::detail {

struct ArcUse {
  std::size_t arc;  // index into MarketModel::arcs
  std::size_t from;
  std::size_t to;
};

struct Topology {
  std::size_t regions = 0;
  std::size_t commodities = 0;
  CommoditySet set{0, 0};
  // Grids [c * regions + r].
  std::vector<std::uint8_t> producible;   // produced, recycled, held in stock or released there
  std::vector<std::uint8_t> usable;       // consumed, processed or stockpiled there
  std::vector<std::uint8_t> stock_draw;   // a stock can be drawn there
  std::vector<std::uint8_t> stock_build;  // a commercial stock can be built there (oxides)
  std::vector<std::vector<ArcUse>> arcs;  // per commodity
  std::vector<std::vector<std::size_t>> feeds;  // per separation plant: ore sources it can treat
  std::vector<MagnetRoute> routes;              // effective_magnet_routes of the model

  std::size_t cell(std::size_t c, std::size_t r) const { return c * regions + r; }
  bool has_row(std::size_t c, std::size_t r) const {
    return producible[cell(c, r)] || usable[cell(c, r)];
  }
};

Topology make_topology(const MarketModel& m);

}  // namespace rareflow::market::detail
