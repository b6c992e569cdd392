#include "rareflow/workflow/plan.hpp"

#include <fmt/format.h>

#include "rareflow/plan/plan_io.hpp"
#include "rareflow/workflow/plan_evaluate.hpp"

namespace rareflow::workflow {

int plan_steps(const PlanRequest& r) {
  return (r.options.reference ? 2 : 1) + (r.evaluate ? 1 : 0) + (r.options.rank ? 1 : 0) +
         static_cast<int>(r.options.sweeps.size()) + (r.futures.futures > 0 ? 1 : 0);
}

namespace {
Result<plan::PlanRunResult> evaluate_in_market(const PlanRequest& r, plan::PlanRunResult result) {
  if (r.progress) r.progress(plan_steps(r) - 1, "simulating the optimised roadmap in the market");
  auto ev = evaluate_roadmap(*r.data, result.plan, result.optimised);
  if (!ev) return std::unexpected(ev.error());
  for (auto& t : *ev) result.tables.push_back(std::move(t));
  return result;
}
}  // namespace

Result<plan::PlanRunResult> run_plan(const PlanRequest& r) {
  if (r.evaluate && !r.data) return fail("evaluate: expected a data package for the market run");
  std::string file_name;
  auto text = plan::load_plan_text(r.plan_file, file_name);
  if (!text) return std::unexpected(text.error());
  plan::PlanRunOptions opt = r.options;
  if (r.progress)
    opt.on_phase = [&r](int step, const std::string& phase) {
      r.progress(step, "solving: " + phase);
    };
  auto parsed = plan::parse_plan(*text, file_name);
  if (!parsed) return std::unexpected(parsed.error());
  plan::PlanModel& model = *parsed;
  if (r.futures.futures == 0) {
    auto result = plan::run_plan(std::move(model), opt);
    if (!result || !r.evaluate) return result;
    return evaluate_in_market(r, std::move(*result));
  }
  // Sampling and reduction fail before any solve; the MILP is then solved over the K.
  auto draw = draw_futures(model, r.futures);
  if (!draw) return std::unexpected(draw.error());
  auto result = plan::run_plan(draw->reduced, opt);
  if (!result) return result;
  const int step = plan_steps(r) - (r.evaluate ? 2 : 1);
  auto outcomes =
      evaluate_futures(model, draw->futures, result->optimised.roadmap, r.options.solve,
                       r.futures.regret, [&](std::size_t i) {
                         if (r.progress)
                           r.progress(step, fmt::format("the roadmap in sampled future {} of {}",
                                                        i + 1, draw->futures.size()));
                       });
  if (!outcomes) return std::unexpected(outcomes.error());
  for (auto& t : futures_tables(model, *draw, result->optimised, *outcomes))
    result->tables.push_back(std::move(t));
  if (!r.evaluate) return result;
  return evaluate_in_market(r, std::move(*result));
}

}  // namespace rareflow::workflow
