// One builder per block of the yearly LP. Together, in the order of build_lp(), they make the
// whole programme: maximise willingness to pay of served demand minus production, processing,
// transport, tax, holding and disposal costs (as a minimisation of the negative), subject to
// the balances, capacities and policies. See docs/model_market.md for the equations.
#pragma once

#include "lp_index.hpp"
#include "lp_problem.hpp"
#include "year_context.hpp"

namespace rareflow::market::detail {

void define_balances(const YearContext& ctx, LpProblem& lp, LpIndex& ix);
void define_mining(const YearContext& ctx, LpProblem& lp, LpIndex& ix);
void define_separation(const YearContext& ctx, LpProblem& lp, LpIndex& ix);
void define_metal_making(const YearContext& ctx, LpProblem& lp, LpIndex& ix);
void define_magnet_making(const YearContext& ctx, LpProblem& lp, LpIndex& ix);
Result<void> define_trade(const YearContext& ctx, LpProblem& lp, LpIndex& ix);
void define_demand(const YearContext& ctx, LpProblem& lp, LpIndex& ix);
void define_stocks(const YearContext& ctx, LpProblem& lp, LpIndex& ix);
void define_stockpiles(const YearContext& ctx, LpProblem& lp, LpIndex& ix);
void define_reexport_limits(const YearContext& ctx, LpProblem& lp, LpIndex& ix);
Result<void> define_policies(const YearContext& ctx, LpProblem& lp, LpIndex& ix);

// Cost of treating one kg REO of `source` at separation plant `plant`, net of price-floor
// subsidies on its output.
double separation_column_cost(const YearContext& ctx, std::size_t plant, std::size_t source);

struct BuiltLp {
  LpProblem lp;
  LpIndex index;
};
Result<BuiltLp> build_lp(const YearContext& ctx, bool with_names);

}  // namespace rareflow::market::detail
