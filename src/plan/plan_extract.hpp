// Internal: reading a MILP solution back into a PlanSolution (roadmap, yearly metrics per
// scenario, costs, goals), and wording what the goals did.
#pragma once

#include <vector>

#include "milp_context.hpp"
#include "rareflow/plan/plan_solver.hpp"

namespace rareflow::plan::detail {

PlanSolution extract_solution(const MilpContext& ctx, const LinearModel& m,
                              const std::vector<double>& x);
// Fills GoalYear::marginal_cost from the row duals of the LP with builds fixed.
void add_marginal_costs(const MilpContext& ctx, const std::vector<double>& duals,
                        PlanSolution& sol);
// Adds messages: hard goals that cannot be met (and by how much), soft goals missed, binding goals.
void describe_goals(const MilpContext& ctx, PlanSolution& sol);
// Adds a message (and PlanSolution::idle_projects) for every project with capacity in the
// solution that produces nothing in any scenario and year, saying why.
void flag_idle_projects(const PlanModel& plan, PlanSolution& sol);
// Names of the hard goals (with soft_too, of every goal) a solution fails (beyond round-off),
// and of the goals that bind or
// (soft) are missed somewhere; each name once.
std::vector<std::string> failed_goals(const PlanSolution& s, bool soft_too = false);
std::vector<std::string> binding_goals(const PlanSolution& s);

}  // namespace rareflow::plan::detail
