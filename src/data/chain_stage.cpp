#include "rareflow/data/chain_stage.hpp"

#include <array>
#include <cstddef>

namespace rareflow {

namespace {
constexpr std::array<std::string_view, 9> kStages{"mine",       "concentrate", "intermediate",
                                                  "separation", "oxide",       "recycling",
                                                  "metal",      "magnet",      "use"};
constexpr std::array<std::string_view, 6> kDeposit{"operating", "construction", "development",
                                                   "candidate", "exploration",  "halted"};
constexpr std::array<std::string_view, 5> kFacility{"operating", "construction", "planned",
                                                    "candidate", "closed"};
constexpr std::array<std::string_view, 3> kRegionKind{"country", "aggregate", "world"};

template <typename E, std::size_t N>
std::optional<E> from_key(const std::array<std::string_view, N>& keys, std::string_view key) {
  for (std::size_t i = 0; i < N; ++i)
    if (keys[i] == key) return static_cast<E>(i);
  return std::nullopt;
}
}  // namespace

std::string_view chain_stage_key(ChainStage s) {
  return kStages[static_cast<std::size_t>(s)];
}
std::optional<ChainStage> chain_stage_from_key(std::string_view key) {
  return from_key<ChainStage>(kStages, key);
}
std::string_view deposit_status_key(DepositStatus s) {
  return kDeposit[static_cast<std::size_t>(s)];
}
std::optional<DepositStatus> deposit_status_from_key(std::string_view key) {
  return from_key<DepositStatus>(kDeposit, key);
}
std::string_view facility_status_key(FacilityStatus s) {
  return kFacility[static_cast<std::size_t>(s)];
}
std::optional<FacilityStatus> facility_status_from_key(std::string_view key) {
  return from_key<FacilityStatus>(kFacility, key);
}
std::string_view region_kind_key(RegionKind k) {
  return kRegionKind[static_cast<std::size_t>(k)];
}
std::optional<RegionKind> region_kind_from_key(std::string_view key) {
  return from_key<RegionKind>(kRegionKind, key);
}

}  // namespace rareflow
