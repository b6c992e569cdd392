// dsm input bounds (issue 13): year 2147483647 overflowed `year + 1` in the year-series reader
// (UBSan: signed integer overflow); years are now checked against the declared year range.
#include <gtest/gtest.h>

#include <string>

#include "rareflow/mfa/year_series.hpp"

namespace rareflow::mfa {
namespace {

std::string errors_of(std::string_view text) {
  auto r = parse_year_series(text, "in.csv");
  return r ? std::string("(parsed)") : r.error().str();
}

TEST(YearSeriesBounds, HugeYearIsAnErrorWithItsPlace) {
  EXPECT_EQ(errors_of("year,value\n2147483647,1\n"),
            "in.csv:2:1: year: expected a year in 1800..2300, found 2147483647\n");
  EXPECT_EQ(errors_of("year,value\n-5,1\n"),
            "in.csv:2:1: year: expected a year in 1800..2300, found -5\n");
}

TEST(YearSeriesBounds, LongFieldsAreEchoedCut) {
  std::string text = "year,value\n2000," + std::string(10'000, '7') + "x\n";
  std::string e = errors_of(text);
  EXPECT_NE(e.find("in.csv:2:6: value: expected a number >= 0"), std::string::npos) << e;
  EXPECT_LT(e.size(), 250u);
}

TEST(YearSeriesBounds, OverlongLineIsRefused) {
  std::string text = "year,value\n2000," + std::string(100'000, '1') + "\n";
  EXPECT_NE(errors_of(text).find("in.csv:2:1: line of 100005 bytes"), std::string::npos);
}

}  // namespace
}  // namespace rareflow::mfa

namespace rareflow::mfa {
namespace {

TEST(YearSeriesBounds, HugeValueIsAnError) {
  EXPECT_EQ(errors_of("year,value\n2000,1e26\n"),
            "in.csv:2:6: value: expected a number <= 1000000000000000, found \"1e26\"\n");
}

}  // namespace
}  // namespace rareflow::mfa
