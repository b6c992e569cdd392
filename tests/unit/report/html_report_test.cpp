#include <gtest/gtest.h>

#include "rareflow/report/conventions.hpp"
#include "rareflow/report/report.hpp"
#include "unit/report/markup_check.hpp"

namespace rareflow::report {
namespace {

using testing::check_markup;
using testing::count;
using testing::section_html;

ReportInputs demo() {
  auto in = load_results_dir(std::string(RAREFLOW_TEST_DATA) + "/report/demo");
  EXPECT_TRUE(in.has_value()) << in.error().message;
  return in ? *in : ReportInputs{};
}

TEST(HtmlReport, DemoIsWellFormedAndSelfContained) {
  std::string html = render_html_report(demo());
  EXPECT_EQ(check_markup(html, true), "");
  EXPECT_TRUE(html.starts_with("<!DOCTYPE html>"));
  // Nothing to fetch: no external scripts, styles, images or fonts.
  EXPECT_EQ(html.find("<link"), std::string::npos);
  EXPECT_EQ(html.find(" src="), std::string::npos);
  EXPECT_EQ(html.find("url("), std::string::npos);
  EXPECT_EQ(html.find("@import"), std::string::npos);
}

// Expected counts, by hand from tests/data/report/make_demo.py: 3 key groups (Nd+Pr, Dy+Tb,
// Ce+La); 6 oxides priced; mine and separation shares for 2 scenarios; shortfalls of 2
// commodities (NdFeB, Oxide) each with a bar and a yearly line chart; a plan with one roadmap
// (the same in both scenarios), 4 self-sufficiency charts and 1 cost chart; 1 criticality
// perspective (EU27, 2023).
TEST(HtmlReport, EachSectionHasItsCharts) {
  std::string html = render_html_report(demo());
  struct Want {
    const char* id;
    std::size_t charts;
  };
  for (Want w : {Want{"flows", 3}, Want{"prices", 6}, Want{"shares", 4}, Want{"shortfalls", 4},
                 Want{"plan", 6}, Want{"criticality", 1}}) {
    std::string s = section_html(html, w.id);
    ASSERT_FALSE(s.empty()) << w.id;
    EXPECT_EQ(count(s, "<svg"), w.charts) << w.id;
    EXPECT_EQ(count(s, "<figure class=\"rf-chart"), w.charts) << w.id;
  }
  // Sankey tabs: one button per diagram, named by group.
  std::string flows = section_html(html, "flows");
  EXPECT_EQ(count(flows, "class=\"rf-tab\""), 3u);
  EXPECT_NE(flows.find(">Dy+Tb</button>"), std::string::npos);
  // Inputs: the run record, the data version and the sources.
  std::string inputs = section_html(html, "inputs");
  EXPECT_NE(inputs.find("world-2025.1 (demo)"), std::string::npos);
  EXPECT_NE(inputs.find(">Run record<"), std::string::npos);
  EXPECT_NE(inputs.find("Mineral Commodity Summaries 2025"), std::string::npos);
  // Variables are listed by family: the six oxide prices make one row.
  EXPECT_NE(inputs.find("<td>Price|Oxide|*</td><td class=\"num\">6</td>"), std::string::npos);
  EXPECT_EQ(html.find("Not in this report"), std::string::npos);  // nothing omitted
}

TEST(HtmlReport, SameInputsSameBytes) {
  auto in = demo();
  EXPECT_EQ(render_html_report(in), render_html_report(in));
}

TEST(HtmlReport, SectionsWithoutDataAreOmittedWithANote) {
  ReportInputs in;
  in.results.record.command = "simulate";
  in.results.add("rareflow", "reference", "CHN", "Price|Oxide|Nd", "USD/kg", 2024, 56);
  in.results.add("rareflow", "reference", "CHN", "Price|Oxide|Nd", "USD/kg", 2025, 60);
  std::string html = render_html_report(in);
  EXPECT_EQ(check_markup(html, true), "");
  EXPECT_FALSE(section_html(html, "prices").empty());
  for (const char* id : {"flows", "shares", "shortfalls", "plan", "criticality"})
    EXPECT_TRUE(section_html(html, id).empty()) << id;
  EXPECT_NE(html.find("Not in this report, for lack of data"), std::string::npos);
  EXPECT_NE(html.find("<b>Criticality</b>: no Criticality|SR"), std::string::npos);
  EXPECT_NE(html.find("version not recorded"), std::string::npos);
  // Only the inputs section and prices: two sections, one chart.
  EXPECT_EQ(count(html, "<section class=\"rf-section\""), 2u);
  EXPECT_EQ(count(html, "<svg"), 1u);
}

TEST(HtmlReport, UserTextIsEscapedEverywhere) {
  ReportInputs in;
  in.title = "Report <b>bold</b>";
  in.results.record.command = "simulate";
  in.results.record.entries["note"] = "<script>alert('x')</script>";
  in.results.add("rareflow", "a<b>&c", "CHN", "Price|Oxide|Nd", "USD/kg", 2024, 56);
  in.results.add("rareflow", "a<b>&c", "R\"OW", "Price|Oxide|Nd", "USD/kg", 2024, 57);
  std::string html = render_html_report(in);
  EXPECT_EQ(check_markup(html, true), "");
  EXPECT_EQ(html.find("<script>alert"), std::string::npos);
  EXPECT_EQ(html.find("<b>bold</b>"), std::string::npos);
  EXPECT_NE(html.find("a&lt;b&gt;&amp;c"), std::string::npos);
}

TEST(HtmlReport, AllShortfallsZeroGiveANoteNotEmptyCharts) {
  ReportInputs in;
  for (int y : {2024, 2025})
    in.results.add("rareflow", "reference", "EU27", "Shortfall|NdFeB|Wind", "t magnet/yr", y, 0);
  std::string s = section_html(render_html_report(in), "shortfalls");
  ASSERT_FALSE(s.empty());
  EXPECT_EQ(count(s, "<svg"), 0u);
  EXPECT_NE(s.find("No shortfall of NdFeB in any scenario or year."), std::string::npos);
}

TEST(HtmlReport, RoadmapHelpersRoundTrip) {
  IamcTable t;
  append_roadmap(t, "plan", {{"Mine|A", "SWE", 2026, 2032, 2600, "t REO/yr", 780}});
  ASSERT_EQ(t.rows.size(), 2u);
  EXPECT_EQ(t.rows[0].variable, "Plan|Roadmap|Mine|A|Capacity");
  EXPECT_EQ(t.rows[0].year, 2032);  // online year
  EXPECT_EQ(t.rows[1].year, 2026);  // decision year
  auto back = read_roadmap(t, "plan");
  ASSERT_EQ(back.size(), 1u);
  EXPECT_EQ(back[0].project, "Mine|A");  // '|' inside a project name survives
  EXPECT_EQ(back[0].decision_year, 2026);
  EXPECT_EQ(back[0].online_year, 2032);
  EXPECT_EQ(back[0].capacity_unit, "t REO/yr");
  EXPECT_DOUBLE_EQ(back[0].capex, 780);
}

}  // namespace
}  // namespace rareflow::report

namespace rareflow::report {
namespace {

// One year of production: shares as bars, largest region first. By hand: 270,000 / 315,000
// = 85.7 % for CHN and 45,000 / 315,000 = 14.3 % for USA; World is a total and left out.
TEST(HtmlReport, SingleYearSharesUseBars) {
  ReportInputs in;
  in.results.add("rareflow", "base", "USA", "Production|Mine|REO", "t REO/yr", 2024, 45000);
  in.results.add("rareflow", "base", "CHN", "Production|Mine|REO", "t REO/yr", 2024, 270000);
  in.results.add("rareflow", "base", "World", "Production|Mine|REO", "t REO/yr", 2024, 315000);
  std::string s = section_html(render_html_report(in), "shares");
  ASSERT_FALSE(s.empty());
  EXPECT_EQ(count(s, "data-kind=\"bar\""), 1u);
  EXPECT_NE(s.find("<title>CHN, share: 85.71 %</title>"), std::string::npos);
  EXPECT_NE(s.find("<title>USA, share: 14.29 %</title>"), std::string::npos);
  EXPECT_EQ(s.find(">World<"), std::string::npos);
  EXPECT_NE(s.find("total 315,000 t REO/yr in 2024"), std::string::npos);
}

}  // namespace
}  // namespace rareflow::report
