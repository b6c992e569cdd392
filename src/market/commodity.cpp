#include "rareflow/market/commodity.hpp"

#include <array>

namespace rareflow::market {

namespace {
constexpr std::array<std::string_view, kStageCount> kStageNames{"Concentrate", "Oxide", "Metal",
                                                                "Magnet"};
constexpr std::array<std::string_view, kStageCount> kStageBasis{"t REO", "t REO", "t metal",
                                                                "t magnet"};
}  // namespace

std::string_view stage_name(Stage s) {
  return kStageNames[static_cast<std::size_t>(s)];
}

std::string_view stage_basis(Stage s) {
  return kStageBasis[static_cast<std::size_t>(s)];
}

std::optional<Stage> stage_from_name(std::string_view name) {
  for (std::size_t i = 0; i < kStageCount; ++i)
    if (kStageNames[i] == name) return static_cast<Stage>(i);
  return std::nullopt;
}

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
