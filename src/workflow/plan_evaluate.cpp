// Commits a plan's roadmap to the market simulator and compares what it achieves there with
// what the plan expected (docs/model_plan.md, "Evaluating a roadmap in the market").
#include "rareflow/workflow/plan_evaluate.hpp"

#include <algorithm>
#include <cmath>
#include <map>

#include <fmt/format.h>

#include "rareflow/core/element_groups.hpp"
#include "rareflow/core/iamc_vocabulary.hpp"
#include "rareflow/market/simulator.hpp"
#include "rareflow/market/summary.hpp"
#include "rareflow/plan/plan_report.hpp"
#include "rareflow/scenario/market_adapter.hpp"
#include "rareflow/scenario/scenario.hpp"

namespace rareflow::workflow {

namespace {

using market::ElementArray;
using market::FacilityKind;

constexpr std::array<Element, 4> kPriced{Element::Nd, Element::Pr, Element::Dy, Element::Tb};

// A market lifecycle from the roadmap: capacity from the online year; the plan's ramp (shares
// of nameplate in the first years) becomes the market's linear ramp whose first year matches
// the plan's first share.
market::Lifecycle lifecycle_of(const plan::Project& p, const plan::RoadmapBuild& e) {
  market::Lifecycle l;
  l.online_year = e.online_year;
  if (!p.ramp.empty() && p.ramp.front() > 0.0)
    l.ramp_years = static_cast<int>(std::lround(1.0 / p.ramp.front()));
  l.lifetime_years = p.life_years;
  return l;
}

// Feed the separation plant expects: the mean of the deposits it accepts (all of the plan's
// when it names none), each deposit's REO shares.
ElementArray separation_feed(const plan::PlanModel& plan, const plan::Project& p) {
  ElementArray feed{};
  int n = 0;
  for (const auto& dep : plan.deposits) {
    if (!p.deposits.empty() && std::ranges::find(p.deposits, dep.id) == p.deposits.end()) continue;
    for (std::size_t e = 0; e < kElementCount; ++e) feed[e] += dep.distribution[e];
    ++n;
  }
  if (n > 0)
    for (double& v : feed) v /= n;
  return feed;
}

ElementArray covered(const std::vector<Element>& els) {
  ElementArray a{};
  if (els.empty()) a.fill(1.0);
  for (Element e : els) a[index(e)] = 1.0;
  return a;
}

// The focus region's announced projects and candidate modules get no capacity: the roadmap
// replaces them. Base-year facilities (aggregates of today's output) stay.
std::vector<std::string> clear_region(market::MarketModel& m, std::size_t r, int base_year) {
  std::vector<std::string> cleared;
  auto clear = [&](auto& facilities) {
    for (auto& f : facilities) {
      if (f.region != r || (!f.life.candidate && f.life.online_year <= base_year)) continue;
      f.capacity_t = 0.0;
      f.life.candidate = false;
      cleared.push_back(f.id);
    }
  };
  clear(m.sources);
  clear(m.separation);
  clear(m.metal);
  clear(m.magnet);
  return cleared;
}

template <class Facilities>
double first_cost(const Facilities& fs, double fallback) {
  return fs.empty() ? fallback : fs.front().unit_cost_usd_per_kg;
}

}  // namespace

Result<std::vector<std::string>> commit_roadmap(market::MarketModel& m, int base_year,
                                                const plan::PlanModel& plan,
                                                const plan::Roadmap& roadmap) {
  auto region = m.region_index(plan.region);
  if (!region)
    return fail(
        fmt::format("plan --evaluate: the plan's region {} is not a region of the market "
                    "model",
                    plan.region));
  const std::size_t r = *region;
  std::vector<std::string> notes;
  auto cleared = clear_region(m, r, base_year);
  if (!cleared.empty())
    notes.push_back(
        fmt::format("{}'s announced projects and candidate modules of the market "
                    "scenario are replaced by the roadmap: {}",
                    plan.region, fmt::join(cleared, ", ")));
  // Defaults of the adapter, read off the calibrated model before the roadmap is added.
  const double magnet_cost = first_cost(m.magnet, 0.0);
  std::vector<std::string> skipped;
  std::map<std::string, std::string> cost_note;  // project type -> which cost was used
  for (const auto& e : roadmap.entries) {
    const plan::Project* p = plan.project(e.project);
    if (!p || e.capacity <= 0.0) continue;
    const std::string id = fmt::format("plan-{}-{}", e.project, e.decision_year);
    market::Lifecycle life = lifecycle_of(*p, e);
    switch (p->type) {
      case plan::ProjectType::Mine: {
        const plan::Deposit* dep = plan.deposit(p->deposit);
        if (!dep) return fail(fmt::format("plan --evaluate: mine {} has no deposit", p->id));
        m.sources.push_back({{id, r, e.capacity, p->variable_cost, life}, dep->distribution});
        cost_note["mine"] =
            "mines: the plan's variable cost (USD/kg REO mined, the market's basis)";
        break;
      }
      case plan::ProjectType::Separation: {
        // The plan counts separated oxide; the market counts feed. The plant's yield on its
        // expected feed converts both the capacity and the unit cost.
        ElementArray cov = covered(p->elements), feed = separation_feed(plan, *p), rec{};
        double yield = 0.0;
        for (std::size_t k = 0; k < kElementCount; ++k) {
          rec[k] = cov[k] * p->recovery;
          yield += feed[k] * rec[k];
        }
        if (!(yield > 0.0))
          return fail(
              fmt::format("plan --evaluate: separation plant {} recovers nothing from "
                          "its feed",
                          p->id));
        m.separation.push_back({{id, r, e.capacity / yield, p->variable_cost * yield, life}, rec});
        cost_note["separation"] = fmt::format(
            "separation: the plan's variable cost per kg of oxide times the plant's yield on its "
            "feed (last: {} at {:.3f} t oxide per t feed), capacity divided by the same yield",
            p->id, yield);
        break;
      }
      case plan::ProjectType::Metal: {
        std::vector<Element> els = p->elements;
        if (els.empty())
          for (std::size_t k = 0; k < kElementCount; ++k) els.push_back(element_at(k));
        m.metal.push_back({{id, r, e.capacity, p->variable_cost, life}, els});
        cost_note["metal"] = "metal: the plan's variable cost (USD/kg metal, the market's basis)";
        break;
      }
      case plan::ProjectType::Magnet: {
        std::size_t type = m.magnet_types.size();
        for (std::size_t k = 0; k < m.magnet_types.size(); ++k)
          if (m.magnet_types[k].id == "NdFeB") type = k;
        if (type == m.magnet_types.size())
          return fail("plan --evaluate: the market model has no NdFeB magnet type");
        m.magnet.push_back({{id, r, e.capacity, magnet_cost, life}, type});
        cost_note["magnet"] = fmt::format(
            "magnets: the adapter's calibrated making cost, {:.2f} USD/kg magnet (it includes "
            "the non-REE inputs; the plan's conversion cost does not), NdFeB recipe of the "
            "market",
            magnet_cost);
        break;
      }
      case plan::ProjectType::Recycling:
        skipped.push_back(id);
        break;
    }
  }
  for (const auto& [kind, note] : cost_note) notes.push_back("unit cost of " + note);
  if (!skipped.empty())
    notes.push_back(
        fmt::format("recycling builds are not committed (the market takes "
                    "recycling from the stock model): {}",
                    fmt::join(skipped, ", ")));
  return notes;
}

namespace {

struct PlanFigures {
  double mined = 0, separated = 0, metal = 0, magnets = 0, ss_all = 0, ss_magnet = 0;
};

// Probability-weighted over the plan's scenarios.
std::map<int, PlanFigures> plan_figures(const plan::PlanSolution& s) {
  const auto all = *element_group(var::kGroupAll);
  const auto mag = *element_group(var::kGroupMagnet);
  // A year without demand counts as 0 in the probability-weighted mean.
  auto share = [](const plan::PlanYear& y, const std::vector<Element>& g) {
    const double d = plan::group_sum(y, g, &plan::ElementYear::demand);
    return d > 0 ? plan::group_sum(y, g, &plan::ElementYear::domestic) / d : 0.0;
  };
  std::map<int, PlanFigures> out;
  for (const auto& sc : s.scenarios)
    for (const auto& y : sc.years) {
      PlanFigures& f = out[y.year];
      const double w = sc.probability;
      f.mined += w * y.mined;
      f.separated += w * y.separated;
      f.metal += w * y.metal;
      f.magnets += w * y.magnets;
      f.ss_all += w * share(y, all);
      f.ss_magnet += w * share(y, mag);
    }
  return out;
}

struct MarketFigures {
  double mined = 0, separated = 0, metal = 0, magnets = 0;
  Cell ss_all, ss_magnet;  // empty without consumption in the region
};

MarketFigures market_figures(const market::MarketModel& m, const market::YearResult& y,
                             std::size_t r) {
  MarketFigures f;
  const auto set = m.commodities();
  const std::size_t R = y.regions;
  for (std::size_t s = 0; s < m.sources.size(); ++s)
    if (m.sources[s].region == r)
      f.mined += y.output[static_cast<std::size_t>(FacilityKind::Mine)][s];
  for (std::size_t c = 0; c < y.commodities; ++c) {
    const std::size_t i = c * R + r;
    switch (set.at(c).stage) {
      case market::Stage::Concentrate:
        break;
      case market::Stage::Oxide:
        f.separated += y.production[i];
        break;
      case market::Stage::Metal:
        f.metal += y.production[i];
        break;
      case market::Stage::Magnet:
        f.magnets += y.production[i];
        break;
    }
  }
  const auto u = market::element_use(m, y, r);
  auto share = [&](const std::vector<Element>& g) -> Cell {
    double v = group_share(g, u.supply, u.use);
    if (std::isnan(v)) return {};
    return v;
  };
  f.ss_all = share(*element_group(var::kGroupAll));
  f.ss_magnet = share(*element_group(var::kGroupMagnet));
  return f;
}

Cell price_cell(const market::MarketModel& m, const market::YearResult& y, Element e,
                std::size_t r) {
  const std::size_t i = m.commodities().index(market::Commodity::oxide(e)) * y.regions + r;
  double p = y.price[i];
  // As in the IAMC output: a price only where the region trades, makes or uses the oxide.
  const double activity = y.production[i] + y.imports[i] + y.exports[i] + y.input_use[i] +
                          y.consumption[i] + y.recycling[i] + y.stock_draw[i];
  if (!y.has_balance[i] || p != p || (activity <= 1e-9 && y.demand_reference[i] <= 0.0)) return {};
  return p;
}

}  // namespace

Result<std::vector<Table>> evaluate_roadmap(const Dataset& d, const plan::PlanModel& plan,
                                            const plan::PlanSolution& solution,
                                            const std::string& base_scenario) {
  auto loaded = scenario::load_scenario(base_scenario, d);
  if (!loaded) return std::unexpected(loaded.error());
  const scenario::Scenario& sc = *loaded;
  auto build = scenario::build_market(d, sc);
  if (!build) return fail(build.error().message);
  market::MarketModel& m = build->model;
  auto notes = commit_roadmap(m, build->base_year, plan, solution.roadmap);
  if (!notes) return fail(notes.error().message);
  if (plan.last_year < sc.first_year)
    return fail(
        fmt::format("plan --evaluate: the plan ends in {}, before the market scenario "
                    "starts ({})",
                    plan.last_year, sc.first_year));
  market::SimulationOptions so;
  so.first_year = sc.first_year;
  so.last_year = plan.last_year;
  so.scenario = base_scenario + "+" + plan.name;
  auto sim = market::simulate(m, so);
  if (!sim) return fail("plan --evaluate: " + sim.error().message);

  const std::size_t r = *m.region_index(plan.region);
  const auto chn = m.region_index(scenario::kChina);
  const auto expected = plan_figures(solution);
  const std::string& reg = plan.region;

  Table t;
  t.title = fmt::format("Plan against the market: {} roadmap committed in the {} scenario ({})",
                        strategy_name(solution.strategy), base_scenario, reg);
  t.columns = {{"year", ""},
               {"plan mined", "t REO/yr"},
               {"market mined", "t REO/yr"},
               {"plan separated", "t REO/yr"},
               {"market separated", "t REO/yr"},
               {"plan metal", "t metal/yr"},
               {"market metal", "t metal/yr"},
               {"plan magnets", "t magnet/yr"},
               {"market magnets", "t magnet/yr"},
               {"plan self-sufficiency all", "share", 2},
               {"market self-sufficiency all", "share", 2},
               {"plan self-sufficiency magnet REE", "share", 2},
               {"market self-sufficiency magnet REE", "share", 2}};
  Table pr;
  pr.title = fmt::format("Simulated oxide prices with the roadmap ({} scenario)", base_scenario);
  pr.columns = {{"year", ""}};
  for (Element e : kPriced) {
    pr.columns.push_back({fmt::format("{} oxide {}", info(e).symbol, reg), "USD/kg", 1});
    if (chn) pr.columns.push_back({fmt::format("{} oxide CHN", info(e).symbol), "USD/kg", 1});
  }
  bool any_use = false;
  for (const auto& y : sim->years) {
    if (y.year < plan.first_year) continue;
    auto it = expected.find(y.year);
    PlanFigures p = it == expected.end() ? PlanFigures{} : it->second;
    MarketFigures f = market_figures(m, y, r);
    any_use = any_use || !std::holds_alternative<std::monostate>(f.ss_all);
    t.add_row({static_cast<long long>(y.year), p.mined, f.mined, p.separated, f.separated, p.metal,
               f.metal, p.magnets, f.magnets, p.ss_all, f.ss_all, p.ss_magnet, f.ss_magnet});
    std::vector<Cell> row{static_cast<long long>(y.year)};
    for (Element e : kPriced) {
      row.push_back(price_cell(m, y, e, r));
      if (chn) row.push_back(price_cell(m, y, e, *chn));
    }
    pr.add_row(std::move(row));
  }
  t.notes.push_back(
      "plan figures: probability-weighted over the plan's scenarios; plan separated includes "
      "recycled oxide; self-sufficiency = domestic supply / demand of the element group");
  t.notes.push_back(fmt::format(
      "market figures: production of {} in the simulated market, which sets prices and trade "
      "and lets other regions react; self-sufficiency = separated and recycled oxide / "
      "consumption (oxide, metal and magnets as oxide)",
      reg));
  if (!any_use)
    t.notes.push_back(fmt::format(
        "{} has no demand of its own in the market (no use of it in the data package), so "
        "its market self-sufficiency is blank: compare production instead",
        reg));
  for (auto& n : *notes) t.notes.push_back(std::move(n));
  pr.notes.push_back(
      "oxide prices: the dual of the region's balance in the market; blank where the region "
      "makes, trades and uses none of the oxide that year");
  return std::vector<Table>{std::move(t), std::move(pr)};
}

}  // namespace rareflow::workflow
