// End-to-end runs of `rareflow plan` (expected optima are worked out in tests/unit/plan).
#include <filesystem>
#include <fstream>

#include <gtest/gtest.h>

#include "cli_run.hpp"

namespace rareflow::cli_test {
namespace {

namespace fs = std::filesystem;

TEST(PlanCli, TwoProjectsCsv) {
  auto r = run("plan " RAREFLOW_SOURCE_DIR "/tests/data/plan/two_projects.toml --format csv");
  ASSERT_EQ(r.code, 0) << r.err;
  EXPECT_NE(r.out.find("optimised,plant_b"), std::string::npos) << r.out;
}

TEST(PlanCli, RussiaWritesResultsDirAndReport) {
  auto dir = fs::temp_directory_path() / "rareflow_cli_plan";
  fs::remove_all(dir);
  auto r = run("plan russia-2035 --out " + dir.string());
  ASSERT_EQ(r.code, 0) << r.err;
  EXPECT_NE(r.out.find("glazov_magnet"), std::string::npos);
  EXPECT_NE(r.out.find("value of optimising"), std::string::npos);
  EXPECT_TRUE(fs::exists(dir / "results.csv"));
  EXPECT_TRUE(fs::exists(dir / "run.json"));
  std::string results = slurp(dir / "results.csv");
  EXPECT_NE(results.find("Plan|Roadmap|"), std::string::npos);
  EXPECT_NE(results.find("Plan|Self-sufficiency|"), std::string::npos);
  auto rep = run("report " + dir.string() + " --out " + (dir / "r.html").string());
  ASSERT_EQ(rep.code, 0) << rep.err;
  std::string html = slurp(dir / "r.html");
  EXPECT_NE(html.find("id=\"plan\""), std::string::npos);
  EXPECT_NE(html.find("id=\"flows\""), std::string::npos);
  fs::remove_all(dir);
}

TEST(PlanCli, UnknownProjectInGoalFile) {
  auto dir = fs::temp_directory_path() / "rareflow_cli_plan_bad";
  fs::create_directories(dir);
  std::string text = slurp(RAREFLOW_SOURCE_DIR "/tests/data/plan/two_projects.toml");
  text +=
      "\n[[commitments]]\nproject = \"plant_z\"\ndecision_year = 2025\nmodules = 1\nsource = "
      "\"test\"\nconfidence = \"assumption\"\nreason = \"test\"\n";
  std::ofstream(dir / "bad.toml") << text;
  auto r = run("plan " + (dir / "bad.toml").string());
  EXPECT_EQ(r.code, 1);
  EXPECT_NE(r.err.find("bad.toml:"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("plant_z"), std::string::npos) << r.err;
  EXPECT_TRUE(r.out.empty());
  fs::remove_all(dir);
}

TEST(PlanCli, UnknownPlanName) {
  auto r = run("plan russia-2030");
  EXPECT_EQ(r.code, 1);
  EXPECT_NE(r.err.find("russia-2035"), std::string::npos) << r.err;
}

}  // namespace
}  // namespace rareflow::cli_test

namespace rareflow::cli_test {
namespace {

TEST(PlanCli, ReportFlagWritesHtml) {
  auto file = std::filesystem::temp_directory_path() / "rareflow_cli_plan_report.html";
  std::filesystem::remove(file);
  auto r = run("plan " RAREFLOW_SOURCE_DIR "/tests/data/plan/two_projects.toml --report " +
               file.string());
  ASSERT_EQ(r.code, 0) << r.err;
  std::string html = slurp(file);
  EXPECT_NE(html.find("Plan"), std::string::npos);
  EXPECT_NE(html.find("<svg"), std::string::npos);
  std::filesystem::remove(file);
}

}  // namespace
}  // namespace rareflow::cli_test
