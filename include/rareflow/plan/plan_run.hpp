// The `rareflow plan` command's logic, so that the CLI stays a thin wrapper: read a plan,
// solve it (optimised and reference strategies), and turn the results into tables, IAMC rows
// and files.
#pragma once

#include <functional>

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "rareflow/core/error.hpp"
#include "rareflow/core/iamc.hpp"
#include "rareflow/core/table.hpp"
#include "rareflow/plan/plan_model.hpp"
#include "rareflow/plan/plan_solver.hpp"

namespace rareflow::plan {

struct PlanRunOptions {
  SolveOptions solve;
  bool reference = true;  // also evaluate the reference strategy
  bool lp_text = false;   // also return the optimised model in LP format
  // Called before each phase ("optimised", "reference"), e.g. to drive a progress display.
  std::function<void(int step, const std::string& phase)> on_phase;
};

struct PlanRunResult {
  PlanModel plan;
  PlanSolution optimised;
  std::optional<PlanSolution> reference;
  std::vector<Table> tables;
  IamcTable iamc;
  std::string lp;  // when asked for
};

// Parses `text` (throws InputError with every problem of the file) and solves. A solver
// failure is returned as an error.
Result<PlanRunResult> run_plan(const std::string& text, const std::string& file_name,
                               const PlanRunOptions& options);

// Writes into `dir`: one csv per table, named after its title (roadmap.csv, objective.csv,
// goals.csv, budget_goals.csv, self_sufficiency_by_element_group.csv, supply_and_trade.csv,
// costs_per_year.csv, solver.csv, findings.csv), results.csv and results.json (IAMC) and
// run.json (the run record). Files are written atomically.
Result<void> write_plan_outputs(const PlanRunResult& result, const std::filesystem::path& dir);

}  // namespace rareflow::plan
