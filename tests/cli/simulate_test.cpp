// End-to-end tests of `rareflow simulate` and `rareflow compare`: the results directory, the
// printed summary with the calibration table, determinism, LP files, and bad scenarios that
// must exit 1 with a file:line message and write nothing.
#include <gtest/gtest.h>

#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <string>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "cli_run.hpp"

namespace rareflow::cli_test {
namespace {

namespace fs = std::filesystem;

class SimulateCli : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() /
           fmt::format("rareflow_sim_{}_{}",
                       ::testing::UnitTest::GetInstance()->current_test_info()->name(),
                       static_cast<long>(::getpid()));
    fs::create_directories(dir_);
  }
  void TearDown() override { fs::remove_all(dir_); }
  std::string path(const std::string& name) const { return (dir_ / name).string(); }
  std::string write(const std::string& name, const std::string& text) const {
    std::ofstream(dir_ / name) << text;
    return path(name);
  }
  fs::path dir_;
};

TEST_F(SimulateCli, WritesResultsAndPrintsSummary) {
  auto r = run(fmt::format("simulate baseline --years 2024..2026 --out {}", path("out")));
  ASSERT_EQ(r.code, 0) << r.err;
  // The calibration table of the base year: every target within tolerance.
  EXPECT_NE(r.out.find("Calibration: base-year model against observed figures"), std::string::npos);
  EXPECT_NE(r.out.find("mine production"), std::string::npos);
  EXPECT_EQ(r.out.find("OUT OF TOLERANCE"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("Oxide prices in and outside China"), std::string::npos);
  EXPECT_NE(r.out.find("2025 outside [USD/kg]"), std::string::npos);
  EXPECT_NE(r.out.find("China's share of world production"), std::string::npos);
  EXPECT_NE(r.out.find("Shortfalls"), std::string::npos);
  std::string csv = slurp(path("out/results.csv"));
  EXPECT_TRUE(csv.starts_with("model,scenario,region,variable,unit,year,value\n"));
  EXPECT_NE(csv.find("rareflow,baseline,CHN,Production|Mine|REO,t REO/yr,2024,270000\n"),
            std::string::npos);
  EXPECT_NE(csv.find(",Outside China,Price|Oxide|Dy,USD/kg,2026,"), std::string::npos);
  auto rec = nlohmann::json::parse(slurp(path("out/run.json")));
  EXPECT_EQ(rec["command"], "simulate");
  EXPECT_EQ(rec["entries"]["scenario.chain"], "baseline");
  EXPECT_EQ(rec["entries"]["data.name"], "world");
  EXPECT_EQ(rec["entries"]["market.status.2026"], "optimal");
  EXPECT_EQ(rec["entries"]["market.years"], "2024..2026");
}

// Two runs of the whole horizon give byte-identical results.
TEST_F(SimulateCli, Deterministic) {
  auto a = run(fmt::format("simulate china-heavy-ree-licensing --out {}", path("a")));
  auto b = run(fmt::format("simulate china-heavy-ree-licensing --out {}", path("b")));
  ASSERT_EQ(a.code, 0) << a.err;
  ASSERT_EQ(b.code, 0) << b.err;
  EXPECT_EQ(slurp(path("a/results.csv")), slurp(path("b/results.csv")));
  EXPECT_EQ(slurp(path("a/run.json")), slurp(path("b/run.json")));
  // The printed summary too, but for the last line naming the output directory.
  EXPECT_EQ(a.out.substr(0, a.out.find("\nwrote ")), b.out.substr(0, b.out.find("\nwrote ")));
  EXPECT_NE(a.out.find("Price outside China / price in China"), std::string::npos);
}

TEST_F(SimulateCli, JsonAndLpFiles) {
  auto r =
      run(fmt::format("simulate us-ndpr-price-floor --years 2024..2025 --format json --out {} "
                      "--dump-lp {}",
                      path("out"), path("lp")));
  ASSERT_EQ(r.code, 0) << r.err;
  auto j = nlohmann::json::parse(slurp(path("out/results.json")));
  ASSERT_TRUE(j.is_array());
  EXPECT_EQ(j[0]["model"], "rareflow");
  EXPECT_TRUE(fs::exists(path("lp/market_2025.lp")));
  std::string lp = slurp(path("lp/market_2024.lp"));
  EXPECT_NE(lp.find("mine_CHN_bayan_obo"), std::string::npos);
}

TEST_F(SimulateCli, CompareScenariosAndDirectories) {
  ASSERT_EQ(run(fmt::format("simulate baseline --years 2024..2026 --out {}", path("a"))).code, 0);
  ASSERT_EQ(
      run(fmt::format("simulate china-heavy-ree-licensing --years 2024..2026 --out {}", path("b")))
          .code,
      0);
  auto r = run(fmt::format("compare {} {} --format csv", path("a"), path("b")));
  ASSERT_EQ(r.code, 0) << r.err;
  EXPECT_NE(r.out.find("# Key oxide prices by region group"), std::string::npos);
  EXPECT_NE(r.out.find("2026,\"Dy, Outside China\""), std::string::npos);
  auto s = run("compare baseline china-export-quota --years 2026");
  ASSERT_EQ(s.code, 0) << s.err;
  EXPECT_NE(s.out.find("China's share of world production"), std::string::npos);
}

struct BadCase {
  const char* name;
  const char* text;
  const char* expected;  // in stderr, after the file name
};

// Malformed scenarios exit 1 with file:line:column: field: message, and nothing is written.
TEST_F(SimulateCli, BadScenariosWriteNothing) {
  const BadCase cases[] = {
      {"unknown_key.toml",
       "base = \"baseline\"\n\n[[policy]]\nkind = \"export_quota\"\nregions = [\"CHN\"]\n"
       "quota_kt = 5\nquota_t = 5\nsource = \"x\"\n",
       ":6:12: policy[0].quota_kt: unknown key (did you mean \"quota_t\"?)"},
      {"unknown_region.toml",
       "base = \"baseline\"\n[[policy]]\nkind = \"export_ban\"\nregions = [\"CHA\"]\n"
       "source = \"x\"\n",
       ":4:11: policy[0].regions: expected a region id or bloc of the data package, found \"CHA\""},
      {"negative_capacity.toml",
       "base = \"baseline\"\n[[override]]\ntable = \"facilities\"\nid = \"lynas-malaysia\"\n"
       "set = { capacity = -5 }\nsource = \"x\"\n",
       ":5:20: override[0].set.capacity: expected a number in [0, 10000000]"},
      {"years.toml", "base = \"baseline\"\n[years]\nfirst = 2010\nlast = 2050\n",
       ":2:1: years: expected 2024 <= first <= last <= 2100, found 2010..2050"},
      {"unknown_setting.toml", "base = \"baseline\"\n[settings]\nhurdle_rat = 0.1\n",
       ":3:14: settings.hurdle_rat: unknown setting (did you mean \"hurdle_rate\"?)"},
  };
  for (const auto& c : cases) {
    std::string file = write(c.name, c.text);
    std::string out = path(std::string("out_") + c.name);
    auto r = run(fmt::format("simulate {} --out {}", file, out));
    EXPECT_EQ(r.code, 1) << c.name;
    EXPECT_NE(r.err.find(std::string(c.name) + c.expected), std::string::npos)
        << c.name << ": " << r.err;
    EXPECT_NE(r.err.find("nothing written"), std::string::npos) << r.err;
    EXPECT_FALSE(fs::exists(out)) << c.name;
    EXPECT_EQ(r.out, "") << c.name;
  }
  write("x.toml", "name = \"x\"\nbase = \"y\"\n");
  std::string y = write("y.toml", "name = \"y\"\nbase = \"x\"\n");
  auto r = run(fmt::format("simulate {} --out {}", y, path("out_cycle")));
  EXPECT_EQ(r.code, 1);
  EXPECT_NE(r.err.find("y.toml:1:1: base: inheritance cycle: y -> x -> y"), std::string::npos)
      << r.err;
  EXPECT_FALSE(fs::exists(path("out_cycle")));
}

// Problems found by the market adapter also name the scenario entry.
TEST_F(SimulateCli, AdapterErrorsNameTheEntry) {
  // GBR: no flows in the package (issue 11 made JPN a market region of its own).
  std::string file = write("gbr.toml",
                           "base = \"baseline\"\n[[policy]]\nkind = \"export_ban\"\nname = \"b\"\n"
                           "regions = [\"GBR\"]\nsource = \"x\"\n");
  auto r = run(fmt::format("simulate {} --out {}", file, path("out")));
  EXPECT_EQ(r.code, 1);
  EXPECT_NE(r.err.find("gbr.toml:2: policy 'b' (export_ban): regions: region GBR has no flows"),
            std::string::npos)
      << r.err;
  EXPECT_FALSE(fs::exists(path("out")));
  auto y = run("simulate --years 2030..2020");
  EXPECT_EQ(y.code, 1);
  EXPECT_NE(y.err.find("--years: expected FIRST..LAST"), std::string::npos) << y.err;
  auto f = run("simulate --format xml");
  EXPECT_EQ(f.code, 1);
  EXPECT_NE(f.err.find("--format: expected one of csv, json, found \"xml\""), std::string::npos);
}

}  // namespace
}  // namespace rareflow::cli_test
