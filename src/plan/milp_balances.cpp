// Chain balances with co-production, and the element-level expressions goals and reports use.
#include "milp_blocks.hpp"

namespace rareflow::plan::detail {

namespace {

std::string yr(const Prepared& prep, int t) {
  return std::to_string(prep.year(t));
}

// Imports, exports and shortfall of one commodity (+ for supply, - for use): item is its
// deposit, element or magnet type index.
void add_trade(const MilpContext& ctx, std::size_t s, std::size_t t, Stage stage, std::size_t item,
               LinExpr& e, double& demand) {
  const Prepared::Trade& tr = ctx.prep.trade[static_cast<std::size_t>(stage)][item];
  for (std::size_t o : tr.imports) e.add(ctx.imports[s][o][t], 1.0);
  for (std::size_t x : tr.exports) e.add(ctx.exports[s][x][t], -1.0);
  if (tr.demand >= 0) {
    auto di = static_cast<std::size_t>(tr.demand);
    e.add(ctx.shortfall[s][di][t], 1.0);
    demand = ctx.prep.demand[di][s][t];
  }
}

}  // namespace

LinExpr oxide_output(const MilpContext& ctx, int s, int p, int t, Element e) {
  const auto& plan = ctx.plan;
  const auto si = static_cast<std::size_t>(s), pi = static_cast<std::size_t>(p),
             ti = static_cast<std::size_t>(t);
  const Project& pr = plan.projects[pi];
  LinExpr out;
  if (pr.type == ProjectType::Separation) {
    if (!covers(pr, e)) return out;
    for (std::size_t d = 0; d < plan.deposits.size(); ++d)
      out.add(ctx.sep_feed[si][pi][d][ti], pr.recovery * plan.deposits[d].distribution[index(e)]);
  } else if (pr.type == ProjectType::Recycling) {
    if (int f = ctx.prep.project_feed[pi]; f >= 0)
      out.add(ctx.output[si][pi][ti],
              plan.feeds[static_cast<std::size_t>(f)].distribution[index(e)]);
  }
  return out;
}

namespace {

// Concentrate of each deposit: mined = separated + sold + disposed. It keeps the deposit's
// composition, so every element of the deposit moves together.
void define_concentrate_balances(MilpContext& ctx, std::size_t s, std::size_t t) {
  const auto& plan = ctx.plan;
  const std::string& sn = plan.scenarios[s].name;
  for (std::size_t d = 0; d < plan.deposits.size(); ++d) {
    LinExpr e;
    for (std::size_t pi = 0; pi < plan.projects.size(); ++pi) {
      const Project& p = plan.projects[pi];
      if (p.type == ProjectType::Mine && ctx.prep.project_deposit[pi] == static_cast<int>(d))
        e.add(ctx.output[s][pi][t], 1.0);
      if (p.type == ProjectType::Separation) e.add(ctx.sep_feed[s][pi][d][t], -1.0);
    }
    double unused = 0;
    add_trade(ctx, s, t, Stage::Concentrate, d, e, unused);
    e.add(ctx.dispose_concentrate[s][d][t], -1.0);
    if (!e.terms.empty())
      ctx.lp.add_row(
          lp_name("concentrate", {plan.deposits[d].id, sn, yr(ctx.prep, static_cast<int>(t))}), e,
          Sense::Eq, 0.0);
  }
}

// Oxide: separated + recycled + imported + unmet + drawn from stock
//        = reduced to metal + exported + disposed + put in stock + demand.
void define_oxide_balance(MilpContext& ctx, std::size_t s, std::size_t t, std::size_t ei) {
  const auto& plan = ctx.plan;
  const Element el = element_at(ei);
  const std::string sym(info(el).symbol);
  LinExpr ox;
  double ox_demand = 0;
  for (std::size_t pi = 0; pi < plan.projects.size(); ++pi) {
    ox.add(oxide_output(ctx, static_cast<int>(s), static_cast<int>(pi), static_cast<int>(t), el));
    ox.add(ctx.metal_out[s][pi][ei][t], -metal_to_oxide(el));
  }
  add_trade(ctx, s, t, Stage::Oxide, ei, ox, ox_demand);
  if (t > 0) ox.add(ctx.stock[s][ei][t - 1], 1.0).add(ctx.stock_imported[s][ei][t - 1], 1.0);
  ox.add(ctx.stock[s][ei][t], -1.0).add(ctx.stock_imported[s][ei][t], -1.0);
  ox.add(ctx.dispose_oxide[s][ei][t], -1.0);
  ctx.lp.add_row(lp_name("oxide", {sym, plan.scenarios[s].name, yr(ctx.prep, static_cast<int>(t))}),
                 ox, Sense::Eq, ox_demand);
}

// Metal: reduced + imported + unmet = used in magnets + exported + demand.
void define_metal_balance(MilpContext& ctx, std::size_t s, std::size_t t, std::size_t ei) {
  const auto& plan = ctx.plan;
  const std::string sym(info(element_at(ei)).symbol);
  LinExpr me;
  double me_demand = 0;
  for (std::size_t pi = 0; pi < plan.projects.size(); ++pi) {
    const Project& p = plan.projects[pi];
    me.add(ctx.metal_out[s][pi][ei][t], 1.0);
    if (int k = ctx.prep.project_magnet[pi]; p.type == ProjectType::Magnet && k >= 0)
      me.add(ctx.output[s][pi][t], -plan.magnets[static_cast<std::size_t>(k)].recipe[ei]);
  }
  add_trade(ctx, s, t, Stage::Metal, ei, me, me_demand);
  if (!me.terms.empty() || me_demand > 0)
    ctx.lp.add_row(
        lp_name("metal", {sym, plan.scenarios[s].name, yr(ctx.prep, static_cast<int>(t))}), me,
        Sense::Eq, me_demand);
}

// No re-export: only what is made at home (or drawn from a domestic stock) is exported, so
// imports measure what the country consumes. Oxide put into the domestic stock this year is
// not available for export.
void define_export_origin(MilpContext& ctx, std::size_t s, std::size_t t) {
  const auto& plan = ctx.plan;
  const int ti = static_cast<int>(t);
  for (std::size_t x = 0; x < plan.exports.size(); ++x) {
    const Commodity& c = plan.exports[x].commodity;
    int col = ctx.exports[s][x][t];
    if (col < 0 || c.stage == Stage::Concentrate) continue;
    LinExpr made;
    const int item = ctx.prep.export_item[x];
    for (std::size_t pi = 0; pi < plan.projects.size(); ++pi) {
      const Project& p = plan.projects[pi];
      if (c.stage == Stage::Oxide) {
        if (item >= 0)
          made.add(oxide_output(ctx, static_cast<int>(s), static_cast<int>(pi), ti,
                                element_at(static_cast<std::size_t>(item))));
      } else if (c.stage == Stage::Metal) {
        if (item >= 0) made.add(ctx.metal_out[s][pi][static_cast<std::size_t>(item)][t], 1.0);
      } else if (p.type == ProjectType::Magnet && item >= 0 &&
                 ctx.prep.project_magnet[pi] == item) {
        made.add(ctx.output[s][pi][t], 1.0);
      }
    }
    if (c.stage == Stage::Oxide && item >= 0) {
      const auto ei = static_cast<std::size_t>(item);
      if (t > 0) made.add(ctx.stock[s][ei][t - 1], 1.0);
      made.add(ctx.stock[s][ei][t], -1.0);
    }
    made.add(col, -1.0);
    ctx.lp.add_row(lp_name("export_origin", {c.str(), plan.scenarios[s].name, yr(ctx.prep, ti)}),
                   made, Sense::Ge, 0.0);
  }
}

// Magnets: made + imported + unmet = exported + demand.
void define_magnet_balances(MilpContext& ctx, std::size_t s, std::size_t t) {
  const auto& plan = ctx.plan;
  for (std::size_t k = 0; k < plan.magnets.size(); ++k) {
    LinExpr mg;
    double mg_demand = 0;
    for (std::size_t pi = 0; pi < plan.projects.size(); ++pi)
      if (plan.projects[pi].type == ProjectType::Magnet &&
          ctx.prep.project_magnet[pi] == static_cast<int>(k))
        mg.add(ctx.output[s][pi][t], 1.0);
    add_trade(ctx, s, t, Stage::Magnet, k, mg, mg_demand);
    if (!mg.terms.empty() || mg_demand > 0)
      ctx.lp.add_row(lp_name("magnet", {plan.magnets[k].id, plan.scenarios[s].name,
                                        yr(ctx.prep, static_cast<int>(t))}),
                     mg, Sense::Eq, mg_demand);
  }
}

}  // namespace

// Row order (kept, so the LP and its solutions do not change): per scenario and year, the
// concentrates, then oxide and metal element by element, then export origins and magnets.
void define_chain_balances(MilpContext& ctx) {
  const auto S = static_cast<std::size_t>(ctx.prep.scenarios),
             T = static_cast<std::size_t>(ctx.prep.years);
  for (std::size_t s = 0; s < S; ++s)
    for (std::size_t t = 0; t < T; ++t) {
      define_concentrate_balances(ctx, s, t);
      for (std::size_t ei = 0; ei < kElementCount; ++ei) {
        if (!ctx.prep.element_used[ei]) continue;
        define_oxide_balance(ctx, s, t, ei);
        define_metal_balance(ctx, s, t, ei);
      }
      define_export_origin(ctx, s, t);
      define_magnet_balances(ctx, s, t);
    }
}

void define_nonanticipativity(MilpContext& ctx) {
  const int shared = ctx.prep.shared_years;
  if (ctx.prep.scenarios < 2 || shared == 0) return;
  auto link = [&](int first, int other) {
    if (first < 0 || other < 0) return;
    LinExpr e;
    e.add(other, 1.0).add(first, -1.0);
    ctx.lp.add_row("same_" + ctx.lp.columns()[static_cast<std::size_t>(other)].name, e, Sense::Eq,
                   0.0);
  };
  auto link3 = [&](const Grid3<int>& g) {
    for (std::size_t s = 1; s < g.size(); ++s)
      for (std::size_t i = 0; i < g[s].size(); ++i)
        for (int t = 0; t < shared; ++t)
          link(g[0][i][static_cast<std::size_t>(t)], g[s][i][static_cast<std::size_t>(t)]);
  };
  auto link4 = [&](const std::vector<Grid3<int>>& g) {
    for (std::size_t s = 1; s < g.size(); ++s)
      for (std::size_t i = 0; i < g[s].size(); ++i)
        for (std::size_t j = 0; j < g[s][i].size(); ++j)
          for (int t = 0; t < shared; ++t)
            link(g[0][i][j][static_cast<std::size_t>(t)], g[s][i][j][static_cast<std::size_t>(t)]);
  };
  link3(ctx.output);
  link4(ctx.sep_feed);
  link4(ctx.metal_out);
  link3(ctx.imports);
  link3(ctx.exports);
  link3(ctx.shortfall);
  link3(ctx.stock);
  link3(ctx.stock_imported);
  link3(ctx.dispose_oxide);
  link3(ctx.dispose_concentrate);
}

LinExpr imports_oxide_eq(const MilpContext& ctx, int s, int t, Element e,
                         const std::string& supplier) {
  LinExpr out;
  const auto& plan = ctx.plan;
  for (std::size_t o = 0; o < plan.imports.size(); ++o) {
    if (!supplier.empty() && plan.imports[o].supplier != supplier) continue;
    double k = ctx.prep.import_oxide_eq[o][index(e)];
    if (k > 0) out.add(ctx.imports[static_cast<std::size_t>(s)][o][static_cast<std::size_t>(t)], k);
  }
  return out;
}

LinExpr imports_consumed(const MilpContext& ctx, int s, int t, Element e) {
  LinExpr out = imports_oxide_eq(ctx, s, t, e, "");
  const auto si = static_cast<std::size_t>(s), ti = static_cast<std::size_t>(t), ei = index(e);
  out.add(ctx.stock_imported[si][ei][ti], -1.0);
  if (t > 0) out.add(ctx.stock_imported[si][ei][ti - 1], 1.0);
  return out;
}

LinExpr shortfall_oxide_eq(const MilpContext& ctx, int s, int t, Element e) {
  LinExpr out;
  const auto& plan = ctx.plan;
  for (std::size_t d = 0; d < plan.demand.size(); ++d) {
    double k = ctx.prep.demand_oxide_eq[d][index(e)];
    if (k > 0)
      out.add(ctx.shortfall[static_cast<std::size_t>(s)][d][static_cast<std::size_t>(t)], k);
  }
  return out;
}

double demand_oxide_eq(const MilpContext& ctx, int s, int t, Element e) {
  double v = 0;
  const auto& plan = ctx.plan;
  for (std::size_t d = 0; d < plan.demand.size(); ++d)
    v += ctx.prep.demand_oxide_eq[d][index(e)] *
         ctx.prep.demand[d][static_cast<std::size_t>(s)][static_cast<std::size_t>(t)];
  return v;
}

LinExpr stage_output(const MilpContext& ctx, int s, int t, Stage stage) {
  const auto& plan = ctx.plan;
  const auto si = static_cast<std::size_t>(s), ti = static_cast<std::size_t>(t);
  LinExpr out;
  for (std::size_t pi = 0; pi < plan.projects.size(); ++pi) {
    ProjectType type = plan.projects[pi].type;
    bool counts = (stage == Stage::Concentrate && type == ProjectType::Mine) ||
                  (stage == Stage::Oxide &&
                   (type == ProjectType::Separation || type == ProjectType::Recycling)) ||
                  (stage == Stage::Metal && type == ProjectType::Metal) ||
                  (stage == Stage::Magnet && type == ProjectType::Magnet);
    if (counts) out.add(ctx.output[si][pi][ti], 1.0);
  }
  if (stage == Stage::Concentrate)
    for (std::size_t d = 0; d < plan.deposits.size(); ++d)
      out.add(ctx.dispose_concentrate[si][d][ti], -1.0);
  if (stage == Stage::Oxide)
    for (std::size_t e = 0; e < kElementCount; ++e) out.add(ctx.dispose_oxide[si][e][ti], -1.0);
  return out;
}

}  // namespace rareflow::plan::detail
