#include "rareflow/core/stage.hpp"

#include <array>

#include "rareflow/core/enum_words.hpp"

namespace rareflow {

namespace {
constexpr std::array<std::string_view, kStageCount> kNames{"Concentrate", "Oxide", "Metal",
                                                           "Magnet"};
constexpr std::array<std::string_view, kStageCount> kKeys{"concentrate", "oxide", "metal",
                                                          "magnet"};
constexpr std::array<std::string_view, kStageCount> kUnits{"t REO", "t REO", "t metal", "t magnet"};

}  // namespace

std::string_view stage_name(Stage s) {
  return enum_word(kNames, s);
}
std::string_view stage_key(Stage s) {
  return enum_word(kKeys, s);
}
std::string_view stage_unit(Stage s) {
  return enum_word(kUnits, s);
}
std::optional<Stage> stage_from_name(std::string_view name) {
  return enum_from_word<Stage>(kNames, name);
}
std::optional<Stage> stage_from_key(std::string_view key) {
  return enum_from_word<Stage>(kKeys, key);
}

}  // namespace rareflow
