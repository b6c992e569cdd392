#include "rareflow/market/summary.hpp"

#include <algorithm>
#include <cmath>

namespace rareflow::market {

namespace {

bool member(const std::vector<std::size_t>& v, std::size_t x) {
  return v.empty() || std::ranges::find(v, x) != v.end();
}

}  // namespace

double average_price(const MarketModel& m, const YearResult& y, Commodity c,
                     const std::vector<std::size_t>& regions) {
  const std::size_t ci = m.commodities().index(c);
  double weighted = 0.0, weight = 0.0, plain = 0.0;
  int known = 0;
  for (std::size_t r = 0; r < y.regions; ++r) {
    if (!member(regions, r)) continue;
    double p = y.at(y.price, ci, r);
    if (std::isnan(p)) continue;
    double w = y.at(y.consumption, ci, r) + y.at(y.input_use, ci, r);
    weighted += w * p;
    weight += w;
    plain += p;
    ++known;
  }
  if (known == 0) return std::nan("");
  return weight > 0.0 ? weighted / weight : plain / known;
}

std::vector<std::size_t> other_regions(const MarketModel& m,
                                       const std::vector<std::size_t>& regions) {
  std::vector<std::size_t> out;
  for (std::size_t r = 0; r < m.regions.size(); ++r)
    if (std::ranges::find(regions, r) == regions.end()) out.push_back(r);
  return out;
}

double production_share(const MarketModel& m, const YearResult& y, FacilityKind kind,
                        const std::vector<std::size_t>& regions) {
  const auto& out = y.output[static_cast<std::size_t>(kind)];
  double total = 0.0, inside = 0.0;
  for (std::size_t i = 0; i < out.size(); ++i) {
    total += out[i];
    if (member(regions, m.facility({kind, i}).region)) inside += out[i];
  }
  return total > 0.0 ? inside / total : std::nan("");
}

ElementUse element_use(const MarketModel& m, const YearResult& y, std::size_t r) {
  ElementUse u;
  const auto set = m.commodities();
  for (std::size_t c = 0; c < y.commodities; ++c) {
    const Commodity com = set.at(c);
    const double produced = y.at(y.production, c, r), consumed = y.at(y.consumption, c, r);
    switch (com.stage) {
      case Stage::Concentrate:
        break;
      case Stage::Oxide:
        u.supply[com.item] += produced + y.at(y.recycling, c, r);
        u.use[com.item] += consumed;
        break;
      case Stage::Metal:
        u.use[com.item] += consumed / oxide_to_metal(com.element());
        break;
      case Stage::Magnet:
        for (std::size_t e = 0; e < kElementCount; ++e)
          u.use[e] += consumed * m.magnet_types[com.item].recipe[e] / oxide_to_metal(element_at(e));
        break;
    }
  }
  return u;
}

}  // namespace rareflow::market
