// Stock blocks: commercial stocks (draw what was carried in, build at a holding cost),
// disposal of unwanted separated oxides, and strategic stockpile programmes.
#include <algorithm>

#include <fmt/format.h>

#include "builders.hpp"

namespace rareflow::market::detail {

// draw[c, r] in [0, opening stock]; build[c, r] >= 0 at the holding cost of the stage;
// dispose[c, r] >= 0 at the region's disposal cost (separated oxides where produced).
void define_stocks(const YearContext& ctx, LpProblem& lp, LpIndex& ix) {
  const auto& m = ctx.model;
  const Topology& t = ctx.topo;
  const std::size_t n = t.commodities * t.regions;
  ix.draw.assign(n, -1);
  ix.build.assign(n, -1);
  ix.disposal.assign(n, -1);
  for (std::size_t c = 0; c < t.commodities; ++c) {
    Commodity com = t.set.at(c);
    for (std::size_t r = 0; r < t.regions; ++r) {
      std::size_t cell = t.cell(c, r);
      auto label = [&](const char* what) {
        return fmt::format("{}_{}_{}", what, short_label(m, com), m.regions[r].id);
      };
      if (t.stock_draw[cell]) {
        double opening = ctx.state.stock.empty() ? 0.0 : ctx.state.stock[cell];
        ix.draw[cell] = lp.add_column(0.0, opening, 0.0, [&] { return label("draw"); });
        add_term(lp, ix, cell, ix.draw[cell], 1.0, Term::StockDraw);
      }
      if (t.stock_build[cell]) {
        double h = m.settings.holding_cost_usd_per_kg[static_cast<std::size_t>(com.stage)];
        ix.build[cell] = lp.add_column(0.0, kInf, h, [&] { return label("build"); });
        add_term(lp, ix, cell, ix.build[cell], 1.0, Term::StockBuild);
        ix.disposal[cell] = lp.add_column(0.0, kInf, m.regions[r].disposal_cost_usd_per_kg,
                                          [&] { return label("dispose"); });
        add_term(lp, ix, cell, ix.disposal[cell], 1.0, Term::Disposal);
      }
    }
  }
}

// spfill in [0, min(fill rate, room)] valued at the fill price cap (the programme buys while
// the price is at most the cap); sprelease in [0, min(release rate, level - minimum)] at a
// cost equal to the trigger (it sells only when the price reaches the trigger).
void define_stockpiles(const YearContext& ctx, LpProblem& lp, LpIndex& ix) {
  const auto& m = ctx.model;
  const Topology& t = ctx.topo;
  ix.stockpile_fill.assign(m.policies.size(), -1);
  ix.stockpile_release.assign(m.policies.size(), -1);
  for (std::size_t p = 0; p < m.policies.size(); ++p) {
    const auto* sp = std::get_if<StockpileProgram>(&m.policies[p]);
    if (sp == nullptr) continue;
    double f = ctx.share[p];
    double level =
        ctx.state.stockpile_level.empty() ? sp->initial_level_t : ctx.state.stockpile_level[p];
    double fill = f > 0.0
                      ? std::clamp(sp->fill_rate_t * f, 0.0, std::max(0.0, sp->max_level_t - level))
                      : 0.0;
    double release =
        f > 0.0 ? std::clamp(sp->release_rate_t * f, 0.0, std::max(0.0, level - sp->min_level_t))
                : 0.0;
    std::size_t cell = t.cell(t.set.index(sp->commodity), sp->region);
    ix.stockpile_fill[p] = lp.add_column(0.0, fill, -sp->fill_price_cap_usd_per_kg,
                                         [&] { return "spfill_" + sp->name; });
    add_term(lp, ix, cell, ix.stockpile_fill[p], 1.0, Term::StockpileFill);
    ix.stockpile_release[p] = lp.add_column(0.0, release, sp->release_trigger_usd_per_kg,
                                            [&] { return "sprelease_" + sp->name; });
    add_term(lp, ix, cell, ix.stockpile_release[p], 1.0, Term::StockpileRelease);
  }
}

}  // namespace rareflow::market::detail
