// End-to-end runs of `rareflow plan` (expected optima are worked out in tests/unit/plan).
#include <filesystem>
#include <fstream>
#include <map>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "cli_run.hpp"

namespace rareflow::cli_test {
namespace {

namespace fs = std::filesystem;

TEST(PlanCli, TwoProjectsCsv) {
  auto r = run("plan " RAREFLOW_SOURCE_DIR "/tests/data/plan/two_projects.toml --format csv");
  ASSERT_EQ(r.code, 0) << r.err;
  EXPECT_NE(r.out.find("optimised,plant_b"), std::string::npos) << r.out;
}

// --dump-lp takes a directory, as simulate's does; a file in its place fails before any solve
// and leaves nothing behind.
TEST(PlanCli, DumpLpIsADirectoryCheckedBeforeSolving) {
  auto file = fs::temp_directory_path() / "rareflow_cli_plan_dump_file";
  fs::remove_all(file);
  std::ofstream(file) << "x";
  auto bad = run("plan " RAREFLOW_SOURCE_DIR "/tests/data/plan/two_projects.toml --dump-lp " +
                 file.string());
  EXPECT_NE(bad.code, 0);
  EXPECT_NE(bad.err.find("--dump-lp: expected a directory"), std::string::npos) << bad.err;
  EXPECT_EQ(bad.err.find("solving"), std::string::npos) << bad.err;
  EXPECT_FALSE(fs::exists(file.string() + ".tmp"));
  fs::remove(file);
  auto dir = fs::temp_directory_path() / "rareflow_cli_plan_dump_dir";
  fs::remove_all(dir);
  auto ok = run("plan " RAREFLOW_SOURCE_DIR "/tests/data/plan/two_projects.toml --dump-lp " +
                dir.string());
  ASSERT_EQ(ok.code, 0) << ok.err;
  EXPECT_TRUE(fs::exists(dir / "plan_optimised.lp"));
  EXPECT_TRUE(fs::exists(dir / "plan_reference.lp"));
  fs::remove_all(dir);
}

// --rank and --sweep-goal print their tables (values worked out in tests/unit/plan/
// decisions_test.cpp); the gap is printed after the tables.
TEST(PlanCli, RankAndSweepTables) {
  auto r = run("plan " RAREFLOW_SOURCE_DIR
               "/tests/data/plan/three_projects.toml --rank --sweep-goal nd-at-home=0:100:3");
  ASSERT_EQ(r.code, 0) << r.err;
  EXPECT_NE(r.out.find("Project values"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("Goal-cost curve: nd-at-home"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("relative gap"), std::string::npos) << r.out;
  auto bad = run("plan " RAREFLOW_SOURCE_DIR
                 "/tests/data/plan/three_projects.toml --sweep-goal nd-at-hom=0:100:3");
  EXPECT_NE(bad.code, 0);
  EXPECT_NE(bad.err.find("did you mean \"nd-at-home\""), std::string::npos) << bad.err;
}

// --futures prints the representatives and the roadmap across the sampled futures (values
// worked out in tests/unit/workflow/plan_futures_test.cpp); bad requests fail with nothing on
// stdout: a bad [futures] distribution with its file:line:column, --reduce without --futures,
// K above N, and a plan without [futures].
TEST(PlanCli, FuturesTablesAndBadRequests) {
  const std::string plan = RAREFLOW_SOURCE_DIR "/tests/data/plan/futures.toml";
  auto r = run("plan " + plan + " --futures 20 --reduce 2 --seed 3 --no-reference");
  ASSERT_EQ(r.code, 0) << r.err;
  EXPECT_NE(r.out.find("Sampled futures: 2 representatives of 20"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("Roadmap across the 20 sampled futures: goal attainment"),
            std::string::npos);
  for (const std::string& args :
       {plan + " --reduce 2", plan + " --futures 5 --reduce 6",
        std::string(RAREFLOW_SOURCE_DIR "/tests/data/plan/two_projects.toml --futures 5")}) {
    auto bad = run("plan " + args);
    EXPECT_NE(bad.code, 0) << args;
    EXPECT_TRUE(bad.out.empty()) << args << ": " << bad.out;
  }
  auto dir = fs::temp_directory_path() / "rareflow_cli_futures";
  fs::create_directories(dir);
  std::ofstream(dir / "bad.toml") << slurp(plan)
                                  << "demand = { dist = \"uniform\", min = 1, max = 20 }\n";
  auto bad = run("plan " + (dir / "bad.toml").string() + " --futures 5");
  EXPECT_NE(bad.code, 0);
  EXPECT_TRUE(bad.out.empty());
  EXPECT_NE(bad.err.find("bad.toml:41:"), std::string::npos) << bad.err;
  fs::remove_all(dir);
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
  EXPECT_NE(results.find(",Self-sufficiency|HREE,%,"), std::string::npos);
  // One name per quantity: no Plan| copies of the self-sufficiency and cost rows.
  EXPECT_EQ(results.find("Plan|Self-sufficiency|"), std::string::npos);
  EXPECT_EQ(results.find("Plan|Cost|"), std::string::npos);
  EXPECT_NE(results.find(",Cost|capex,USD million,"), std::string::npos);
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

namespace rareflow::cli_test {
namespace {

const nlohmann::json* table_titled(const nlohmann::json& tables, const std::string& prefix) {
  for (const auto& t : tables)
    if (t["title"].get<std::string>().rfind(prefix, 0) == 0) return &t;
  return nullptr;
}

int online_year(const nlohmann::json& roadmap, const std::string& project) {
  for (const auto& r : roadmap["rows"])
    if (r["strategy"] == "optimised" && r["project"] == project) return r["online year"].get<int>();
  return 0;
}

// Russia 2035 committed in the baseline market: the market's RUS separation (none today; the
// baseline's own SMZ entry is replaced by the roadmap) starts with the roadmap's SMZ plant, and
// RUS mining (2,500 t REO/yr of Lovozero in 2024, USGS) rises when the expansion comes online.
TEST(PlanCli, EvaluateCommitsTheRoadmapInTheMarket) {
  auto r = run("plan russia-2035 --evaluate --no-reference --format json");
  ASSERT_EQ(r.code, 0) << r.err;
  auto j = nlohmann::json::parse(r.out);
  const auto* roadmap = table_titled(j, "Roadmap:");
  const auto* eval = table_titled(j, "Plan against the market");
  ASSERT_TRUE(roadmap && eval && table_titled(j, "Simulated oxide prices")) << r.out;
  const int smz = online_year(*roadmap, "smz_separation");
  const int expansion = online_year(*roadmap, "lovozero_expansion");
  ASSERT_GT(smz, 2025) << "the optimised roadmap should build SMZ";
  ASSERT_GT(expansion, 2025) << "the optimised roadmap should expand Lovozero";
  std::map<int, const nlohmann::json*> by_year;
  for (const auto& row : (*eval)["rows"]) by_year[row["year"].get<int>()] = &row;
  ASSERT_EQ(by_year.size(), 11u);  // 2025..2035
  for (const auto& [year, row] : by_year) {
    double sep = (*row)["market separated"].get<double>();
    if (year < smz)
      EXPECT_EQ(sep, 0.0) << year;
    else
      EXPECT_GT(sep, 0.0) << year;
    // Both sides are printed: the plan mines at least the existing 2,500 t REO/yr.
    EXPECT_GE((*row)["plan mined"].get<double>(), 2500.0 - 1e-6) << year;
  }
  ASSERT_TRUE(by_year.count(expansion - 1));
  EXPECT_GT((*by_year[expansion])["market mined"].get<double>(),
            (*by_year[expansion - 1])["market mined"].get<double>() + 1.0);
  // Issue 11: RUS has demand of its own in the market (1,000 t of magnets, 1,030 t REO of
  // other uses), so its market self-sufficiency is a number and no note calls it blank.
  ASSERT_TRUE((*by_year[2030])["market self-sufficiency all"].is_number());
  EXPECT_GE((*by_year[2030])["market self-sufficiency all"].get<double>(), 0.0);
  EXPECT_EQ(eval->dump().find("self-sufficiency is blank"), std::string::npos);
}

}  // namespace
}  // namespace rareflow::cli_test
