// Second-stage blocks (one copy per scenario): operations, trade, unmet demand, storage.
#include <algorithm>

#include "milp_blocks.hpp"

namespace rareflow::plan::detail {

namespace {

std::string yr(const Prepared& prep, int t) {
  return std::to_string(prep.year(t));
}

template <class T>
Grid3<T> grid3(std::size_t a, std::size_t b, std::size_t c, T v) {
  return Grid3<T>(a, Grid2<T>(b, std::vector<T>(c, v)));
}

}  // namespace

bool covers(const Project& p, Element e) {
  return p.elements.empty() ||
         std::find(p.elements.begin(), p.elements.end(), e) != p.elements.end();
}

// Share of a deposit's concentrate that plant p turns into separated oxides.
double separation_yield(const Project& p, const Deposit& d) {
  double y = 0.0;
  for (std::size_t i = 0; i < kElementCount; ++i)
    if (covers(p, element_at(i))) y += d.distribution[i];
  return p.recovery * y;
}

void define_operations(MilpContext& ctx) {
  const auto& plan = ctx.plan;
  const auto& prep = ctx.prep;
  const auto S = static_cast<std::size_t>(prep.scenarios), T = static_cast<std::size_t>(prep.years);
  const auto P = plan.projects.size(), D = plan.deposits.size();
  ctx.output = grid3<int>(S, P, T, -1);
  ctx.sep_feed.assign(S, grid3<int>(P, D, T, -1));
  ctx.metal_out.assign(S, grid3<int>(P, kElementCount, T, -1));
  const double disposal = plan.storage.disposal_cost * kMusdPerTonneAtOneUsdPerKg;
  for (std::size_t s = 0; s < S; ++s) {
    const std::string& sn = plan.scenarios[s].name;
    for (std::size_t pi = 0; pi < P; ++pi) {
      const Project& p = plan.projects[pi];
      for (std::size_t t = 0; t < T; ++t) {
        int cap = ctx.capacity[pi][t];
        if (cap < 0) continue;
        const int ti = static_cast<int>(t);
        const double w = ctx.weight(static_cast<int>(s), ti);
        int out = ctx.lp.add_column(lp_name("out", {p.id, sn, yr(prep, ti)}), 0.0, kInf);
        ctx.output[s][pi][t] = out;
        ctx.cost(out, p.variable_cost * kMusdPerTonneAtOneUsdPerKg, w, CostKind::Variable,
                 static_cast<int>(s), ti);
        LinExpr lim;
        lim.add(out, 1.0).add(cap, -1.0);
        ctx.lp.add_row(lp_name("cap_limit", {p.id, sn, yr(prep, ti)}), lim, Sense::Le, 0.0);
        if (p.type == ProjectType::Separation) {
          LinExpr def;
          def.add(out, 1.0);
          for (std::size_t d = 0; d < D; ++d) {
            const Deposit& dep = plan.deposits[d];
            if (!prep.separation_takes[pi][d]) continue;
            double y = separation_yield(p, dep);
            if (y <= 0) continue;
            int f = ctx.lp.add_column(lp_name("feed", {p.id, dep.id, sn, yr(prep, ti)}), 0.0, kInf);
            ctx.sep_feed[s][pi][d][t] = f;
            def.add(f, -y);
            // What the plant does not separate leaves as residue, disposed at a cost.
            ctx.cost(f, (1.0 - y) * disposal, w, CostKind::Disposal, static_cast<int>(s), ti);
          }
          ctx.lp.add_row(lp_name("sep_output", {p.id, sn, yr(prep, ti)}), def, Sense::Eq, 0.0);
        } else if (p.type == ProjectType::Metal) {
          LinExpr def;
          def.add(out, 1.0);
          for (std::size_t e = 0; e < kElementCount; ++e) {
            if (!prep.element_used[e] || !covers(p, element_at(e))) continue;
            int m = ctx.lp.add_column(
                lp_name("metal", {p.id, info(element_at(e)).symbol, sn, yr(prep, ti)}), 0.0, kInf);
            ctx.metal_out[s][pi][e][t] = m;
            def.add(m, -1.0);
          }
          ctx.lp.add_row(lp_name("metal_output", {p.id, sn, yr(prep, ti)}), def, Sense::Eq, 0.0);
        } else if (p.type == ProjectType::Recycling) {
          const Feed* f = prep.project_feed[pi] < 0
                              ? nullptr
                              : &plan.feeds[static_cast<std::size_t>(prep.project_feed[pi])];
          if (p.recovery <= 0) {
            ctx.lp.columns()[static_cast<std::size_t>(out)].ub = 0.0;
          } else if (f) {
            ctx.cost(out, f->price_usd_per_kg * kMusdPerTonneAtOneUsdPerKg / p.recovery, w,
                     CostKind::Feed, static_cast<int>(s), ti);
          }
        }
      }
    }
    // Recycling plants share their feed's availability.
    for (std::size_t fi = 0; fi < plan.feeds.size(); ++fi) {
      for (std::size_t t = 0; t < T; ++t) {
        LinExpr use;
        for (std::size_t pi = 0; pi < P; ++pi) {
          const Project& p = plan.projects[pi];
          if (p.type != ProjectType::Recycling || prep.project_feed[pi] != static_cast<int>(fi) ||
              p.recovery <= 0)
            continue;
          use.add(ctx.output[s][pi][t], 1.0 / p.recovery);
        }
        if (use.terms.empty()) continue;
        ctx.lp.add_row(
            lp_name("feed_limit", {plan.feeds[fi].id, sn, yr(prep, static_cast<int>(t))}), use,
            Sense::Le, prep.feed_available[fi][t]);
      }
    }
  }
}

void define_imports(MilpContext& ctx) {
  const auto& plan = ctx.plan;
  const auto& prep = ctx.prep;
  const auto S = static_cast<std::size_t>(prep.scenarios), T = static_cast<std::size_t>(prep.years);
  ctx.imports = grid3<int>(S, plan.imports.size(), T, -1);
  for (std::size_t s = 0; s < S; ++s)
    for (std::size_t o = 0; o < plan.imports.size(); ++o)
      for (std::size_t t = 0; t < T; ++t) {
        double avail = prep.import_available[o][s][t];
        if (avail <= 0) continue;
        const auto& io = plan.imports[o];
        const int ti = static_cast<int>(t);
        int col = ctx.lp.add_column(lp_name("import", {io.supplier, io.commodity.str(),
                                                       plan.scenarios[s].name, yr(prep, ti)}),
                                    0.0, avail);
        ctx.imports[s][o][t] = col;
        ctx.cost(col, prep.import_price[o][s][t] * kMusdPerTonneAtOneUsdPerKg,
                 ctx.weight(static_cast<int>(s), ti), CostKind::Imports, static_cast<int>(s), ti);
      }
  // An entry listing several commodities offers its amount once, shared by them (tonnes on
  // each commodity's own basis), unless it says available_per = "commodity".
  for (std::size_t s = 0; s < S; ++s)
    for (std::size_t t = 0; t < T; ++t) {
      std::map<int, std::pair<LinExpr, double>> shared;  // entry -> (imports, amount)
      for (std::size_t o = 0; o < plan.imports.size(); ++o) {
        const auto& io = plan.imports[o];
        if (!io.shared_availability || ctx.imports[s][o][t] < 0) continue;
        auto& [e, amount] = shared[io.entry];
        e.add(ctx.imports[s][o][t], 1.0);
        amount = std::max(amount, prep.import_available[o][s][t]);
      }
      for (const auto& [entry, ea] : shared) {
        if (ea.first.terms.size() < 2 || ea.second == kInf) continue;
        ctx.lp.add_row(lp_name("import_shared", {std::to_string(entry), plan.scenarios[s].name,
                                                 yr(prep, static_cast<int>(t))}),
                       ea.first, Sense::Le, ea.second);
      }
    }
  // Licensing: export licences are granted against declared end use, so licensed purchases of
  // an element (oxide-eq) are capped by the plan's demand for it that year; no stockpiling.
  for (std::size_t s = 0; s < S; ++s)
    for (std::size_t t = 0; t < T; ++t)
      for (std::size_t ei = 0; ei < kElementCount; ++ei) {
        const Element e = element_at(ei);
        LinExpr licensed;
        for (std::size_t o = 0; o < plan.imports.size(); ++o) {
          if (prep.import_licensed[o][s][t] == 0.0) continue;
          licensed.add(ctx.imports[s][o][t], prep.import_oxide_eq[o][ei]);
        }
        if (licensed.terms.empty()) continue;
        ctx.lp.add_row(
            lp_name("licensed",
                    {info(e).symbol, plan.scenarios[s].name, yr(prep, static_cast<int>(t))}),
            licensed, Sense::Le, demand_oxide_eq(ctx, static_cast<int>(s), static_cast<int>(t), e));
      }
}

void define_exports(MilpContext& ctx) {
  const auto& plan = ctx.plan;
  const auto& prep = ctx.prep;
  const auto S = static_cast<std::size_t>(prep.scenarios), T = static_cast<std::size_t>(prep.years);
  ctx.exports = grid3<int>(S, plan.exports.size(), T, -1);
  for (std::size_t s = 0; s < S; ++s)
    for (std::size_t x = 0; x < plan.exports.size(); ++x)
      for (std::size_t t = 0; t < T; ++t) {
        double cap = prep.export_cap[x][s][t];
        if (cap <= 0) continue;
        const int ti = static_cast<int>(t);
        int col = ctx.lp.add_column(lp_name("export", {plan.exports[x].commodity.str(),
                                                       plan.scenarios[s].name, yr(prep, ti)}),
                                    0.0, cap);
        ctx.exports[s][x][t] = col;
        ctx.cost(col, -prep.export_price[x][s][t] * kMusdPerTonneAtOneUsdPerKg,
                 ctx.weight(static_cast<int>(s), ti), CostKind::Exports, static_cast<int>(s), ti);
      }
}

void define_demand(MilpContext& ctx) {
  const auto& plan = ctx.plan;
  const auto& prep = ctx.prep;
  const auto S = static_cast<std::size_t>(prep.scenarios), T = static_cast<std::size_t>(prep.years);
  ctx.shortfall = grid3<int>(S, plan.demand.size(), T, -1);
  for (std::size_t s = 0; s < S; ++s)
    for (std::size_t d = 0; d < plan.demand.size(); ++d)
      for (std::size_t t = 0; t < T; ++t) {
        double q = prep.demand[d][s][t];
        if (q <= 0) continue;
        const int ti = static_cast<int>(t);
        int col = ctx.lp.add_column(lp_name("short", {plan.demand[d].commodity.str(),
                                                      plan.scenarios[s].name, yr(prep, ti)}),
                                    0.0, q);
        ctx.shortfall[s][d][t] = col;
        ctx.cost(col, plan.demand[d].shortfall_penalty * kMusdPerTonneAtOneUsdPerKg,
                 ctx.weight(static_cast<int>(s), ti), CostKind::Shortfall, static_cast<int>(s), ti);
      }
}

void define_storage(MilpContext& ctx) {
  const auto& plan = ctx.plan;
  const auto& prep = ctx.prep;
  const auto S = static_cast<std::size_t>(prep.scenarios), T = static_cast<std::size_t>(prep.years);
  ctx.stock = grid3<int>(S, kElementCount, T, -1);
  ctx.stock_imported = grid3<int>(S, kElementCount, T, -1);
  ctx.dispose_oxide = grid3<int>(S, kElementCount, T, -1);
  ctx.dispose_concentrate = grid3<int>(S, plan.deposits.size(), T, -1);
  const double hold = plan.storage.holding_cost * kMusdPerTonneAtOneUsdPerKg;
  const double disposal = plan.storage.disposal_cost * kMusdPerTonneAtOneUsdPerKg;
  for (std::size_t s = 0; s < S; ++s) {
    const std::string& sn = plan.scenarios[s].name;
    for (std::size_t t = 0; t < T; ++t) {
      const int ti = static_cast<int>(t);
      const double w = ctx.weight(static_cast<int>(s), ti);
      for (std::size_t e = 0; e < kElementCount; ++e) {
        if (!prep.element_used[e]) continue;
        std::string_view sym = info(element_at(e)).symbol;
        if (plan.storage.allowed) {
          // Stocks keep their origin, so that imported oxide drawn from a stockpile still
          // counts as imported in the year it is used (goals measure dependence then).
          int col = ctx.lp.add_column(lp_name("stock", {sym, sn, yr(prep, ti)}), 0.0, kInf);
          ctx.stock[s][e][t] = col;
          ctx.cost(col, hold, w, CostKind::Storage, static_cast<int>(s), ti);
          int imp = ctx.lp.add_column(lp_name("stock_imp", {sym, sn, yr(prep, ti)}), 0.0, kInf);
          ctx.stock_imported[s][e][t] = imp;
          ctx.cost(imp, hold, w, CostKind::Storage, static_cast<int>(s), ti);
          // Stock left at the horizon's end has no assumed use: it is charged its disposal,
          // so that holding it is never a cheap way round disposing of a surplus.
          if (t + 1 == T) {
            ctx.cost(col, disposal, w, CostKind::Disposal, static_cast<int>(s), ti);
            ctx.cost(imp, disposal, w, CostKind::Disposal, static_cast<int>(s), ti);
          }
          LinExpr in;
          in.add(imp, 1.0);
          if (t > 0) in.add(ctx.stock_imported[s][e][t - 1], -1.0);
          for (std::size_t o = 0; o < plan.imports.size(); ++o)
            if (plan.imports[o].commodity == Commodity{Stage::Oxide, std::string(sym)})
              in.add(ctx.imports[s][o][t], -1.0);
          ctx.lp.add_row(lp_name("stock_imp_in", {sym, sn, yr(prep, ti)}), in, Sense::Le, 0.0);
          LinExpr dom;
          dom.add(col, 1.0);
          if (t > 0) dom.add(ctx.stock[s][e][t - 1], -1.0);
          for (std::size_t pi = 0; pi < plan.projects.size(); ++pi)
            dom.add(oxide_output(ctx, static_cast<int>(s), static_cast<int>(pi), ti, element_at(e)),
                    -1.0);
          ctx.lp.add_row(lp_name("stock_dom_in", {sym, sn, yr(prep, ti)}), dom, Sense::Le, 0.0);
        }
        int dis = ctx.lp.add_column(lp_name("dispose", {sym, sn, yr(prep, ti)}), 0.0, kInf);
        ctx.dispose_oxide[s][e][t] = dis;
        ctx.cost(dis, disposal, w, CostKind::Disposal, static_cast<int>(s), ti);
      }
      for (std::size_t d = 0; d < plan.deposits.size(); ++d) {
        if (!prep.deposit_mined[d]) continue;
        int col = ctx.lp.add_column(
            lp_name("dispose_conc", {plan.deposits[d].id, sn, yr(prep, ti)}), 0.0, kInf);
        ctx.dispose_concentrate[s][d][t] = col;
        ctx.cost(col, disposal, w, CostKind::Disposal, static_cast<int>(s), ti);
      }
    }
  }
}

}  // namespace rareflow::plan::detail
