// The yearly LP as a list of its blocks, and the balance rows every block enters.
#include <fmt/format.h>

#include "builders.hpp"

namespace rareflow::market::detail {

// One equality row per (commodity, region) that exists in the topology:
//   production + imports + stock draw + stockpile release
//     - input use - consumption - exports - stock build - stockpile fill - disposal
//   = -recycling
// Its dual is the commodity's price in the region (USD/kg on the commodity's own basis).
void define_balances(const YearContext& ctx, LpProblem& lp, LpIndex& ix) {
  const Topology& t = ctx.topo;
  ix.balance.assign(t.commodities * t.regions, -1);
  ix.terms.assign(t.commodities * t.regions, {});
  for (std::size_t c = 0; c < t.commodities; ++c)
    for (std::size_t r = 0; r < t.regions; ++r) {
      if (!t.has_row(c, r)) continue;
      double rhs = 0.0 - ctx.recycling[t.cell(c, r)];  // never -0 in files
      ix.balance[t.cell(c, r)] = lp.add_row(rhs, rhs, [&] {
        return fmt::format("bal_{}_{}", short_label(ctx.model, t.set.at(c)),
                           ctx.model.regions[r].id);
      });
    }
}

Result<BuiltLp> build_lp(const YearContext& ctx, bool with_names) {
  BuiltLp b;
  b.lp.with_names = with_names;
  b.lp.problem_name = fmt::format("rareflow_market_{}", ctx.year);
  define_balances(ctx, b.lp, b.index);
  define_mining(ctx, b.lp, b.index);
  define_separation(ctx, b.lp, b.index);
  define_metal_making(ctx, b.lp, b.index);
  define_magnet_making(ctx, b.lp, b.index);
  if (auto r = define_trade(ctx, b.lp, b.index); !r) return std::unexpected(r.error());
  define_demand(ctx, b.lp, b.index);
  define_stocks(ctx, b.lp, b.index);
  define_stockpiles(ctx, b.lp, b.index);
  define_reexport_limits(ctx, b.lp, b.index);
  if (auto r = define_policies(ctx, b.lp, b.index); !r) return std::unexpected(r.error());
  return b;
}

}  // namespace rareflow::market::detail
