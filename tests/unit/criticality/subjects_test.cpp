#include <gtest/gtest.h>

#include "rareflow/criticality/subjects.hpp"

namespace rareflow::criticality {
namespace {

TEST(Subjects, ElementsAndGroups) {
  EXPECT_EQ(resolve_material("dy")->element, Element::Dy);
  EXPECT_EQ(resolve_material("Dysprosium")->id, "Dy");
  EXPECT_EQ(resolve_material("HREE group")->group, ElementGroup::HREE);
  EXPECT_EQ(resolve_material("lree")->id, "LREE");
}

TEST(Subjects, UnknownElementSuggests) {
  auto r = resolve_material("Dx");
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().message, "unknown element or group 'Dx' (did you mean \"Dy\"?)");
  auto far = resolve_material("Unobtainium");
  ASSERT_FALSE(far);
  EXPECT_EQ(far.error().message, "unknown element or group 'Unobtainium'");
}

TEST(Subjects, Perspective) {
  const std::vector<std::string> known = {"EU27", "USA", "JPN"};
  EXPECT_EQ(*resolve_perspective("eu27", known), "EU27");
  EXPECT_EQ(resolve_perspective("EU72", known).error().message,
            "unknown perspective 'EU72' (did you mean \"EU27\"?)");
  EXPECT_EQ(resolve_perspective("Mars", known).error().message,
            "unknown perspective 'Mars'; known: EU27, USA, JPN");
}

TEST(Subjects, Year) {
  EXPECT_EQ(*resolve_year(2023, {2023}, "WGI"), 2023);
  EXPECT_EQ(resolve_year(2019, {2023, 2021}, "WGI").error().message,
            "no WGI data for year 2019; available: 2021, 2023");
}

}  // namespace
}  // namespace rareflow::criticality
