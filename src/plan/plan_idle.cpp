// Findings about projects a strategy builds (or keeps) that produce nothing in any scenario
// and year, with the reason read off the plan: e.g. the reference strategy's mine whose
// concentrate no plant in that strategy can separate and nothing exports.
#include <algorithm>

#include <fmt/format.h>

#include "plan_extract.hpp"
#include "rareflow/core/text.hpp"

namespace rareflow::plan::detail {

namespace {

bool accepts(const Project& p, const std::string& deposit) {
  return p.deposits.empty() ||
         std::find(p.deposits.begin(), p.deposits.end(), deposit) != p.deposits.end();
}

// Projects with capacity at some time in this solution (existing or built).
std::vector<bool> present(const PlanModel& plan, const PlanSolution& sol) {
  std::vector<bool> in(plan.projects.size(), false);
  for (std::size_t pi = 0; pi < plan.projects.size(); ++pi)
    in[pi] = plan.projects[pi].existing_modules > 0;
  for (const auto& e : sol.roadmap.entries)
    for (std::size_t pi = 0; pi < plan.projects.size(); ++pi)
      if (plan.projects[pi].id == e.project) in[pi] = true;
  return in;
}

std::string why_idle(const PlanModel& plan, const std::vector<bool>& in, const Project& p) {
  auto names_of = [&](auto pred) {
    std::vector<std::string> out;
    for (std::size_t pi = 0; pi < plan.projects.size(); ++pi)
      if (in[pi] && pred(plan.projects[pi])) out.push_back(plan.projects[pi].id);
    return out;
  };
  switch (p.type) {
    case ProjectType::Mine: {
      auto plants = names_of([&](const Project& q) {
        return q.type == ProjectType::Separation && accepts(q, p.deposit);
      });
      bool exported = std::any_of(plan.exports.begin(), plan.exports.end(), [&](const auto& x) {
        return x.commodity == Commodity{Stage::Concentrate, p.deposit};
      });
      if (plants.empty() && !exported)
        return fmt::format(
            "no separation plant in this strategy takes concentrate of '{}' and the plan has no "
            "export of it, so whatever it mined would be disposed of",
            p.deposit);
      return fmt::format(
          "mining and {} cost more than the imports it would replace",
          plants.empty() ? "exporting its concentrate" : "separating (" + join(plants) + ")");
    }
    case ProjectType::Separation: {
      auto mines = names_of(
          [&](const Project& q) { return q.type == ProjectType::Mine && accepts(p, q.deposit); });
      if (mines.empty())
        return p.deposits.empty()
                   ? std::string("no mine in this strategy supplies concentrate")
                   : fmt::format(
                         "no mine in this strategy supplies the concentrate it accepts ({})",
                         join(p.deposits));
      return fmt::format("separating the concentrate of {} costs more than importing the oxides",
                         join(mines));
    }
    case ProjectType::Recycling:
      return fmt::format("recycling feed '{}' costs more than importing the oxides", p.feed);
    case ProjectType::Metal:
      return "making metal here costs more than importing it (or there is no metal demand)";
    case ProjectType::Magnet:
      return fmt::format(
          "making {} magnets here costs more than importing them (or there is no "
          "demand for them)",
          p.magnet);
  }
  return "";
}

}  // namespace

void flag_idle_projects(const PlanModel& plan, PlanSolution& sol) {
  const std::vector<bool> in = present(plan, sol);
  for (std::size_t pi = 0; pi < plan.projects.size(); ++pi) {
    if (!in[pi]) continue;
    double made = 0;
    for (const auto& sc : sol.scenarios)
      for (const auto& y : sc.years)
        if (pi < y.project_output.size()) made += y.project_output[pi];
    if (made > 1e-6) continue;
    const Project& p = plan.projects[pi];
    double capex = 0;
    for (const auto& e : sol.roadmap.entries)
      if (e.project == p.id) capex += e.capex_musd;
    sol.idle_projects.push_back(p.id);
    sol.messages.push_back(fmt::format(
        "project '{}' ({}{}) produces nothing in any scenario or year: {}", p.id,
        capex > 0 ? fmt::format("{:.1f} USD million of capex", capex) : std::string("existing"),
        p.existing_modules > 0 && capex > 0 ? " and existing modules" : "", why_idle(plan, in, p)));
  }
}

}  // namespace rareflow::plan::detail
