// First-stage blocks: build decisions and the capacity they bring online.
#include <algorithm>

#include "milp_blocks.hpp"

namespace rareflow::plan::detail {

std::string lp_name(std::string_view head, std::initializer_list<std::string_view> parts) {
  auto clean = [](std::string_view s) {
    std::string out(s);
    for (char& c : out) {
      bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
                c == '_' || c == '.';
      if (!ok) c = '_';
    }
    return out;
  };
  std::string out = clean(head) + "(";
  bool first = true;
  for (auto p : parts) {
    if (!first) out += ",";
    out += clean(p);
    first = false;
  }
  return out + ")";
}

namespace {

std::string year_str(const Prepared& prep, int t) {
  return std::to_string(prep.year(t));
}

// Modules fixed at decision year `year` for project p: commitments always; in the reference
// strategy also the announced build of a project that has no commitment.
int fixed_modules(const MilpContext& ctx, const Project& p, int year) {
  int n = 0;
  bool committed = false;
  for (const auto& c : ctx.plan.commitments) {
    if (c.project != p.id) continue;
    committed = true;
    if (c.decision_year == year) n += c.modules;
  }
  if (ctx.mode == BuildMode::Reference && !committed && p.announced &&
      p.announced->decision_year == year)
    n += p.announced->modules;
  return n;
}

double ramp_share(const Project& p, int years_online) {
  if (years_online < 0) return 0.0;
  auto k = static_cast<std::size_t>(years_online);
  return k < p.ramp.size() ? p.ramp[k] : 1.0;
}

}  // namespace

void define_build_decisions(MilpContext& ctx) {
  const auto& plan = ctx.plan;
  const auto& prep = ctx.prep;
  const int T = prep.years;
  ctx.build.assign(plan.projects.size(), std::vector<int>(static_cast<std::size_t>(T), -1));
  std::vector<LinExpr> paid(static_cast<std::size_t>(T));
  for (std::size_t pi = 0; pi < plan.projects.size(); ++pi) {
    const Project& p = plan.projects[pi];
    const int room = p.max_modules - p.existing_modules;
    for (int t = 0; t < T; ++t)
      ctx.cost(-1, p.fixed_cost_musd * p.existing_modules,
               prep.discount[static_cast<std::size_t>(t)], CostKind::Fixed, -1, t);
    LinExpr total;
    for (int t : prep.decision_years[pi]) {
      int fixed = fixed_modules(ctx, p, prep.year(t));
      double lb = fixed;
      double ub = ctx.mode == BuildMode::Reference ? fixed : room;
      int col = ctx.lp.add_column(lp_name("build", {p.id, year_str(prep, t)}), lb, ub, true);
      ctx.build[pi][static_cast<std::size_t>(t)] = col;
      total.add(col, 1.0);
      // Capex is paid evenly over the lead time (in the decision year when there is none).
      const int spread = std::max(p.lead_time, 1);
      for (int k = 0; k < spread; ++k) {
        int tt = t + k;
        ctx.cost(col, p.capex_musd / spread, prep.discount[static_cast<std::size_t>(tt)],
                 CostKind::Capex, -1, tt);
        paid[static_cast<std::size_t>(tt)].add(col, p.capex_musd / spread);
      }
      // What the plant is still worth after the horizon: straight-line over its life.
      const int online = t + p.lead_time;
      const int years_used = T - online;
      double remaining =
          std::max(0.0, static_cast<double>(p.life_years - years_used)) / p.life_years;
      ctx.cost(col, -p.capex_musd * remaining, prep.discount_after_horizon, CostKind::Residual, -1,
               T - 1);
      for (int tt = online; tt < T; ++tt)
        ctx.cost(col, p.fixed_cost_musd, prep.discount[static_cast<std::size_t>(tt)],
                 CostKind::Fixed, -1, tt);
    }
    if (!total.terms.empty())
      ctx.lp.add_row(lp_name("max_modules", {p.id}), total, Sense::Le, room);
  }
  ctx.capex_paid.assign(static_cast<std::size_t>(T), -1);
  for (int t = 0; t < T; ++t) {
    int col = ctx.lp.add_column(lp_name("capex", {year_str(prep, t)}), 0.0, kInf);
    ctx.capex_paid[static_cast<std::size_t>(t)] = col;
    LinExpr e;
    e.add(col, 1.0).add(paid[static_cast<std::size_t>(t)], -1.0);
    ctx.lp.add_row(lp_name("capex_paid", {year_str(prep, t)}), e, Sense::Eq, 0.0);
  }
}

void define_capacity(MilpContext& ctx) {
  const auto& plan = ctx.plan;
  const auto& prep = ctx.prep;
  const int T = prep.years;
  ctx.capacity.assign(plan.projects.size(), std::vector<int>(static_cast<std::size_t>(T), -1));
  for (std::size_t pi = 0; pi < plan.projects.size(); ++pi) {
    const Project& p = plan.projects[pi];
    for (int t = 0; t < T; ++t) {
      LinExpr added;
      for (int y : prep.decision_years[pi]) {
        double share = ramp_share(p, t - y - p.lead_time);
        if (share > 0)
          added.add(ctx.build[pi][static_cast<std::size_t>(y)], share * p.capacity_per_module);
      }
      if (p.existing_modules == 0 && added.terms.empty()) continue;
      int col = ctx.lp.add_column(lp_name("cap", {p.id, year_str(prep, t)}), 0.0, kInf);
      ctx.capacity[pi][static_cast<std::size_t>(t)] = col;
      LinExpr e;
      e.add(col, 1.0).add(added, -1.0);
      ctx.lp.add_row(lp_name("capacity", {p.id, year_str(prep, t)}), e, Sense::Eq,
                     p.existing_modules * p.capacity_per_module);
    }
  }
}

}  // namespace rareflow::plan::detail
