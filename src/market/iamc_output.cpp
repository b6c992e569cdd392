// IAMC rows of a solved year. Quantities per region and their world sums; prices per region
// where the commodity is traded, produced or demanded; policy rents and transfers world-wide.
#include <cmath>
#include <map>

#include "rareflow/market/simulator.hpp"

namespace rareflow::market {

namespace {

constexpr const char* kWorld = "World";
constexpr double kNoise = 1e-9;  // t; solver noise below this is reported as 0

class Writer {
 public:
  Writer(const MarketModel& m, const YearResult& y, const std::string& scenario, IamcTable& t)
      : m_(m), y_(y), scenario_(scenario), t_(t) {}

  // A quantity in one region (skipped when 0), summed into the world total.
  void quantity(std::size_t r, const var::Variable& var, double v) {
    if (std::abs(v) < kNoise) return;
    t_.add(kModelName, scenario_, m_.regions[r].id, var, y_.year, v);
    auto& w = world_[var.name];
    w.first = var.unit;
    w.second += v;
  }
  void value(const std::string& region, const var::Variable& var, double v) {
    t_.add(kModelName, scenario_, region, var, y_.year, v);
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
  w.quantity(r, var::production("Mine", "REO", var::unit::kReo), mined);
  for (std::size_t e = 0; e < kElementCount; ++e)
    w.quantity(r, var::production("Mine", info(element_at(e)).symbol, var::unit::kReo),
               mined_by_element[e]);
  const std::string_view concentrate = stage_name(Stage::Concentrate);
  w.quantity(r, var::trade(concentrate, "REO", var::Direction::Export, var::unit::kReo),
             conc_exports);
  w.quantity(r, var::trade(concentrate, "REO", var::Direction::Import, var::unit::kReo),
             conc_imports);

  for (std::size_t c = 0; c < y.commodities; ++c) {
    std::size_t i = c * R + r;
    Commodity com = set.at(c);
    const std::string item = m.item_label(com);
    const std::string stage(stage_name(com.stage));
    const std::string_view basis = stage_unit(com.stage);
    if (y.has_balance[i]) {
      double activity = y.production[i] + y.imports[i] + y.exports[i] + y.input_use[i] +
                        y.consumption[i] + y.recycling[i] + y.stock_draw[i];
      if (activity > kNoise || y.demand_reference[i] > 0.0)
        w.value(m.regions[r].id, var::price(stage, item), y.price[i]);
    }
    if (com.stage == Stage::Concentrate) continue;
    const char* maker = com.stage == Stage::Oxide ? "Separation" : stage.c_str();
    w.quantity(r, var::production(maker, item, basis), y.production[i]);
    if (com.stage == Stage::Oxide) separated += y.production[i];
    w.quantity(r, var::trade(stage, item, var::Direction::Export, basis), y.exports[i]);
    w.quantity(r, var::trade(stage, item, var::Direction::Import, basis), y.imports[i]);
    auto flow = [&](var::Flow f, double v) { w.quantity(r, var::flow(f, stage, item, basis), v); };
    flow(var::Flow::Demand, y.demand_reference[i]);
    flow(var::Flow::Consumption, y.consumption[i]);
    flow(var::Flow::Shortfall, y.shortfall[i]);
    flow(var::Flow::Substitution, y.substitution[i]);
    flow(var::Flow::Backstop, y.backstop[i]);
    flow(var::Flow::Recycling, y.recycling[i]);
    flow(var::Flow::Disposal, y.disposal[i]);
    w.quantity(r, var::stock(stage, item, basis), y.stock_close[i]);
  }
  w.quantity(r, var::production("Separation", "REO", var::unit::kReo), separated);
  // Magnet output by technology route (models with explicit routes).
  if (!m.magnet_routes.empty()) {
    const auto routes = effective_magnet_routes(m);
    for (std::size_t k = 0; k < routes.size(); ++k)
      w.quantity(r, var::production_magnet_route(routes[k].id), y.route_output[k * R + r]);
  }

  double loss = 0.0;
  for (std::size_t p = 0; p < m.separation.size(); ++p)
    if (m.separation[p].region == r)
      for (double l : y.separation_loss[p]) loss += l;
  w.quantity(r, var::loss_separation(), loss);

  constexpr std::array<std::string_view, kFacilityKindCount> kCapacityBasis{
      var::unit::kReo, var::unit::kReo, var::unit::kMetal, var::unit::kMagnet};
  for (std::size_t k = 0; k < kFacilityKindCount; ++k) {
    auto kind = static_cast<FacilityKind>(k);
    double cap = 0.0;
    for (std::size_t i = 0; i < y.capacity[k].size(); ++i)
      if (m.facility({kind, i}).region == r) cap += y.capacity[k][i];
    w.quantity(r, var::capacity(facility_kind_name(kind), kCapacityBasis[k]), cap);
  }
  for (std::size_t p = 0; p < m.policies.size(); ++p) {
    const auto* sp = std::get_if<StockpileProgram>(&m.policies[p]);
    if (sp == nullptr || sp->region != r) continue;
    w.quantity(r,
               var::stockpile(stage_name(sp->commodity.stage), m.item_label(sp->commodity),
                              stage_unit(sp->commodity.stage)),
               y.stockpile_level[p]);
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
    const std::string commodity =
        pr.commodity != kAllCommodities ? m.commodity_label(set.at(pr.commodity)) : "";
    w.value(kWorld, var::rent(policy_name(m.policies[pr.policy]), commodity), pr.rent_usd_per_kg);
  }
  w.value(kWorld, var::surplus(), y.surplus_musd);
  w.value(kWorld, var::subsidy_price_floor(), y.subsidy_musd);
  w.value(kWorld, var::revenue_trade_tax(), y.tax_musd);
}

}  // namespace rareflow::market
