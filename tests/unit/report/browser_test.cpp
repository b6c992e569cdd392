// Opens the demo report in headless Chromium through scripts/browser_check: the page must run
// its script without errors and have its charts once rendered by a real browser.
#include <gtest/gtest.h>

#include <sys/wait.h>

#include <filesystem>

#include "rareflow/core/io.hpp"
#include "rareflow/report/report.hpp"
#include "unit/report/markup_check.hpp"

namespace rareflow::report {
namespace {

namespace fs = std::filesystem;

int browser_check(const fs::path& html, const fs::path& out, bool dom_only) {
  std::string cmd = std::string("bash '") + RAREFLOW_SOURCE_DIR + "/scripts/browser_check' " +
                    (dom_only ? "--dom-only '" : "'") + html.string() + "' '" + out.string() +
                    "' >/dev/null 2>&1";
  int rc = std::system(cmd.c_str());
  return WIFEXITED(rc) ? WEXITSTATUS(rc) : -1;
}

// Reads the PNG header: width and height are big-endian at bytes 16..23.
std::pair<unsigned, unsigned> png_size(const std::string& png) {
  auto be = [&](std::size_t at) {
    unsigned v = 0;
    for (std::size_t i = 0; i < 4; ++i) v = (v << 8) | static_cast<unsigned char>(png[at + i]);
    return v;
  };
  if (png.size() < 24 || png.compare(1, 3, "PNG") != 0) return {0, 0};
  return {be(16), be(20)};
}

TEST(Browser, DemoReportRendersWithItsCharts) {
  auto in = load_results_dir(std::string(RAREFLOW_TEST_DATA) + "/report/demo");
  ASSERT_TRUE(in.has_value());
  fs::path dir = fs::temp_directory_path() / "rareflow_browser_test";
  fs::remove_all(dir);
  fs::create_directories(dir);  // writes create no missing parent (issue 13)
  ASSERT_TRUE(write_report(*in, dir / "report.html", Format::Html).has_value());
  int rc = browser_check(dir / "report.html", dir, false);
  if (rc == 77) GTEST_SKIP() << "chromium not installed (Debian package chromium)";
  ASSERT_EQ(rc, 0) << "see " << (dir / "chromium.log") << " and " << (dir / "dom.html");
  auto png = read_file(dir / "screenshot.png");
  ASSERT_TRUE(png.has_value());
  auto [w, h] = png_size(*png);
  EXPECT_EQ(w, 1400u);
  EXPECT_EQ(h, 3000u);
  auto dom = read_file(dir / "dom.html");
  ASSERT_TRUE(dom.has_value());
  EXPECT_NE(dom->find("data-rf-ready=\"1\""), std::string::npos);
  EXPECT_EQ(dom->find("data-rf-errors=\""), std::string::npos);
  // Same counts as the static check (html_report_test): the browser kept every chart.
  struct Want {
    const char* id;
    std::size_t charts;
  };
  for (Want want : {Want{"flows", 3}, Want{"prices", 6}, Want{"shares", 4}, Want{"shortfalls", 4},
                    Want{"plan", 6}, Want{"criticality", 1}}) {
    std::string s = testing::section_html(*dom, want.id);
    ASSERT_FALSE(s.empty()) << want.id;
    EXPECT_EQ(testing::count(s, "<svg"), want.charts) << want.id;
    EXPECT_EQ(testing::count(s, "<figure class=\"rf-chart"), want.charts) << want.id;
  }
  // The tab script ran: the first Sankey is shown, the other two hidden.
  std::string flows = testing::section_html(*dom, "flows");
  EXPECT_EQ(testing::count(flows, "rf-panel\" id=\"flows-p"), 3u);
  EXPECT_EQ(testing::count(flows, " hidden=\"\""), 2u);
  fs::remove_all(dir);
}

// The check can fail: a page with a script error is caught through the error marker.
TEST(Browser, ScriptErrorsAreCaught) {
  ReportInputs in;
  in.results.add("rareflow", "reference", "CHN", "Price|Oxide|Nd", "USD/kg", 2024, 56);
  std::string html = render_html_report(in);
  auto at = html.find("</body>");
  html.insert(at, "<script>no_such_function();</script>");
  fs::path dir = fs::temp_directory_path() / "rareflow_browser_error_test";
  fs::remove_all(dir);
  fs::create_directories(dir);  // writes create no missing parent (issue 13)
  ASSERT_TRUE(write_file_atomic(dir / "bad.html", html).has_value());
  int rc = browser_check(dir / "bad.html", dir, true);
  if (rc == 77) GTEST_SKIP() << "chromium not installed (Debian package chromium)";
  EXPECT_EQ(rc, 1);
  auto dom = read_file(dir / "dom.html");
  ASSERT_TRUE(dom.has_value());
  EXPECT_NE(dom->find("data-rf-errors=\"1\""), std::string::npos);
  EXPECT_NE(dom->find("no_such_function"), std::string::npos);
  fs::remove_all(dir);
}

}  // namespace
}  // namespace rareflow::report
