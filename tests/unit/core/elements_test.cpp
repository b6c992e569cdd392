#include <gtest/gtest.h>

#include "rareflow/core/elements.hpp"

namespace rareflow {
namespace {

// Expected factors computed by hand from IUPAC 2021 masses, O = 15.999:
// Nd2O3: 2*144.242 / (2*144.242 + 3*15.999) = 288.484 / 336.481 = 0.85736 (the 0.8574).
TEST(Elements, NeodymiumOxideFactor) {
  EXPECT_NEAR(oxide_to_metal(Element::Nd), 0.85736, 1e-5);
}

// CeO2: 140.116 / (140.116 + 31.998) = 0.81409.
TEST(Elements, CeriumUsesDioxide) {
  EXPECT_NEAR(oxide_to_metal(Element::Ce), 0.81409, 1e-5);
}

// Pr6O11: 845.446 / (845.446 + 175.989) = 0.82771.
TEST(Elements, PraseodymiumUsesPr6O11) {
  EXPECT_NEAR(oxide_to_metal(Element::Pr), 0.82771, 1e-5);
}

// Tb4O7: 635.701 / (635.701 + 111.993) = 0.85021.
TEST(Elements, TerbiumUsesTb4O7) {
  EXPECT_NEAR(oxide_to_metal(Element::Tb), 0.85021, 1e-5);
}

// Dy2O3: 325.0 / (325.0 + 47.997) = 0.87132; Y2O3: 177.8117 / 225.8087 = 0.78744.
TEST(Elements, DysprosiumAndYttrium) {
  EXPECT_NEAR(oxide_to_metal(Element::Dy), 0.87132, 1e-5);
  EXPECT_NEAR(oxide_to_metal(Element::Y), 0.78744, 1e-5);
}

TEST(Elements, InverseFactor) {
  for (const auto& i : element_table())
    EXPECT_NEAR(oxide_to_metal(i.element) * metal_to_oxide(i.element), 1.0, 1e-15);
}

TEST(Elements, TableOrderAndGroups) {
  EXPECT_EQ(element_table().size(), 17u);
  for (std::size_t k = 0; k < kElementCount; ++k) EXPECT_EQ(index(element_table()[k].element), k);
  EXPECT_EQ(info(Element::Y).group, ElementGroup::HREE);
  EXPECT_EQ(info(Element::Sm).group, ElementGroup::LREE);
  EXPECT_EQ(info(Element::Eu).group, ElementGroup::HREE);
  int magnets = 0;
  for (const auto& i : element_table()) magnets += i.magnet;
  EXPECT_EQ(magnets, 4);
  EXPECT_EQ(element_from_symbol("Dy"), Element::Dy);
  EXPECT_FALSE(element_from_symbol("Xx").has_value());
}

}  // namespace
}  // namespace rareflow
