#include "rareflow/sweep/derived_rows.hpp"

#include <cmath>

#include "rareflow/core/element_groups.hpp"
#include "rareflow/market/summary.hpp"

namespace rareflow::sweep {

void append_derived_rows(const scenario::ScenarioRun& run, IamcTable& t) {
  const market::MarketModel& m = run.build.model;
  const std::string scenario = t.rows.empty() ? run.build.scenario : t.rows.front().scenario;
  const std::vector<Element> magnet = *element_group(var::kGroupMagnet);
  const std::vector<Element> all = *element_group(var::kGroupAll);
  for (const auto& y : run.sim.years) {
    for (std::size_t r = 0; r < m.regions.size(); ++r) {
      const std::string& region = m.regions[r].id;
      auto add = [&](var::Variable v, double fraction) {
        if (!std::isnan(fraction))
          t.add(kModelName, scenario, region, std::move(v), y.year, 100.0 * fraction);
      };
      add(var::share_mine(), market::production_share(m, y, market::FacilityKind::Mine, {r}));
      add(var::share_separation(),
          market::production_share(m, y, market::FacilityKind::Separation, {r}));
      const auto use = market::element_use(m, y, r);
      add(var::self_sufficiency(var::kGroupMagnet), group_share(magnet, use.supply, use.use));
      add(var::self_sufficiency(var::kGroupAll), group_share(all, use.supply, use.use));
    }
  }
}

}  // namespace rareflow::sweep
