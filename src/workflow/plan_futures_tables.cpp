// Tables of a many-futures plan run: the representatives, and the roadmap across every sampled
// future (cost, regret, goal attainment). Money in USD million, expected present value.
#include <algorithm>
#include <cmath>

#include <fmt/format.h>

#include "rareflow/sweep/sweep.hpp"
#include "rareflow/workflow/plan_futures.hpp"

namespace rareflow::workflow {

namespace {

Table representatives_table(const plan::PlanModel& plan, const FuturesDraw& draw,
                            const plan::PlanSolution& optimised) {
  const auto& red = draw.reduction;
  const std::size_t n = draw.futures.size();
  Table t;
  t.title = fmt::format("Sampled futures: {} representatives of {} (fast forward selection)",
                        red.kept.size(), n);
  t.columns = {{"future", ""},
               {"plan scenario", ""},
               {"import price factor", "", 3},
               {fmt::format("demand factor in {}", plan.last_year), "", 3},
               {"probability", "", 4},
               {"futures represented", ""}};
  std::vector<long long> count(red.kept.size(), 0);
  for (std::size_t j : red.represented_by) ++count[j];
  for (std::size_t i = 0; i < red.kept.size(); ++i) {
    const auto& f = draw.futures[red.kept[i]];
    t.add_row({Cell{static_cast<long long>(f.run)}, Cell{plan.scenarios[f.scenario].name},
               Cell{f.import_price}, Cell{f.demand}, Cell{red.probability[i]}, Cell{count[i]}});
  }
  const auto& spec = *plan.futures;
  t.notes.push_back(fmt::format(
      "{} futures drawn from the plan's [futures]: a plan scenario by its probability, import "
      "prices x {} from {}, demand x a factor rising linearly to {} in {}",
      n, describe(spec.import_price), spec.from_year, describe(spec.demand), plan.last_year));
  t.notes.push_back(
      "reduced by fast forward selection (Heitsch and Roemisch 2003) on each future's yearly "
      "import-price and demand factor paths (Euclidean); futures of different plan scenarios "
      "are never merged");
  // The reduced quantity's means: the import price factor and the last year's demand factor
  // (coordinates of the paths), over all N and over the K with their probabilities.
  std::vector<double> p(n, 1.0 / static_cast<double>(n));
  auto full = sweep::weighted_mean(draw.paths, p);
  auto reduced = sweep::weighted_mean(draw.paths, red.probability, &red);
  const std::size_t last = full.size() - 2;
  t.notes.push_back(fmt::format(
      "Kantorovich distance of the reduction D = {:.4f} (factor paths, dimensionless): every "
      "mean below moves by at most D. Mean import price factor {:.4f} over the {} futures, "
      "{:.4f} over the representatives; mean demand factor in {} {:.4f} and {:.4f}",
      red.distance, full[last], n, reduced[last], plan.last_year, full[last + 1],
      reduced[last + 1]));
  t.notes.push_back(fmt::format(
      "the roadmap is optimised over the {} representatives: expected present cost {:.2f} USD "
      "million; roadmap: {}",
      red.kept.size(), optimised.objective.total(),
      plan::roadmap_summary(optimised.roadmap.entries)));
  return t;
}

Table cost_table(const FuturesDraw& draw, const std::vector<plan::RoadmapOutcome>& outcomes) {
  Table t;
  t.title =
      fmt::format("Roadmap across the {} sampled futures: cost and regret", draw.futures.size());
  t.columns = {{"measure", ""},           {"mean", "USD million", 2}, {"p5", "USD million", 2},
               {"p25", "USD million", 2}, {"p50", "USD million", 2},  {"p75", "USD million", 2},
               {"p95", "USD million", 2}};
  std::vector<double> cost, best, regret;
  for (const auto& o : outcomes) {
    cost.push_back(o.cost_musd);
    if (o.best_musd) best.push_back(*o.best_musd);
    // Where the roadmap fails a hard goal its cost is that of a relaxed plan: not comparable.
    if (o.best_musd && o.failed.empty()) regret.push_back(o.cost_musd - *o.best_musd);
  }
  auto row = [&](const std::string& name, const std::vector<double>& v) {
    auto s = sweep::stats_of(v);
    t.add_row(
        {Cell{name}, Cell{s.mean}, Cell{s.p5}, Cell{s.p25}, Cell{s.p50}, Cell{s.p75}, Cell{s.p95}});
  };
  row("cost with the roadmap", cost);
  if (!best.empty()) {
    row("cost with foresight of the future", best);
    if (!regret.empty()) row("regret", regret);
  }
  t.notes.push_back(
      "each sampled future solved alone: the roadmap's builds fixed, operations optimised "
      "(expected present cost, as the objective); where hard goals cannot be met the cost is "
      "that of the least violation (section 6)");
  if (!best.empty())
    t.notes.push_back(
        fmt::format("regret = cost with the roadmap - cost of the best roadmap had that future "
                    "been known (the future's own optimum), over the {} of {} futures in which "
                    "the roadmap meets every hard goal",
                    regret.size(), outcomes.size()));
  return t;
}

Table goals_table(const plan::PlanModel& plan, const std::vector<plan::RoadmapOutcome>& outcomes) {
  Table t;
  t.title = fmt::format("Roadmap across the {} sampled futures: goal attainment", outcomes.size());
  t.columns = {{"goal", ""}, {"kind", ""}, {"futures met", ""}, {"share met", "%", 1}};
  const auto n = static_cast<double>(outcomes.size());
  for (const auto& g : plan.goals) {
    long long met = 0;
    for (const auto& o : outcomes)
      met += std::find(o.missed.begin(), o.missed.end(), g.name) == o.missed.end() ? 1 : 0;
    t.add_row({Cell{g.name}, Cell{std::string(g.hard ? "hard" : "soft")}, Cell{met},
               Cell{100.0 * static_cast<double>(met) / n}});
  }
  long long all = 0;
  for (const auto& o : outcomes) all += o.failed.empty() ? 1 : 0;
  t.add_row({Cell{std::string("every hard goal")}, Cell{std::string("hard")}, Cell{all},
             Cell{100.0 * static_cast<double>(all) / n}});
  t.notes.push_back(
      "a goal is met in a future when it is met in every year it applies (violation within "
      "round-off); a soft goal's part beyond every project's reach is not counted against it");
  return t;
}

}  // namespace

std::vector<Table> futures_tables(const plan::PlanModel& plan, const FuturesDraw& draw,
                                  const plan::PlanSolution& optimised,
                                  const std::vector<plan::RoadmapOutcome>& outcomes) {
  return {representatives_table(plan, draw, optimised), cost_table(draw, outcomes),
          goals_table(plan, outcomes)};
}

}  // namespace rareflow::workflow
