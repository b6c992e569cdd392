// Demand block: the steps of each (region, sector, commodity) demand curve, scaled to the
// year's reference quantity; each served tonne is worth its step's willingness to pay.
#include <fmt/format.h>

#include "builders.hpp"

namespace rareflow::market::detail {

// dem[d, k] in [0, width_k * scale_d] t, objective -wtp_k (maximising surplus).
void define_demand(const YearContext& ctx, LpProblem& lp, LpIndex& ix) {
  const auto& m = ctx.model;
  const Topology& t = ctx.topo;
  ix.demand_first.resize(m.demands.size());
  ix.demand_count.resize(m.demands.size());
  ix.demand_reference.resize(m.demands.size());
  for (std::size_t d = 0; d < m.demands.size(); ++d) {
    const Demand& dem = m.demands[d];
    const double scale = ctx.demand_scale[d];
    const auto& steps = ctx.base_steps[d];
    std::size_t cell = t.cell(t.set.index(dem.commodity), dem.region);
    ix.demand_first[d] = lp.columns();
    ix.demand_count[d] = static_cast<int>(steps.size());
    ix.demand_reference[d] = dem.q0_t * scale;
    for (std::size_t k = 0; k < steps.size(); ++k) {
      int col = lp.add_column(0.0, steps[k].quantity_t * scale, -steps[k].wtp_usd_per_kg, [&] {
        return fmt::format("dem{}_{}_{}_{}_{}", d, m.regions[dem.region].id, dem.sector,
                           short_label(m, dem.commodity), k);
      });
      add_term(lp, ix, cell, col, 1.0, Term::Consumption);
    }
  }
}

}  // namespace rareflow::market::detail
