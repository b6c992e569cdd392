#include <gtest/gtest.h>

#include <filesystem>

#include "rareflow/core/io.hpp"
#include "rareflow/report/report.hpp"

namespace rareflow::report {
namespace {

namespace fs = std::filesystem;

fs::path scratch(const std::string& name) {
  auto p = fs::temp_directory_path() / ("rareflow_report_test_" + name);
  fs::remove_all(p);
  fs::create_directories(p);
  return p;
}

TEST(ResultsDir, LoadsTheDemo) {
  auto in = load_results_dir(std::string(RAREFLOW_TEST_DATA) + "/report/demo");
  ASSERT_TRUE(in.has_value()) << in.error().message;
  EXPECT_EQ(in->title, "rareflow demo report");  // from the run record's "title"
  EXPECT_EQ(in->results.record.command, "demo");
  EXPECT_EQ(in->results.record.entries.at("data_version"), "world-2025.1 (demo)");
  EXPECT_EQ(in->results.rows.size(), 1212u);  // results.csv has 1213 lines with the header
  EXPECT_EQ(in->sankeys.size(), 3u);          // built from flows.csv
  EXPECT_EQ(in->sankeys[0].title, "Flows in 2024, Nd+Pr [t REO]");
  ASSERT_EQ(in->sources.columns.size(), 6u);
  EXPECT_EQ(in->sources.rows.size(), 3u);
  // "year" parses as a number, the title stays text.
  EXPECT_TRUE(std::holds_alternative<double>(in->sources.rows[0][3]));
  EXPECT_TRUE(std::holds_alternative<std::string>(in->sources.rows[0][1]));
}

TEST(ResultsDir, MissingResultsSayWhatIsExpected) {
  auto dir = scratch("empty");
  auto in = load_results_dir(dir);
  ASSERT_FALSE(in.has_value());
  EXPECT_NE(in.error().message.find("no results.csv"), std::string::npos);
  auto none = load_results_dir(dir / "nope");
  ASSERT_FALSE(none.has_value());
  EXPECT_NE(none.error().message.find("not a directory"), std::string::npos);
  ASSERT_TRUE(write_file_atomic(dir / "results.csv", "model,scenario\nx,y\n").has_value());
  auto bad = load_results_dir(dir);
  ASSERT_FALSE(bad.has_value());
  // The header is checked first now (a wrong header was accepted before issue 13).
  EXPECT_NE(bad.error().message.find("results.csv:1:1: header: expected"), std::string::npos)
      << bad.error().message;
  fs::remove_all(dir);
}

TEST(ResultsDir, WriteThenLoadGivesTheSameReport) {
  auto in = load_results_dir(std::string(RAREFLOW_TEST_DATA) + "/report/demo");
  ASSERT_TRUE(in.has_value());
  Table extra;
  extra.title = "Balance summary";
  extra.columns = {{"region", "", 0}, {"mined", "t REO", 0}, {"count", "", 0}};
  extra.add_row({std::string("CHN"), 270000.5, 3LL});
  in->tables.push_back(extra);
  auto dir = scratch("roundtrip");
  ASSERT_TRUE(write_results_dir(*in, dir).has_value());
  auto back = load_results_dir(dir);
  ASSERT_TRUE(back.has_value()) << back.error().message;
  EXPECT_EQ(render_html_report(*back), render_html_report(*in));
  ASSERT_EQ(back->tables.size(), 1u);
  EXPECT_EQ(back->tables[0].columns[1].unit, "t REO");
  EXPECT_EQ(std::get<double>(back->tables[0].rows[0][1]), 270000.5);
  EXPECT_EQ(std::get<long long>(back->tables[0].rows[0][2]), 3);
  fs::remove_all(dir);
}

TEST(ResultsDir, RunRecordKeepsNonStringValuesAsJson) {
  auto r = run_record_from_json(R"({"command":"plan","entries":{"seed":42,"gap":0.01,"s":"x"}})",
                                "run.json");
  ASSERT_TRUE(r.has_value());
  EXPECT_EQ(r->command, "plan");
  EXPECT_EQ(r->entries.at("seed"), "42");
  EXPECT_EQ(r->entries.at("s"), "x");
  EXPECT_FALSE(run_record_from_json("[1,2]", "run.json").has_value());
  EXPECT_FALSE(run_record_from_json("{", "run.json").has_value());
}

TEST(ResultsDir, CsvTablesReadUnitsFromHeaders) {
  auto t = table_from_csv("region,\"mined [t REO]\",note\nCHN,270000,\"a, \"\"quoted\"\"\nline\"\n",
                          "t", "t.csv");
  ASSERT_TRUE(t.has_value());
  EXPECT_EQ(t->columns[1].name, "mined");
  EXPECT_EQ(t->columns[1].unit, "t REO");
  ASSERT_EQ(t->rows.size(), 1u);
  EXPECT_EQ(std::get<double>(t->rows[0][1]), 270000);
  EXPECT_EQ(std::get<std::string>(t->rows[0][2]), "a, \"quoted\"\nline");
}

}  // namespace
}  // namespace rareflow::report
