// End-to-end runs of `rareflow data` and `rareflow balance`.
#include <algorithm>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <regex>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "cli_run.hpp"

namespace rareflow::cli_test {
namespace {

TEST(DataCli, CheckEmbedded) {
  CliRun r = run("data check");
  EXPECT_EQ(r.code, 0) << r.err;
  EXPECT_NE(r.out.find("ok: world 2024.1 (embedded)"), std::string::npos) << r.out;
}

// USGS MCS 2025, mine production 2024 (t REO).
TEST(DataCli, ShowReproducesUsgs2024) {
  CliRun r = run("data show production --format csv");
  ASSERT_EQ(r.code, 0) << r.err;
  for (const char* row :
       {"CHN,China,270000,", "USA,United States,45000,", "MMR,Burma (Myanmar),31000,",
        "AUS,Australia,13000,", "NGA,Nigeria,13000,", "THA,Thailand,13000,", "RUS,Russia,2500,"})
    EXPECT_NE(r.out.find(row), std::string::npos) << row << "\n" << r.out;
  CliRun t = run("data show");
  EXPECT_NE(t.out.find("USGS world total (rounded): 390000 t REO"), std::string::npos) << t.out;
}

TEST(DataCli, ShowReservesBothRussianFigures) {
  CliRun r = run("data show reserves --format csv");
  ASSERT_EQ(r.code, 0) << r.err;
  EXPECT_NE(r.out.find("RUS,USGS reserves,2024,3800000"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("RUS,Russian state balance A+B+C1+C2,2025,28500000"), std::string::npos);
  EXPECT_NE(r.out.find("CHN,USGS reserves,2024,44000000"), std::string::npos);
}

TEST(DataCli, ShowUnknownTable) {
  CliRun r = run("data show resrves");
  EXPECT_EQ(r.code, 1);
  EXPECT_NE(r.err.find("unknown table \"resrves\" (did you mean \"reserves\"?)"), std::string::npos)
      << r.err;
  EXPECT_TRUE(r.out.empty());
}

TEST(DataCli, SchemaListsUnits) {
  CliRun r = run("data schema --format json");
  ASSERT_EQ(r.code, 0) << r.err;
  auto j = nlohmann::json::parse(r.out);
  bool found = false;
  for (const auto& row : j["rows"])
    if (row["table"] == "reserves" && row["column"] == "value") found = row["unit"] == "t REO";
  EXPECT_TRUE(found);
}

TEST(DataCli, CheckBrokenPackageFailsWithLocation) {
  auto dir = std::filesystem::temp_directory_path() / "rareflow_cli_broken";
  std::filesystem::remove_all(dir);
  std::filesystem::copy(RAREFLOW_SOURCE_DIR "/data/world", dir);
  {
    std::ofstream out(dir / "prices.csv", std::ios::app);
    out << "Nd,oxide,20x4,56,usgs-prices-2024\n";
  }
  CliRun r = run("data check " + dir.string());
  EXPECT_EQ(r.code, 1);
  EXPECT_NE(r.err.find("prices.csv:"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("year: expected a whole number in [1900, 2100], found \"20x4\""),
            std::string::npos)
      << r.err;
  EXPECT_NE(r.err.find("nothing written"), std::string::npos);
  EXPECT_TRUE(r.out.empty());
  // --data with the broken package: the balance writes nothing either.
  auto out = std::filesystem::temp_directory_path() / "rareflow_cli_broken_balance.csv";
  std::filesystem::remove(out);
  CliRun b = run("--data " + dir.string() + " balance --format csv --out " + out.string());
  EXPECT_EQ(b.code, 1);
  EXPECT_FALSE(std::filesystem::exists(out));
  std::filesystem::remove_all(dir);
}

TEST(DataCli, BalanceWorldTables) {
  CliRun r = run("balance --year 2024");
  ASSERT_EQ(r.code, 0) << r.err;
  EXPECT_NE(r.out.find("China's share of separation: 94.3%"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("China's share of NdFeB magnet making: 94.0%"), std::string::npos);
  EXPECT_NE(r.out.find("separation feed not separated"), std::string::npos);
}

TEST(DataCli, BalanceJsonClosesPerElement) {
  CliRun r = run("balance --format json");
  ASSERT_EQ(r.code, 0) << r.err;
  auto j = nlohmann::json::parse(r.out);
  bool seen = false;
  for (const auto& t : j)
    if (t["title"].get<std::string>().starts_with("World balance by element")) {
      seen = true;
      EXPECT_EQ(t["rows"].size(), 17u);
      for (const auto& row : t["rows"]) EXPECT_LT(std::abs(row["closure"].get<double>()), 1e-6);
    }
  EXPECT_TRUE(seen);
}

TEST(DataCli, BalanceRegionRussia) {
  CliRun r = run("balance --region RUS --format csv");
  ASSERT_EQ(r.code, 0) << r.err;
  EXPECT_NE(r.out.find("intermediate,mixed carbonate produced (unseparated),0,2500"),
            std::string::npos)
      << r.out;
  EXPECT_EQ(r.out.find("separated oxides"), std::string::npos);
}

TEST(DataCli, BalanceBadFormat) {
  CliRun r = run("balance --format xml");
  EXPECT_EQ(r.code, 1);
  EXPECT_NE(r.err.find("--format: expected one of table, csv, json, xlsx, found \"xml\""),
            std::string::npos);
}

}  // namespace
}  // namespace rareflow::cli_test

namespace rareflow::cli_test {
namespace {

// The xlsx workbook holds the same numbers as the csv (read back by unzipping the sheet XML).
TEST(DataCli, BalanceXlsxMatchesCsv) {
  if (std::system("command -v unzip >/dev/null 2>&1") != 0) GTEST_SKIP() << "unzip not installed";
  auto dir = std::filesystem::temp_directory_path() / "rareflow_cli_xlsx";
  std::filesystem::remove_all(dir);
  std::filesystem::create_directories(dir);
  auto x = run("balance --format xlsx --out " + (dir / "b.xlsx").string());
  ASSERT_EQ(x.code, 0) << x.err;
  auto sheets =
      run_shell("cd " + dir.string() + " && unzip -o -q b.xlsx && cat xl/worksheets/*.xml");
  // Every number of the csv output appears as a numeric cell (equal to 1e-9 relative).
  std::vector<double> cells;
  std::regex numeric("<c r=\"[A-Z]+[0-9]+\"(?: s=\"[0-9]+\")?><v>([-0-9.eE+]+)</v>");
  for (auto it = std::sregex_iterator(sheets.begin(), sheets.end(), numeric);
       it != std::sregex_iterator(); ++it)
    cells.push_back(std::stod((*it)[1]));
  auto csv = run("balance --format csv");
  std::regex number(",(-?[0-9]+\\.?[0-9]*(?:e[-+]?[0-9]+)?)(?=,|\n)");
  int checked = 0;
  for (auto it = std::sregex_iterator(csv.out.begin(), csv.out.end(), number);
       it != std::sregex_iterator() && checked < 300; ++it, ++checked) {
    double v = std::stod((*it)[1]);
    bool found = std::any_of(cells.begin(), cells.end(), [&](double c) {
      return std::abs(c - v) <= 1e-9 * std::max(1.0, std::abs(v));
    });
    EXPECT_TRUE(found) << v;
  }
  EXPECT_GT(checked, 100);
  auto no_out = run("balance --format xlsx");
  EXPECT_EQ(no_out.code, 1);
  EXPECT_NE(no_out.err.find("--format xlsx: expected an output file"), std::string::npos);
  std::filesystem::remove_all(dir);
}

}  // namespace
}  // namespace rareflow::cli_test
