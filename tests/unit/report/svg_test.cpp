#include <gtest/gtest.h>

#include "rareflow/report/svg.hpp"

namespace rareflow::report {
namespace {

TEST(Svg, EscapesMarkupCharacters) {
  EXPECT_EQ(xml_escape(R"(<a href="x">R&D's</a>)"),
            "&lt;a href=&quot;x&quot;&gt;R&amp;D&#39;s&lt;/a&gt;");
  // Control characters are not allowed in XML 1.0 and are dropped; tab and newline stay.
  EXPECT_EQ(xml_escape(std::string("a\x01"
                                   "b\tc\n")),
            "ab\tc\n");
  // UTF-8 passes through unchanged.
  EXPECT_EQ(xml_escape("Norra K\xC3\xA4rr"), "Norra K\xC3\xA4rr");
}

TEST(Svg, CoordinatesHaveAtMostTwoDecimals) {
  EXPECT_EQ(coord(12.5), "12.5");
  EXPECT_EQ(coord(3.0), "3");
  EXPECT_EQ(coord(1.0 / 3.0), "0.33");
  EXPECT_EQ(coord(-0.001), "0");  // no "-0"
  EXPECT_EQ(coord(-2.25), "-2.25");
}

TEST(Svg, NumbersForPeople) {
  EXPECT_EQ(format_number(270000, 0), "270,000");
  EXPECT_EQ(format_number(1234567.891, 2), "1,234,567.89");
  EXPECT_EQ(format_number(-45000, 0), "-45,000");
  EXPECT_EQ(format_number(2.8, 1), "2.8");
  EXPECT_EQ(format_number(-0.0001, 2), "0.00");
  EXPECT_EQ(decimals_for_step(0.25), 1);  // ticks 0.25 apart: 0.2, 0.5 ... need 1 decimal min
  EXPECT_EQ(decimals_for_step(0.1), 1);
  EXPECT_EQ(decimals_for_step(0.02), 2);
  EXPECT_EQ(decimals_for_step(5), 0);
}

// Expected ticks worked by hand: range 0..87 with ~5 ticks: raw step 87/4 = 21.75, magnitude
// 10; of 1, 2, 5, 10 times 10 the first at least 21.75 is 50 (20 is too small).
TEST(Svg, NiceTicksUseOneTwoFiveSteps) {
  auto t = nice_ticks(0, 87, 5, false);
  EXPECT_DOUBLE_EQ(t.step, 50);
  EXPECT_DOUBLE_EQ(t.lo, 0);
  EXPECT_DOUBLE_EQ(t.hi, 100);
  ASSERT_EQ(t.values.size(), 3u);
  // 270,000 t over 6 ticks: raw 54,000, magnitude 10,000, 5 * 10,000 = 50,000 < 54,000 so
  // the step is 100,000 and the axis runs to 300,000.
  auto p = nice_ticks(0, 270000, 6, false);
  EXPECT_DOUBLE_EQ(p.step, 100000);
  EXPECT_DOUBLE_EQ(p.hi, 300000);
  // Years 2024..2035 with ~6 ticks: raw 2.2, step 5 -> 2020, 2025, ..., 2035.
  auto y = nice_ticks(2024, 2035, 6, true);
  EXPECT_DOUBLE_EQ(y.step, 5);
  EXPECT_DOUBLE_EQ(y.values.front(), 2020);
  EXPECT_DOUBLE_EQ(y.values.back(), 2035);
  // Whole-number steps for years even over a short span.
  EXPECT_GE(nice_ticks(2024, 2025, 8, true).step, 1.0);
  // A flat series still gets a range around its value.
  auto f = nice_ticks(40, 40, 5, false);
  EXPECT_LT(f.lo, 40);
  EXPECT_GT(f.hi, 40);
}

TEST(Svg, FitTextCutsAtCharacterBoundaries) {
  std::string s = "K\xC3\xA4rr K\xC3\xA4rr K\xC3\xA4rr K\xC3\xA4rr";
  EXPECT_EQ(fit_text("short", 12, 500), "short");
  std::string cut = fit_text(s, 12, 50);
  EXPECT_TRUE(cut.ends_with("\xE2\x80\xA6"));
  EXPECT_LE(text_width(cut, 12), 50.0);
  // No split UTF-8 sequence: every continuation byte follows a lead byte.
  for (std::size_t i = 0; i < cut.size(); ++i)
    if ((static_cast<unsigned char>(cut[i]) & 0xC0) == 0x80) {
      ASSERT_GT(i, 0u);
    }
  // Width counts characters, not bytes: "ä" is one character.
  EXPECT_DOUBLE_EQ(text_width("\xC3\xA4", 10), text_width("a", 10));
}

}  // namespace
}  // namespace rareflow::report
