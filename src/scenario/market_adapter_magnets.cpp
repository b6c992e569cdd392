// Magnet technology routes, the grade each magnet sector needs, non-REE substitutes and the
// shape of every demand curve (backstop, step spacing, partial reversal of thrifting); docs/
// model_market.md section 6a and docs/model_calibration.md section 4. Kept apart from the
// demand and plant blocks so that regional demand construction can change independently.
#include <algorithm>
#include <cmath>

#include <fmt/format.h>

#include "market_adapter_context.hpp"

namespace rareflow::scenario::detail {

namespace {

constexpr const char* kStandardGrade = "NdFeB-std";
constexpr std::size_t kHighCoercivity = 0;  // the package's NdFeB type (add_plants)
constexpr std::size_t kStandard = 1;

// Value of a recipe's metal at reference prices, USD per kg of magnet.
double metal_value(Context& c, const ElementArray& recipe) {
  const double metal_cost = c.param("metal_unit_cost", 3.0);
  double v = 0.0;
  for (std::size_t e = 0; e < kElementCount; ++e)
    if (recipe[e] > 0.0 && c.priced(e))
      v += recipe[e] * (c.price[e] * metal_to_oxide(element_at(e)) + metal_cost);
  return v;
}

// The recipe with the heavy rare earths (Dy, Tb, Gd) cut to `keep` of their content and `ce`
// of the rare-earth metal taken by Ce; Nd and Pr fill the rest in their own proportion, so the
// rare-earth content per kg of magnet is unchanged.
ElementArray leaner(const ElementArray& base, double keep, double ce) {
  ElementArray r = base;
  const double total_re = total(base);
  for (Element e : {Element::Dy, Element::Tb, Element::Gd}) r[index(e)] *= keep;
  r[index(Element::Ce)] += ce * total_re;
  const std::size_t nd = index(Element::Nd), pr = index(Element::Pr);
  const double ndpr = base[nd] + base[pr];
  const double missing = total_re - total(r);
  if (ndpr > 0.0) {
    r[nd] += missing * base[nd] / ndpr;
    r[pr] += missing * base[pr] / ndpr;
  }
  return r;
}

std::string sector_param(std::string_view what, const Sector& s) {
  return fmt::format("magnet_{}_{}", what, s.id);
}

}  // namespace

// Routes: plants of the NdFeB type make the high-coercivity grade by the recorded recipe
// ("dy-tb") or by grain-boundary diffusion ("gbd", less Dy/Tb), and the standard grade by the
// recorded recipe ("dy-tb-std") or HREE-free with Ce substitution ("hree-free"). An alternative
// route costs, at reference prices, its premium more than the recorded recipe: the base year's
// mix is the recorded one, and a route takes over only when the prices of what it saves rise.
void add_magnet_routes(Context& c) {
  if (c.m.magnet_types.empty()) return;
  const ElementArray base = c.m.magnet_types[kHighCoercivity].recipe;
  c.m.magnet_types.push_back({kStandardGrade, base});
  const double gbd_keep = 1.0 - c.param("magnet_route_gbd_hree_cut", 50.0) / 100.0;
  const ElementArray gbd = leaner(base, gbd_keep, 0.0);
  const ElementArray free =
      leaner(base, 0.0, c.param("magnet_route_hree_free_ce_share", 20.0) / 100.0);
  const double v0 = metal_value(c, base);
  auto extra = [&](const ElementArray& r, std::string_view premium) {
    return std::max(0.0, v0 - metal_value(c, r)) + c.param(premium, 0.0);
  };
  c.m.magnet_routes = {
      {"dy-tb", kHighCoercivity, kHighCoercivity, base, 0.0},
      {"gbd", kHighCoercivity, kHighCoercivity, gbd, extra(gbd, "magnet_route_gbd_premium")},
      {"dy-tb-std", kHighCoercivity, kStandard, base, 0.0},
      {"hree-free", kHighCoercivity, kStandard, free,
       extra(free, "magnet_route_hree_free_premium")},
  };
  // Metal making where magnets are made covers every element a route uses.
  for (auto& plant : c.m.metal)
    for (const auto& route : c.m.magnet_routes)
      for (std::size_t e = 0; e < kElementCount; ++e)
        if (route.recipe[e] > 0.0 &&
            std::ranges::find(plant.elements, element_at(e)) == plant.elements.end())
          plant.elements.push_back(element_at(e));
}

market::Commodity magnet_grade(Context& c, const Sector& s) {
  if (c.m.magnet_types.size() <= kStandard) return market::Commodity::magnet(kHighCoercivity);
  bool high = c.param(sector_param("high_coercivity", s), 1.0) > 0.0;
  return market::Commodity::magnet(high ? kHighCoercivity : kStandard);
}

void shape_demand(Context& c, market::Demand& d, const Sector* s) {
  d.choke_usd_per_kg = c.param("demand_backstop_multiple", 100.0) * d.p0_usd_per_kg;
  d.response.recovery_speed = c.param("demand_recovery_speed", 0.1);
  if (s == nullptr || d.commodity.stage != market::Stage::Magnet) return;
  d.substitute_share = c.param(sector_param("substitute_share", *s), 0.0) / 100.0;
  d.substitute_usd_per_kg =
      c.param(sector_param("substitute_price_multiple", *s), 3.0) * d.p0_usd_per_kg;
}

}  // namespace rareflow::scenario::detail
