#include "rareflow/market/commodity.hpp"

namespace rareflow::market {

std::size_t CommoditySet::index(Commodity c) const {
  switch (c.stage) {
    case Stage::Concentrate:
      return c.item;
    case Stage::Oxide:
      return sources_ + c.item;
    case Stage::Metal:
      return sources_ + kElementCount + c.item;
    case Stage::Magnet:
      return sources_ + 2 * kElementCount + c.item;
  }
  return 0;
}

Commodity CommoditySet::at(std::size_t i) const {
  if (i < sources_) return Commodity::concentrate(i);
  i -= sources_;
  if (i < kElementCount) return {Stage::Oxide, i};
  i -= kElementCount;
  if (i < kElementCount) return {Stage::Metal, i};
  return Commodity::magnet(i - kElementCount);
}

}  // namespace rareflow::market
