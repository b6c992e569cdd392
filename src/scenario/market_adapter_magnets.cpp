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

double net_metal_value(Context& c, const market::MagnetType& type, const ElementArray& recipe) {
  const double metal_cost = c.param("metal_unit_cost", 3.0);
  const auto in = market::magnet_inputs(type, recipe);
  double v = 0.0;
  for (std::size_t e = 0; e < kElementCount; ++e)
    if (in.metal[e] > 0.0 && c.priced(e))
      v += in.metal[e] * (c.price[e] * metal_to_oxide(element_at(e)) + metal_cost) -
           in.scrap_oxide[e] * c.price[e];
  return v;
}

std::map<std::size_t, double> base_magnet_output(Context& c) {
  std::map<std::size_t, double> out;
  for (const auto& p : c.d.production)
    if (p.stage == ChainStage::Magnet && p.year == c.base_year)
      if (auto r = c.region(p.region)) out[*r] += p.value;
  return out;
}

// s r = China's recycled PrNd / the PrNd oxide in China's magnet output, on the assumption that
// China's recycled PrNd is its own magnet makers' scrap (assumption-magnet-scrap).
void set_magnet_scrap(Context& c, market::MagnetType& type) {
  const auto china = c.region(kChina);
  const double made = china ? base_magnet_output(c)[*china] : 0.0;
  const bool have = c.has_param("china_recycled_prnd_2024") && c.has_param("magnet_scrap_recovery");
  double prnd_per_t = 0.0;
  for (Element e : {Element::Nd, Element::Pr})
    prnd_per_t += type.recipe[index(e)] * metal_to_oxide(e);
  if (!have || !(made > 0.0) || !(prnd_per_t > 0.0)) {
    c.note(
        "magnet scrap: not modelled (needs China's base-year magnet output, "
        "china_recycled_prnd_2024 and magnet_scrap_recovery)");
    return;
  }
  const double recovery = c.param("magnet_scrap_recovery") / 100.0;
  const double recovered = c.param("china_recycled_prnd_2024") / (made * prnd_per_t);
  if (!(recovery > 0.0) || !(recovered < recovery)) {
    c.error(
        fmt::format("calibration: magnet scrap share {:.4f} / recovery {:.4f} is not a share "
                    "below 1 (china_recycled_prnd_2024 against China's magnet output)",
                    recovered, recovery));
    return;
  }
  type.scrap_share = recovered / recovery;
  type.scrap_recovery = recovery;
  c.note(fmt::format(
      "magnet scrap: {:.1f}% of each blank is scrap, {:.0f}% of its rare earths return as oxide "
      "where the magnet is made (China's recycled PrNd / the PrNd in its {:.0f} t of magnets); "
      "the package's base-year recycled oxide is this scrap and is not added again",
      100.0 * type.scrap_share, 100.0 * recovery, made));
}

// Routes: plants of the NdFeB type make the high-coercivity grade by the recorded recipe
// ("dy-tb") or by grain-boundary diffusion ("gbd", less Dy/Tb), and the standard grade by the
// recorded recipe ("dy-tb-std") or HREE-free with Ce substitution ("hree-free"). An alternative
// route costs, at reference prices, its premium more than the recorded recipe: the base year's
// mix is the recorded one, and a route takes over only when the prices of what it saves rise.
void add_magnet_routes(Context& c) {
  if (c.m.magnet_types.empty()) return;
  const market::MagnetType high = c.m.magnet_types[kHighCoercivity];
  const ElementArray base = high.recipe;
  c.m.magnet_types.push_back({kStandardGrade, base, high.scrap_share, high.scrap_recovery});
  const double gbd_keep = 1.0 - c.param("magnet_route_gbd_hree_cut", 50.0) / 100.0;
  const ElementArray gbd = leaner(base, gbd_keep, 0.0);
  const ElementArray free =
      leaner(base, 0.0, c.param("magnet_route_hree_free_ce_share", 20.0) / 100.0);
  const double v0 = net_metal_value(c, high, base);
  auto extra = [&](const ElementArray& r, std::string_view premium) {
    return std::max(0.0, v0 - net_metal_value(c, high, r)) + c.param(premium, 0.0);
  };
  // Nd in Pr's place: Pr is the smaller share of the ores, and Nd2Fe14B serves where PrNd does.
  ElementArray nd_only = base;
  nd_only[index(Element::Nd)] += nd_only[index(Element::Pr)];
  nd_only[index(Element::Pr)] = 0.0;
  const double nd_extra = c.param("magnet_route_nd_for_pr_premium", 0.2);
  // Dy in Tb's place: both raise coercivity; Tb more per kg, so more Dy replaces it.
  ElementArray dy_only = base;
  dy_only[index(Element::Dy)] +=
      c.param("magnet_route_dy_for_tb_ratio", 1.5) * dy_only[index(Element::Tb)];
  dy_only[index(Element::Tb)] = 0.0;
  c.m.magnet_routes = {
      {"dy-tb", kHighCoercivity, kHighCoercivity, base, 0.0},
      {"gbd", kHighCoercivity, kHighCoercivity, gbd, extra(gbd, "magnet_route_gbd_premium")},
      {"dy-tb-nd", kHighCoercivity, kHighCoercivity, nd_only, nd_extra},
      {"dy-only", kHighCoercivity, kHighCoercivity, dy_only,
       extra(dy_only, "magnet_route_dy_for_tb_premium")},
      {"dy-tb-std", kHighCoercivity, kStandard, base, 0.0},
      {"hree-free", kHighCoercivity, kStandard, free,
       extra(free, "magnet_route_hree_free_premium")},
      {"dy-tb-std-nd", kHighCoercivity, kStandard, nd_only, nd_extra},
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
