#include <gtest/gtest.h>

#include <string>
#include <variant>

#include "rareflow/mfa/year_series.hpp"
#include "rareflow/workflow/dsm.hpp"

namespace rareflow::mfa {
namespace {

using workflow::run_dsm;

const std::string kData = std::string(RAREFLOW_TEST_DATA) + "/mfa/";

std::string errors_of(std::string_view text) {
  auto r = parse_year_series(text, "in.csv");
  return r ? std::string("(parsed)") : r.error().str();
}

TEST(YearSeries, ReadsValuesAndUnit) {
  auto r = parse_year_series("year,value [kt Nd]\n1990,1.5\n1991,2\n1992,0\n", "in.csv");
  ASSERT_TRUE(r.has_value()) << r.error().str();
  EXPECT_EQ(r->first_year, 1990);
  EXPECT_EQ(r->values, (std::vector<double>{1.5, 2, 0}));
  EXPECT_EQ(r->unit, "kt Nd");
}

TEST(YearSeries, ToleratesCommentsBlankLinesCrlfAndQuotes) {
  auto r = parse_year_series("# made by hand\r\nyear, value\r\n\r\n\"2000\", \"1e3\"\r\n2001,2\r\n",
                             "in.csv");
  ASSERT_TRUE(r.has_value()) << r.error().str();
  EXPECT_EQ(r->first_year, 2000);
  EXPECT_EQ(r->values, (std::vector<double>{1000, 2}));
  EXPECT_EQ(r->unit, "input unit");
}

TEST(YearSeries, ReportsEveryProblemWithPlace) {
  EXPECT_EQ(errors_of("year,value\n2001,1\n2002,abc\n2003,-1\n"),
            "in.csv:3:6: value: expected a number >= 0, found \"abc\"\n"
            "in.csv:4:6: value: expected a number >= 0, found \"-1\"\n");
  EXPECT_EQ(errors_of("year,value\n2001,1\n2003,3\n2004,4\n"),
            "in.csv:3:1: year: expected 2002 (years must be consecutive and increasing), found "
            "2003\n");
  EXPECT_EQ(errors_of("year\n2001\n"),
            "in.csv:1:5: header: expected a second column \"value\" (or \"value [UNIT]\"), found "
            "end of line\n"
            "in.csv:2:5: value: expected a number >= 0, found end of line\n");
  EXPECT_EQ(errors_of("year,value\n2001.5,1\n2002,1,7\n"),
            "in.csv:2:1: year: expected an integer year, found \"2001.5\"\n"
            "in.csv:3:8: row: expected 2 fields (year,value), found 3\n");
  EXPECT_EQ(errors_of("yr,stock\n"),
            "in.csv:1:1: header: expected first column \"year\", found \"yr\"\n"
            "in.csv:1:4: header: expected second column \"value\" or \"value [UNIT]\", found "
            "\"stock\"\n");
  EXPECT_EQ(errors_of(""), "in.csv:1:1: header: expected \"year,value\", found end of file\n");
  EXPECT_EQ(errors_of("year,value\n"),
            "in.csv:2:1: year: expected at least one data row, found end of file\n");
  EXPECT_EQ(errors_of("year,value\n2001,inf\n2002,\n"),
            "in.csv:2:6: value: expected a number >= 0, found \"inf\"\n"
            "in.csv:3:6: value: expected a number >= 0, found an empty field\n");
}

double number(const Cell& c) {
  return std::get<double>(c);
}

// Issue 3 known result through the command logic: inflow 1..10 t, fixed lifetime 5.
TEST(DsmCommand, InflowDrivenPerYearTable) {
  auto r = run_dsm({.inflow_file = kData + "inflow_1_10.csv", .lifetime = "fixed:5"});
  ASSERT_TRUE(r.has_value()) << r.error().str();
  ASSERT_EQ(r->size(), 1u);
  const Table& t = r->front();
  ASSERT_EQ(t.columns.size(), 5u);
  EXPECT_EQ(t.columns[1].name, "inflow");
  EXPECT_EQ(t.columns[1].unit, "t");
  EXPECT_EQ(t.columns[4].name, "stock change");
  ASSERT_EQ(t.rows.size(), 10u);
  const double stock[] = {1, 3, 6, 10, 15, 20, 25, 30, 35, 40};
  const double outflow[] = {0, 0, 0, 0, 0, 1, 2, 3, 4, 5};
  for (std::size_t k = 0; k < 10; ++k) {
    EXPECT_EQ(std::get<long long>(t.rows[k][0]), 2001 + static_cast<long long>(k));
    EXPECT_EQ(number(t.rows[k][1]), static_cast<double>(k + 1));
    EXPECT_EQ(number(t.rows[k][2]), outflow[k]);
    EXPECT_EQ(number(t.rows[k][3]), stock[k]);
    EXPECT_EQ(number(t.rows[k][4]), stock[k] - (k ? stock[k - 1] : 0.0));
  }
}

// The stock_decline case of stock_model_test (fixed:4, correction in 2003), with cohort rows
// for c <= t only: 6 years -> 21 rows.
TEST(DsmCommand, StockDrivenWithCorrectionAndCohorts) {
  auto r = run_dsm({.stock_file = kData + "stock_decline.csv",
                    .lifetime = "fixed:4",
                    .negative_inflow_correction = true,
                    .by_cohort = true});
  ASSERT_TRUE(r.has_value()) << r.error().str();
  ASSERT_EQ(r->size(), 2u);
  const Table& t = (*r)[0];
  const double inflow[] = {10, 6, 0, 0, 0, 2};
  for (std::size_t k = 0; k < 6; ++k) EXPECT_EQ(number(t.rows[k][1]), inflow[k]);
  bool noted = false;
  for (const auto& n : t.notes) noted |= n.starts_with("inflow set to 0 and existing cohorts");
  EXPECT_TRUE(noted);
  const Table& c = (*r)[1];
  EXPECT_EQ(c.rows.size(), 21u);
  // Row for year 2003, cohort 2001 (row index 3: 2001/2001, 2002/2001, 2002/2002, 2003/2001).
  EXPECT_EQ(std::get<long long>(c.rows[3][0]), 2003);
  EXPECT_EQ(std::get<long long>(c.rows[3][1]), 2001);
  EXPECT_EQ(number(c.rows[3][2]), 5.0);
  EXPECT_EQ(number(c.rows[3][3]), 5.0);
}

TEST(DsmCommand, CollectsAllRequestProblems) {
  auto r = run_dsm({.inflow_file = kData + "bad_gap.csv",
                    .lifetime = "normal:5",
                    .negative_inflow_correction = true});
  ASSERT_FALSE(r.has_value());
  EXPECT_EQ(r.error().str(),
            "command line: --negative-inflow-correction: expected --stock FILE (the correction "
            "belongs to the stock-driven model), found none\n"
            "--lifetime:1:9: sd: expected normal:MEAN,SD, found \"normal:5\"\n" +
                kData +
                "bad_gap.csv:4:1: year: expected 2003 (years must be consecutive and "
                "increasing), found 2004\n");
}

TEST(DsmCommand, NeedsExactlyOneInput) {
  auto neither = run_dsm({.lifetime = "fixed:5"});
  ASSERT_FALSE(neither.has_value());
  EXPECT_EQ(neither.error().str(),
            "command line: --inflow/--stock: expected exactly one of --inflow FILE or --stock "
            "FILE, found neither\n");
  auto missing = run_dsm({.inflow_file = kData + "no_such_file.csv", .lifetime = "fixed:5"});
  ASSERT_FALSE(missing.has_value());
  EXPECT_EQ(missing.error().str(), kData + "no_such_file.csv: cannot open file for reading\n");
}

// A lifetime of 0 cannot hold any stock: the output says so instead of silently differing.
TEST(DsmCommand, NotesStockTheLifetimeCannotHold) {
  auto r = run_dsm({.stock_file = kData + "stock_decline.csv", .lifetime = "fixed:0"});
  ASSERT_TRUE(r.has_value());
  bool noted = false;
  for (const auto& n : r->front().notes)
    noted |= n.starts_with("the stock differs from the given stock in 6 year(s), first 2001");
  EXPECT_TRUE(noted);
}

}  // namespace
}  // namespace rareflow::mfa
