// Report sections on plans (roadmap, self-sufficiency, costs) and criticality (SR vs EI).
#include <algorithm>
#include <cmath>

#include <fmt/format.h>

#include "html_parts.hpp"
#include "rareflow/core/elements.hpp"
#include "rareflow/report/charts.hpp"
#include "rareflow/report/conventions.hpp"
#include "rareflow/report/svg.hpp"

namespace rareflow::report::detail {

namespace {
Axis year_axis() {
  Axis a;
  a.title = "Year";
  a.years = true;
  a.include_zero = false;
  return a;
}

std::string span(const std::vector<int>& y) {
  if (y.empty()) return "";
  return y.front() == y.back() ? fmt::format("{}", y.front())
                               : fmt::format("{}\u2013{}", y.front(), y.back());
}

bool same_roadmap(const std::vector<RoadmapProject>& a, const std::vector<RoadmapProject>& b) {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i)
    if (a[i].project != b[i].project || a[i].decision_year != b[i].decision_year ||
        a[i].online_year != b[i].online_year || a[i].capacity != b[i].capacity)
      return false;
  return true;
}

void roadmap_figures(const IamcTable& t, Section& s) {
  std::vector<RoadmapProject> previous;
  for (const auto& scenario : scenarios_of(t)) {
    auto entries = read_roadmap(t, scenario);
    if (entries.empty()) continue;
    std::stable_sort(entries.begin(), entries.end(), [](const auto& a, const auto& b) {
      return a.decision_year != b.decision_year ? a.decision_year < b.decision_year
                                                : a.online_year < b.online_year;
    });
    // Build decisions are shared across scenarios in a two-stage plan: draw them once.
    if (!previous.empty() && same_roadmap(previous, entries)) {
      s.figures.back().caption += fmt::format(" Same roadmap in scenario {}.", scenario);
      continue;
    }
    GanttChart g;
    g.title = fmt::format("Roadmap, {}: from decision to online year", scenario);
    g.x = year_axis();
    double capex = 0.0;
    for (const auto& e : entries) {
      g.tasks.push_back(
          {e.project, static_cast<double>(e.decision_year), static_cast<double>(e.online_year),
           e.region, format_number(e.capacity, e.capacity >= 100 ? 0 : 1) + " " + e.capacity_unit});
      capex += e.capex;
    }
    g.size.width = 1160;
    s.figures.push_back(
        {render_gantt_chart(g),
         fmt::format("{} projects; total capex {} million USD. Bars run from the build decision "
                     "(dark tick) to the first year online; colour: region.",
                     entries.size(), format_number(capex, 0)),
         true, ""});
    previous = entries;
  }
}

// Element groups, and single elements that have a goal: a plan also reports every element's
// self-sufficiency, which would be one chart per element without a goal to read it against.
void self_sufficiency_figures(const IamcTable& t, Section& s) {
  auto goals =
      slices(t, [](const std::string& v) { return v.starts_with(var::kGoalSelfSufficiency); });
  auto charted = [&goals](const std::string& v) {
    if (!v.starts_with(var::kSelfSufficiency)) return false;
    auto m = v.substr(var::kSelfSufficiency.size());
    return !element_from_symbol(m) || std::any_of(goals.begin(), goals.end(), [&m](const Slice& g) {
      return g.variable.substr(var::kGoalSelfSufficiency.size()) == m;
    });
  };
  auto all = slices(t, charted);
  auto scen = distinct(all, &Slice::scenario);
  for (const auto& m : materials_after(all, var::kSelfSufficiency)) {
    LineChart c;
    c.title = fmt::format("{} self-sufficiency against the goal", m);
    c.x = year_axis();
    c.y.title = "Self-sufficiency";
    std::vector<Slice> ss, gs;
    for (const auto& x : all)
      if (x.variable.substr(var::kSelfSufficiency.size()) == m) ss.push_back(x);
    for (const auto& x : goals)
      if (x.variable.substr(var::kGoalSelfSufficiency.size()) == m) gs.push_back(x);
    c.y.unit = unit_of(ss);
    auto regs = distinct(ss, &Slice::region);
    double hi = 0.0;
    for (const auto& x : ss) {
      std::size_t si =
          static_cast<std::size_t>(std::find(scen.begin(), scen.end(), x.scenario) - scen.begin());
      LineSeries ls{regs.size() > 1 ? x.scenario + " \u00b7 " + x.region : x.scenario,
                    {},
                    {},
                    palette_color(si),
                    false,
                    x.by_year.size() <= 12};
      for (const auto& [y, v] : x.by_year) {
        ls.x.push_back(y);
        ls.y.push_back(v);
        hi = std::max(hi, v);
      }
      c.series.push_back(std::move(ls));
    }
    // Goals of the same region are the same line whatever the scenario: draw each once.
    std::vector<std::string> drawn;
    for (const auto& g : gs) {
      if (std::find(drawn.begin(), drawn.end(), g.region) != drawn.end()) continue;
      drawn.push_back(g.region);
      LineSeries ls{regs.size() > 1 ? "goal \u00b7 " + g.region : "goal",
                    {},
                    {},
                    "#222222",
                    true,
                    g.by_year.size() <= 2};
      for (const auto& [y, v] : g.by_year) {
        ls.x.push_back(y);
        ls.y.push_back(v);
        hi = std::max(hi, v);
      }
      c.series.push_back(std::move(ls));
    }
    if (c.y.unit == "%" && hi <= 100.0) {
      c.y.min = 0.0;
      c.y.max = 100.0;
    }
    s.figures.push_back({render_line_chart(c),
                         fmt::format("Share of {} use met from the focus region's own chain, per "
                                     "scenario; dashed: the goal.",
                                     m),
                         false, ""});
  }
}

// Components of a nonzero cost; the total would count twice in the stacked bars.
void cost_figures(const IamcTable& t, Section& s) {
  IamcTable components_only;
  for (const auto& r : t.rows)
    if (r.variable.starts_with(var::kCost) && r.variable != var::kCostTotal && r.value != 0)
      components_only.rows.push_back(r);
  auto all = slices(components_only, [](const std::string&) { return true; });
  if (all.empty()) return;
  auto scen = distinct(all, &Slice::scenario);
  auto years = years_of(all);
  std::vector<std::string> components;
  for (const auto& x : all) {
    auto c = x.variable.substr(var::kCost.size());
    if (std::find(components.begin(), components.end(), c) == components.end())
      components.push_back(c);
  }
  BarChart b;
  b.mode = BarMode::Stacked;
  b.y.title = "Cost";
  b.y.unit = unit_of(all);
  bool by_year = scen.size() == 1 && years.size() > 1;
  if (by_year) {
    b.title = fmt::format("Cost breakdown per year, {}", scen[0]);
    b.x_title = "Year";
    for (int y : years) b.categories.push_back(fmt::format("{}", y));
  } else {
    b.title = fmt::format("Cost breakdown by scenario, sum {}", span(years));
    b.x_title = "Scenario";
    b.categories = scen;
  }
  for (const auto& comp : components) {
    Layer l{comp, std::vector<double>(b.categories.size(), 0.0), ""};
    for (const auto& x : all) {
      if (x.variable.substr(var::kCost.size()) != comp) continue;
      for (const auto& [y, v] : x.by_year) {
        std::size_t k =
            by_year
                ? static_cast<std::size_t>(std::find(years.begin(), years.end(), y) - years.begin())
                : static_cast<std::size_t>(std::find(scen.begin(), scen.end(), x.scenario) -
                                           scen.begin());
        l.values[k] += v;
      }
    }
    b.series.push_back(std::move(l));
  }
  double total = 0.0;
  for (const auto& l : b.series)
    for (double v : l.values) total += v;
  std::string caption =
      by_year
          ? fmt::format("Cost components per year; total {} {} over {}.", format_number(total, 0),
                        b.y.unit, span(years))
          : fmt::format("Cost components summed over {}, per scenario (revenues count negative).",
                        span(years));
  if (by_year) b.size.width = 1160;
  s.figures.push_back({render_bar_chart(b), caption, by_year, ""});
}
// `plan --rank`: what each candidate project is worth, as bars per project (forbidden: the
// value of having it; forced: what building it on its earliest date costs).
void ranking_figures(const IamcTable& t, Section& s) {
  auto all = slices(t, [](const std::string& v) { return v.starts_with(var::kProjectValue); });
  if (all.empty()) return;
  BarChart b;
  b.title = "Project values: change in expected cost";
  b.x_title = "Project";
  b.y.title = "Change in expected present cost";
  b.y.unit = unit_of(all);
  Layer forbidden{"forbidden", {}, ""}, forced{"forced on its earliest date", {}, ""};
  for (const auto& x : all) {
    std::string rest = x.variable.substr(var::kProjectValue.size());
    auto bar = rest.rfind('|');
    std::string project = rest.substr(0, bar);
    auto it = std::find(b.categories.begin(), b.categories.end(), project);
    if (it == b.categories.end()) {
      b.categories.push_back(project);
      forbidden.values.push_back(0.0);
      forced.values.push_back(0.0);
      it = b.categories.end() - 1;
    }
    auto k = static_cast<std::size_t>(it - b.categories.begin());
    double v = x.by_year.empty() ? 0.0 : x.by_year.begin()->second;
    (rest.substr(bar) == var::kProjectValueForced ? forced : forbidden).values[k] = v;
  }
  b.series = {forbidden, forced};
  s.figures.push_back(
      {render_bar_chart(b),
       "Each candidate project forbidden, then forced on its earliest decision year: the change "
       "in the plan's expected present cost against the optimum (projects in order of value).",
       false, ""});
}

}  // namespace

SectionResult plan_section(const IamcTable& t) {
  Section s;
  s.id = "plan";
  s.title = "Roadmap plan";
  s.intro =
      "The least-cost roadmap: projects from build decision to first output, yearly "
      "self-sufficiency per element against the goal, and the cost breakdown (variables "
      "Plan|Roadmap|..., Self-sufficiency|..., Plan|Goal|..., Cost|...).";
  // Self-sufficiency and Cost rows come from sweeps too; they belong here only in a plan run.
  const bool plan_run = std::any_of(t.rows.begin(), t.rows.end(), [](const IamcRow& r) {
    return r.variable.starts_with(var::kPlan) || r.variable == var::kCostTotal;
  });
  if (!plan_run) return std::nullopt;
  roadmap_figures(t, s);
  self_sufficiency_figures(t, s);
  cost_figures(t, s);
  ranking_figures(t, s);
  if (s.figures.empty()) return std::nullopt;
  return s;
}

SectionResult criticality_section(const IamcTable& t) {
  auto sr = slices(t, [](const std::string& v) { return v.starts_with(var::kSupplyRisk); });
  auto ei = slices(t, [](const std::string& v) { return v.starts_with(var::kEconomicImportance); });
  if (sr.empty() || ei.empty()) return std::nullopt;
  Section s;
  s.id = "criticality";
  s.title = "Criticality";
  s.intro =
      "Supply risk (SR) against economic importance (EI), EU CRM method; a material is "
      "critical when SR \u2265 1 and EI \u2265 2.8 (shaded). Variables Criticality|SR|... "
      "and Criticality|EI|...; region = the perspective.";
  auto scen = distinct(sr, &Slice::scenario);
  std::string tables;
  for (const auto& scenario : scen) {
    std::vector<std::string> regions;
    for (const auto& x : sr)
      if (x.scenario == scenario &&
          std::find(regions.begin(), regions.end(), x.region) == regions.end())
        regions.push_back(x.region);
    for (const auto& region : regions) {
      // The latest year that has both scores.
      int year = 0;
      bool found = false;
      for (const auto& x : sr) {
        if (x.scenario != scenario || x.region != region) continue;
        for (const auto& [y, v] : x.by_year) {
          for (const auto& e : ei)
            if (e.scenario == scenario && e.region == region &&
                e.variable.substr(var::kEconomicImportance.size()) ==
                    x.variable.substr(var::kSupplyRisk.size()) &&
                e.by_year.contains(y) && (!found || y > year)) {
              year = y;
              found = true;
            }
        }
      }
      if (!found) continue;
      std::vector<std::string> materials;
      std::map<std::string, std::pair<double, double>> score;
      for (const auto& x : sr)
        if (x.scenario == scenario && x.region == region && x.by_year.contains(year)) {
          auto m = x.variable.substr(var::kSupplyRisk.size());
          materials.push_back(m);
          score[m].first = x.by_year.at(year);
          score[m].second = kMissing;
        }
      for (const auto& e : ei)
        if (e.scenario == scenario && e.region == region && e.by_year.contains(year)) {
          auto m = e.variable.substr(var::kEconomicImportance.size());
          if (score.contains(m)) score[m].second = e.by_year.at(year);
        }
      ScatterChart c;
      c.title = fmt::format("Supply risk vs economic importance, {} perspective, {}{}", region,
                            year, scen.size() > 1 ? ", " + scenario : "");
      c.x.title = "Economic importance (EI)";
      c.y.title = "Supply risk (SR)";
      c.thresholds = {{true, vars::kEconomicImportanceThreshold, "EI = 2.8"},
                      {false, vars::kSupplyRiskThreshold, "SR = 1"}};
      c.shade_quadrant = true;
      c.size = {620, 400};
      Table tab;
      tab.title = fmt::format("Scores, {} perspective, {}{}", region, year,
                              scen.size() > 1 ? ", " + scenario : "");
      tab.columns = {
          {"material", "", 0}, {"group", "", 0}, {"SR", "", 2}, {"EI", "", 2}, {"critical", "", 0}};
      std::size_t n_critical = 0;
      for (const auto& m : order_materials(materials)) {
        auto [srv, eiv] = score[m];
        auto e = element_from_symbol(m);
        std::string group = e ? std::string(group_name(info(*e).group)) : "aggregate";
        bool critical =
            srv >= vars::kSupplyRiskThreshold && eiv >= vars::kEconomicImportanceThreshold;
        n_critical += critical ? 1 : 0;
        if (std::isfinite(eiv)) c.points.push_back({m, eiv, srv, group});
        tab.add_row({m, group, srv, eiv, std::string(critical ? "yes" : "no")});
      }
      s.figures.push_back({render_scatter_chart(c),
                           fmt::format("{} of {} materials critical for {} in {}.", n_critical,
                                       materials.size(), region, year),
                           false, ""});
      tables += html_table(tab, 200, "rf-compact");
    }
  }
  if (s.figures.empty()) return std::nullopt;
  s.extra_html = tables;
  return s;
}

}  // namespace rareflow::report::detail
