// Trade block: one column per (commodity, arc) that the topology allows, costing transport
// plus any export tax or import tariff in force.
#include <cmath>

#include <fmt/format.h>

#include "builders.hpp"

namespace rareflow::market::detail {

namespace {

// Tax in USD/kg on a flow: ad valorem on last year's price in the exporting region (floored
// at 0), plus the specific tax (USD/t -> USD/kg), scaled by the share of the year in force.
Result<double> flow_tax(const YearContext& ctx, std::size_t c, std::size_t from, std::size_t to) {
  const auto& m = ctx.model;
  double tax = 0.0;
  Commodity com = ctx.topo.set.at(c);
  for (std::size_t p = 0; p < m.policies.size(); ++p) {
    const auto* tt = std::get_if<TradeTax>(&m.policies[p]);
    if (tt == nullptr || ctx.share[p] <= 0.0 || !in_scope(m, tt->scope, com, from, to)) continue;
    double base = 0.0;
    if (tt->ad_valorem > 0.0) {
      double last = ctx.state.last_price.empty() ? std::nan("")
                                                 : ctx.state.last_price[ctx.topo.cell(c, from)];
      if (std::isnan(last))
        return fail(
            fmt::format("trade tax '{}' is ad valorem but last year's price of {} in {} is unknown",
                        tt->name, m.commodity_label(com), m.regions[from].id));
      base = tt->ad_valorem * std::max(0.0, last);
    }
    tax += ctx.share[p] * (base + tt->specific_usd_per_t / 1000.0);
  }
  return tax;
}

}  // namespace

// flow[c, i -> j] >= 0 t; an export of c from i and an import into j; cost transport + tax.
Result<void> define_trade(const YearContext& ctx, LpProblem& lp, LpIndex& ix) {
  const auto& m = ctx.model;
  const Topology& t = ctx.topo;
  for (std::size_t c = 0; c < t.commodities; ++c) {
    for (const ArcUse& a : t.arcs[c]) {
      auto tax = flow_tax(ctx, c, a.from, a.to);
      if (!tax) return std::unexpected(tax.error());
      int col = lp.add_column(0.0, kInf, m.arcs[a.arc].cost_usd_per_kg + *tax, [&] {
        return fmt::format("flow_{}_{}_{}", short_label(m, t.set.at(c)), m.regions[a.from].id,
                           m.regions[a.to].id);
      });
      ix.flows.push_back({c, a.from, a.to, a.arc, col, *tax});
      add_term(lp, ix, t.cell(c, a.from), col, 1.0, Term::Export);
      add_term(lp, ix, t.cell(c, a.to), col, 1.0, Term::Import);
    }
  }
  return {};
}

}  // namespace rareflow::market::detail
