#include "rareflow/workflow/plan.hpp"

#include "rareflow/plan/plan_io.hpp"
#include "rareflow/workflow/plan_evaluate.hpp"

namespace rareflow::workflow {

int plan_steps(const PlanRequest& r) {
  return (r.options.reference ? 2 : 1) + (r.evaluate ? 1 : 0) + (r.options.rank ? 1 : 0) +
         static_cast<int>(r.options.sweeps.size());
}

Result<plan::PlanRunResult> run_plan(const PlanRequest& r) {
  if (r.evaluate && !r.data) return fail("evaluate: expected a data package for the market run");
  std::string file_name;
  std::string text = plan::load_plan_text(r.plan_file, file_name);
  plan::PlanRunOptions opt = r.options;
  if (r.progress)
    opt.on_phase = [&r](int step, const std::string& phase) {
      r.progress(step, "solving: " + phase);
    };
  auto result = plan::run_plan(text, file_name, opt);
  if (!result || !r.evaluate) return result;
  if (r.progress) r.progress(plan_steps(r) - 1, "simulating the optimised roadmap in the market");
  auto ev = evaluate_roadmap(*r.data, result->plan, result->optimised);
  if (!ev) return std::unexpected(ev.error());
  for (auto& t : *ev) result->tables.push_back(std::move(t));
  return result;
}

}  // namespace rareflow::workflow
