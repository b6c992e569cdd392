// Internal: the MILP of the roadmap planner, one function per block of variables and
// constraints (docs/model_plan.md states the equations). Blocks run in the order of
// build_milp; later blocks use the columns of earlier ones.
#pragma once

#include <string>

#include "milp_context.hpp"

namespace rareflow::plan::detail {

// "build(smz,2027)": a readable LP name; characters LP files do not allow become '_'.
std::string lp_name(std::string_view head, std::initializer_list<std::string_view> parts);

// First stage: integer modules per project and decision year, capex and fixed costs.
void define_build_decisions(MilpContext& ctx);
// Capacity online per project and year, from existing modules, builds, lead times and ramp-up.
void define_capacity(MilpContext& ctx);
// Per scenario: project output within capacity, separation feeds, metal outputs, recycling feed.
void define_operations(MilpContext& ctx);
// Per scenario: imports by supplier within availability, at the scenario's prices.
void define_imports(MilpContext& ctx);
// Per scenario: sales abroad within the market's cap.
void define_exports(MilpContext& ctx);
// Per scenario: unmet demand, at its penalty.
void define_demand(MilpContext& ctx);
// Per scenario: oxide stocks carried between years, and disposal of oxides and concentrate.
void define_storage(MilpContext& ctx);
// Per scenario: balances of each deposit's concentrate, each oxide, metal and magnet.
void define_chain_balances(MilpContext& ctx);
// Before the scenarios can be told apart, every scenario operates alike.
void define_nonanticipativity(MilpContext& ctx);
// Self-sufficiency, import dependence, market share, export and supplier-share goals.
void define_goals(MilpContext& ctx);
// Budget goals (first stage): capex per year and in total.
void define_budget(MilpContext& ctx);
// The objective: discounted, probability-weighted sum of every cost term.
void define_objective(MilpContext& ctx);

// All blocks in order.
void build_milp(MilpContext& ctx);

// Whether a separation or metal plant produces element e.
bool covers(const Project& p, Element e);
// Share of a deposit's concentrate (t REO) that a separation plant turns into separated oxides.
double separation_yield(const Project& p, const Deposit& d);

// Expressions in t REO-equivalent used by goals and reports.
LinExpr imports_oxide_eq(const MilpContext& ctx, int s, int t, Element e,
                         const std::string& supplier);
// Imports used in year t: imports minus what went into the stock of imported oxide plus what
// was drawn from it.
LinExpr imports_consumed(const MilpContext& ctx, int s, int t, Element e);
LinExpr shortfall_oxide_eq(const MilpContext& ctx, int s, int t, Element e);
double demand_oxide_eq(const MilpContext& ctx, int s, int t, Element e);
// Output at a stage sold or used (mine: mined REO not disposed; separation: separated and
// recycled oxides not disposed; metal; magnet).
LinExpr stage_output(const MilpContext& ctx, int s, int t, Stage stage);
// Separated oxide of element e from plant p (separation or recycling) in scenario s, year t.
LinExpr oxide_output(const MilpContext& ctx, int s, int p, int t, Element e);

}  // namespace rareflow::plan::detail
