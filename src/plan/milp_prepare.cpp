// Resolves a plan's scenario changes into dense arrays by scenario and year.
#include <algorithm>
#include <cmath>

#include "milp_context.hpp"

namespace rareflow::plan::detail {

std::string_view cost_kind_name(CostKind k) {
  switch (k) {
    case CostKind::Capex:
      return "capex";
    case CostKind::Residual:
      return "residual value";
    case CostKind::Fixed:
      return "fixed operating";
    case CostKind::Variable:
      return "variable operating";
    case CostKind::Feed:
      return "recycling feed";
    case CostKind::Imports:
      return "imports";
    case CostKind::Exports:
      return "export revenue";
    case CostKind::Storage:
      return "storage";
    case CostKind::Disposal:
      return "disposal";
    case CostKind::Shortfall:
      return "shortfall penalty";
    case CostKind::GoalPenalty:
      return "soft-goal penalty";
  }
  return "?";
}

double oxide_equivalent(const PlanModel& plan, const Commodity& c, Element e) {
  switch (c.stage) {
    case Stage::Oxide:
      return c.item == info(e).symbol ? 1.0 : 0.0;
    case Stage::Metal:
      return c.item == info(e).symbol ? metal_to_oxide(e) : 0.0;
    case Stage::Magnet: {
      const MagnetType* m = plan.magnet(c.item);
      return m ? m->recipe[index(e)] * metal_to_oxide(e) : 0.0;
    }
    case Stage::Concentrate: {
      const Deposit* d = plan.deposit(c.item);
      return d ? d->distribution[index(e)] : 0.0;
    }
  }
  return 0.0;
}

namespace {

void mark_commodity(const PlanModel& plan, const Commodity& c, std::vector<bool>& used) {
  for (std::size_t i = 0; i < kElementCount; ++i)
    if (oxide_equivalent(plan, c, element_at(i)) > 0) used[i] = true;
}

Grid2<double> fill(int s, int t, double v) {
  return Grid2<double>(static_cast<std::size_t>(s),
                       std::vector<double>(static_cast<std::size_t>(t), v));
}

bool in_years(int year, int from, int to) {
  return year >= from && (to == 0 || year <= to);
}

template <class T>
int index_of(const std::vector<T>& items, const std::string& id) {
  for (std::size_t i = 0; i < items.size(); ++i)
    if (items[i].id == id) return static_cast<int>(i);
  return -1;
}

// The deposit, element or magnet type a commodity is of, or -1.
int item_index(const PlanModel& plan, const Commodity& c) {
  switch (c.stage) {
    case Stage::Concentrate:
      return index_of(plan.deposits, c.item);
    case Stage::Oxide:
    case Stage::Metal: {
      auto e = element_from_symbol(c.item);
      return e ? static_cast<int>(index(*e)) : -1;
    }
    case Stage::Magnet:
      return index_of(plan.magnets, c.item);
  }
  return -1;
}

bool accepts(const Project& p, const std::string& deposit) {
  return p.deposits.empty() ||
         std::find(p.deposits.begin(), p.deposits.end(), deposit) != p.deposits.end();
}

void resolve_ids(const PlanModel& plan, Prepared& p) {
  for (const auto& pr : plan.projects) {
    p.project_deposit.push_back(index_of(plan.deposits, pr.deposit));
    p.project_feed.push_back(index_of(plan.feeds, pr.feed));
    p.project_magnet.push_back(index_of(plan.magnets, pr.magnet));
  }
  p.deposit_mined.assign(plan.deposits.size(), false);
  for (std::size_t pi = 0; pi < plan.projects.size(); ++pi)
    if (plan.projects[pi].type == ProjectType::Mine && p.project_deposit[pi] >= 0)
      p.deposit_mined[static_cast<std::size_t>(p.project_deposit[pi])] = true;
  for (const auto& pr : plan.projects) {
    std::vector<bool> takes;
    for (std::size_t d = 0; d < plan.deposits.size(); ++d)
      takes.push_back(pr.type == ProjectType::Separation && accepts(pr, plan.deposits[d].id) &&
                      p.deposit_mined[d]);
    p.separation_takes.push_back(std::move(takes));
  }
  auto oxide_eq = [&](const Commodity& c) {
    std::vector<double> k(kElementCount);
    for (std::size_t e = 0; e < kElementCount; ++e) k[e] = oxide_equivalent(plan, c, element_at(e));
    return k;
  };
  for (const auto& o : plan.imports) p.import_oxide_eq.push_back(oxide_eq(o.commodity));
  for (const auto& d : plan.demand) p.demand_oxide_eq.push_back(oxide_eq(d.commodity));
  p.trade[static_cast<std::size_t>(Stage::Concentrate)].resize(plan.deposits.size());
  p.trade[static_cast<std::size_t>(Stage::Oxide)].resize(kElementCount);
  p.trade[static_cast<std::size_t>(Stage::Metal)].resize(kElementCount);
  p.trade[static_cast<std::size_t>(Stage::Magnet)].resize(plan.magnets.size());
  auto trade_of = [&](const Commodity& c) -> Prepared::Trade* {
    int i = item_index(plan, c);
    return i < 0 ? nullptr
                 : &p.trade[static_cast<std::size_t>(c.stage)][static_cast<std::size_t>(i)];
  };
  for (std::size_t o = 0; o < plan.imports.size(); ++o)
    if (auto* tr = trade_of(plan.imports[o].commodity)) tr->imports.push_back(o);
  for (std::size_t x = 0; x < plan.exports.size(); ++x) {
    p.export_item.push_back(item_index(plan, plan.exports[x].commodity));
    if (auto* tr = trade_of(plan.exports[x].commodity)) tr->exports.push_back(x);
  }
  for (std::size_t d = 0; d < plan.demand.size(); ++d)
    if (auto* tr = trade_of(plan.demand[d].commodity); tr && tr->demand < 0)
      tr->demand = static_cast<int>(d);
}

}  // namespace

Prepared prepare(const PlanModel& plan) {
  Prepared p;
  p.plan = &plan;
  p.years = plan.years();
  p.scenarios = static_cast<int>(plan.scenarios.size());
  const auto T = static_cast<std::size_t>(p.years);
  for (std::size_t t = 0; t < T; ++t)
    p.discount.push_back(std::pow(1.0 + plan.discount_rate, -static_cast<double>(t)));
  p.discount_after_horizon = std::pow(1.0 + plan.discount_rate, -static_cast<double>(T));

  p.element_used.assign(kElementCount, false);
  for (const auto& d : plan.deposits)
    for (std::size_t i = 0; i < kElementCount; ++i)
      if (d.distribution[i] > 0) p.element_used[i] = true;
  for (const auto& f : plan.feeds)
    for (std::size_t i = 0; i < kElementCount; ++i)
      if (f.distribution[i] > 0) p.element_used[i] = true;
  for (const auto& d : plan.demand) mark_commodity(plan, d.commodity, p.element_used);
  for (const auto& o : plan.imports) mark_commodity(plan, o.commodity, p.element_used);
  for (const auto& x : plan.exports)
    if (x.commodity.stage != Stage::Concentrate) mark_commodity(plan, x.commodity, p.element_used);

  for (const auto& o : plan.imports)
    if (std::find(p.suppliers.begin(), p.suppliers.end(), o.supplier) == p.suppliers.end())
      p.suppliers.push_back(o.supplier);

  for (std::size_t o = 0; o < plan.imports.size(); ++o) {
    const auto& io = plan.imports[o];
    auto price = fill(p.scenarios, p.years, io.price);
    auto avail = fill(p.scenarios, p.years, io.available.value_or(kInf));
    auto licensed = fill(p.scenarios, p.years, 0.0);
    for (std::size_t s = 0; s < plan.scenarios.size(); ++s)
      for (std::size_t t = 0; t < T; ++t)
        if (io.licensed_from != 0 && p.year(static_cast<int>(t)) >= io.licensed_from)
          licensed[s][t] = 1.0;
    for (std::size_t s = 0; s < plan.scenarios.size(); ++s) {
      for (const auto& ov : plan.scenarios[s].imports) {
        if (ov.supplier != io.supplier) continue;
        if (std::find(ov.commodities.begin(), ov.commodities.end(), io.commodity) ==
            ov.commodities.end())
          continue;
        for (std::size_t t = 0; t < T; ++t) {
          if (!in_years(p.year(static_cast<int>(t)), ov.from_year, ov.to_year)) continue;
          price[s][t] = ov.price.value_or(price[s][t]) * ov.price_factor;
          avail[s][t] = ov.available.value_or(avail[s][t]) * ov.available_factor;
          if (ov.licensed) licensed[s][t] = 1.0;
        }
      }
    }
    p.import_price.push_back(std::move(price));
    p.import_available.push_back(std::move(avail));
    p.import_licensed.push_back(std::move(licensed));
  }

  for (const auto& x : plan.exports) {
    auto price = fill(p.scenarios, p.years, x.price);
    auto cap = fill(p.scenarios, p.years, x.cap.value_or(kInf));
    for (std::size_t s = 0; s < plan.scenarios.size(); ++s)
      for (const auto& ov : plan.scenarios[s].exports) {
        if (ov.commodity != x.commodity) continue;
        for (std::size_t t = 0; t < T; ++t) {
          if (!in_years(p.year(static_cast<int>(t)), ov.from_year, 0)) continue;
          price[s][t] = ov.price.value_or(price[s][t]);
          cap[s][t] = ov.cap.value_or(cap[s][t]);
        }
      }
    p.export_price.push_back(std::move(price));
    p.export_cap.push_back(std::move(cap));
  }

  for (const auto& d : plan.demand) {
    auto q = fill(p.scenarios, p.years, 0.0);
    for (std::size_t s = 0; s < plan.scenarios.size(); ++s) {
      const YearPath* path = &d.tonnes;
      double factor = 1.0;
      std::vector<double> by_year(T, 1.0);
      for (const auto& ov : plan.scenarios[s].demand) {
        if (ov.commodity != d.commodity) continue;
        if (ov.tonnes) path = &*ov.tonnes;
        factor *= ov.factor;
        if (ov.factor_path)
          for (std::size_t t = 0; t < T; ++t)
            by_year[t] *= ov.factor_path->at(p.year(static_cast<int>(t)));
      }
      for (std::size_t t = 0; t < T; ++t)
        q[s][t] = path->at(p.year(static_cast<int>(t))) * factor * by_year[t];
    }
    p.demand.push_back(std::move(q));
  }

  for (const auto& f : plan.feeds) {
    std::vector<double> a;
    for (std::size_t t = 0; t < T; ++t) a.push_back(f.available.at(p.year(static_cast<int>(t))));
    p.feed_available.push_back(std::move(a));
  }

  p.shared_years = p.years;
  auto differs = [&](const Grid3<double>& g, std::size_t t) {
    for (const auto& by_s : g)
      for (std::size_t s = 1; s < by_s.size(); ++s)
        if (by_s[s][t] != by_s[0][t]) return true;
    return false;
  };
  for (std::size_t t = 0; t < T; ++t) {
    if (differs(p.import_price, t) || differs(p.import_available, t) ||
        differs(p.import_licensed, t) || differs(p.export_price, t) || differs(p.export_cap, t) ||
        differs(p.demand, t)) {
      p.shared_years = static_cast<int>(t);
      break;
    }
  }

  for (const auto& pr : plan.projects) {
    std::vector<int> ys;
    if (pr.max_modules > pr.existing_modules) {
      int first = std::max(plan.first_year, pr.earliest_decision);
      int last = plan.last_year - pr.lead_time;
      if (pr.latest_decision != 0) last = std::min(last, pr.latest_decision);
      for (int y = first; y <= last; ++y) ys.push_back(y - plan.first_year);
    }
    p.decision_years.push_back(std::move(ys));
  }
  resolve_ids(plan, p);
  return p;
}

}  // namespace rareflow::plan::detail
