#include "rareflow/plan/plan_run.hpp"

#include <fmt/format.h>

#include "rareflow/core/io.hpp"
#include "rareflow/plan/plan_io.hpp"
#include "rareflow/plan/plan_report.hpp"

namespace rareflow::plan {

Result<PlanRunResult> run_plan(const std::string& text, const std::string& file_name,
                               const PlanRunOptions& options) {
  auto plan = parse_plan(text, file_name);
  if (!plan) return std::unexpected(plan.error());
  return run_plan(std::move(*plan), options);
}

Result<PlanRunResult> run_plan(PlanModel plan, const PlanRunOptions& options) {
  PlanRunResult r;
  r.plan = std::move(plan);
  // Bad sweep requests fail before any solve.
  std::vector<GoalSweep> sweeps;
  for (const auto& text : options.sweeps) {
    auto s = parse_goal_sweep(text, r.plan);
    if (!s) return std::unexpected(s.error());
    sweeps.push_back(*s);
  }
  const PlanEngine engine(r.plan, options.solve);
  if (options.on_phase) options.on_phase(0, "optimised");
  auto opt = engine.solve(Strategy::Optimised);
  if (!opt) return std::unexpected(opt.error());
  r.optimised = std::move(*opt);
  if (options.reference) {
    if (options.on_phase) options.on_phase(1, "reference");
    auto ref = engine.solve(Strategy::Reference);
    if (!ref) return std::unexpected(ref.error());
    r.reference = std::move(*ref);
  }
  int step = options.reference ? 2 : 1;
  if (options.rank) {
    if (options.on_phase) options.on_phase(step++, "ranking of projects");
    auto v = rank_projects(r.plan, r.optimised, options.solve);
    if (!v) return std::unexpected(v.error());
    r.ranking = std::move(*v);
  }
  for (const auto& s : sweeps) {
    if (options.on_phase) options.on_phase(step++, "sweep of goal " + s.goal);
    auto pts = sweep_goal(r.plan, s, options.solve);
    if (!pts) return std::unexpected(pts.error());
    r.sweeps.push_back(std::move(*pts));
  }
  const PlanSolution* ref = r.reference ? &*r.reference : nullptr;
  r.tables = plan_tables(r.plan, r.optimised, ref);
  if (options.rank) r.tables.push_back(ranking_table(r.optimised, r.ranking));
  for (std::size_t k = 0; k < sweeps.size(); ++k)
    r.tables.push_back(sweep_table(r.plan, sweeps[k], r.sweeps[k]));
  r.iamc = plan_iamc(r.plan, r.optimised, ref);
  if (options.lp_text) {
    r.lp = engine.lp_text(Strategy::Optimised);
    if (options.reference) r.lp_reference = engine.lp_text(Strategy::Reference);
  }
  return r;
}

namespace {
// "Costs per year, undiscounted (optimised strategy)" -> "costs_per_year".
std::string file_stem(const std::string& title) {
  std::string head = title.substr(0, title.find_first_of(":(,"));
  while (!head.empty() && head.back() == ' ') head.pop_back();
  for (char& c : head) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    if (c == ' ' || c == '-') c = '_';
  }
  return head;
}
}  // namespace

Result<void> write_plan_outputs(const PlanRunResult& result, const std::filesystem::path& dir) {
  std::vector<NamedText> files;
  for (const auto& t : result.tables) files.emplace_back(file_stem(t.title) + ".csv", to_csv(t));
  files.emplace_back("results.csv", iamc_to_csv(result.iamc));
  files.emplace_back("results.json", iamc_to_json(result.iamc));
  files.emplace_back("run.json", run_record_to_json(result.iamc.record));
  return write_dir_atomic(dir, files);
}

}  // namespace rareflow::plan
