#include "rareflow/core/elements.hpp"

namespace rareflow {

namespace {
using G = ElementGroup;
using E = Element;
// Atomic masses: IUPAC Commission on Isotopic Abundances and Atomic Weights, standard atomic
// weights 2021 (abridged to the precision IUPAC tabulates). Pm has no stable isotope: mass of
// its longest-lived isotope 145. Groups follow the EU CRM convention (Y with the heavies).
constexpr std::array<ElementInfo, kElementCount> kTable{{
    {E::Sc, "Sc", "scandium", 21, 44.955907, 2, 3, "Sc2O3", G::Sc, false},
    {E::Y, "Y", "yttrium", 39, 88.905838, 2, 3, "Y2O3", G::HREE, false},
    {E::La, "La", "lanthanum", 57, 138.90547, 2, 3, "La2O3", G::LREE, false},
    {E::Ce, "Ce", "cerium", 58, 140.116, 1, 2, "CeO2", G::LREE, false},
    {E::Pr, "Pr", "praseodymium", 59, 140.90766, 6, 11, "Pr6O11", G::LREE, true},
    {E::Nd, "Nd", "neodymium", 60, 144.242, 2, 3, "Nd2O3", G::LREE, true},
    {E::Pm, "Pm", "promethium", 61, 145.0, 2, 3, "Pm2O3", G::LREE, false},
    {E::Sm, "Sm", "samarium", 62, 150.36, 2, 3, "Sm2O3", G::LREE, false},
    {E::Eu, "Eu", "europium", 63, 151.964, 2, 3, "Eu2O3", G::HREE, false},
    {E::Gd, "Gd", "gadolinium", 64, 157.249, 2, 3, "Gd2O3", G::HREE, false},
    {E::Tb, "Tb", "terbium", 65, 158.925354, 4, 7, "Tb4O7", G::HREE, true},
    {E::Dy, "Dy", "dysprosium", 66, 162.500, 2, 3, "Dy2O3", G::HREE, true},
    {E::Ho, "Ho", "holmium", 67, 164.930329, 2, 3, "Ho2O3", G::HREE, false},
    {E::Er, "Er", "erbium", 68, 167.259, 2, 3, "Er2O3", G::HREE, false},
    {E::Tm, "Tm", "thulium", 69, 168.934219, 2, 3, "Tm2O3", G::HREE, false},
    {E::Yb, "Yb", "ytterbium", 70, 173.045, 2, 3, "Yb2O3", G::HREE, false},
    {E::Lu, "Lu", "lutetium", 71, 174.96669, 2, 3, "Lu2O3", G::HREE, false},
}};
}  // namespace

const std::array<ElementInfo, kElementCount>& element_table() {
  return kTable;
}

const ElementInfo& info(Element e) {
  return kTable[index(e)];
}

std::optional<Element> element_from_symbol(std::string_view symbol) {
  for (const auto& i : kTable)
    if (i.symbol == symbol) return i.element;
  return std::nullopt;
}

double oxide_to_metal(Element e) {
  const auto& i = info(e);
  double metal = i.oxide_metal_atoms * i.atomic_mass;
  return metal / (metal + i.oxide_oxygen_atoms * kOxygenMass);
}

double metal_to_oxide(Element e) {
  return 1.0 / oxide_to_metal(e);
}

std::string_view group_name(ElementGroup g) {
  switch (g) {
    case ElementGroup::LREE:
      return "LREE";
    case ElementGroup::HREE:
      return "HREE";
    case ElementGroup::Sc:
      return "Sc";
  }
  return "?";
}

}  // namespace rareflow
