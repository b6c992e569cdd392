// --format is one option for every command (issue 10): each declares the formats it takes, an
// unknown one is refused with that list, xlsx needs --out, and every command that prints
// tables writes xlsx through the same path.
#include <gtest/gtest.h>

#include <filesystem>
#include <string>
#include <vector>

#include "../xlsx_read.hpp"
#include "cli_run.hpp"

namespace rareflow::cli_test {
namespace {

namespace fs = std::filesystem;

const std::string kInflow = std::string(RAREFLOW_TEST_DATA) + "/mfa/inflow_1_10.csv";
const std::string kDemo = std::string(RAREFLOW_TEST_DATA) + "/report/demo";

struct Command {
  std::string args;
  std::string accepted;
};

// The format is checked before any work, so none of these runs a model.
const std::vector<Command> kCommands = {
    {"balance", "table, csv, json, xlsx"},
    {"data show", "table, csv, json, xlsx"},
    {"data schema", "table, csv, json, xlsx"},
    {"stocks", "table, csv, json, xlsx"},
    {"criticality --perspective EU27", "table, csv, json, xlsx"},
    {"compare baseline baseline", "table, csv, json, xlsx"},
    {"dsm --inflow " + kInflow + " --lifetime fixed:5", "table, csv, json, xlsx"},
    {"backtest", "table, csv, json"},
    {"plan russia-2035", "table, csv, json"},
    {"simulate", "csv, json"},
    {"report " + kDemo, "html, xlsx"},
};

TEST(CliFormat, UnknownFormatNamesTheAcceptedOnes) {
  for (const auto& c : kCommands) {
    auto r = run(c.args + " --format pdf");
    EXPECT_EQ(r.code, 1) << c.args;
    EXPECT_NE(r.err.find("--format: expected one of " + c.accepted + ", found \"pdf\""),
              std::string::npos)
        << c.args << "\n"
        << r.err << r.out;
  }
}

TEST(CliFormat, XlsxNeedsAnOutputFile) {
  for (const auto& c : kCommands) {
    if (c.accepted.find("xlsx") == std::string::npos || c.args.starts_with("report")) continue;
    auto r = run(c.args + " --format xlsx");
    EXPECT_EQ(r.code, 1) << c.args;
    EXPECT_NE(r.err.find("--format xlsx: expected an output file (--out FILE)"), std::string::npos)
        << c.args << "\n"
        << r.err;
  }
}

// dsm printed csv, json or text only before issue 10; its table now reads back from xlsx.
TEST(CliFormat, DsmWritesAReadableWorkbook) {
  if (!xlsx_read::have_unzip()) GTEST_SKIP() << "unzip not installed";
  auto out = fs::temp_directory_path() / "rareflow_cli_dsm.xlsx";
  fs::remove(out);
  auto r =
      run("dsm --inflow " + kInflow + " --lifetime fixed:5 --format xlsx --out " + out.string());
  ASSERT_EQ(r.code, 0) << r.err;
  auto strings = xlsx_read::shared_strings(xlsx_read::unzip_member(out, "xl/sharedStrings.xml"));
  auto sheet =
      xlsx_read::read_sheet(xlsx_read::unzip_member(out, "xl/worksheets/sheet1.xml"), strings);
  EXPECT_EQ(sheet.cells.at({1, 1}), "year");
  EXPECT_EQ(sheet.cells.at({1, 2}), "inflow [t]");
  // Inflow 1..10 t with a fixed 5-year lifetime: the stock after year 10 is 40 t.
  EXPECT_EQ(sheet.cells.at({2, 1}), "2001");
  EXPECT_EQ(sheet.cells.at({11, 2}), "10");
  EXPECT_TRUE(sheet.is_number.at({11, 2}));
  EXPECT_EQ(sheet.cells.at({1, 4}), "stock [t]");
  EXPECT_EQ(sheet.cells.at({11, 4}), "40");
  fs::remove(out);
}

}  // namespace
}  // namespace rareflow::cli_test
