// Tables of a plan's results. Money in USD million; quantities in t on each basis.
#include <algorithm>
#include <cmath>

#include <fmt/format.h>

#include "rareflow/plan/plan_report.hpp"

namespace rareflow::plan {

namespace {

constexpr double kNa = std::numeric_limits<double>::quiet_NaN();

Cell num(double v) {
  return Cell{v};
}
Cell count(long long v) {
  return Cell{v};
}
Cell text(std::string s) {
  return Cell{std::move(s)};
}

}  // namespace

double group_sum(const PlanYear& y, const std::vector<Element>& g, double ElementYear::*field) {
  double v = 0;
  for (Element e : g) v += y.elements[index(e)].*field;
  return v;
}

std::optional<double> group_self_sufficiency(const PlanYear& y, const std::vector<Element>& g) {
  const double d = group_sum(y, g, &ElementYear::demand);
  if (d <= 0) return std::nullopt;
  return 100.0 * group_sum(y, g, &ElementYear::domestic) / d;
}

std::vector<std::pair<std::string, std::vector<Element>>> reported_groups(const PlanModel& plan) {
  std::vector<std::pair<std::string, std::vector<Element>>> out;
  for (std::string_view g : kElementGroupNames) out.emplace_back(g, *element_group(g));
  for (const auto& goal : plan.goals) {
    if (goal.elements.empty()) continue;
    bool known = std::any_of(out.begin(), out.end(),
                             [&](const auto& p) { return p.second == goal.elements; });
    if (!known) out.emplace_back(goal.group, goal.elements);
  }
  return out;
}

Table roadmap_table(const PlanModel& plan, const PlanSolution& opt, const PlanSolution* ref) {
  Table t;
  t.title = fmt::format("Roadmap: {} ({})", plan.title, plan.region);
  t.columns = {{"strategy", ""},
               {"project", ""},
               {"type", ""},
               {"decision year", ""},
               {"online year", ""},
               {"modules", ""},
               {"capacity", "t/yr", 0},
               {"basis", ""},
               {"capex", "USD million", 1},
               {"fixed", ""}};
  for (const PlanSolution* s : {&opt, ref}) {
    if (!s) continue;
    double total = 0;
    for (const auto& e : s->roadmap.entries) {
      t.add_row({text(std::string(strategy_name(s->strategy))), text(e.project),
                 text(std::string(project_type_name(e.type))), count(e.decision_year),
                 count(e.online_year), count(e.modules), num(e.capacity),
                 text(std::string(capacity_unit(e.type))), num(e.capex_musd),
                 text(e.fixed ? "yes" : "")});
      total += e.capex_musd;
    }
    t.notes.push_back(fmt::format("{}: {} builds, capex {:.1f} USD million (undiscounted)",
                                  strategy_name(s->strategy), s->roadmap.entries.size(), total));
  }
  t.notes.push_back(
      "online year = decision year + lead time; output ramps up as the plan's ramp says");
  return t;
}

Table objective_table(const PlanSolution& opt, const PlanSolution* ref) {
  Table t;
  t.title = "Objective: expected present value of costs (probability-weighted, discounted)";
  t.columns = {{"component", ""}, {"optimised", "USD million", 1}};
  if (ref) {
    t.columns.push_back({"reference", "USD million", 1});
    t.columns.push_back({"reference - optimised", "USD million", 1});
  }
  const auto& names = cost_kind_names();
  for (std::size_t k = 0; k <= names.size(); ++k) {
    bool total = k == names.size();
    double o = total ? opt.objective.total() : opt.objective.by_kind[k];
    std::vector<Cell> row{text(total ? "total" : std::string(names[k])), num(o)};
    if (ref) {
      double r = total ? ref->objective.total() : ref->objective.by_kind[k];
      row.push_back(num(r));
      row.push_back(num(r - o));
    }
    t.add_row(std::move(row));
  }
  t.notes.push_back(
      "export revenue and the residual value of plants at the horizon's end are negative costs");
  if (ref) {
    double gain = ref->objective.total() - opt.objective.total();
    t.notes.push_back(
        fmt::format("value of optimising: the reference strategy (announced projects on "
                    "their announced dates) costs {:.1f} USD million more",
                    gain));
  }
  return t;
}

Table goals_table(const PlanSolution& s) {
  Table t;
  t.title = fmt::format("Goals ({} strategy)", strategy_name(s.strategy));
  t.columns = {{"goal", ""},
               {"kind", ""},
               {"hard", ""},
               {"scenario", ""},
               {"year", ""},
               {"target", "t", 1},
               {"achieved", "t", 1},
               {"basis", ""},
               {"target share", "%", 1},
               {"achieved share", "%", 1},
               {"violation", "t", 1},
               {"binding", ""},
               {"marginal cost", "USD/kg", 3}};
  for (const auto& g : s.goals) {
    if (g.kind == GoalKind::Budget) continue;
    t.add_row({text(g.goal), text(std::string(goal_kind_name(g.kind))),
               text(g.hard ? "hard" : "soft"), text(g.scenario), count(g.year), num(g.target),
               num(g.achieved), text(g.unit),
               g.achieved_share ? num(100.0 * g.target_share) : num(kNa),
               g.achieved_share ? num(100.0 * *g.achieved_share) : num(kNa), num(g.violation),
               text(g.binding ? "yes" : ""), g.marginal_cost ? num(*g.marginal_cost) : num(kNa)});
  }
  t.notes.push_back(
      "target, achieved and violation in tonnes on the basis shown; the marginal cost is the "
      "expected present value of tightening the target by one kg (LP with builds fixed)");
  return t;
}

Table budget_goals_table(const PlanSolution& s) {
  Table t;
  t.title = fmt::format("Budget goals ({} strategy)", strategy_name(s.strategy));
  t.columns = {{"goal", ""},
               {"hard", ""},
               {"year", ""},
               {"budget", "USD million", 1},
               {"capex", "USD million", 1},
               {"over budget", "USD million", 1},
               {"binding", ""},
               {"marginal cost", "USD/USD", 3}};
  for (const auto& g : s.goals) {
    if (g.kind != GoalKind::Budget) continue;
    t.add_row({text(g.goal), text(g.hard ? "hard" : "soft"),
               g.year == 0 ? text("total") : count(g.year), num(g.target), num(g.achieved),
               num(g.violation), text(g.binding ? "yes" : ""),
               g.marginal_cost ? num(*g.marginal_cost) : num(kNa)});
  }
  t.notes.push_back(
      "capex as paid (undiscounted), against the budget of each year or of the whole horizon");
  return t;
}

Table self_sufficiency_table(const PlanModel& plan, const PlanSolution& s) {
  Table t;
  t.title =
      fmt::format("Self-sufficiency by element group ({} strategy)", strategy_name(s.strategy));
  t.columns = {{"scenario", ""},
               {"year", ""},
               {"group", ""},
               {"demand", "t REO-eq", 0},
               {"domestic", "t REO-eq", 0},
               {"imports", "t REO-eq", 0},
               {"shortfall", "t REO-eq", 0},
               {"self-sufficiency", "%", 1},
               {"import dependence", "%", 1}};
  auto groups = reported_groups(plan);
  for (const auto& sc : s.scenarios)
    for (const auto& y : sc.years)
      for (const auto& [label, els] : groups) {
        const auto ss = group_self_sufficiency(y, els);
        if (!ss) continue;
        double d = group_sum(y, els, &ElementYear::demand);
        double dom = group_sum(y, els, &ElementYear::domestic);
        double imp = group_sum(y, els, &ElementYear::imports);
        double sh = group_sum(y, els, &ElementYear::shortfall);
        t.add_row({text(sc.name), count(y.year), text(label), num(d), num(dom), num(imp), num(sh),
                   num(*ss), num(100.0 * (imp + sh) / d)});
      }
  t.notes.push_back(
      "t REO-eq: metals and magnets converted to oxide through the element table and the "
      "magnet recipe; import dependence counts unmet demand, so going without never meets a goal");
  return t;
}

Table supply_table(const PlanSolution& s) {
  Table t;
  t.title = fmt::format("Supply and trade ({} strategy)", strategy_name(s.strategy));
  t.columns = {{"scenario", ""},          {"year", ""},      {"mined", "t REO", 0},
               {"separated", "t REO", 0}, {"metal", "t", 0}, {"magnets", "t", 0}};
  std::vector<std::string> suppliers;
  if (!s.scenarios.empty() && !s.scenarios[0].years.empty())
    for (const auto& [u, q] : s.scenarios[0].years[0].imports_by_supplier) suppliers.push_back(u);
  for (const auto& u : suppliers) {
    t.columns.push_back({"imports " + u, "t REO-eq", 0});
    t.columns.push_back({"share " + u, "%", 1});
  }
  t.columns.push_back({"exports", "t REO-eq", 0});
  t.columns.push_back({"disposed", "t REO", 0});
  t.columns.push_back({"stock", "t REO", 0});
  for (const auto& sc : s.scenarios)
    for (const auto& y : sc.years) {
      std::vector<Cell> row{text(sc.name),    count(y.year), num(y.mined),
                            num(y.separated), num(y.metal),  num(y.magnets)};
      double total = 0;
      for (const auto& [u, q] : y.imports_by_supplier) total += q;
      for (const auto& [u, q] : y.imports_by_supplier) {
        row.push_back(num(q));
        row.push_back(total > 1e-9 ? num(100.0 * q / total) : num(kNa));
      }
      double exports = 0, disposed = 0, stock = 0;
      for (const auto& e : y.elements) {
        exports += e.exports;
        disposed += e.disposed + e.residue;
        stock += e.stock;
      }
      row.push_back(num(exports));
      row.push_back(num(disposed));
      row.push_back(num(stock));
      t.add_row(std::move(row));
    }
  t.notes.push_back(
      "imports by supplier in t REO-eq of everything bought (including stockpiling); "
      "disposed includes separation residue and concentrate not sold");
  return t;
}

Table yearly_costs_table(const PlanSolution& s) {
  Table t;
  t.title = fmt::format("Costs per year, undiscounted ({} strategy)", strategy_name(s.strategy));
  t.columns = {{"scenario", ""},
               {"year", ""},
               {"capex", "USD million", 1},
               {"operating", "USD million", 1},
               {"imports", "USD million", 1},
               {"export revenue", "USD million", 1},
               {"storage+disposal", "USD million", 1},
               {"shortfall penalty", "USD million", 1},
               {"goal penalty", "USD million", 1},
               {"total", "USD million", 1}};
  for (const auto& sc : s.scenarios)
    for (const auto& y : sc.years) {
      const auto& k = y.costs.by_kind;
      // Kinds in the order of cost_kind_names(): capex, residual, fixed, variable, feed,
      // imports, exports, storage, disposal, shortfall, goal penalty.
      t.add_row({text(sc.name), count(y.year), num(k[0] + k[1]), num(k[2] + k[3] + k[4]), num(k[5]),
                 num(k[6]), num(k[7] + k[8]), num(k[9]), num(k[10]), num(y.costs.total())});
    }
  t.notes.push_back(
      "capex is paid evenly over each project's lead time; the residual value of plants "
      "is credited in the last year");
  return t;
}

Table solver_table(const PlanSolution& opt, const PlanSolution* ref) {
  Table t;
  t.title = "Solver (COIN-OR Cbc)";
  // No solve time here: outputs must be identical from run to run (the benchmark measures time).
  t.columns = {{"strategy", ""},
               {"status", ""},
               {"objective", "USD million", 2},
               {"best bound", "USD million", 2},
               {"gap", "%", 4},
               {"gap target", "%", 4},
               {"nodes", ""},
               {"columns", ""},
               {"rows", ""},
               {"integer columns", ""},
               {"balance residual", "relative", 12}};
  for (const PlanSolution* s : {&opt, ref}) {
    if (!s) continue;
    const auto& r = s->solver;
    t.add_row({text(std::string(strategy_name(s->strategy))),
               text(std::string(status_name(r.status))), num(r.objective_musd), num(r.bound_musd),
               num(100.0 * r.gap), num(100.0 * r.gap_target), count(r.nodes), count(r.columns),
               count(r.rows), count(r.integer_columns), num(r.max_balance_residual)});
  }
  return t;
}

Table findings_table(const PlanSolution& opt, const PlanSolution* ref) {
  Table t;
  t.title = "Findings";
  t.columns = {{"strategy", ""}, {"finding", ""}};
  for (const PlanSolution* s : {&opt, ref}) {
    if (!s) continue;
    for (const auto& m : s->messages)
      t.add_row({text(std::string(strategy_name(s->strategy))), text(m)});
  }
  return t;
}

std::vector<Table> plan_tables(const PlanModel& plan, const PlanSolution& opt,
                               const PlanSolution* ref) {
  std::vector<Table> out{roadmap_table(plan, opt, ref), objective_table(opt, ref),
                         goals_table(opt)};
  bool budgets = std::any_of(plan.goals.begin(), plan.goals.end(),
                             [](const Goal& g) { return g.kind == GoalKind::Budget; });
  if (budgets) out.push_back(budget_goals_table(opt));
  for (auto& t : {self_sufficiency_table(plan, opt), supply_table(opt), yearly_costs_table(opt),
                  solver_table(opt, ref), findings_table(opt, ref)})
    out.push_back(t);
  return out;
}

}  // namespace rareflow::plan
