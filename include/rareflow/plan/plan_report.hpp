// The planner's results as tables (on screen, csv, json) and as an IAMC long table. Every
// numeric column names its unit. When a reference solution is given, the roadmap, objective
// and findings show it next to the optimised one, so that the value of optimising is visible.
#pragma once

#include <array>
#include <optional>
#include <vector>

#include "rareflow/core/iamc.hpp"
#include "rareflow/core/table.hpp"
#include "rareflow/plan/plan_model.hpp"
#include "rareflow/plan/plan_solver.hpp"

namespace rareflow::plan {

// Roadmap, objective, goals (and budget goals when the plan has any), self-sufficiency, supply and
// trade, costs per year, solver, findings. `reference` may be null.
std::vector<Table> plan_tables(const PlanModel& plan, const PlanSolution& optimised,
                               const PlanSolution* reference);

Table roadmap_table(const PlanModel& plan, const PlanSolution& optimised,
                    const PlanSolution* reference);
Table objective_table(const PlanSolution& optimised, const PlanSolution* reference);
Table goals_table(const PlanSolution& solution);         // quantity goals, in t
Table budget_goals_table(const PlanSolution& solution);  // budget goals, in USD million
Table self_sufficiency_table(const PlanModel& plan, const PlanSolution& solution);
Table supply_table(const PlanSolution& solution);
Table yearly_costs_table(const PlanSolution& solution);
Table solver_table(const PlanSolution& optimised, const PlanSolution* reference);
Table findings_table(const PlanSolution& optimised, const PlanSolution* reference);

// IAMC rows for every strategy and scenario; scenario = "<plan>|<strategy>|<scenario>".
IamcTable plan_iamc(const PlanModel& plan, const PlanSolution& optimised,
                    const PlanSolution* reference);

// Element groups reported for self-sufficiency: all, LREE, HREE, magnet, plus the element
// sets named by the plan's goals. Pairs of (label, elements).
std::vector<std::pair<std::string, std::vector<Element>>> reported_groups(const PlanModel& plan);
// Sum of an element field over a group, and the group's self-sufficiency in % (domestic supply
// over demand; nullopt when the group has no demand), as the plan's rows and tables report it.
double group_sum(const PlanYear& y, const std::vector<Element>& g, double ElementYear::*field);
std::optional<double> group_self_sufficiency(const PlanYear& y, const std::vector<Element>& g);

}  // namespace rareflow::plan
