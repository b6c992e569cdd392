// Secondary oxide supply: the base-year recycling of the package, plus the growth of end-of-life
// recycling from the stock model (mfa::default_stocks), plus recycling plants announced after
// the base year.
#include <algorithm>
#include <cmath>
#include <map>

#include <fmt/format.h>

#include "market_adapter_context.hpp"
#include "rareflow/mfa/stocks_default.hpp"

namespace rareflow::scenario::detail {

namespace {

// t REO per element per t of NdFeB fed to a recycling plant, before recovery.
ElementArray reo_per_t_magnet(const Context& c) {
  ElementArray a{};
  const auto& recipe = c.balance.magnet_recipe_metal;
  for (std::size_t e = 0; e < kElementCount; ++e) a[e] = recipe[e] * metal_to_oxide(element_at(e));
  return a;
}

double magnet_recovery(const Context& c) {
  for (const auto& s : c.d.sectors)
    if (s.commodity == "magnet") return s.recovery_pct / 100.0;
  return 0.0;
}

}  // namespace

void add_recycling(Context& c) {
  const std::size_t years = static_cast<std::size_t>(c.last_year - c.base_year + 1);
  // Per (region index, element): t REO per year base..last.
  std::map<std::pair<std::size_t, std::size_t>, std::vector<double>> supply;
  auto series = [&](std::size_t r, std::size_t e) -> std::vector<double>& {
    auto& v = supply[{r, e}];
    if (v.empty()) v.assign(years, 0.0);
    return v;
  };
  // With the scrap loop, the package's base-year recycled oxide of a magnet-making region is
  // that scrap (set_magnet_scrap): the engine makes it in proportion to magnet output.
  const bool scrap = !c.m.magnet_types.empty() && c.m.magnet_types[0].scrap_share > 0.0;
  const auto makers = base_magnet_output(c);
  for (const auto& rb : c.balance.regions) {
    auto r = c.region(rb.region);
    if (!r || (scrap && makers.contains(*r))) continue;
    for (std::size_t e = 0; e < kElementCount; ++e)
      if (rb.recycled[e] > 0.0)
        for (double& v : series(*r, e)) v += rb.recycled[e];
  }
  auto stocks = mfa::default_stocks(c.d, c.base_year, c.last_year);
  if (stocks) {
    for (std::size_t sr = 0; sr < stocks->regions.size(); ++sr) {
      auto r = c.region(stocks->regions[sr]);
      if (!r) continue;
      for (std::size_t e = 0; e < kElementCount; ++e) {
        double base = stocks->secondary(stocks->regions[sr], element_at(e), c.base_year);
        for (std::size_t t = 1; t < years; ++t) {
          double grow = stocks->secondary(stocks->regions[sr], element_at(e),
                                          c.base_year + static_cast<int>(t)) -
                        base;
          if (grow > 0.0) series(*r, e)[t] += grow;
        }
      }
    }
    c.note(fmt::format(
        "recycling: the {} recycled oxide of the package ({}) plus the growth of "
        "end-of-life secondary supply above its {} level (stock model)",
        c.base_year,
        scrap ? "except in magnet-making regions, where it is the scrap loop" : "constant",
        c.base_year));
  } else {
    c.note("recycling: the stock model failed (" + stocks.error().message +
           "); the base-year recycled oxide is kept constant");
  }
  const ElementArray per_magnet = reo_per_t_magnet(c);
  const double recovery = magnet_recovery(c);
  for (const auto& f : c.d.facilities) {
    if (f.stage != ChainStage::Recycling || !c.included(f)) continue;
    market::Lifecycle life = c.lifecycle(f);
    auto r = c.region(f.region);
    if (!r || life.online_year <= c.base_year) continue;  // in the base-year recycling
    if (f.unit != "t magnet" || !(f.capacity > 0.0)) {
      c.note(fmt::format("recycling plant {} skipped: capacity not in t magnet", f.id));
      continue;
    }
    for (std::size_t t = 0; t < years; ++t) {
      int y = c.base_year + static_cast<int>(t);
      double ramp = life.capacity_share(y);
      for (std::size_t e = 0; e < kElementCount; ++e)
        if (per_magnet[e] > 0.0) series(*r, e)[t] += f.capacity * ramp * per_magnet[e] * recovery;
    }
  }
  for (const auto& [key, values] : supply) {
    if (!c.priced(key.second)) continue;  // not separated: nobody buys it in the model
    c.m.recycling.push_back({key.first, element_at(key.second), yearly(c.base_year, values)});
  }
}

}  // namespace rareflow::scenario::detail
