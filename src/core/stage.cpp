#include "rareflow/core/stage.hpp"

#include <array>

namespace rareflow {

namespace {
constexpr std::array<std::string_view, kStageCount> kNames{"Concentrate", "Oxide", "Metal",
                                                           "Magnet"};
constexpr std::array<std::string_view, kStageCount> kKeys{"concentrate", "oxide", "metal",
                                                          "magnet"};
constexpr std::array<std::string_view, kStageCount> kUnits{"t REO", "t REO", "t metal", "t magnet"};

std::optional<Stage> find(const std::array<std::string_view, kStageCount>& words,
                          std::string_view w) {
  for (std::size_t i = 0; i < kStageCount; ++i)
    if (words[i] == w) return static_cast<Stage>(i);
  return std::nullopt;
}
}  // namespace

std::string_view stage_name(Stage s) {
  return kNames[static_cast<std::size_t>(s)];
}
std::string_view stage_key(Stage s) {
  return kKeys[static_cast<std::size_t>(s)];
}
std::string_view stage_unit(Stage s) {
  return kUnits[static_cast<std::size_t>(s)];
}
std::optional<Stage> stage_from_name(std::string_view name) {
  return find(kNames, name);
}
std::optional<Stage> stage_from_key(std::string_view key) {
  return find(kKeys, key);
}

}  // namespace rareflow
