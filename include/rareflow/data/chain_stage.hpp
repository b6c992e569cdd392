// Words of the data package that the code branches on, resolved to enums when the package is
// loaded (the schema has already checked each cell against its declared values, so a typo fails
// at load, not as a silently false comparison later).
#pragma once

#include <cstdint>
#include <optional>
#include <string_view>

namespace rareflow {

// Steps of the chain in facilities, production, routes and balance lines. Each table uses the
// subset its schema declares (facilities: mine..recycling; routes: concentrate..magnet).
enum class ChainStage : std::uint8_t {
  Mine,
  Concentrate,
  Intermediate,
  Separation,
  Oxide,
  Recycling,
  Metal,
  Magnet,
  Use,
};
std::string_view chain_stage_key(ChainStage s);  // "mine", "concentrate", ..., "use"
std::optional<ChainStage> chain_stage_from_key(std::string_view key);

// deposits.csv status.
enum class DepositStatus : std::uint8_t {
  Operating,
  Construction,
  Development,
  Candidate,
  Exploration,
  Halted,
};
std::string_view deposit_status_key(DepositStatus s);
std::optional<DepositStatus> deposit_status_from_key(std::string_view key);

// facilities.csv status.
enum class FacilityStatus : std::uint8_t { Operating, Construction, Planned, Candidate, Closed };
std::string_view facility_status_key(FacilityStatus s);
std::optional<FacilityStatus> facility_status_from_key(std::string_view key);

// regions.csv kind.
enum class RegionKind : std::uint8_t { Country, Aggregate, World };
std::string_view region_kind_key(RegionKind k);
std::optional<RegionKind> region_kind_from_key(std::string_view key);

}  // namespace rareflow
