// Chain stages at which a commodity is traded, demanded, stocked or counted: one enum for the
// market and the planner (the data package's facility stages, which include mines and end
// uses, are data::FacilityStage; criticality's extraction/processing is SupplyStage).
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string_view>

namespace rareflow {

enum class Stage : std::uint8_t { Concentrate, Oxide, Metal, Magnet };
inline constexpr std::size_t kStageCount = 4;

// "Concentrate", "Oxide", "Metal", "Magnet": as in IAMC variable names.
std::string_view stage_name(Stage s);
std::optional<Stage> stage_from_name(std::string_view name);
// "concentrate", "oxide", "metal", "magnet": as written in scenario and plan files.
std::string_view stage_key(Stage s);
std::optional<Stage> stage_from_key(std::string_view key);
// Basis of a quantity of this stage: "t REO" (concentrate, oxide), "t metal", "t magnet".
std::string_view stage_unit(Stage s);

}  // namespace rareflow
