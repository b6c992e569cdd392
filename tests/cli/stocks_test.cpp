// End-to-end tests of `rareflow stocks` on the embedded default data package.
#include <gtest/gtest.h>

#include <unistd.h>

#include <filesystem>
#include <map>
#include <sstream>
#include <string>
#include <vector>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "cli_run.hpp"

namespace rareflow::cli_test {
namespace {

namespace fs = std::filesystem;

std::vector<std::string> split(const std::string& line) {
  std::vector<std::string> out;
  std::stringstream ss(line);
  for (std::string f; std::getline(ss, f, ',');) out.push_back(f);
  return out;
}

// Data rows of a csv output (skipping the '#' title and the header), split at commas.
std::vector<std::vector<std::string>> csv_rows(const std::string& text) {
  std::vector<std::vector<std::string>> rows;
  std::stringstream ss(text);
  std::string line;
  bool header = true;
  while (std::getline(ss, line)) {
    if (line.empty() || line[0] == '#') continue;
    if (header) {
      header = false;
      continue;
    }
    rows.push_back(split(line));
  }
  return rows;
}

// The acceptance test of issue 3: over the whole run (inflows start in 1985), cumulative
// recycled supply of every element never exceeds its cumulative inflow; every column names its
// unit; the rows are year x element.
TEST(StocksCli, RecycledNeverExceedsWhatEnteredTheStock) {
  auto r = run("stocks --years 1985..2050 --format json");
  ASSERT_EQ(r.code, 0) << r.err;
  auto j = nlohmann::json::parse(r.out).at(0);
  EXPECT_EQ(j["columns"][3]["name"], "in_use_stock");
  EXPECT_EQ(j["columns"][3]["unit"], "t REO");
  EXPECT_EQ(j["columns"][6]["name"], "recycled");
  EXPECT_EQ(j["columns"][6]["unit"], "t REO/yr");
  std::map<std::string, double> in, back;
  int rows_2030 = 0;
  for (const auto& row : j["rows"]) {
    const std::string e = row["element"];
    in[e] += row["inflow"].get<double>();
    back[e] += row["recycled"].get<double>();
    EXPECT_LE(back[e], in[e]) << e << " " << row["year"];
    EXPECT_LE(row["recycled"].get<double>(), row["inflow"].get<double>());
    if (row["year"] == 2030) ++rows_2030;
  }
  EXPECT_GT(back["Nd"], 0.0);
  // Elements used in 2024 (sector_recipes.csv): Y La Ce Pr Nd Sm Eu Gd Tb Dy.
  EXPECT_EQ(rows_2030, 10);
  EXPECT_FALSE(j["notes"].empty());
}

// One stock, by hand: CHN wind Dy. Its 2024 inflow is the balance's "use: wind generators" Dy
// (an independent path through `rareflow balance`); wind collects 5 % of end of life and
// recovers 90 % of that one year later (sectors.csv).
TEST(StocksCli, OneStockMatchesTheBalanceAndTheRates) {
  auto r = run("stocks --region CHN --sector wind --element Dy --years 2024..2030 --format csv");
  ASSERT_EQ(r.code, 0) << r.err;
  EXPECT_EQ(r.out.substr(0, r.out.find('\n')),
            "# In-use stocks, end of life and recycling: CHN, wind, Dy, 2024-2030");
  auto rows = csv_rows(r.out);
  ASSERT_EQ(rows.size(), 7u);

  auto b = run("balance --region CHN --format csv");
  ASSERT_EQ(b.code, 0) << b.err;
  double use = -1;
  for (const auto& row : csv_rows(b.out))
    if (row.size() > 15 && row[1] == "use: wind generators") use = std::stod(row[15]);  // Dy
  ASSERT_GT(use, 0.0);
  EXPECT_DOUBLE_EQ(std::stod(rows[0][2]), use);

  for (std::size_t t = 0; t < rows.size(); ++t) {
    EXPECT_EQ(rows[t][0], std::to_string(2024 + t));
    EXPECT_EQ(rows[t][1], "Dy");
    const double eol = std::stod(rows[t][4]);
    const double collected = std::stod(rows[t][5]);
    EXPECT_NEAR(collected, 0.05 * eol, 1e-9 * eol);
    if (t > 0) {
      EXPECT_NEAR(std::stod(rows[t][6]), 0.9 * std::stod(rows[t - 1][5]), 1e-9 * eol);
    }
  }
  // Wind follows wind_additions: 117 GW (2024) -> 163.5 GW (2030) (trajectories.csv).
  EXPECT_NEAR(std::stod(rows[6][2]) / std::stod(rows[0][2]), 163.5 / 117.0, 1e-12);
}

TEST(StocksCli, WritesOutAtomicallyAndDeterministically) {
  const fs::path out = fs::temp_directory_path() /
                       fmt::format("rareflow_stocks_{}.csv", static_cast<long>(getpid()));
  auto r = run(fmt::format("stocks --sector ev_motors --format csv --out {}", out.string()));
  ASSERT_EQ(r.code, 0) << r.err;
  EXPECT_EQ(r.out, "");
  const std::string text = slurp(out);
  fs::remove(out);
  auto again = run("stocks --sector ev_motors --format csv");
  EXPECT_EQ(again.out, text);
  // 2000..2050 by default, the five elements of the ndfeb recipe (Pr Nd Gd Tb Dy).
  EXPECT_EQ(csv_rows(text).size(), 51u * 5u);
}

TEST(StocksCli, TableNamesUnitsAndAssumptions) {
  auto r = run("stocks --element Nd --years 2030");
  ASSERT_EQ(r.code, 0) << r.err;
  EXPECT_NE(r.out.find("in_use_stock [t REO]"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("recycled [t REO/yr]"), std::string::npos);
  EXPECT_NE(r.out.find("note: assumption: back-cast"), std::string::npos);
  EXPECT_NE(r.out.find("note: checked:"), std::string::npos);
}

struct BadCase {
  std::string args;
  std::string message;
};

// Each bad option: exit 1, a clear message (with a suggestion where one is close), no output.
TEST(StocksCli, BadInputsFailClearlyAndWriteNothing) {
  const fs::path out = fs::temp_directory_path() /
                       fmt::format("rareflow_stocks_bad_{}.csv", static_cast<long>(getpid()));
  const std::vector<BadCase> cases = {
      {"--region CHNA",
       "--region: expected a region of the data package, found \"CHNA\" (did "
       "you mean \"CHN\"?)"},
      // Issue 11: USA, VNM, RUS, JPN, KOR and EU27 have end uses of their own; GBR has none.
      {"--region GBR",
       "--region: GBR has no end use of its own in the base-year balance; "
       "regions with in-use stocks: CHN, USA, VNM, RUS, JPN, KOR, EU27, ROW"},
      {"--sector wnd", "found \"wnd\" (did you mean \"wind\"?)"},
      {"--element nd",
       "--element: expected a rare-earth element symbol (Sc, Y, La ... Lu), "
       "found \"nd\" (did you mean \"Nd\"?)"},
      {"--years 2050..2000", "--years: expected FIRST <= LAST, found 2050..2000"},
      {"--years 1970..2000", "--years: expected years within 1985..2100"},
      {"--years 2000-2050", "--years: expected FIRST..LAST (e.g. 2000..2050) or one year"},
      {"--format jsn",
       "--format: expected one of table, csv, json, xlsx, found \"jsn\" (did "
       "you mean \"json\"?)"},
      {"--element Sc", "no in-use stock matches the selection (all regions, all sectors, Sc"},
  };
  for (const auto& c : cases) {
    auto r = run(fmt::format("stocks {} --out {}", c.args, out.string()));
    EXPECT_EQ(r.code, 1) << c.args;
    EXPECT_NE(r.err.find(c.message), std::string::npos) << c.args << "\n" << r.err;
    EXPECT_EQ(r.out, "") << c.args;
    EXPECT_FALSE(fs::exists(out)) << c.args;
  }
  // Several problems are reported together.
  auto r = run("stocks --years 1900..1950 --region FOO --sector x");
  EXPECT_EQ(r.code, 1);
  EXPECT_NE(r.err.find("3 error(s); nothing written"), std::string::npos) << r.err;
}

}  // namespace
}  // namespace rareflow::cli_test
