// The report of the default demo (baseline and licensing simulations plus the Russia plan),
// opened in headless Chromium: the page's script finishes without errors and every section
// has its charts (counted in the DOM after the scripts ran).
#include <filesystem>

#include <gtest/gtest.h>

#include "cli_run.hpp"
#include "output_check.hpp"

namespace rareflow::cli_test {
namespace {

namespace fs = std::filesystem;

TEST(DemoReport, OpensInChromiumWithItsCharts) {
  auto dir = fs::temp_directory_path() / "rareflow_cli_demo_report";
  fs::remove_all(dir);
  fs::create_directories(dir);  // --out creates no missing parent (issue 13)
  for (const char* s : {"baseline", "china-heavy-ree-licensing"}) {
    auto r = run(std::string("simulate ") + s + " --out " + (dir / s).string());
    ASSERT_EQ(r.code, 0) << r.err;
  }
  auto p = run("plan russia-2035 --out " + (dir / "russia-2035").string());
  ASSERT_EQ(p.code, 0) << p.err;
  auto rep = run("report " + (dir / "baseline").string() + " " +
                 (dir / "china-heavy-ree-licensing").string() + " " +
                 (dir / "russia-2035").string() + " --out " + (dir / "report.html").string());
  ASSERT_EQ(rep.code, 0) << rep.err;
  EXPECT_NE(rep.out.find("wrote "), std::string::npos);

  int rc = browser_check(dir / "report.html", dir / "browser");
  if (rc == 77) GTEST_SKIP() << "chromium not installed";
  ASSERT_EQ(rc, 0) << "browser_check failed: the page reported an error or did not finish";
  EXPECT_TRUE(fs::exists(dir / "browser" / "screenshot.png"));
  std::string dom = slurp(dir / "browser" / "dom.html");
  // Three base-year Sankeys (Nd+Pr, Dy+Tb, Ce+La); one price chart per priced oxide (at least
  // the six key ones); shares, shortfalls and the plan's Gantt, self-sufficiency and costs.
  EXPECT_EQ(count(section(dom, "flows"), "<svg"), 3u);
  EXPECT_GE(count(section(dom, "prices"), "<svg"), 6u);
  EXPECT_GE(count(section(dom, "shares"), "<svg"), 2u);
  EXPECT_GE(count(section(dom, "shortfalls"), "<svg"), 2u);
  EXPECT_GE(count(section(dom, "plan"), "<svg"), 3u);
  // Issue 13: every output complete, parsable and finite; every legend label carries its full
  // name and series stay apart; no year reads "2,025".
  for (const char* s : {"baseline", "china-heavy-ree-licensing", "russia-2035"})
    EXPECT_EQ(output_problems(dir / s), "") << s;
  EXPECT_EQ(legend_problems(dom), "");
  EXPECT_EQ(year_separator_problems(dom), "");
  EXPECT_EQ(year_separator_problems(slurp(dir / "report.html")), "");
  fs::remove_all(dir);
}

}  // namespace
}  // namespace rareflow::cli_test
