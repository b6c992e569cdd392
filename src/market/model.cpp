#include "rareflow/market/model.hpp"

#include <algorithm>

namespace rareflow::market {

std::optional<std::size_t> MarketModel::region_index(std::string_view id) const {
  for (std::size_t i = 0; i < regions.size(); ++i)
    if (regions[i].id == id) return i;
  return std::nullopt;
}

std::vector<std::size_t> MarketModel::regions_named(std::string_view id_or_bloc) const {
  if (auto r = region_index(id_or_bloc)) return {*r};
  std::vector<std::size_t> out;
  for (std::size_t i = 0; i < regions.size(); ++i)
    if (std::ranges::find(regions[i].blocs, id_or_bloc) != regions[i].blocs.end()) out.push_back(i);
  return out;
}

std::string MarketModel::item_label(Commodity c) const {
  switch (c.stage) {
    case Stage::Concentrate:
      return sources[c.item].id;
    case Stage::Oxide:
    case Stage::Metal:
      return std::string(info(c.element()).symbol);
    case Stage::Magnet:
      return magnet_types[c.item].id;
  }
  return "?";
}

std::string MarketModel::commodity_label(Commodity c) const {
  return std::string(stage_name(c.stage)) + "|" + item_label(c);
}

bool MarketModel::matches(const CommodityFilter& f, Commodity c) const {
  if (!f.stages.empty() && std::ranges::find(f.stages, c.stage) == f.stages.end()) return false;
  if (f.elements.empty()) return true;
  for (Element e : f.elements) {
    switch (c.stage) {
      case Stage::Concentrate:
        if (sources[c.item].distribution[index(e)] > 0.0) return true;
        break;
      case Stage::Oxide:
      case Stage::Metal:
        if (c.element() == e) return true;
        break;
      case Stage::Magnet:
        if (magnet_types[c.item].recipe[index(e)] > 0.0) return true;
        break;
    }
  }
  return false;
}

std::size_t MarketModel::facility_count(FacilityKind k) const {
  switch (k) {
    case FacilityKind::Mine:
      return sources.size();
    case FacilityKind::Separation:
      return separation.size();
    case FacilityKind::Metal:
      return metal.size();
    case FacilityKind::Magnet:
      return magnet.size();
  }
  return 0;
}

const Facility& MarketModel::facility(FacilityRef f) const {
  switch (f.kind) {
    case FacilityKind::Mine:
      return sources[f.index];
    case FacilityKind::Separation:
      return separation[f.index];
    case FacilityKind::Metal:
      return metal[f.index];
    case FacilityKind::Magnet:
      break;
  }
  return magnet[f.index];
}

double Lifecycle::capacity_share(int online, int year) const {
  if (year < online || year >= close_year) return 0.0;
  if (ramp_years <= 0) return 1.0;
  return std::min(1.0, double(year - online + 1) / double(ramp_years));
}

std::vector<MagnetRoute> effective_magnet_routes(const MarketModel& m) {
  std::vector<MagnetRoute> routes = m.magnet_routes;
  for (std::size_t k = 0; k < m.magnet_types.size(); ++k) {
    bool has = false;
    for (const auto& r : m.magnet_routes) has = has || r.plant_type == k;
    if (!has) routes.push_back({m.magnet_types[k].id, k, k, m.magnet_types[k].recipe, 0.0});
  }
  return routes;
}

MagnetInputs magnet_inputs(const MagnetType& type, const ElementArray& recipe) {
  const double gross = 1.0 / (1.0 - type.scrap_share);  // t blank per t finished
  MagnetInputs in;
  for (std::size_t e = 0; e < kElementCount; ++e) {
    in.metal[e] = recipe[e] * gross;
    in.scrap_oxide[e] =
        recipe[e] * (gross - 1.0) * type.scrap_recovery * metal_to_oxide(element_at(e));
  }
  return in;
}

MagnetInputs magnet_inputs(const MarketModel& m, const MagnetRoute& route) {
  return magnet_inputs(m.magnet_types.at(route.plant_type), route.recipe);
}

void add_all_arcs(MarketModel& m, Stage stage, double cost_usd_per_kg) {
  for (std::size_t a = 0; a < m.regions.size(); ++a)
    for (std::size_t b = 0; b < m.regions.size(); ++b)
      if (a != b) m.arcs.push_back({a, b, stage, cost_usd_per_kg});
}

}  // namespace rareflow::market
