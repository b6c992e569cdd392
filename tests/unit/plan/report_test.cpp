// run_plan's tables and IAMC rows, the LP dump and the lookup of embedded plans.
#include <cstdio>
#include <filesystem>

#include <gtest/gtest.h>
#include <OsiClpSolverInterface.hpp>

#include "plan_test_util.hpp"
#include "rareflow/plan/plan_report.hpp"
#include "rareflow/plan/plan_run.hpp"

namespace rareflow::plan::test {
namespace {

PlanRunResult run_two_projects() {
  PlanRunOptions opt;
  opt.solve.gap = 1e-9;
  opt.lp_text = true;
  auto r = run_plan(read_test_file("two_projects.toml"), "two_projects.toml", opt);
  EXPECT_TRUE(r.has_value());
  return std::move(*r);
}

const Table& table_titled(const std::vector<Table>& ts, const std::string& start) {
  for (const auto& t : ts)
    if (t.title.rfind(start, 0) == 0) return t;
  throw std::runtime_error("no table " + start);
}

double number_at(const Table& t, std::size_t row, const std::string& column) {
  for (std::size_t c = 0; c < t.columns.size(); ++c)
    if (t.columns[c].name == column) return std::get<double>(t.rows.at(row).at(c));
  throw std::runtime_error("no column " + column);
}

// The objective table puts the reference (19, plant A as announced) next to the optimum (17,
// plant B): the value of optimising is 2 (see solve_small_test.cpp for the arithmetic).
TEST(PlanReport, ObjectiveComparesWithTheReference) {
  PlanRunResult r = run_two_projects();
  ASSERT_TRUE(r.reference.has_value());
  const Table& obj = table_titled(r.tables, "Objective");
  const std::size_t total = obj.rows.size() - 1;
  EXPECT_EQ(std::get<std::string>(obj.rows[total][0]), "total");
  EXPECT_NEAR(number_at(obj, total, "optimised"), 17.0, 1e-6);
  EXPECT_NEAR(number_at(obj, total, "reference"), 19.0, 1e-6);
  EXPECT_NEAR(number_at(obj, total, "reference - optimised"), 2.0, 1e-6);
  // Every numeric column names its unit.
  for (const auto& t : r.tables)
    for (std::size_t c = 0; c < t.columns.size(); ++c) {
      if (!t.rows.empty() && std::holds_alternative<double>(t.rows[0][c])) {
        EXPECT_FALSE(t.columns[c].unit.empty()) << t.title << ": " << t.columns[c].name;
      }
    }
}

TEST(PlanReport, RoadmapTableListsBothStrategies) {
  PlanRunResult r = run_two_projects();
  const Table& rm = table_titled(r.tables, "Roadmap");
  ASSERT_EQ(rm.rows.size(), 2u);
  EXPECT_EQ(std::get<std::string>(rm.rows[0][0]), "optimised");
  EXPECT_EQ(std::get<std::string>(rm.rows[0][1]), "plant_b");
  EXPECT_EQ(std::get<long long>(rm.rows[0][4]), 2026);  // online year
  EXPECT_EQ(std::get<std::string>(rm.rows[1][1]), "plant_a");
}

TEST(PlanReport, IamcRowsCarryScenarioStrategyAndUnits) {
  PlanRunResult r = run_two_projects();
  bool found = false;
  for (const auto& row : r.iamc.rows) {
    EXPECT_FALSE(row.unit.empty()) << row.variable;
    if (row.scenario == "two-projects|optimised|base" && row.variable == "Self-sufficiency|Nd" &&
        row.year == 2026) {
      EXPECT_NEAR(row.value, 100.0, 1e-6);
      EXPECT_EQ(row.unit, "%");
      EXPECT_EQ(row.region, "TST");
      found = true;
    }
  }
  EXPECT_TRUE(found);
  EXPECT_EQ(r.iamc.record.command, "plan");
  EXPECT_EQ(r.iamc.record.entries.at("optimised.status"), "optimal");
}

// The LP dump is valid LP format: Clp reads it back and branch and bound finds the same
// optimum (17 minus the objective's constant, which the file states in a comment; here 0).
TEST(PlanReport, DumpedLpReadsBackWithTheSameOptimum) {
  PlanRunResult r = run_two_projects();
  EXPECT_NE(r.lp.find("build(plant_b,2025)"), std::string::npos);
  EXPECT_NE(r.lp.find("goal(nd_at_home,base,2026)"), std::string::npos);
  auto path = std::filesystem::temp_directory_path() / "rareflow_plan_test.lp";
  {
    std::FILE* f = std::fopen(path.c_str(), "w");
    ASSERT_NE(f, nullptr);
    std::fwrite(r.lp.data(), 1, r.lp.size(), f);
    std::fclose(f);
  }
  OsiClpSolverInterface s;
  s.messageHandler()->setLogLevel(0);
  ASSERT_EQ(s.readLp(path.c_str()), 0);
  std::filesystem::remove(path);
  EXPECT_EQ(s.getNumCols(), r.optimised.solver.columns);
  EXPECT_EQ(s.getNumRows(), r.optimised.solver.rows);
  s.branchAndBound();
  ASSERT_TRUE(s.isProvenOptimal());
  EXPECT_NEAR(s.getObjValue(), 17.0, 1e-6);
}

TEST(PlanReport, OutputsAreWrittenAsFiles) {
  PlanRunResult r = run_two_projects();
  auto dir = std::filesystem::temp_directory_path() / "rareflow_plan_out_test";
  std::filesystem::remove_all(dir);
  ASSERT_TRUE(write_plan_outputs(r, dir).has_value());
  for (const char* f :
       {"roadmap.csv", "objective.csv", "goals.csv", "results.csv", "results.json", "run.json"})
    EXPECT_TRUE(std::filesystem::exists(dir / f)) << f;
  std::filesystem::remove_all(dir);
}

TEST(PlanReport, EmbeddedPlanIsFoundByName) {
  std::string name;
  std::string text = value_or_throw(load_plan_text("russia-2035", name));
  EXPECT_EQ(name, "plans/russia-2035.toml");
  EXPECT_NE(text.find("name = \"russia-2035\""), std::string::npos);
  try {
    value_or_throw(load_plan_text("russia-2036", name));
    ADD_FAILURE() << "expected an error";
  } catch (const InputError& e) {
    EXPECT_NE(std::string(e.what()).find("did you mean \"russia-2035\"?"), std::string::npos)
        << e.what();
  }
}

}  // namespace
}  // namespace rareflow::plan::test
