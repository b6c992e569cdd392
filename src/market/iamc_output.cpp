// IAMC rows of a solved year. Quantities per region and their world sums; prices per region
// where the commodity is traded, produced or demanded; policy rents and transfers world-wide.
#include <cmath>
#include <map>

#include <fmt/format.h>

#include "rareflow/market/simulator.hpp"

namespace rareflow::market {

namespace {

constexpr const char* kWorld = "World";
constexpr double kNoise = 1e-9;  // t; solver noise below this is reported as 0

std::string per_year(Stage s) {
  return std::string(stage_unit(s)) + "/yr";
}

class Writer {
 public:
  Writer(const MarketModel& m, const YearResult& y, const std::string& scenario, IamcTable& t)
      : m_(m), y_(y), scenario_(scenario), t_(t) {}

  // A quantity in one region (skipped when 0), summed into the world total.
  void quantity(std::size_t r, const std::string& var, const std::string& unit, double v) {
    if (std::abs(v) < kNoise) return;
    t_.add(kModelName, scenario_, m_.regions[r].id, var, unit, y_.year, v);
    auto& w = world_[var];
    w.first = unit;
    w.second += v;
  }
  void value(const std::string& region, const std::string& var, const std::string& unit, double v) {
    t_.add(kModelName, scenario_, region, var, unit, y_.year, v);
  }
  void flush_world() {
    for (const auto& [var, uv] : world_)
      t_.add(kModelName, scenario_, kWorld, var, uv.first, y_.year, uv.second);
  }

 private:
  const MarketModel& m_;
  const YearResult& y_;
  const std::string& scenario_;
  IamcTable& t_;
  std::map<std::string, std::pair<std::string, double>> world_;
};

void write_region(const MarketModel& m, const YearResult& y, std::size_t r, Writer& w) {
  const CommoditySet set = m.commodities();
  const std::size_t R = y.regions;
  double mined = 0.0, separated = 0.0, conc_exports = 0.0, conc_imports = 0.0;
  ElementArray mined_by_element{};
  for (std::size_t s = 0; s < m.sources.size(); ++s) {
    if (m.sources[s].region != r) continue;
    double out = y.output[static_cast<std::size_t>(FacilityKind::Mine)][s];
    mined += out;
    for (std::size_t e = 0; e < kElementCount; ++e)
      mined_by_element[e] += out * m.sources[s].distribution[e];
  }
  for (std::size_t c = 0; c < y.commodities; ++c) {
    std::size_t i = c * R + r;
    Commodity com = set.at(c);
    if (com.stage != Stage::Concentrate) continue;
    conc_exports += y.exports[i];
    conc_imports += y.imports[i];
  }
  w.quantity(r, "Production|Mine|REO", "t REO/yr", mined);
  for (std::size_t e = 0; e < kElementCount; ++e)
    w.quantity(r, fmt::format("Production|Mine|{}", info(element_at(e)).symbol), "t REO/yr",
               mined_by_element[e]);
  w.quantity(r, "Trade|Concentrate|REO|Export", "t REO/yr", conc_exports);
  w.quantity(r, "Trade|Concentrate|REO|Import", "t REO/yr", conc_imports);

  for (std::size_t c = 0; c < y.commodities; ++c) {
    std::size_t i = c * R + r;
    Commodity com = set.at(c);
    const std::string item = m.item_label(com);
    const std::string stage(stage_name(com.stage));
    const std::string flow_unit = per_year(com.stage), stock_unit(stage_unit(com.stage));
    if (y.has_balance[i]) {
      double activity = y.production[i] + y.imports[i] + y.exports[i] + y.input_use[i] +
                        y.consumption[i] + y.recycling[i] + y.stock_draw[i];
      if (activity > kNoise || y.demand_reference[i] > 0.0)
        w.value(m.regions[r].id, fmt::format("Price|{}|{}", stage, item), "USD/kg", y.price[i]);
    }
    if (com.stage == Stage::Concentrate) continue;
    const char* maker = com.stage == Stage::Oxide ? "Separation" : stage.c_str();
    w.quantity(r, fmt::format("Production|{}|{}", maker, item), flow_unit, y.production[i]);
    if (com.stage == Stage::Oxide) separated += y.production[i];
    w.quantity(r, fmt::format("Trade|{}|{}|Export", stage, item), flow_unit, y.exports[i]);
    w.quantity(r, fmt::format("Trade|{}|{}|Import", stage, item), flow_unit, y.imports[i]);
    w.quantity(r, fmt::format("Demand|{}|{}", stage, item), flow_unit, y.demand_reference[i]);
    w.quantity(r, fmt::format("Consumption|{}|{}", stage, item), flow_unit, y.consumption[i]);
    w.quantity(r, fmt::format("Shortfall|{}|{}", stage, item), flow_unit, y.shortfall[i]);
    w.quantity(r, fmt::format("Substitution|{}|{}", stage, item), flow_unit, y.substitution[i]);
    w.quantity(r, fmt::format("Backstop|{}|{}", stage, item), flow_unit, y.backstop[i]);
    w.quantity(r, fmt::format("Recycling|{}|{}", stage, item), flow_unit, y.recycling[i]);
    w.quantity(r, fmt::format("Disposal|{}|{}", stage, item), flow_unit, y.disposal[i]);
    w.quantity(r, fmt::format("Stock|{}|{}", stage, item), stock_unit, y.stock_close[i]);
  }
  w.quantity(r, "Production|Separation|REO", "t REO/yr", separated);
  // Magnet output by technology route (models with explicit routes).
  if (!m.magnet_routes.empty()) {
    const auto routes = effective_magnet_routes(m);
    for (std::size_t k = 0; k < routes.size(); ++k)
      w.quantity(r, "Production|Magnet Route|" + routes[k].id, "t magnet/yr",
                 y.route_output[k * R + r]);
  }

  double loss = 0.0;
  for (std::size_t p = 0; p < m.separation.size(); ++p)
    if (m.separation[p].region == r)
      for (double l : y.separation_loss[p]) loss += l;
  w.quantity(r, "Loss|Separation|REO", "t REO/yr", loss);

  constexpr std::array<const char*, kFacilityKindCount> kCapacityUnit{"t REO/yr", "t REO/yr",
                                                                      "t metal/yr", "t magnet/yr"};
  for (std::size_t k = 0; k < kFacilityKindCount; ++k) {
    auto kind = static_cast<FacilityKind>(k);
    double cap = 0.0;
    for (std::size_t i = 0; i < y.capacity[k].size(); ++i)
      if (m.facility({kind, i}).region == r) cap += y.capacity[k][i];
    w.quantity(r, fmt::format("Capacity|{}", facility_kind_name(kind)), kCapacityUnit[k], cap);
  }
  for (std::size_t p = 0; p < m.policies.size(); ++p) {
    const auto* sp = std::get_if<StockpileProgram>(&m.policies[p]);
    if (sp == nullptr || sp->region != r) continue;
    w.quantity(r,
               fmt::format("Stockpile|{}|{}", stage_name(sp->commodity.stage),
                           m.item_label(sp->commodity)),
               std::string(stage_unit(sp->commodity.stage)), y.stockpile_level[p]);
  }
}

}  // namespace

void append_iamc(const MarketModel& m, const YearResult& y, const std::string& scenario,
                 IamcTable& table) {
  Writer w(m, y, scenario, table);
  for (std::size_t r = 0; r < y.regions; ++r) write_region(m, y, r, w);
  w.flush_world();
  const CommoditySet set = m.commodities();
  for (const auto& pr : y.policy_rows) {
    if (std::isinf(pr.bound_t)) continue;  // not in force this year
    std::string var = "Rent|" + policy_name(m.policies[pr.policy]);
    if (pr.commodity != kAllCommodities) var += "|" + m.commodity_label(set.at(pr.commodity));
    w.value(kWorld, var, "USD/kg", pr.rent_usd_per_kg);
  }
  w.value(kWorld, "Surplus", "million USD/yr", y.surplus_musd);
  w.value(kWorld, "Subsidy|Price Floor", "million USD/yr", y.subsidy_musd);
  w.value(kWorld, "Revenue|Trade Tax", "million USD/yr", y.tax_musd);
}

}  // namespace rareflow::market
