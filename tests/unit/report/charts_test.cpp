#include <gtest/gtest.h>

#include <cmath>

#include "rareflow/report/charts.hpp"
#include "unit/report/markup_check.hpp"

namespace rareflow::report {
namespace {

using testing::check_markup;
using testing::count;

LineChart price_chart() {
  LineChart c;
  c.title = "Dy oxide price";
  c.x = {"Year", "", kMissing, kMissing, false, true};
  c.y = {"Price", "USD/kg", kMissing, kMissing, true, false};
  c.series.push_back({"CHN", {2024, 2025, 2026}, {260, 234, 240}, "", false, true});
  c.series.push_back({"ROW", {2024, 2025, 2026}, {273, 676, kMissing}, "", true, true});
  return c;
}

TEST(Charts, LineChartHasAxesUnitsLegendAndIsWellFormed) {
  std::string svg = render_line_chart(price_chart());
  EXPECT_EQ(check_markup(svg, false), "");
  EXPECT_EQ(count(svg, "<svg"), 1u);
  EXPECT_NE(svg.find(">Price [USD/kg]<"), std::string::npos);  // y title with unit
  EXPECT_NE(svg.find(">Year<"), std::string::npos);
  EXPECT_NE(svg.find("class=\"rf-legend\""), std::string::npos);
  EXPECT_NE(svg.find(">ROW<"), std::string::npos);
  EXPECT_EQ(count(svg, "class=\"rf-series\""), 2u);
  EXPECT_NE(svg.find("stroke-dasharray"), std::string::npos);  // ROW is dashed
  // Year ticks print without thousands separators.
  EXPECT_NE(svg.find(">2025<"), std::string::npos);
  EXPECT_EQ(svg.find(">2,025<"), std::string::npos);
  // Five finite points get markers; the missing one leaves a gap, not a zero.
  EXPECT_EQ(count(svg, "<circle"), 5u);
}

TEST(Charts, SameInputSameBytes) {
  EXPECT_EQ(render_line_chart(price_chart()), render_line_chart(price_chart()));
}

TEST(Charts, TextIsEscaped) {
  LineChart c = price_chart();
  c.title = "<script>alert(1)</script> & co";
  c.series[0].name = "A<B";
  std::string svg = render_line_chart(c);
  EXPECT_EQ(check_markup(svg, false), "");
  EXPECT_EQ(svg.find("<script>"), std::string::npos);
  EXPECT_NE(svg.find("&lt;script&gt;"), std::string::npos);
  EXPECT_NE(svg.find("A&lt;B"), std::string::npos);
}

// A 100 % stacked area reaches the top of the plot (y = 40 px, the frame's top margin) in
// every year, whatever the totals.
TEST(Charts, StackedSharesFillToOneHundredPercent) {
  StackedAreaChart c;
  c.title = "Mine production shares";
  c.x = {"Year", "", kMissing, kMissing, false, true};
  c.y = {"Share of total", "%", kMissing, kMissing, true, false};
  c.x_values = {2024, 2025};
  c.layers = {
      {"CHN", {270000, 280000}, ""}, {"USA", {45000, 50000}, ""}, {"AUS", {13000, kMissing}, ""}};
  c.as_share = true;
  std::string svg = render_stacked_area_chart(c);
  EXPECT_EQ(check_markup(svg, false), "");
  EXPECT_EQ(count(svg, "class=\"rf-layer\""), 3u);
  EXPECT_NE(svg.find(">Share of total [%]<"), std::string::npos);
  EXPECT_NE(svg.find(">100<"), std::string::npos);
  // The top layer (AUS) path starts at the plot top.
  auto p = svg.rfind("class=\"rf-layer\"");
  std::string top_path = svg.substr(p, svg.find("Z", p) - p);
  EXPECT_NE(top_path.find(" 40L"), std::string::npos) << top_path;
}

TEST(Charts, StackedBarsStackNegativesDownwards) {
  BarChart c;
  c.title = "Cost breakdown";
  c.x_title = "Scenario";
  c.y = {"Cost", "million USD", kMissing, kMissing, true, false};
  c.categories = {"reference", "export-controls"};
  c.series = {{"Capex", {100, 120}, ""}, {"Export revenue", {-30, -10}, ""}};
  c.mode = BarMode::Stacked;
  std::string svg = render_bar_chart(c);
  EXPECT_EQ(check_markup(svg, false), "");
  EXPECT_EQ(count(svg, "class=\"rf-bar\""), 4u);
  EXPECT_NE(svg.find(">Cost [million USD]<"), std::string::npos);
  // Axis reaches below zero for the negative segments.
  EXPECT_NE(svg.find(">-"), std::string::npos);
  EXPECT_NE(svg.find("export-controls, Export revenue: -10.00 million USD"), std::string::npos);
}

TEST(Charts, GroupedBarsAndLongCategoryNamesStayInside) {
  BarChart c;
  c.title = "Shortfall";
  c.y = {"Shortfall", "t", kMissing, kMissing, true, false};
  c.categories = {"export-controls \u00b7 EU27",
                  "export-controls \u00b7 USA",
                  "export-controls \u00b7 JPN",
                  "reference \u00b7 EU27",
                  "reference \u00b7 USA",
                  "reference \u00b7 JPN",
                  "a",
                  "b",
                  "c",
                  "d"};
  c.series = {{"EV", std::vector<double>(10, 5.0), ""}, {"Wind", std::vector<double>(10, 2.0), ""}};
  std::string svg = render_bar_chart(c);
  EXPECT_EQ(check_markup(svg, false), "");
  EXPECT_EQ(count(svg, "class=\"rf-bar\""), 20u);
  EXPECT_NE(svg.find("rotate(-40"), std::string::npos);  // long names are turned, not overlapped
}

TEST(Charts, ScatterDrawsThresholdsAndMergesCoincidentLabels) {
  ScatterChart c;
  c.title = "SR vs EI";
  c.x = {"Economic importance (EI)", "", kMissing, kMissing, true, false};
  c.y = {"Supply risk (SR)", "", kMissing, kMissing, true, false};
  // EU CRM 2023: Ho, Tm and Yb all have SR 5.6 and EI 3.2.
  c.points = {{"Ho", 3.2, 5.6, "HREE"},
              {"Tm", 3.2, 5.6, "HREE"},
              {"Yb", 3.2, 5.6, "HREE"},
              {"Nd", 7.2, 4.5, "LREE"}};
  c.thresholds = {{true, 2.8, "EI = 2.8"}, {false, 1.0, "SR = 1"}};
  c.shade_quadrant = true;
  std::string svg = render_scatter_chart(c);
  EXPECT_EQ(check_markup(svg, false), "");
  EXPECT_EQ(count(svg, "class=\"rf-threshold\""), 2u);
  EXPECT_EQ(count(svg, "class=\"rf-point\""), 2u);
  EXPECT_NE(svg.find(">Ho, Tm, Yb<"), std::string::npos);
  EXPECT_NE(svg.find("rf-critical-zone"), std::string::npos);
  EXPECT_NE(svg.find(">EI = 2.8<"), std::string::npos);
}

TEST(Charts, GanttBarsRunFromDecisionToOnline) {
  GanttChart c;
  c.title = "Roadmap";
  c.x = {"Year", "", kMissing, kMissing, false, true};
  c.tasks = {{"Mine A", 2026, 2032, "SWE", "2,600 t REO/yr"},
             {"Separation B", 2025, 2027, "EST", "2,000 t REO/yr"}};
  std::string svg = render_gantt_chart(c);
  EXPECT_EQ(check_markup(svg, false), "");
  EXPECT_EQ(count(svg, "class=\"rf-task\""), 2u);
  EXPECT_NE(svg.find("Mine A: decision 2026, online 2032, 2,600 t REO/yr"), std::string::npos);
  // The bar of a 6-year project is three times as long as that of a 2-year one.
  auto width_of = [&](const std::string& label) {
    auto p = svg.find("<title>" + label + ": decision");
    auto w = svg.rfind("width=\"", p);
    return std::stod(svg.substr(w + 7));
  };
  EXPECT_NEAR(width_of("Mine A") / width_of("Separation B"), 3.0, 0.01);
}

// A fan: bands beneath the median. Band corners are worked out by hand from the frame: the
// y scale of a chart whose data span 0..100 has ticks 0..100, so 80 lies 4/5 of the way up.
TEST(Charts, FanBandsLieBetweenTheirEdgesAndBeneathTheMedian) {
  LineChart c;
  c.title = "Dy oxide price";
  c.x = {"Year", "", kMissing, kMissing, false, true};
  c.y = {"Price", "USD/kg", kMissing, kMissing, true, false};
  c.bands.push_back({"CHN P5-P95", {2024, 2025, 2026}, {10, 20, kMissing}, {80, 100, 90}, "", 0.2});
  c.series.push_back({"CHN median", {2024, 2025, 2026}, {40, 60, 50}, "", false, false});
  std::string svg = render_line_chart(c);
  EXPECT_EQ(check_markup(svg, false), "");
  EXPECT_NE(svg.find(R"(data-kind="fan")"), std::string::npos);
  // One band polygon over the two years where both edges are known (2026 has no lower edge).
  EXPECT_EQ(count(svg, "class=\"rf-band\""), 1u);
  auto band = svg.find("class=\"rf-band\"");
  auto series = svg.find("class=\"rf-series\"");
  EXPECT_LT(band, series);  // drawn first, so the median line stays visible
  EXPECT_NE(svg.find(">CHN P5-P95<"), std::string::npos);  // legend entry
  // The path: M(2024, hi 80) L(2025, hi 100) L(2025, lo 20) L(2024, lo 10) Z: four corners.
  auto d0 = svg.find("d=\"", band) + 3;
  std::string d = svg.substr(d0, svg.find('"', d0) - d0);
  EXPECT_EQ(count(d, "L"), 3u) << d;
  EXPECT_EQ(d.back(), 'Z');
  // Heights: y(80) is 4/5 of the way from y(0) to y(100).
  auto ys = [&](std::size_t i) {  // y of the i-th corner
    std::size_t p = 0;
    for (std::size_t k = 0; k <= i; ++k) p = d.find_first_of("ML", p) + 1;
    auto sp = d.find(' ', p);
    return std::stod(d.substr(sp + 1));
  };
  double y80 = ys(0), y100 = ys(1), y20 = ys(2), y10 = ys(3);
  EXPECT_NEAR((y10 - y80) / (y10 - y100), (80.0 - 10.0) / (100.0 - 10.0), 0.01);
  EXPECT_NEAR((y10 - y20) / (y10 - y100), (20.0 - 10.0) / (100.0 - 10.0), 0.01);
}

// A tornado: bars from the zero line, left for negative values, lengths in proportion.
TEST(Charts, TornadoBarsRunFromZeroInProportion) {
  TornadoChart c;
  c.title = "Inputs driving Price|Oxide|Dy@CHN@2030";
  c.x.title = "Standardized regression coefficient";
  c.bars = {{"policy[0].share", 0.9, "81.0 % of variance"},
            {"policy[0].delay_years", -0.3, "9.0 % of variance"}};
  std::string svg = render_tornado_chart(c);
  EXPECT_EQ(check_markup(svg, false), "");
  EXPECT_NE(svg.find(R"(data-kind="tornado")"), std::string::npos);
  EXPECT_EQ(count(svg, "class=\"rf-bar\""), 2u);
  EXPECT_NE(svg.find(">81.0 % of variance<"), std::string::npos);
  auto attr = [&](const std::string& label, const char* name) {
    auto p = svg.find("<title>" + label + ":");
    auto a = svg.rfind(std::string(name) + "=\"", p);
    return std::stod(svg.substr(a + std::string(name).size() + 2));
  };
  // 0.9 against -0.3: three times as long; the negative bar ends where the positive starts (x=0).
  EXPECT_NEAR(attr("policy[0].share", "width") / attr("policy[0].delay_years", "width"), 3.0, 0.02);
  EXPECT_NEAR(attr("policy[0].delay_years", "x") + attr("policy[0].delay_years", "width"),
              attr("policy[0].share", "x"), 0.02);
}

TEST(Charts, EmptyInputsStillGiveValidSvg) {
  EXPECT_EQ(check_markup(render_line_chart({}), false), "");
  EXPECT_EQ(check_markup(render_stacked_area_chart({}), false), "");
  EXPECT_EQ(check_markup(render_bar_chart({}), false), "");
  EXPECT_EQ(check_markup(render_scatter_chart({}), false), "");
  EXPECT_EQ(check_markup(render_gantt_chart({}), false), "");
  EXPECT_EQ(check_markup(render_tornado_chart({}), false), "");
  EXPECT_EQ(check_markup(render_empty_chart("t", "no data", {}), false), "");
}

}  // namespace
}  // namespace rareflow::report
