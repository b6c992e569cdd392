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
    auto add = [&](const std::string& var, const std::string& unit, int year, double v) {
      out.add(model, scen, plan.region, var, unit, year, v);
    };
    for (const auto& e : sol.roadmap.entries)
      add("Plan|Build|" + e.project, "modules", e.decision_year, e.modules);
    for (const auto& y : sc.years) {
      for (std::size_t p = 0; p < plan.projects.size(); ++p) {
        const Project& pr = plan.projects[p];
        if (y.project_capacity[p] <= 0 && y.project_output[p] <= 0) continue;
        std::string unit(capacity_unit(pr.type));
        add(fmt::format("Capacity|{}|{}", type_title(pr.type), pr.id), unit, y.year,
            y.project_capacity[p]);
        add(fmt::format("Production|{}|{}", type_title(pr.type), pr.id),
            unit.substr(0, unit.size() - 3), y.year, y.project_output[p]);
      }
      add("Production|Mine|REO", "t REO", y.year, y.mined);
      add("Production|Oxide|REO", "t REO", y.year, y.separated);
      add("Production|Metal", "t", y.year, y.metal);
      add("Production|Magnet", "t", y.year, y.magnets);
      for (std::size_t ei = 0; ei < kElementCount; ++ei) {
        const auto& f = y.elements[ei];
        if (f.demand == 0 && f.mined == 0 && f.imports == 0 && f.separated == 0) continue;
        std::string sym(info(element_at(ei)).symbol);
        add("Demand|REO-eq|" + sym, "t REO-eq", y.year, f.demand);
        add("Supply|Domestic|REO-eq|" + sym, "t REO-eq", y.year, f.domestic);
        add("Trade|REO-eq|" + sym + "|Import", "t REO-eq", y.year, f.imports);
        add("Trade|REO-eq|" + sym + "|Export", "t REO-eq", y.year, f.exports);
        add("Shortfall|REO-eq|" + sym, "t REO-eq", y.year, f.shortfall);
        add("Production|Mine|" + sym, "t REO", y.year, f.mined);
        add("Production|Oxide|" + sym, "t REO", y.year, f.separated);
        add("Stock|Oxide|" + sym, "t REO", y.year, f.stock);
        add("Disposal|REO|" + sym, "t REO", y.year, f.disposed + f.residue);
        if (f.demand > 0)
          add("Self-sufficiency|" + sym, "%", y.year, 100.0 * f.domestic / f.demand);
      }
      for (const auto& [label, els] : groups) {
        double d = 0, dom = 0;
        for (Element e : els) {
          d += y.elements[index(e)].demand;
          dom += y.elements[index(e)].domestic;
        }
        if (d <= 0) continue;
        add("Self-sufficiency|" + label, "%", y.year, 100.0 * dom / d);
        add("Import dependence|" + label, "%", y.year, 100.0 * (d - dom) / d);
      }
      double total = 0;
      for (const auto& [u, q] : y.imports_by_supplier) total += q;
      for (const auto& [u, q] : y.imports_by_supplier) {
        add("Trade|Import|" + u, "t REO-eq", y.year, q);
        if (total > 1e-9) add("Import share|" + u, "%", y.year, 100.0 * q / total);
      }
      for (std::size_t x = 0; x < plan.exports.size(); ++x)
        add("Trade|Export|" + plan.exports[x].commodity.str(),
            std::string(stage_unit(plan.exports[x].commodity.stage)), y.year, y.exports[x]);
      for (std::size_t d = 0; d < plan.demand.size(); ++d)
        add("Shortfall|" + plan.demand[d].commodity.str(),
            std::string(stage_unit(plan.demand[d].commodity.stage)), y.year, y.shortfall[d]);
      const auto& names = cost_kind_names();
      for (std::size_t k = 0; k < names.size(); ++k)
        add("Cost|" + std::string(names[k]), "USD million", y.year, y.costs.by_kind[k]);
      add("Cost|Total", "USD million", y.year, y.costs.total());
    }
  }
  const std::string prefix = std::string(strategy_name(sol.strategy)) + ".";
  auto& rec = out.record.entries;
  rec[prefix + "status"] = sol.solver.status;
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
