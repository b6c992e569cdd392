// Sampled futures for the planner: drawn with the sweep layer's sampler, reduced by fast
// forward selection, and used to evaluate a roadmap (plan_futures.hpp).
#include "rareflow/workflow/plan_futures.hpp"

#include <algorithm>

#include <fmt/format.h>

#include "rareflow/sweep/sweep.hpp"

namespace rareflow::workflow {

namespace {

// Demand factor by year: 1 in the year before the draws start, rising linearly to the drawn
// factor in the last year (flat outside, as every YearPath).
plan::YearPath demand_path(const plan::PlanModel& plan, double factor) {
  return plan::YearPath{{{plan.futures->from_year - 1, 1.0}, {plan.last_year, factor}}};
}

plan::PlanScenario future_scenario(const plan::PlanModel& plan, const SampledFuture& f,
                                   double probability) {
  plan::PlanScenario s = plan.scenarios[f.scenario];
  s.name = fmt::format("future-{}-{}", f.run, s.name);
  s.probability = probability;
  // One price change per supplier, covering every commodity it offers.
  std::vector<plan::ImportOverride> by_supplier;
  for (const auto& o : plan.imports) {
    auto it = std::find_if(by_supplier.begin(), by_supplier.end(),
                           [&](const plan::ImportOverride& v) { return v.supplier == o.supplier; });
    if (it == by_supplier.end()) {
      plan::ImportOverride v;
      v.supplier = o.supplier;
      v.from_year = plan.futures->from_year;
      v.price_factor = f.import_price;
      by_supplier.push_back(v);
      it = by_supplier.end() - 1;
    }
    it->commodities.push_back(o.commodity);
  }
  s.imports.insert(s.imports.end(), by_supplier.begin(), by_supplier.end());
  for (const auto& d : plan.demand) {
    plan::DemandOverride v;
    v.commodity = d.commodity;
    v.factor_path = demand_path(plan, f.demand);
    s.demand.push_back(std::move(v));
  }
  return s;
}

}  // namespace

Result<FuturesDraw> draw_futures(const plan::PlanModel& plan, const FuturesOptions& o) {
  if (!plan.futures)
    return fail(
        fmt::format("{}: --futures: the plan has no [futures] table to sample futures from (see "
                    "docs/model_plan.md section 7c)",
                    plan.file));
  if (o.futures < 1 || o.futures > 10000)
    return fail(fmt::format("--futures: expected 1 to 10000 futures, found {}", o.futures));
  if (o.keep < 1 || o.keep > o.futures)
    return fail(fmt::format("--reduce: expected 1 to {} (the sampled futures), found {}", o.futures,
                            o.keep));
  std::vector<double> index, weight;
  for (std::size_t s = 0; s < plan.scenarios.size(); ++s) {
    index.push_back(static_cast<double>(s));
    weight.push_back(plan.scenarios[s].probability);
  }
  const std::vector<sweep::Input> inputs = {{"scenario", Dist::choice(index, weight)},
                                            {"import_price", plan.futures->import_price},
                                            {"demand", plan.futures->demand}};
  const sweep::Plan draws = sweep::sample_plan(inputs, o.seed, o.futures);
  FuturesDraw out;
  std::vector<int> group;
  for (std::size_t r = 0; r < draws.runs(); ++r) {
    const auto& v = draws.values[r];
    SampledFuture f{r, static_cast<std::size_t>(v[0]), v[1], v[2]};
    std::vector<double> path;
    const plan::YearPath demand = demand_path(plan, f.demand);
    for (int y = plan.first_year; y <= plan.last_year; ++y) {
      path.push_back(y >= plan.futures->from_year ? f.import_price : 1.0);
      path.push_back(demand.at(y));
    }
    out.futures.push_back(f);
    out.paths.push_back(std::move(path));
    group.push_back(static_cast<int>(f.scenario));
  }
  std::vector<double> p(o.futures, 1.0 / static_cast<double>(o.futures));
  auto red = sweep::reduce_fast_forward(out.paths, p, o.keep, group);
  if (!red) return fail("--reduce: " + red.error().message);
  out.reduction = std::move(*red);
  out.reduced = plan;
  out.reduced.scenarios.clear();
  for (std::size_t i = 0; i < out.reduction.kept.size(); ++i)
    out.reduced.scenarios.push_back(
        future_scenario(plan, out.futures[out.reduction.kept[i]], out.reduction.probability[i]));
  return out;
}

plan::PlanModel future_plan(const plan::PlanModel& plan, const SampledFuture& f) {
  plan::PlanModel one = plan;
  one.scenarios = {future_scenario(plan, f, 1.0)};
  return one;
}

Result<std::vector<plan::RoadmapOutcome>> evaluate_futures(
    const plan::PlanModel& plan, const std::vector<SampledFuture>& futures,
    const plan::Roadmap& roadmap, const plan::SolveOptions& options, bool regret,
    const std::function<void(std::size_t)>& progress) {
  std::vector<plan::RoadmapOutcome> out;
  for (std::size_t i = 0; i < futures.size(); ++i) {
    if (progress) progress(i);
    auto r = plan::roadmap_outcome(future_plan(plan, futures[i]), roadmap, options, regret);
    if (!r) return fail(fmt::format("future {}: {}", futures[i].run, r.error().message));
    out.push_back(std::move(*r));
  }
  return out;
}

}  // namespace rareflow::workflow
