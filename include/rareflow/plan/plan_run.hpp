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
#include "rareflow/plan/plan_decisions.hpp"
#include "rareflow/plan/plan_model.hpp"
#include "rareflow/plan/plan_solver.hpp"

namespace rareflow::plan {

struct PlanRunOptions {
  SolveOptions solve;
  bool reference = true;            // also evaluate the reference strategy
  bool lp_text = false;             // also return the models in LP format
  bool rank = false;                // also value every candidate project (forbidden, forced)
  std::vector<std::string> sweeps;  // goal sweeps "NAME=FROM:TO:POINTS", checked before solving
  // Called before each phase ("optimised", "reference"), e.g. to drive a progress display.
  std::function<void(int step, const std::string& phase)> on_phase;
};

struct PlanRunResult {
  PlanModel plan;
  PlanSolution optimised;
  std::optional<PlanSolution> reference;
  std::vector<ProjectValue> ranking;            // when asked for
  std::vector<std::vector<SweepPoint>> sweeps;  // one per requested sweep
  std::vector<Table> tables;
  IamcTable iamc;
  std::string lp;            // optimised strategy, when asked for
  std::string lp_reference;  // reference strategy, when asked for and solved
};

// Parses `text` and solves. A bad file fails with every problem (the error's diagnostics); a
// solver failure with its message.
Result<PlanRunResult> run_plan(const std::string& text, const std::string& file_name,
                               const PlanRunOptions& options);
// The same for a plan already parsed (e.g. with futures drawn into it).
Result<PlanRunResult> run_plan(PlanModel plan, const PlanRunOptions& options);

// Writes into `dir`: one csv per table, named after its title (roadmap.csv, objective.csv,
// goals.csv, budget_goals.csv, self_sufficiency_by_element_group.csv, supply_and_trade.csv,
// costs_per_year.csv, solver.csv, findings.csv), results.csv and results.json (IAMC) and
// run.json (the run record). Files are written atomically.
Result<void> write_plan_outputs(const PlanRunResult& result, const std::filesystem::path& dir);

}  // namespace rareflow::plan
