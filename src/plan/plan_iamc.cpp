// A plan's results as IAMC rows: scenario "<plan>|<strategy>|<scenario>", region the plan's.
#include <fmt/format.h>

#include "rareflow/plan/plan_report.hpp"

namespace rareflow::plan {

namespace {

std::string type_title(ProjectType t) {
  std::string s(project_type_name(t));
  s[0] = static_cast<char>(s[0] - 'a' + 'A');
  return s;
}

void add_solution(const PlanModel& plan, const PlanSolution& sol, IamcTable& out) {
  const std::string model = kModelName;
  const auto groups = reported_groups(plan);
  for (const auto& sc : sol.scenarios) {
    const std::string scen =
        fmt::format("{}|{}|{}", plan.name, strategy_name(sol.strategy), sc.name);
    auto add = [&](var::Variable v, int year, double value) {
      out.add(model, scen, plan.region, std::move(v), year, value);
    };
    for (const auto& e : sol.roadmap.entries)
      add(var::build(e.project), e.decision_year, e.modules);
    for (const auto& y : sc.years) {
      for (std::size_t p = 0; p < plan.projects.size(); ++p) {
        const Project& pr = plan.projects[p];
        if (y.project_capacity[p] <= 0 && y.project_output[p] <= 0) continue;
        const std::string_view cap = capacity_unit(pr.type);
        const std::string_view basis = cap.substr(0, cap.size() - std::string_view("/yr").size());
        const std::string type = type_title(pr.type);
        add(var::capacity(type, pr.id, basis), y.year, y.project_capacity[p]);
        add(var::production(type, pr.id, basis), y.year, y.project_output[p]);
      }
      add(var::production("Mine", "REO", var::unit::kReo), y.year, y.mined);
      add(var::production("Oxide", "REO", var::unit::kReo), y.year, y.separated);
      add(var::production("Metal", var::unit::kMetal), y.year, y.metal);
      add(var::production("Magnet", var::unit::kMagnet), y.year, y.magnets);
      for (std::size_t ei = 0; ei < kElementCount; ++ei) {
        const auto& f = y.elements[ei];
        if (f.demand == 0 && f.mined == 0 && f.imports == 0 && f.separated == 0) continue;
        const std::string_view sym = info(element_at(ei)).symbol, eq = var::unit::kReoEq;
        add(var::flow(var::Flow::Demand, "REO-eq", sym, eq), y.year, f.demand);
        add(var::supply_domestic(sym), y.year, f.domestic);
        add(var::trade("REO-eq", sym, var::Direction::Import, eq), y.year, f.imports);
        add(var::trade("REO-eq", sym, var::Direction::Export, eq), y.year, f.exports);
        add(var::flow(var::Flow::Shortfall, "REO-eq", sym, eq), y.year, f.shortfall);
        add(var::production("Mine", sym, var::unit::kReo), y.year, f.mined);
        add(var::production("Oxide", sym, var::unit::kReo), y.year, f.separated);
        add(var::stock("Oxide", sym, var::unit::kReo), y.year, f.stock);
        add(var::flow(var::Flow::Disposal, "REO", sym, var::unit::kReo), y.year,
            f.disposed + f.residue);
        if (f.demand > 0) add(var::self_sufficiency(sym), y.year, 100.0 * f.domestic / f.demand);
      }
      for (const auto& [label, els] : groups) {
        const auto ss = group_self_sufficiency(y, els);
        if (!ss) continue;
        add(var::self_sufficiency(label), y.year, *ss);
        const double d = group_sum(y, els, &ElementYear::demand);
        add(var::import_dependence(label), y.year,
            100.0 * (d - group_sum(y, els, &ElementYear::domestic)) / d);
      }
      double total = 0;
      for (const auto& [u, q] : y.imports_by_supplier) total += q;
      for (const auto& [u, q] : y.imports_by_supplier) {
        add(var::trade_import(u), y.year, q);
        if (total > 1e-9) add(var::import_share(u), y.year, 100.0 * q / total);
      }
      for (std::size_t x = 0; x < plan.exports.size(); ++x)
        add(var::trade_export(plan.exports[x].commodity.str(),
                              stage_unit(plan.exports[x].commodity.stage)),
            y.year, y.exports[x]);
      for (std::size_t d = 0; d < plan.demand.size(); ++d)
        add(var::shortfall(plan.demand[d].commodity.str(),
                           stage_unit(plan.demand[d].commodity.stage)),
            y.year, y.shortfall[d]);
      const auto& names = cost_kind_names();
      for (std::size_t k = 0; k < names.size(); ++k)
        add(var::cost(names[k]), y.year, y.costs.by_kind[k]);
      add(var::cost_total(), y.year, y.costs.total());
    }
  }
  const std::string prefix = std::string(strategy_name(sol.strategy)) + ".";
  auto& rec = out.record.entries;
  rec[prefix + "status"] = std::string(status_name(sol.solver.status));
  rec[prefix + "objective_musd"] = fmt::format("{}", sol.solver.objective_musd);
  rec[prefix + "gap"] = fmt::format("{}", sol.solver.gap);
  rec[prefix + "expected_pv_cost_musd"] = fmt::format("{}", sol.objective.total());
}

}  // namespace

IamcTable plan_iamc(const PlanModel& plan, const PlanSolution& opt, const PlanSolution* ref) {
  IamcTable t;
  t.record.command = "plan";
  t.record.entries["plan"] = plan.name;
  t.record.entries["plan_file"] = plan.file;
  t.record.entries["region"] = plan.region;
  t.record.entries["horizon"] = fmt::format("{}-{}", plan.first_year, plan.last_year);
  t.record.entries["discount_rate"] = fmt::format("{}", plan.discount_rate);
  std::string scen;
  for (const auto& s : plan.scenarios)
    scen += fmt::format("{}{}={}", scen.empty() ? "" : ",", s.name, s.probability);
  t.record.entries["scenarios"] = scen;
  add_solution(plan, opt, t);
  if (ref) add_solution(plan, *ref, t);
  return t;
}

}  // namespace rareflow::plan
