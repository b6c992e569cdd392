// A plan run: read a plan (file or embedded name), solve the optimised and reference
// strategies (plan::run_plan) and, when asked, evaluate the optimised roadmap in the market
// simulator (plan_evaluate.hpp). What `rareflow plan` and `rareflow.plan()` run.
#pragma once

#include <functional>
#include <string>

#include "rareflow/core/error.hpp"
#include "rareflow/data/dataset.hpp"
#include "rareflow/plan/plan_run.hpp"
#include "rareflow/workflow/plan_futures.hpp"

namespace rareflow::workflow {

struct PlanRequest {
  std::string plan_file;          // PLAN.toml, or the name of an embedded plan (russia-2035)
  plan::PlanRunOptions options;   // its on_phase is driven through `progress`
  bool evaluate = false;          // also simulate the optimised roadmap (baseline market)
  const Dataset* data = nullptr;  // the data package, needed with evaluate
  // With futures.futures > 0: the plan is solved over K futures reduced from N sampled ones
  // (its own scenarios only seed them) and the roadmap is evaluated in all N (plan_futures.hpp).
  FuturesOptions futures;
  // Called before each step (0-based) of plan_steps(): what is being done.
  std::function<void(int step, const std::string& what)> progress;
};

// Solves (1 or 2), ranking (0 or 1), one per goal sweep, plus evaluation (0 or 1), plus the
// evaluation across sampled futures (0 or 1).
int plan_steps(const PlanRequest& r);

// A bad plan file fails with its diagnostics (as plan::parse_plan does); a solver or
// evaluation failure with its message. With evaluate, its tables follow the plan's in `tables`.
Result<plan::PlanRunResult> run_plan(const PlanRequest& r);

}  // namespace rareflow::workflow
