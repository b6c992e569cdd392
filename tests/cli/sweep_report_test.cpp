// The HTML report of a 200-run sweep of china-heavy-ree-licensing (its licence share and delay
// as distributions), opened in headless Chromium: the page's script finishes without errors and
// the fan and tornado charts are there, each with the number of runs and the seed.
#include <sys/wait.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>

#include <fmt/format.h>
#include <gtest/gtest.h>

#include "cli_run.hpp"
#include "output_check.hpp"

namespace rareflow::cli_test {
namespace {

namespace fs = std::filesystem;

// The shipped china-heavy-ree-licensing policy with its two assumptions (scenario comment: "a
// quarter of normal volumes ... after about two months") drawn around the shipped values:
// share U(0.1, 0.4) and delay U(0.08, 0.26) years have medians 0.25 and 0.17, the shipped ones.
const char* kScenario = R"(name = "china-heavy-ree-licensing-range"
base = "baseline"
[[policy]]
kind = "export_licensing"
name = "China licensing of medium and heavy rare earths"
regions = ["CHN"]
stages = ["oxide", "metal", "magnet"]
elements = ["Sm", "Gd", "Tb", "Dy", "Lu", "Sc", "Y"]
start = 2025.26
share = { dist = "uniform", min = 0.1, max = 0.4 }
delay_years = { dist = "uniform", min = 0.08, max = 0.26 }
source = "mofcom-2025-licensing; share and delay are scenario assumptions"
)";

TEST(SweepReport, TwoHundredRunsOpenInChromiumWithFanAndTornadoCharts) {
  auto dir = fs::temp_directory_path() / fmt::format("rareflow_sweep_report_{}", ::getpid());
  fs::remove_all(dir);
  fs::create_directories(dir);
  std::ofstream(dir / "licensing-range.toml") << kScenario;
  auto r = run(fmt::format(
      "sweep {} --runs 200 --seed 7 --threads 2 --explain \"Price|Oxide|Dy@CHN@2030\" --out {} "
      "--report {}",
      (dir / "licensing-range.toml").string(), (dir / "sweep").string(),
      (dir / "report.html").string()));
  ASSERT_EQ(r.code, 0) << r.out << r.err;
  EXPECT_NE(r.err.find("wrote "), std::string::npos);

  // Each run's regional shares of world mine output add up to 100 %, and the mean is linear,
  // so the regions' mean shares add up to 100 % in every year (to rounding).
  std::map<int, double> mean_share;
  std::istringstream pct(slurp(dir / "sweep" / "percentiles.csv"));
  std::string line;
  while (std::getline(pct, line)) {
    // region,variable,unit,year,runs,p5,p25,p50,p75,p95,mean; no quoted fields in these rows.
    if (line.find(",Share|Production|Mine|REO,%,") == std::string::npos) continue;
    if (line.starts_with("World,")) continue;
    std::vector<std::string> f;
    std::stringstream ss(line);
    for (std::string x; std::getline(ss, x, ',');) f.push_back(x);
    ASSERT_EQ(f.size(), 11u) << line;
    EXPECT_EQ(f[4], "200") << line;  // every run gives a share
    mean_share[std::stoi(f[3])] += std::stod(f[10]);
  }
  ASSERT_EQ(mean_share.size(), 27u);  // 2024..2050
  for (const auto& [year, sum] : mean_share) EXPECT_NEAR(sum, 100.0, 1e-6) << year;

  int rc = browser_check(dir / "report.html", dir / "browser");
  if (rc == 77) GTEST_SKIP() << "chromium not installed";
  ASSERT_EQ(rc, 0) << "browser_check failed: the page reported an error or did not finish";
  std::string dom = slurp(dir / "browser" / "dom.html");
  // Fans: one per priced oxide (at least the magnet four), the two stages' shares, a
  // self-sufficiency chart per region that uses magnet elements; the tornado: one chart with
  // one bar per input (share, delay).
  auto prices = section(dom, "price-ranges");
  EXPECT_GE(count(prices, R"(data-kind="fan")"), 4u);
  EXPECT_GE(count(prices, R"(class="rf-band")"), 8u);  // two bands per fan at least
  EXPECT_EQ(count(section(dom, "share-ranges"), R"(data-kind="fan")"), 2u);
  EXPECT_GE(count(section(dom, "self-sufficiency-ranges"), R"(data-kind="fan")"), 1u);
  EXPECT_GE(count(section(dom, "shortfall-ranges"), R"(data-kind="fan")"), 1u);
  auto tornado = section(dom, "sensitivity");
  EXPECT_EQ(count(tornado, R"(data-kind="tornado")"), 1u);
  EXPECT_EQ(count(tornado, R"(class="rf-bar")"), 2u);
  // A note per chart with the number of runs and the seed.
  const std::string note = "200 runs, seed 7";
  std::size_t charts = count(dom, R"(data-kind="fan")") + count(dom, R"(data-kind="tornado")");
  EXPECT_EQ(count(dom, note), charts);
  EXPECT_NE(dom.find("seed: <b>7</b>"), std::string::npos);  // header
  EXPECT_EQ(legend_problems(dom), "");
  EXPECT_EQ(year_separator_problems(dom), "");
  fs::remove_all(dir);
}

}  // namespace
}  // namespace rareflow::cli_test
