// End-to-end tests of `rareflow dsm`: the built binary on the files in tests/data/mfa.
#include <gtest/gtest.h>

#include <unistd.h>

#include <filesystem>
#include <string>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "cli_run.hpp"

namespace rareflow::cli_test {
namespace {

namespace fs = std::filesystem;

const std::string kData = std::string(RAREFLOW_TEST_DATA) + "/mfa/";

// A scratch directory per test for --out files.
class DsmCli : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() /
           fmt::format("rareflow_dsm_{}_{}",
                       ::testing::UnitTest::GetInstance()->current_test_info()->name(),
                       static_cast<long>(::getpid()));
    fs::create_directories(dir_);
  }
  void TearDown() override { fs::remove_all(dir_); }
  fs::path dir_;
};

// Issue 3 known result: inflow 1..10 with fixed lifetime 5 gives stock 1,3,6,...,40 and outflow
// 0,0,0,0,0,1,...,5; the stock change is the stock's yearly difference.
TEST_F(DsmCli, FixedLifetimeCsv) {
  auto r = run(fmt::format("dsm --inflow {}inflow_1_10.csv --lifetime fixed:5", kData));
  EXPECT_EQ(r.code, 0) << r.err;
  EXPECT_EQ(r.out,
            "year,inflow [t],outflow [t],stock [t],stock change [t]\n"
            "2001,1,0,1,1\n2002,2,0,3,2\n2003,3,0,6,3\n2004,4,0,10,4\n2005,5,0,15,5\n"
            "2006,6,1,20,5\n2007,7,2,25,5\n2008,8,3,30,5\n2009,9,4,35,5\n2010,10,5,40,5\n");
  EXPECT_EQ(r.err, "");
}

// Normal(5, 1.5): the first year's stock is i * sf(0) = 0.99957094 (issue value), and JSON
// names every unit.
TEST_F(DsmCli, NormalLifetimeJson) {
  auto r = run(
      fmt::format("dsm --inflow {}inflow_1_10.csv --lifetime normal:5,1.5 --format json", kData));
  ASSERT_EQ(r.code, 0) << r.err;
  auto j = nlohmann::json::parse(r.out);
  EXPECT_EQ(j["columns"][3]["name"], "stock");
  EXPECT_EQ(j["columns"][3]["unit"], "t");
  EXPECT_NEAR(j["rows"][0]["stock"].get<double>(), 0.99957094, 1e-8);
  // Year 2: 1 * sf(1) + 2 * sf(0) = 0.99616962 + 1.99914188.
  EXPECT_NEAR(j["rows"][1]["stock"].get<double>(), 0.99616962 + 2 * 0.99957094, 2e-8);
  for (const auto& row : j["rows"])
    EXPECT_NEAR(row["inflow"].get<double>() - row["outflow"].get<double>() -
                    row["stock change"].get<double>(),
                0.0, 1e-9);
}

// Stock-driven with the correction and cohort tables, written atomically to --out.
TEST_F(DsmCli, StockDrivenByCohortToFile) {
  const auto out = dir_ / "result.csv";
  auto r = run(
      fmt::format("dsm --stock {}stock_decline.csv --lifetime fixed:4 --negative-inflow-correction "
                  "--by-cohort --out {}",
                  kData, out.string()));
  ASSERT_EQ(r.code, 0) << r.err;
  EXPECT_EQ(r.out, "");
  const std::string text = slurp(out);
  // Inflow by hand (stock_model_test NegativeInflowCorrection): 10, 6, 0, 0, 0, 2.
  EXPECT_NE(text.find("2001,10,0,10,10\n2002,6,0,16,6\n2003,0,8,8,-8\n"), std::string::npos)
      << text;
  EXPECT_NE(text.find("# stock and outflow by cohort\nyear,cohort,stock [input unit],outflow "
                      "[input unit]\n2001,2001,10,0\n"),
            std::string::npos)
      << text;
  EXPECT_NE(text.find("2003,2001,5,5\n"), std::string::npos);  // half of cohort 2001 removed
}

TEST_F(DsmCli, NonNumberValue) {
  const auto out = dir_ / "never.csv";
  auto r = run(
      fmt::format("dsm --inflow {}bad_value.csv --lifetime fixed:5 --out {}", kData, out.string()));
  EXPECT_EQ(r.code, 1);
  EXPECT_EQ(r.out, "");
  EXPECT_NE(r.err.find(kData + "bad_value.csv:3:6: value: expected a number >= 0, found \"abc\""),
            std::string::npos)
      << r.err;
  EXPECT_FALSE(fs::exists(out));  // nothing written
}

TEST_F(DsmCli, GapInYears) {
  auto r = run(fmt::format("dsm --stock {}bad_gap.csv --lifetime weibull:2,10", kData));
  EXPECT_EQ(r.code, 1);
  EXPECT_EQ(r.out, "");
  EXPECT_NE(r.err.find(kData + "bad_gap.csv:4:1: year: expected 2003 (years must be consecutive "
                               "and increasing), found 2004"),
            std::string::npos)
      << r.err;
}

TEST_F(DsmCli, MissingColumn) {
  auto r = run(fmt::format("dsm --inflow {}bad_missing_column.csv --lifetime fixed:5", kData));
  EXPECT_EQ(r.code, 1);
  EXPECT_NE(r.err.find(kData + "bad_missing_column.csv:1:5: header: expected a second column "
                               "\"value\" (or \"value [UNIT]\"), found end of line"),
            std::string::npos)
      << r.err;
  EXPECT_NE(r.err.find(kData + "bad_missing_column.csv:2:5: value: expected a number >= 0, "
                               "found end of line"),
            std::string::npos);
}

TEST_F(DsmCli, BadLifetimeSpec) {
  auto r = run(fmt::format("dsm --inflow {}inflow_1_10.csv --lifetime lognormal:10,-4", kData));
  EXPECT_EQ(r.code, 1);
  EXPECT_EQ(r.out, "");
  EXPECT_NE(r.err.find("--lifetime:1:14: sd: expected a finite number > 0, found \"-4\""),
            std::string::npos)
      << r.err;
}

TEST_F(DsmCli, InflowAndStockTogetherRefused) {
  auto r =
      run(fmt::format("dsm --inflow {0}inflow_1_10.csv --stock {0}inflow_1_10.csv "
                      "--lifetime fixed:5",
                      kData));
  EXPECT_NE(r.code, 0);
  EXPECT_EQ(r.out, "");
}

}  // namespace
}  // namespace rareflow::cli_test
