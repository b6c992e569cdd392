// A plan's results in the report's variable conventions (Plan|Roadmap, Plan|Self-sufficiency,
// Plan|Goal|Self-sufficiency, Plan|Cost), so that `rareflow report` draws the Gantt chart,
// the self-sufficiency lines against the goal and the cost breakdown.
#pragma once

#include "rareflow/core/iamc.hpp"
#include "rareflow/plan/plan_run.hpp"

namespace rareflow::report {

void append_plan_rows(IamcTable& t, const plan::PlanRunResult& r);

}  // namespace rareflow::report
