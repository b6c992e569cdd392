// `rareflow plan`: the least-cost roadmap of a plan file (MILP solved with COIN-OR Cbc), next
// to the reference strategy of announced projects. The logic is in src/plan (run_plan), run
// with the market evaluation by rareflow::workflow::run_plan.
#include <filesystem>
#include <iostream>

#include <fmt/format.h>

#include "command.hpp"
#include "output.hpp"
#include "progress.hpp"
#include "rareflow/core/io.hpp"
#include "rareflow/report/plan_rows.hpp"
#include "rareflow/workflow/plan.hpp"

namespace rareflow::app {
namespace {

struct PlanOptions {
  std::string plan;
  FormatOption format{{Format::Table, Format::Csv, Format::Json}};
  std::string out_dir;
  std::string dump_lp;
  double time_limit = 0;  // 0: the plan's [solver] setting
  double gap = -1;        // < 0: the plan's [solver] setting
  bool no_reference = false;
  bool evaluate = false;
  bool rank = false;
  std::vector<std::string> sweeps;
  std::size_t futures = 0;  // 0: the plan's own scenarios
  std::size_t reduce = 10;
  std::uint64_t seed = 1;
  bool no_regret = false;
  std::string report;
};

// --dump-lp takes a directory, as for simulate; it is checked (and created) before any solve.
void prepare_dump_dir(const std::string& dir) {
  namespace fs = std::filesystem;
  std::error_code ec;
  if (fs::exists(dir, ec) && !fs::is_directory(dir, ec))
    throw option_error("--dump-lp", fmt::format("expected a directory, found the file {}", dir));
  fs::create_directories(dir, ec);
  if (ec) throw option_error("--dump-lp", fmt::format("{}: {}", dir, ec.message()));
}

void setup(CLI::App& root, GlobalOptions& g) {
  auto o = std::make_shared<PlanOptions>();
  auto* c = root.add_subcommand(
      "plan", "least-cost roadmap of projects that meets a country's goals (MILP)");
  c->add_option("plan", o->plan,
                "plan file (PLAN.toml) or the name of an embedded plan (e.g. russia-2035)")
      ->required();
  add_format_option(c, o->format, "of the printed tables (--out is a directory of csv files)");
  c->add_option("--out", o->out_dir,
                "also write every table as csv, plus results.csv/json (IAMC) and run.json, into "
                "this directory");
  c->add_option("--dump-lp", o->dump_lp,
                "write the models in LP format with readable names into this directory "
                "(plan_optimised.lp, plan_reference.lp)");
  c->add_option("--time-limit", o->time_limit, "solver time limit per solve, seconds");
  c->add_option("--gap", o->gap, "relative optimality gap target, e.g. 0.01");
  c->add_flag("--no-reference", o->no_reference,
              "skip the reference strategy (announced projects)");
  c->add_flag("--evaluate", o->evaluate,
              "also commit the optimised roadmap in the market simulator (baseline scenario) and "
              "compare what it achieves there with what the plan expected");
  c->add_flag("--rank", o->rank,
              "value every candidate project: the change in expected cost when it is forbidden "
              "and when it is forced on its earliest date, with the goals then failed");
  c->add_option("--sweep-goal", o->sweeps,
                "re-solve across a goal's target, NAME=FROM:TO:POINTS (shares in %, budgets in "
                "USD million), e.g. import-dependence-2030=30:60:7; may be repeated");
  auto* futures =
      c->add_option("--futures", o->futures,
                    "sample N futures from the plan's [futures] table, solve over --reduce of them "
                    "and evaluate the roadmap in all N (cost, regret, goal attainment)");
  c->add_option("--reduce", o->reduce,
                "with --futures: representative futures kept by fast forward selection "
                "(default 10)")
      ->needs(futures);
  c->add_option("--seed", o->seed,
                "with --futures: random seed (default 1); same seed, same "
                "results")
      ->needs(futures);
  c->add_flag("--no-regret", o->no_regret,
              "with --futures: skip solving each sampled future alone (no regret, half the "
              "solves)")
      ->needs(futures);
  c->add_option("--report", o->report, "also write a self-contained HTML report (or .xlsx) here");
  c->callback([o, &g] {
    const Format f = o->format.get("");
    if (o->time_limit < 0) throw option_error("--time-limit", "expected seconds > 0");
    if (o->gap > 1)
      throw option_error("--gap",
                         fmt::format("expected a share between 0 and 1, found {}", o->gap));
    if (!o->dump_lp.empty()) prepare_dump_dir(o->dump_lp);
    // --data is loaded (and checked) before any solve; the MILP itself still takes its world
    // market, recipes, prices and demand from the plan file, so say so rather than ignore it.
    if (!g.data_dir.empty() && !o->evaluate) {
      dataset(g);
      std::cerr << fmt::format(
          "rareflow plan: note: the data package {} is used by --evaluate only; the plan's MILP "
          "takes its world market, magnet recipes, prices and demand from the plan file\n",
          g.data_dir);
    }
    workflow::PlanRequest req;
    req.plan_file = o->plan;
    if (o->time_limit > 0) req.options.solve.time_limit_s = o->time_limit;
    if (o->gap >= 0) req.options.solve.gap = o->gap;
    req.options.reference = !o->no_reference;
    req.options.lp_text = !o->dump_lp.empty();
    req.options.rank = o->rank;
    req.options.sweeps = o->sweeps;
    req.evaluate = o->evaluate;
    req.futures = {o->futures, o->reduce, o->seed, !o->no_regret};
    if (o->evaluate) req.data = &dataset(g);
    report::Progress progress = stderr_progress({"plan", workflow::plan_steps(req)});
    req.progress = [&progress](int step, const std::string& what) { progress.update(step, what); };
    auto r = workflow::run_plan(req);
    if (!r) throw_error(r.error());
    if (!o->dump_lp.empty()) {
      const std::filesystem::path dir(o->dump_lp);
      for (const auto& [name, lp] : {std::pair{"plan_optimised.lp", &r->lp},
                                     std::pair{"plan_reference.lp", &r->lp_reference}}) {
        if (lp->empty()) continue;
        auto w = write_file_atomic(dir / name, *lp);
        if (!w) throw_error(w.error());
      }
    }
    report::append_plan_rows(r->iamc, *r);
    if (!o->out_dir.empty()) {
      auto w = plan::write_plan_outputs(*r, o->out_dir);
      if (!w) throw_error(w.error());
      std::cerr << fmt::format("rareflow plan: wrote {} tables and IAMC results to {}\n",
                               r->tables.size(), o->out_dir);
    }
    emit(render(r->tables, f), "");
    if (f == Format::Table) {
      const auto& s = r->optimised.solver;
      std::cout << fmt::format(
          "optimised strategy: {}, relative gap {:.4f}% (target {:.4f}%; set with --gap or "
          "[solver] gap)\n",
          plan::status_name(s.status), 100.0 * s.gap, 100.0 * s.gap_target);
    }
    if (!o->report.empty())
      write_command_report(r->iamc, r->tables, "rareflow plan: " + r->plan.title, o->report, g);
  });
}

const bool kRegistered = register_command(70, setup);

}  // namespace
}  // namespace rareflow::app
