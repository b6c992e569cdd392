#include <gtest/gtest.h>

#include <charconv>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <map>

#include "rareflow/core/io.hpp"
#include "rareflow/report/report.hpp"
#include "xlsx_read.hpp"

namespace rareflow::report {
namespace {

namespace fs = std::filesystem;
using namespace rareflow::xlsx_read;

double number(const std::string& s) {
  double v = 0;
  std::from_chars(s.data(), s.data() + s.size(), v);
  return v;
}

TEST(Xlsx, NumbersMatchTheCsv) {
  if (!have_unzip()) GTEST_SKIP() << "unzip not installed; cannot read the workbook back";
  std::string dir = std::string(RAREFLOW_TEST_DATA) + "/report/demo";
  auto in = load_results_dir(dir);
  ASSERT_TRUE(in.has_value());
  Table extra;
  extra.title = "Balance: summary [demo]";  // ':' '[' ']' are not allowed in sheet names
  extra.columns = {{"region", "", 0}, {"mined", "t REO", 0}, {"plants", "", 0}};
  extra.add_row({std::string("CHN"), 270000.25, 12LL});
  extra.add_row({std::string("USA"), std::nan(""), 1LL});
  in->tables.push_back(extra);
  auto out = fs::temp_directory_path() / "rareflow_report_test.xlsx";
  fs::remove(out);
  ASSERT_TRUE(write_xlsx(*in, out).has_value());
  EXPECT_FALSE(fs::exists(fs::path(out.string() + ".tmp")));  // renamed into place
  auto strings = shared_strings(unzip_member(out, "xl/sharedStrings.xml"));
  auto names = sheet_names(unzip_member(out, "xl/workbook.xml"));
  ASSERT_EQ(names, (std::vector<std::string>{"results", "results_wide", "Balance_ summary _demo_",
                                             "run_record", "sources"}));
  // Sheet 1 ("results") holds the csv, row for row; numbers are numeric cells.
  auto csv = read_file(dir + "/results.csv");
  ASSERT_TRUE(csv.has_value());
  auto rows = iamc_from_csv(*csv, "results.csv");
  ASSERT_TRUE(rows.has_value());
  Sheet s = read_sheet(unzip_member(out, "xl/worksheets/sheet1.xml"), strings);
  EXPECT_EQ(s.cells.at({1, 7}), "value");
  for (std::size_t i = 0; i < rows->rows.size(); ++i) {
    const auto& r = rows->rows[i];
    int row = static_cast<int>(i) + 2;
    ASSERT_EQ(s.cells.at({row, 2}), r.scenario) << row;
    ASSERT_EQ(s.cells.at({row, 4}), r.variable) << row;
    ASSERT_EQ(s.cells.at({row, 5}), r.unit) << row;
    ASSERT_TRUE(s.is_number.at({row, 6}));
    ASSERT_EQ(number(s.cells.at({row, 6})), r.year);
    ASSERT_TRUE(s.is_number.at({row, 7}));
    // xlsx stores up to 17 significant digits as text; the csv keeps the shortest exact form.
    ASSERT_NEAR(number(s.cells.at({row, 7})), r.value, 1e-15 * std::abs(r.value)) << row;
  }
  EXPECT_EQ(s.cells.count({static_cast<int>(rows->rows.size()) + 2, 1}), 0u);
  // The extra table: units in headers, numbers as numbers, NaN left blank.
  Sheet t = read_sheet(unzip_member(out, "xl/worksheets/sheet3.xml"), strings);
  EXPECT_EQ(t.cells.at({1, 2}), "mined [t REO]");
  EXPECT_EQ(number(t.cells.at({2, 2})), 270000.25);
  EXPECT_TRUE(t.is_number.at({2, 3}));
  EXPECT_EQ(t.cells.count({3, 2}), 0u);
  // Run record and sources.
  Sheet rec = read_sheet(unzip_member(out, "xl/worksheets/sheet4.xml"), strings);
  EXPECT_EQ(rec.cells.at({2, 1}), "command");
  EXPECT_EQ(rec.cells.at({2, 2}), "demo");
  Sheet src = read_sheet(unzip_member(out, "xl/worksheets/sheet5.xml"), strings);
  EXPECT_EQ(src.cells.at({2, 1}), "usgs-mcs-2025");
  fs::remove(out);
}

TEST(Xlsx, WideSheetHasOneColumnPerYear) {
  if (!have_unzip()) GTEST_SKIP() << "unzip not installed; cannot read the workbook back";
  ReportInputs in;
  in.results.add("rareflow", "ref", "CHN", "Price|Oxide|Nd", "USD/kg", 2025, 60.5);
  in.results.add("rareflow", "ref", "CHN", "Price|Oxide|Nd", "USD/kg", 2024, 56);
  in.results.add("rareflow", "ref", "ROW", "Price|Oxide|Nd", "USD/kg", 2024, 58);
  auto out = fs::temp_directory_path() / "rareflow_report_wide.xlsx";
  ASSERT_TRUE(write_xlsx(in, out).has_value());
  auto strings = shared_strings(unzip_member(out, "xl/sharedStrings.xml"));
  Sheet w = read_sheet(unzip_member(out, "xl/worksheets/sheet2.xml"), strings);
  EXPECT_EQ(w.cells.at({1, 6}), "2024");
  EXPECT_EQ(w.cells.at({1, 7}), "2025");
  EXPECT_EQ(w.cells.at({2, 3}), "CHN");
  EXPECT_EQ(number(w.cells.at({2, 6})), 56);
  EXPECT_EQ(number(w.cells.at({2, 7})), 60.5);
  EXPECT_EQ(w.cells.at({3, 3}), "ROW");
  EXPECT_EQ(w.cells.count({3, 7}), 0u);  // ROW has no 2025 value
  fs::remove(out);
}

TEST(Xlsx, SameInputsSameBytes) {
  auto in = load_results_dir(std::string(RAREFLOW_TEST_DATA) + "/report/demo");
  ASSERT_TRUE(in.has_value());
  auto a = fs::temp_directory_path() / "rareflow_report_a.xlsx";
  auto b = fs::temp_directory_path() / "rareflow_report_b.xlsx";
  ASSERT_TRUE(write_xlsx(*in, a).has_value());
  ASSERT_TRUE(write_xlsx(*in, b).has_value());
  EXPECT_EQ(*read_file(a), *read_file(b));
  fs::remove(a);
  fs::remove(b);
}

TEST(Xlsx, UnwritablePathFailsWithoutLeavingFiles) {
  ReportInputs in;
  auto bad = fs::path("/proc/rareflow-no-such-dir/report.xlsx");
  auto ok = write_xlsx(in, bad);
  ASSERT_FALSE(ok.has_value());
  EXPECT_NE(ok.error().message.find("report.xlsx"), std::string::npos);
}

}  // namespace
}  // namespace rareflow::report

namespace rareflow::report {
namespace {

TEST(Xlsx, PlainTablesGetOneSheetEach) {
  if (!have_unzip()) GTEST_SKIP() << "unzip not installed; cannot read the workbook back";
  Table a;
  a.title = "balance";
  a.columns = {{"region", "", 0}, {"mined", "t REO", 0}};
  a.add_row({std::string("CHN"), 270000.0});
  Table b = a;  // same title: the second sheet gets a suffix
  RunRecord rec{"balance", {{"year", "2024"}}};
  auto out = fs::temp_directory_path() / "rareflow_report_tables.xlsx";
  ASSERT_TRUE(write_tables_xlsx({a, b}, rec, Table{}, out).has_value());
  EXPECT_EQ(sheet_names(unzip_member(out, "xl/workbook.xml")),
            (std::vector<std::string>{"balance", "balance (2)", "run_record", "sources"}));
  fs::remove(out);
}

}  // namespace
}  // namespace rareflow::report
