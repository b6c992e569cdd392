// The 17 rare-earth elements with their atomic masses and usual oxides. Oxide-to-metal factors
// are computed from the masses, never typed in.
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <string_view>

namespace rareflow {

enum class Element : std::uint8_t {
  Sc,
  Y,
  La,
  Ce,
  Pr,
  Nd,
  Pm,
  Sm,
  Eu,
  Gd,
  Tb,
  Dy,
  Ho,
  Er,
  Tm,
  Yb,
  Lu
};
inline constexpr std::size_t kElementCount = 17;

enum class ElementGroup : std::uint8_t { LREE, HREE, Sc };

struct ElementInfo {
  Element element;
  std::string_view symbol;
  std::string_view name;
  int atomic_number;
  double atomic_mass;      // g/mol, IUPAC standard atomic weight (abridged, 2021)
  int oxide_metal_atoms;   // oxide formula M_a O_b: a
  int oxide_oxygen_atoms;  // b
  std::string_view oxide_formula;
  ElementGroup group;
  bool magnet;  // Nd, Pr, Dy, Tb
};

inline constexpr double kOxygenMass = 15.999;  // g/mol, IUPAC conventional value

const std::array<ElementInfo, kElementCount>& element_table();
const ElementInfo& info(Element e);
std::optional<Element> element_from_symbol(std::string_view symbol);
inline std::size_t index(Element e) {
  return static_cast<std::size_t>(e);
}
inline Element element_at(std::size_t i) {
  return static_cast<Element>(i);
}

// Mass of metal in a unit mass of the usual oxide, e.g. Nd2O3 -> Nd: 0.8574.
double oxide_to_metal(Element e);
// Mass of oxide per unit mass of metal (the inverse).
double metal_to_oxide(Element e);

std::string_view group_name(ElementGroup g);

}  // namespace rareflow
