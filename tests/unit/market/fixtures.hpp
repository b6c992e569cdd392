// Small hand-checkable markets shared by the market tests.
#pragma once

#include <gtest/gtest.h>

#include "rareflow/market/engine.hpp"
#include "rareflow/market/model.hpp"

namespace rareflow::market::testing {

inline ElementArray only(Element e) {
  ElementArray a{};
  a[index(e)] = 1.0;
  return a;
}

inline ElementArray recover_all() {
  ElementArray a{};
  a.fill(1.0);
  return a;
}

inline std::size_t add_region(MarketModel& m, std::string id) {
  m.regions.push_back({std::move(id), {}, 0.0});
  return m.regions.size() - 1;
}

inline std::size_t add_source(MarketModel& m, std::string id, std::size_t region, double cap,
                              double cost, ElementArray dist) {
  m.sources.push_back({{std::move(id), region, cap, cost, {}}, dist});
  return m.sources.size() - 1;
}

inline std::size_t add_separation(MarketModel& m, std::string id, std::size_t region, double cap,
                                  double cost, ElementArray rec = recover_all()) {
  m.separation.push_back({{std::move(id), region, cap, cost, {}}, rec});
  return m.separation.size() - 1;
}

// Built field by field: GCC 12 warns (maybe-uninitialized) on a braced base-class temporary here.
inline std::size_t add_metal(MarketModel& m, std::string id, std::size_t region, double cap,
                             double cost, std::vector<Element> elements) {
  MetalPlant p;
  p.id = std::move(id);
  p.region = region;
  p.capacity_t = cap;
  p.unit_cost_usd_per_kg = cost;
  p.elements = std::move(elements);
  m.metal.push_back(std::move(p));
  return m.metal.size() - 1;
}

inline std::size_t add_magnet(MarketModel& m, std::string id, std::size_t region, double cap,
                              double cost, std::size_t type = 0) {
  MagnetPlant p;
  p.id = std::move(id);
  p.region = region;
  p.capacity_t = cap;
  p.unit_cost_usd_per_kg = cost;
  p.type = type;
  m.magnet.push_back(std::move(p));
  return m.magnet.size() - 1;
}

inline std::size_t add_demand(MarketModel& m, std::string sector, std::size_t region, Commodity c,
                              std::vector<DemandStep> steps) {
  Demand d;
  d.sector = std::move(sector);
  d.region = region;
  d.commodity = c;
  for (const auto& s : steps) d.q0_t += s.quantity_t;
  d.steps = std::move(steps);
  m.demands.push_back(std::move(d));
  return m.demands.size() - 1;
}

inline MarketEngine make_engine(MarketModel m) {
  auto e = MarketEngine::create(std::move(m));
  EXPECT_TRUE(e.has_value()) << (e ? "" : e.error().message);
  return std::move(*e);
}

inline double price(const MarketModel& m, const YearResult& y, Commodity c, std::size_t r) {
  return y.at(y.price, m.commodities().index(c), r);
}

inline double grid(const MarketModel& m, const YearResult& y, const std::vector<double>& g,
                   Commodity c, std::size_t r) {
  return y.at(g, m.commodities().index(c), r);
}

// One region, one Ce mine (10 USD/kg REO), one separation plant (2 USD/kg, full recovery), and
// a Ce oxide demand of three 50 t steps at 30, 20 and 8 USD/kg.
inline MarketModel one_mine_market(double mine_capacity_t) {
  MarketModel m;
  auto a = add_region(m, "AAA");
  add_source(m, "mine", a, mine_capacity_t, 10.0, only(Element::Ce));
  add_separation(m, "sep", a, 1000.0, 2.0);
  add_demand(m, "polishing", a, Commodity::oxide(Element::Ce),
             {{50.0, 30.0}, {50.0, 20.0}, {50.0, 8.0}});
  return m;
}

}  // namespace rareflow::market::testing

namespace rareflow::market::testing {

// Exporter EXP: Ce mine 10 USD/kg (1000 t) + separation 2 -> oxide at 12 USD/kg; own demand
// 100 t at 20 and 100 t at 5. Importer IMP: demand 100 t at 50 and 100 t at 40; with
// `importer_mine`, a dear Ce mine of its own (28 + 2 = 30 USD/kg, 1000 t). Oxide arcs both ways
// at `transport` USD/kg.
inline MarketModel two_region_market(bool importer_mine, double transport) {
  MarketModel m;
  auto exp = add_region(m, "EXP");
  auto imp = add_region(m, "IMP");
  add_source(m, "exp_mine", exp, 1000.0, 10.0, only(Element::Ce));
  add_separation(m, "exp_sep", exp, 1000.0, 2.0);
  if (importer_mine) {
    add_source(m, "imp_mine", imp, 1000.0, 28.0, only(Element::Ce));
    add_separation(m, "imp_sep", imp, 1000.0, 2.0);
  }
  add_demand(m, "exp_use", exp, Commodity::oxide(Element::Ce), {{100.0, 20.0}, {100.0, 5.0}});
  add_demand(m, "imp_use", imp, Commodity::oxide(Element::Ce), {{100.0, 50.0}, {100.0, 40.0}});
  add_all_arcs(m, Stage::Oxide, transport);
  return m;
}

inline FlowScope exports_of(std::size_t region) {
  FlowScope s;
  s.from = {region};
  return s;
}

inline const PolicyRow* row_of(const YearResult& y, std::size_t policy) {
  for (const auto& r : y.policy_rows)
    if (r.policy == policy) return &r;
  return nullptr;
}

inline double flow(const YearResult& y, std::size_t from, std::size_t to) {
  double t = 0.0;
  for (const auto& f : y.flows)
    if (f.from == from && f.to == to) t += f.t;
  return t;
}

inline YearResult solve_ok(MarketEngine& eng, int year, const YearState& s) {
  auto y = eng.solve(year, s);
  if (!y) {
    ADD_FAILURE() << y.error().message;
    return {};
  }
  EXPECT_EQ(y->status, SolveStatus::Optimal);
  return *y;
}

}  // namespace rareflow::market::testing
