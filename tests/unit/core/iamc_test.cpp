// The results reader behind `report` accepts only what iamc_to_csv writes (issue 13: years
// 20x4 and 1e309, values nan, inf and 12abc, and a wrong header were accepted).
#include <gtest/gtest.h>

#include "rareflow/core/iamc.hpp"

namespace rareflow {
namespace {

const std::string kHeader = "model,scenario,region,variable,unit,year,value\n";

std::string error_of(const std::string& row) {
  auto r = iamc_from_csv(kHeader + row + "\n", "results.csv");
  return r ? "" : r.error().message;
}

TEST(IamcRead, RoundTrip) {
  IamcTable t;
  t.add("rareflow", "base", "World", "Price|Oxide|Dy", "USD/kg", 2030, 312.5);
  auto back = iamc_from_csv(iamc_to_csv(t), "results.csv");
  ASSERT_TRUE(back.has_value()) << back.error().message;
  ASSERT_EQ(back->rows.size(), 1u);
  EXPECT_EQ(back->rows[0].year, 2030);
  EXPECT_DOUBLE_EQ(back->rows[0].value, 312.5);
}

TEST(IamcRead, RefusesBadYearsWithTheirColumn) {
  // "rareflow,base,World,Price|Oxide|Dy,USD/kg," is 42 characters: the year starts at 43.
  EXPECT_EQ(error_of("rareflow,base,World,Price|Oxide|Dy,USD/kg,20x4,1"),
            "results.csv:2:43: year: expected a whole year in 1800..2300, found \"20x4\"");
  EXPECT_NE(error_of("rareflow,base,World,Price|Oxide|Dy,USD/kg,1e309,1"), "");
  EXPECT_NE(error_of("rareflow,base,World,Price|Oxide|Dy,USD/kg,2147483647,1"), "");
}

TEST(IamcRead, RefusesNonFiniteAndTrailingText) {
  for (const char* v : {"nan", "inf", "-inf", "12abc", "1e309", ""})
    EXPECT_NE(error_of(std::string("rareflow,base,World,Price|Oxide|Dy,USD/kg,2030,") + v)
                  .find("results.csv:2:48: value: expected a finite number"),
              std::string::npos)
        << v;
}

TEST(IamcRead, RefusesAWrongHeader) {
  auto r = iamc_from_csv("model,scenario,region\nrareflow,base,World,P,USD/kg,2030,1\n", "r.csv");
  ASSERT_FALSE(r.has_value());
  EXPECT_EQ(r.error().message.rfind("r.csv:1:1: header: expected", 0), 0u) << r.error().message;
  EXPECT_FALSE(iamc_from_csv("", "r.csv").has_value());
}

}  // namespace
}  // namespace rareflow
