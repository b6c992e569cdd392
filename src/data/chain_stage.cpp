#include "rareflow/data/chain_stage.hpp"

#include <array>
#include <cstddef>

#include "rareflow/core/enum_words.hpp"

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

}  // namespace

std::string_view chain_stage_key(ChainStage s) {
  return enum_word(kStages, s);
}
std::optional<ChainStage> chain_stage_from_key(std::string_view key) {
  return enum_from_word<ChainStage>(kStages, key);
}
std::string_view deposit_status_key(DepositStatus s) {
  return enum_word(kDeposit, s);
}
std::optional<DepositStatus> deposit_status_from_key(std::string_view key) {
  return enum_from_word<DepositStatus>(kDeposit, key);
}
std::string_view facility_status_key(FacilityStatus s) {
  return enum_word(kFacility, s);
}
std::optional<FacilityStatus> facility_status_from_key(std::string_view key) {
  return enum_from_word<FacilityStatus>(kFacility, key);
}
std::string_view region_kind_key(RegionKind k) {
  return enum_word(kRegionKind, k);
}
std::optional<RegionKind> region_kind_from_key(std::string_view key) {
  return enum_from_word<RegionKind>(kRegionKind, key);
}

}  // namespace rareflow
