// `rareflow plan`: the least-cost roadmap of a plan file (MILP solved with COIN-OR Cbc), next
// to the reference strategy of announced projects. The logic is in src/plan (run_plan), run
// with the market evaluation by rareflow::workflow::run_plan.
#include <iostream>

#include <fmt/format.h>

#include "command.hpp"
#include "output.hpp"
#include "rareflow/core/io.hpp"
#include "rareflow/report/plan_rows.hpp"
#include "rareflow/report/progress.hpp"
#include "rareflow/workflow/plan.hpp"

namespace rareflow::app {
namespace {

struct PlanOptions {
  std::string plan;
  std::string format = "table";
  std::string out_dir;
  std::string dump_lp;
  double time_limit = 0;  // 0: the plan's [solver] setting
  double gap = -1;        // < 0: the plan's [solver] setting
  bool no_reference = false;
  bool evaluate = false;
  std::string report;
};

void setup(CLI::App& root, GlobalOptions& g) {
  auto o = std::make_shared<PlanOptions>();
  auto* c = root.add_subcommand(
      "plan", "least-cost roadmap of projects that meets a country's goals (MILP)");
  c->add_option("plan", o->plan,
                "plan file (PLAN.toml) or the name of an embedded plan (e.g. russia-2035)")
      ->required();
  c->add_option("--format", o->format, "table, csv or json");
  c->add_option("--out", o->out_dir,
                "also write every table as csv, plus results.csv/json (IAMC) and run.json, into "
                "this directory");
  c->add_option("--dump-lp", o->dump_lp,
                "write the optimised model in LP format with readable names");
  c->add_option("--time-limit", o->time_limit, "solver time limit per solve, seconds");
  c->add_option("--gap", o->gap, "relative optimality gap target, e.g. 0.01");
  c->add_flag("--no-reference", o->no_reference,
              "skip the reference strategy (announced projects)");
  c->add_flag("--evaluate", o->evaluate,
              "also commit the optimised roadmap in the market simulator (baseline scenario) and "
              "compare what it achieves there with what the plan expected");
  c->add_option("--report", o->report, "also write a self-contained HTML report (or .xlsx) here");
  c->callback([o, &g] {
    Format f;
    if (!parse_format(o->format, f))
      throw std::runtime_error(
          fmt::format("--format: expected table, csv or json, found \"{}\"", o->format));
    if (o->time_limit < 0) throw std::runtime_error("--time-limit: expected seconds > 0");
    if (o->gap > 1)
      throw std::runtime_error(
          fmt::format("--gap: expected a share between 0 and 1, found {}", o->gap));
    workflow::PlanRequest req;
    req.plan_file = o->plan;
    if (o->time_limit > 0) req.options.solve.time_limit_s = o->time_limit;
    if (o->gap >= 0) req.options.solve.gap = o->gap;
    req.options.reference = !o->no_reference;
    req.options.lp_text = !o->dump_lp.empty();
    req.evaluate = o->evaluate;
    if (o->evaluate) req.data = &dataset(g);
    report::Progress progress({"plan", workflow::plan_steps(req)});
    req.progress = [&progress](int step, const std::string& what) { progress.update(step, what); };
    auto r = workflow::run_plan(req);
    if (!r) throw std::runtime_error(r.error().message);
    if (!o->dump_lp.empty()) {
      auto w = write_file_atomic(o->dump_lp, r->lp);
      if (!w) throw std::runtime_error(w.error().message);
    }
    report::append_plan_rows(r->iamc, *r);
    if (!o->out_dir.empty()) {
      auto w = plan::write_plan_outputs(*r, o->out_dir);
      if (!w) throw std::runtime_error(w.error().message);
      std::cerr << fmt::format("rareflow plan: wrote {} tables and IAMC results to {}\n",
                               r->tables.size(), o->out_dir);
    }
    emit(render(r->tables, f), "");
    if (!o->report.empty())
      write_command_report(r->iamc, r->tables, "rareflow plan: " + r->plan.title, o->report, g);
  });
}

const bool kRegistered = register_command(70, setup);

}  // namespace
}  // namespace rareflow::app
