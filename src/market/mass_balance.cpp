#include "rareflow/market/mass_balance.hpp"

#include <algorithm>
#include <cmath>

#include <fmt/format.h>

namespace rareflow::market {

namespace {

double relative_gap(double supply, double use) {
  return std::abs(supply - use) / std::max({1.0, std::abs(supply), std::abs(use)});
}

// Tonnes of element e in one tonne of commodity c. Magnets count 0: their element content
// depends on the route that made them, so the element check counts the metal that magnet
// making uses instead (the rows check magnets tonne by tonne).
double element_content(const MarketModel& m, Commodity c, std::size_t e) {
  switch (c.stage) {
    case Stage::Concentrate:
      return m.sources[c.item].distribution[e] * oxide_to_metal(element_at(e));
    case Stage::Oxide:
      return c.item == e ? oxide_to_metal(element_at(e)) : 0.0;
    case Stage::Metal:
      return c.item == e ? 1.0 : 0.0;
    case Stage::Magnet:
      break;
  }
  return 0.0;
}

}  // namespace

Result<void> check_mass_balance(const MarketModel& m, const YearResult& y, double tolerance) {
  const CommoditySet set = m.commodities();
  const std::size_t R = y.regions;
  for (std::size_t c = 0; c < y.commodities; ++c)
    for (std::size_t r = 0; r < R; ++r) {
      std::size_t i = c * R + r;
      double supply = y.production[i] + y.imports[i] + y.recycling[i] + y.stock_draw[i] +
                      y.stockpile_release[i];
      double use = y.input_use[i] + y.consumption[i] + y.exports[i] + y.stock_build[i] +
                   y.stockpile_fill[i] + y.disposal[i];
      double gap = relative_gap(supply, use);
      if (!(gap <= tolerance)) {
        Stage st = set.at(c).stage;
        return fail(fmt::format(
            "mass balance does not close: {} in {}, {}: supply {} {}, use {} {}, imbalance {} "
            "{} (relative {:.3g} > {:.3g})",
            m.commodity_label(set.at(c)), m.regions[r].id, y.year, supply, stage_unit(st), use,
            stage_unit(st), supply - use, stage_unit(st), gap, tolerance));
      }
    }

  constexpr auto kMine = static_cast<std::size_t>(FacilityKind::Mine);
  for (std::size_t e = 0; e < kElementCount; ++e) {
    double in = 0.0, out = 0.0;
    for (std::size_t s = 0; s < m.sources.size(); ++s)
      in += y.output[kMine][s] * m.sources[s].distribution[e] * oxide_to_metal(element_at(e));
    for (const auto& loss : y.separation_loss) out += loss[e] * oxide_to_metal(element_at(e));
    for (std::size_t c = 0; c < y.commodities; ++c) {
      double k = element_content(m, set.at(c), e);
      if (k == 0.0) continue;
      for (std::size_t r = 0; r < R; ++r) {
        std::size_t i = c * R + r;
        in += k * (y.recycling[i] + y.stock_draw[i] + y.stockpile_release[i]);
        out += k * (y.consumption[i] + y.disposal[i] + y.stock_build[i] + y.stockpile_fill[i]);
        if (set.at(c).stage == Stage::Metal) out += k * y.input_use[i];  // into magnets
      }
    }
    double gap = relative_gap(in, out);
    if (!(gap <= tolerance))
      return fail(
          fmt::format("mass balance does not close: element {} world-wide, {}: in {} t, out {} t, "
                      "imbalance {} t (relative {:.3g} > {:.3g})",
                      info(element_at(e)).symbol, y.year, in, out, in - out, gap, tolerance));
  }
  return {};
}

}  // namespace rareflow::market
