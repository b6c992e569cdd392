// Supply, part 2: separation plants (China's aggregate and the package's facilities), magnet
// plants (base-year aggregates and facilities) with the NdFeB recipe, and metal making where
// magnets are made.
#include <algorithm>
#include <cmath>

#include <fmt/format.h>

#include "market_adapter_context.hpp"

namespace rareflow::scenario::detail {

namespace {

constexpr const char* kNdFeB = "NdFeB";

ElementArray all_elements() {
  ElementArray a{};
  a.fill(1.0);
  return a;
}

// Base-year separation feed (mined + concentrate imports - exports, from the balance), the
// reported separated output and the elements it covers, per region.
void read_separation_regions(Context& c) {
  for (const auto& rb : c.balance.regions) {
    SeparationRegion sr;
    for (const auto& l : rb.lines) {
      bool feed = (l.stage == ChainStage::Mine && l.item == "mined") ||
                  (l.stage == ChainStage::Concentrate && !l.gap);
      if (!feed) continue;
      for (std::size_t e = 0; e < kElementCount; ++e) sr.feed[e] += l.sign * l.t_reo[e];
    }
    for (const auto& p : c.d.production) {
      if (p.stage != ChainStage::Separation || p.region != rb.region || p.year != c.base_year)
        continue;
      sr.observed = true;
      sr.output_t += p.value;
      if (p.elements.empty()) sr.covered = all_elements();
      for (Element e : p.elements) sr.covered[index(e)] = 1.0;
    }
    c.separation[rb.region] = sr;
  }
}

// Feed composition used to convert a plant's capacity: the region's own base-year feed, else
// the world's mined ore.
ElementArray reference_feed(const Context& c, const std::string& region) {
  auto it = c.separation.find(region);
  if (it != c.separation.end() && total(it->second.feed) > 0.0) return it->second.feed;
  ElementArray world{};
  for (const auto& rb : c.balance.regions)
    for (std::size_t e = 0; e < kElementCount; ++e) world[e] += rb.mined[e];
  return world;
}

// t REO of covered output per t REO of feed.
double yield(const ElementArray& feed, const ElementArray& recovery) {
  double out = 0.0, in = total(feed);
  for (std::size_t e = 0; e < kElementCount; ++e) out += feed[e] * recovery[e];
  return in > 0.0 ? out / in : 0.0;
}

void add_china_separation(Context& c, std::size_t china) {
  const SeparationRegion& sr = c.separation[kChina];
  const double headroom = 1.0 + c.param("china_capacity_headroom", 25.0) / 100.0;
  ElementArray rec = c.recovery_of(all_elements());
  double feed = total(sr.feed);
  c.m.separation.push_back({{std::string(kChina) + "-separation",
                             china,
                             feed * peak_ratio(c.china_separation_quota) * headroom,
                             c.param("separation_unit_cost", 5.0),
                             {}},
                            rec});
  c.china_separation = c.m.separation.size() - 1;
  c.facility[std::string(kChina) + "-separation"].push_back(
      {market::FacilityKind::Separation, c.china_separation});
  // China's reported output is the official quota; its whole feed is separated in the model
  // (the market-reported PrNd output is well above the quota-implied one).
  double modelled = feed * yield(sr.feed, rec);
  c.out.separation_quota_factor = modelled / c.param("china_separation_quota_2024", 254000.0);
  c.note(
      fmt::format("China separates its whole {} feed ({:.0f} t REO, {:.0f} t REO of oxides) "
                  "against an official quota of {:.0f} t; the separation quota is applied "
                  "scaled by {:.4f}",
                  c.base_year, feed, modelled, c.param("china_separation_quota_2024", 254000.0),
                  c.out.separation_quota_factor));
}

void add_separation_facility(Context& c, const Facility& f, std::size_t r) {
  auto sr_it = c.separation.find(f.region);
  const SeparationRegion* sr = sr_it == c.separation.end() ? nullptr : &sr_it->second;
  ElementArray covered = all_elements();
  if (sr && sr->observed) {
    covered = sr->covered;
  } else if (f.unit == "t NdPr") {
    covered = {};
    covered[index(Element::Nd)] = covered[index(Element::Pr)] = 1.0;
  }
  ElementArray rec = c.recovery_of(covered);
  ElementArray feed = reference_feed(c, f.region);
  double cap = f.capacity;
  if (f.unit == "t NdPr" && cap > 0.0) {
    ElementArray ndpr{};
    ndpr[index(Element::Nd)] = ndpr[index(Element::Pr)] = c.recovery;
    cap /= yield(feed, ndpr);
  } else if (!(cap > 0.0) && sr && sr->observed) {
    cap = sr->output_t / yield(feed, rec);  // base-year output taken as capacity
  } else if (f.unit != "t REO" || !(cap > 0.0)) {
    c.error(
        fmt::format("data package: facilities: separation plant {} needs a capacity in t REO "
                    "or t NdPr, or base-year output in its region",
                    f.id));
    return;
  }
  c.m.separation.push_back(
      {{f.id, r, cap, c.param("separation_unit_cost", 5.0), c.lifecycle(f)}, rec});
  c.facility[f.id].push_back({market::FacilityKind::Separation, c.m.separation.size() - 1});
}

}  // namespace

void add_plants(Context& c) {
  read_separation_regions(c);
  const auto china = c.region(kChina);
  if (!china) return;
  // Separation.
  add_china_separation(c, *china);
  for (const auto& f : c.d.facilities) {
    if (f.stage != ChainStage::Separation || !c.included(f)) continue;
    auto r = c.region(f.region);
    if (!r) continue;
    if (*r == *china && c.lifecycle(f).online_year <= c.base_year) {
      c.facility[f.id].push_back({market::FacilityKind::Separation, c.china_separation});
      continue;
    }
    add_separation_facility(c, f, *r);
  }

  // Magnets: the NdFeB recipe of the balance (t metal per t magnet); the making cost is the
  // reference magnet price less the metal at reference oxide prices (docs, section 4).
  market::MagnetType ndfeb{kNdFeB, c.balance.magnet_recipe_metal};
  set_magnet_scrap(c, ndfeb);
  c.m.magnet_types.push_back(ndfeb);
  for (std::size_t e = 0; e < kElementCount; ++e)
    if (ndfeb.recipe[e] > 0.0 && !c.priced(e))
      c.error(fmt::format("data package: prices: the NdFeB recipe needs a {} {} oxide price",
                          c.base_year, info(element_at(e)).symbol));
  const double metal_value = net_metal_value(c, ndfeb, ndfeb.recipe);
  c.out.magnet_price_usd_per_kg = c.param("ndfeb_price_2024", 49.2);
  c.magnet_cost = c.out.magnet_price_usd_per_kg - metal_value;
  if (!(c.magnet_cost > 0.0))
    c.error(
        fmt::format("calibration: the reference NdFeB price ({} USD/kg) is below the value of "
                    "its metal ({:.2f} USD/kg)",
                    c.out.magnet_price_usd_per_kg, metal_value));
  const double headroom = 1.0 + c.param("china_capacity_headroom", 25.0) / 100.0;
  for (const auto& p : c.d.production) {
    if (p.stage != ChainStage::Magnet || p.year != c.base_year) continue;
    auto r = c.region(p.region);
    if (!r) continue;
    // Reported output is blanks; the plant's column is finished magnet.
    double cap = p.value * (1.0 - ndfeb.scrap_share) *
                 (*r == *china ? peak_ratio(c.magnet_index) * headroom : 1.0);
    c.m.magnet.push_back({{p.region + "-magnet", *r, cap, c.magnet_cost, {}}, 0});
  }
  for (const auto& f : c.d.facilities) {
    if (f.stage != ChainStage::Magnet || !c.included(f)) continue;
    auto r = c.region(f.region);
    if (!r) continue;
    if (f.unit != "t magnet" || !(f.capacity > 0.0)) {
      c.error(fmt::format("data package: facilities: magnet plant {} needs a capacity in t magnet",
                          f.id));
      continue;
    }
    c.m.magnet.push_back({{f.id, *r, f.capacity, c.magnet_cost, c.lifecycle(f)}, 0});
    c.facility[f.id].push_back({market::FacilityKind::Magnet, c.m.magnet.size() - 1});
  }
}

// One metal plant per region that makes magnets, sized for the region's largest possible
// magnet output (existing, announced and candidate plants): metal making follows magnet making
// and is not a constraint of its own (no data on metal capacity).
void add_metal(Context& c) {
  if (c.m.magnet_types.empty()) return;
  const auto& recipe = c.m.magnet_types[0].recipe;
  std::vector<Element> elements;
  for (std::size_t e = 0; e < kElementCount; ++e)
    if (recipe[e] > 0.0) elements.push_back(element_at(e));
  const double per_t = total(recipe) / (1.0 - c.m.magnet_types[0].scrap_share);  // gross metal
  for (std::size_t r = 0; r < c.m.regions.size(); ++r) {
    double magnets = 0.0;
    for (const auto& p : c.m.magnet)
      if (p.region == r) magnets += p.capacity_t;
    if (magnets <= 0.0) continue;
    c.m.metal.push_back(
        {{c.m.regions[r].id + "-metal", r, magnets * per_t, c.param("metal_unit_cost", 3.0), {}},
         elements});
  }
}

}  // namespace rareflow::scenario::detail
