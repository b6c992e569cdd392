// Commodities of the market: the concentrate of one ore source (it keeps that source's element
// distribution), the separated oxide or the metal of one element, and one magnet type. Each is
// balanced in each region on its own basis: t REO (concentrate, oxide), t metal, t magnet.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "rareflow/core/elements.hpp"
#include "rareflow/core/stage.hpp"

namespace rareflow::market {

using rareflow::kStageCount;
using rareflow::Stage;

struct Commodity {
  Stage stage = Stage::Oxide;
  // Ore-source index (Concentrate), element index (Oxide, Metal) or magnet-type index (Magnet).
  std::size_t item = 0;

  static Commodity concentrate(std::size_t source) { return {Stage::Concentrate, source}; }
  static Commodity oxide(Element e) { return {Stage::Oxide, index(e)}; }
  static Commodity metal(Element e) { return {Stage::Metal, index(e)}; }
  static Commodity magnet(std::size_t type) { return {Stage::Magnet, type}; }
  Element element() const { return element_at(item); }  // Oxide and Metal only
  friend bool operator==(const Commodity&, const Commodity&) = default;
};

// Dense numbering of all commodities of a model: concentrates first (one per ore source), then
// the 17 oxides, the 17 metals and the magnet types.
class CommoditySet {
 public:
  CommoditySet(std::size_t sources, std::size_t magnet_types)
      : sources_(sources), magnet_types_(magnet_types) {}
  std::size_t size() const { return sources_ + 2 * kElementCount + magnet_types_; }
  std::size_t index(Commodity c) const;
  Commodity at(std::size_t i) const;

 private:
  std::size_t sources_;
  std::size_t magnet_types_;
};

// Selects commodities by stage and element. Empty lists select everything. A magnet type
// matches an element when its recipe contains it; a concentrate when its source's distribution
// contains it.
struct CommodityFilter {
  std::vector<Stage> stages;
  std::vector<Element> elements;
};

}  // namespace rareflow::market
