// `rareflow sweep`: Monte Carlo or grid runs of a scenario (logic in src/sweep, shared between
// MPI ranks by src/mpi). This file maps options, prints the summary and the sensitivity table.
#include <iostream>

#include <fmt/format.h>

#include "command.hpp"
#include "output.hpp"
#include "rareflow/core/io.hpp"
#include "rareflow/mpi/session.hpp"
#include "rareflow/scenario/market_adapter.hpp"
#include "rareflow/sweep/scenario_sweep.hpp"

namespace rareflow::app {
namespace {

void setup(CLI::App& root, GlobalOptions& g) {
  auto o = std::make_shared<sweep::SweepOptions>();
  auto years = std::make_shared<std::string>();
  auto report = std::make_shared<std::string>();
  auto* c = root.add_subcommand(
      "sweep", "run a scenario many times with its distributions sampled (or over a grid)");
  c->add_option("scenario", o->scenario, "scenario file or shipped scenario name")->required();
  c->add_option("--runs", o->runs, "number of sampled runs (default 100)");
  c->add_option("--seed", o->seed, "random seed (default 1); same seed, same results");
  c->add_option("--threads", o->threads, "threads (default 1); results do not depend on it");
  c->add_option("--out", o->out, "output directory (percentiles.csv, samples.csv, ...)")
      ->required();
  c->add_option("--grid", o->grid, "NAME=FROM:TO:COUNT or NAME=V1,V2: a grid instead of samples");
  c->add_option("--years", *years, "years to simulate, FIRST..LAST (default: the scenario's)");
  c->add_option("--explain", o->explain,
                "VARIABLE@REGION@YEAR: rank the inputs by the share of its variance they explain");
  c->add_flag(
      "--cold", [o](std::int64_t) { o->warm_start = false; },
      "solve every year from scratch (no warm start), to time the warm start");
  c->add_flag("--keep-runs", o->keep_runs, "also write every run's results to runs.csv");
  c->add_option("--report", *report,
                "also write a self-contained HTML report (or .xlsx) of the ranges here");
  c->callback([o, years, report, &g] {
    if (o->runs < 1) throw option_error("--runs", "expected a number of runs >= 1");
    if (o->threads < 1) throw option_error("--threads", "expected a number of threads >= 1");
    if (!years->empty()) {
      auto y = scenario::parse_year_range(*years);
      if (!y) throw option_error("--years", y.error().message);
      o->first_year = y->first;
      o->last_year = y->second;
    }
    if (!report->empty())
      if (auto ok = check_output_file(*report); !ok)
        throw option_error("--report", ok.error().message);
    const Dataset& d = dataset(g);
    scenario::Scenario s = value_or_throw(scenario::load_scenario(o->scenario, d));
    // Under mpirun each rank evaluates its share of the runs; only rank 0 writes and prints.
    mpi::Session mpi;
    o->ranks = mpi.ranks();
    auto r = sweep::run_sweep(d, s, *o);
    if (!r && mpi.size() > 1) {
      // The other ranks may be waiting for this one: say why, then end them all.
      std::string rank = mpi.rank() ? fmt::format("rank {}: ", mpi.rank()) : "";
      std::cerr << fmt::format("rareflow: error: {}{}\n", rank, r.error().message);
      mpi.abort(1);
    }
    if (!r) throw_error(r.error());
    if (mpi.rank() != 0) return;
    std::cout << fmt::format("sweep of {}: {} runs ({}), seed {}, inputs: ", r->scenario_name,
                             r->plan.runs(), o->grid.empty() ? "sampled" : "grid", o->seed);
    for (std::size_t i = 0; i < r->plan.names.size(); ++i)
      std::cout << (i ? ", " : "") << r->plan.names[i];
    std::cout << fmt::format("\nwrote {}/percentiles.csv ({} outputs), samples.csv, sweep.json\n",
                             o->out.string(), r->columns.size());
    for (const auto& [run, why] : r->failures)
      std::cout << fmt::format("warning: run {} failed: {}\n", run, why);
    if (!r->sensitivity.empty()) {
      std::cout << fmt::format("explained variance of {} (standardized regression, R^2 {:.3f}):\n",
                               o->explain, r->r2);
      for (const auto& x : r->sensitivity)
        std::cout << fmt::format("  {:<32} SRC {:+.3f}  share {:5.1f} %\n", x.input, x.src,
                                 100 * x.share);
    }
    if (!r->explain_note.empty())
      std::cout << fmt::format("--explain {}: {}\n", o->explain, r->explain_note);
    if (!report->empty())
      write_command_report(sweep::medians(*r), {}, "rareflow sweep: " + r->scenario_name, *report,
                           g, *r);
    if (!r->failures.empty()) g.exit_code = 1;
  });
}

const bool kRegistered = register_command(55, setup);

}  // namespace
}  // namespace rareflow::app
