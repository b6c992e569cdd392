// Report defects of issue 13, each with the figure it got wrong.
#include <gtest/gtest.h>

#include "rareflow/report/conventions.hpp"
#include "report/chart_frame.hpp"
#include "report/html_parts.hpp"

namespace rareflow::report {
namespace {

// The "all regions" line summed World with the regions (98.5 kt for 49.3 kt). Here USA 10 and
// JPN 20 t make 30 t a year; World holds the same 30 t and must not be added.
TEST(ReportDefects, AllRegionsShortfallDoesNotAddWorld) {
  IamcTable t;
  for (int y : {2030, 2031}) {
    t.add(kModelName, "base", "USA", "Shortfall|NdFeB|EV traction", "t magnet/yr", y, 10);
    t.add(kModelName, "base", "JPN", "Shortfall|NdFeB|EV traction", "t magnet/yr", y, 20);
    t.add(kModelName, "base", "World", "Shortfall|NdFeB|EV traction", "t magnet/yr", y, 30);
  }
  auto s = detail::shortfall_section(t);
  ASSERT_TRUE(s.has_value());
  std::string line;
  for (const auto& f : s->figures)
    if (f.svg.find("all regions") != std::string::npos) line = f.svg;
  ASSERT_FALSE(line.empty());
  EXPECT_NE(line.find("base, 2030: 30"), std::string::npos) << line;
  EXPECT_EQ(line.find("base, 2030: 60"), std::string::npos);
}

TEST(ReportDefects, TableCellsUseColumnPrecisionAndPlainYears) {
  Table t;
  t.columns = {{"year", "", 0}, {"production", "t", 0}, {"share", "", 0}};
  t.rows = {{2025.0, 2907.0480081716037, 0.1234}, {2026.0, 3012.5, 0.25}};
  std::string html = detail::html_table(t, 10);
  // Years without separators; 2907.048... at about three significant digits (0 decimals for a
  // median near 3,000); shares near 0.2 with 3 decimals.
  EXPECT_NE(html.find(">2025<"), std::string::npos) << html;
  EXPECT_EQ(html.find("2,025"), std::string::npos);
  EXPECT_NE(html.find(">2,907<"), std::string::npos) << html;
  EXPECT_EQ(html.find("2907.048"), std::string::npos);
  EXPECT_NE(html.find(">0.123<"), std::string::npos) << html;
}

// "russia-2035|optimised|..." was cut to the same text twice: the series could not be told
// apart. Labels sharing a long head are cut in the middle; each has its full name as title.
TEST(ReportDefects, LegendLabelsStayDistinct) {
  std::vector<detail::LegendItem> items = {
      {"russia-2035|optimised|self-sufficiency|Nd+Pr", "#000", detail::Swatch::Line},
      {"russia-2035|optimised|self-sufficiency|Dy+Tb", "#111", detail::Swatch::Line}};
  detail::Frame f;
  f.width = 400;
  f.height = 300;
  f.x1 = 300;
  f.y0 = 40;
  std::string svg = detail::draw_legend(f, items);
  auto first = svg.find("<text");
  auto second = svg.find("<text", first + 1);
  ASSERT_NE(second, std::string::npos);
  std::string a = svg.substr(first, svg.find("<title>", first) - first);
  std::string b = svg.substr(second, svg.find("<title>", second) - second);
  EXPECT_NE(a.substr(a.find('>')), b.substr(b.find('>'))) << svg;
  EXPECT_NE(svg.find("<title>russia-2035|optimised|self-sufficiency|Dy+Tb</title>"),
            std::string::npos);
}
}  // namespace
}  // namespace rareflow::report

namespace rareflow::report {
namespace {

// Four "mine production share" charts were 100 % one region without saying so.
TEST(ReportDefects, OneRegionShareChartSaysSo) {
  IamcTable t;
  for (int y : {2030, 2031})
    t.add(kModelName, "base", "CHN", std::string(var::kMineProduction), "t REO/yr", y, 100);
  auto s = detail::share_section(t);
  ASSERT_TRUE(s.has_value());
  bool said = false;
  for (const auto& f : s->figures)
    said = said || f.caption.find("holds 100 %") != std::string::npos;
  EXPECT_TRUE(said);
}

// The Dy price under licensing spanned so much that the linear axis flattened every other
// series. Prices spanning more than 10x get a second chart on a log axis: here 300 and
// 4,000 USD/kg (13.3x, caption "13x"); Nd at 60 and 90 (1.5x) keeps its linear chart only.
TEST(ReportDefects, WidePriceSpanGetsALogAxisChart) {
  IamcTable t;
  std::string dy = std::string(var::kPriceOxide) + "Dy", nd = std::string(var::kPriceOxide) + "Nd";
  for (int y : {2030, 2031}) {
    t.add(kModelName, "base", "CHN", dy, "USD/kg", y, 300);
    t.add(kModelName, "base", "ROW", dy, "USD/kg", y, 4000);
    t.add(kModelName, "base", "CHN", nd, "USD/kg", y, 60);
    t.add(kModelName, "base", "ROW", nd, "USD/kg", y, 90);
  }
  auto s = detail::price_section(t);
  ASSERT_TRUE(s.has_value());
  std::vector<std::string> logs;
  for (const auto& f : s->figures)
    if (f.caption.find("(log scale)") != std::string::npos) logs.push_back(f.caption);
  ASSERT_EQ(logs.size(), 1u) << s->figures.size() << " figures";
  EXPECT_NE(logs[0].find("Dy"), std::string::npos) << logs[0];
  EXPECT_NE(logs[0].find("span 13x"), std::string::npos) << logs[0];
}

// A log axis over 1..1000 has the decades 1, 10, 100, 1000 as ticks, and 10 sits a third of
// the way up the plot (log10 10 = 1 of 3 decades).
TEST(ReportDefects, LogAxisPlacesDecadesEvenly) {
  Axis y{"Price", "USD/kg"};
  y.log = true;
  detail::Range r;
  r.add(1.0);
  r.add(1000.0);
  auto f = detail::make_frame_y_only(ChartSize{}, y, r, 30.0, {});
  EXPECT_EQ(f.yt.values, (std::vector<double>{1, 10, 100, 1000}));
  EXPECT_NEAR(f.sy(10.0), f.y1 - (f.y1 - f.y0) / 3.0, 1e-9);
  EXPECT_NEAR(f.sy(1000.0), f.y0, 1e-9);
}

}  // namespace
}  // namespace rareflow::report
