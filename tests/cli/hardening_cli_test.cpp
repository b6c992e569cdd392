// Outputs and errors of the commands (issue 13): output paths checked before any work, no
// stray temporaries, errors of `report` in file:line:column shape, warnings for policies that
// change nothing.
#include <filesystem>
#include <fstream>

#include <fmt/format.h>
#include <gtest/gtest.h>

#include "cli_run.hpp"

namespace rareflow::cli_test {
namespace {

namespace fs = std::filesystem;

class HardeningCli : public ::testing::Test {
 protected:
  void SetUp() override {
    std::random_device rd;
    dir_ = fs::temp_directory_path() / ("rareflow_cli_hard_" + std::to_string(rd()));
    fs::create_directories(dir_);
  }
  void TearDown() override { fs::remove_all(dir_); }
  fs::path dir_;
};

TEST_F(HardeningCli, OutputDirectoryCheckedBeforeAnyWork) {
  // A directory of someone's files is not replaced; nothing is simulated first (no summary).
  fs::create_directories(dir_ / "mine");
  std::ofstream(dir_ / "mine" / "notes.txt") << "keep";
  auto r = run(fmt::format("simulate baseline --out {}", (dir_ / "mine").string()));
  EXPECT_EQ(r.code, 1);
  EXPECT_NE(r.err.find("--out"), std::string::npos) << r.err;
  EXPECT_EQ(r.out, "");
  EXPECT_EQ(slurp(dir_ / "mine" / "notes.txt"), "keep");
  // A missing parent is an error, not created.
  auto m = run(fmt::format("simulate baseline --out {}", (dir_ / "no" / "such").string()));
  EXPECT_EQ(m.code, 1);
  EXPECT_NE(m.err.find("does not exist"), std::string::npos) << m.err;
  EXPECT_FALSE(fs::exists(dir_ / "no"));
}

TEST_F(HardeningCli, RerunReplacesTheResultsDirectoryWhole) {
  auto out = (dir_ / "run").string();
  ASSERT_EQ(run(fmt::format("simulate baseline --years 2024..2025 --out {}", out)).code, 0);
  std::ofstream(dir_ / "run" / "stale.csv") << "a,b\n1,2\n";
  ASSERT_EQ(
      run(fmt::format("simulate baseline --years 2024..2025 --format json --out {}", out)).code, 0);
  EXPECT_TRUE(fs::exists(dir_ / "run" / "results.json"));
  EXPECT_FALSE(fs::exists(dir_ / "run" / "results.csv"));  // one run's output, nothing older
  EXPECT_FALSE(fs::exists(dir_ / "run" / "stale.csv"));
  std::size_t entries = 0;
  for (const auto& e : fs::directory_iterator(dir_))
    entries += e.path().filename() == "run" ? 0 : 1;
  EXPECT_EQ(entries, 0u);  // no temporary directory left beside it
}

TEST_F(HardeningCli, ReportErrorsHaveFileLineColumn) {
  fs::create_directories(dir_ / "res");
  std::ofstream(dir_ / "res" / "results.csv")
      << "model,scenario,region,variable,unit,year,value\n"
         "rareflow,base,World,Price|Oxide|Dy,USD/kg,20x4,1\n";
  auto r =
      run(fmt::format("report {} --out {}", (dir_ / "res").string(), (dir_ / "r.html").string()));
  EXPECT_EQ(r.code, 1);
  EXPECT_NE(r.err.find((dir_ / "res" / "results.csv").string() +
                       ":2:43: year: expected a whole year in 1800..2300, found \"20x4\""),
            std::string::npos)
      << r.err;
  EXPECT_FALSE(fs::exists(dir_ / "r.html"));
}

TEST_F(HardeningCli, IdlePolicyIsWarnedInOutputAndRunJson) {
  // 10 Mt is about 25 times world mine production (USGS MCS 2025): the quota cannot bind.
  std::ofstream(dir_ / "idle.toml")
      << "name = \"idle\"\nbase = \"baseline\"\n[[policy]]\nkind = \"export_quota\"\n"
         "name = \"loose quota\"\nregions = [\"CHN\"]\nstages = [\"oxide\"]\nquota_t = 1e7\n"
         "source = \"test\"\n";
  auto r = run(fmt::format("simulate {} --years 2024..2025 --out {}", (dir_ / "idle.toml").string(),
                           (dir_ / "out").string()));
  ASSERT_EQ(r.code, 0) << r.err;
  EXPECT_NE(r.out.find("warning: policy 'loose quota' changes no flow: its limit never binds"),
            std::string::npos)
      << r.out;
  EXPECT_NE(slurp(dir_ / "out" / "run.json").find("warning.policy.loose quota"), std::string::npos);
}

}  // namespace
}  // namespace rareflow::cli_test
