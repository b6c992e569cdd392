#include "rareflow/sweep/derived_rows.hpp"

#include <cmath>

#include "rareflow/market/summary.hpp"

namespace rareflow::sweep {

void append_derived_rows(const scenario::ScenarioRun& run, IamcTable& t) {
  const market::MarketModel& m = run.build.model;
  const std::string scenario = t.rows.empty() ? run.build.scenario : t.rows.front().scenario;
  std::vector<Element> magnet, all;
  for (const auto& inf : element_table()) {
    all.push_back(inf.element);
    if (inf.magnet) magnet.push_back(inf.element);
  }
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
      add(var::self_sufficiency(var::kGroupMagnet), market::self_sufficiency(use, magnet));
      add(var::self_sufficiency(var::kGroupAll), market::self_sufficiency(use, all));
    }
  }
}

}  // namespace rareflow::sweep
