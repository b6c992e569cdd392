// `rareflow simulate`: the yearly market equilibrium of a scenario over a range of years. The
// logic is in the scenario layer (run_scenario, simulate_summary) and the results directory
// in the workflow layer; this file maps options and prints the summary.
#include <filesystem>
#include <iostream>

#include <fmt/format.h>

#include "command.hpp"
#include "output.hpp"
#include "rareflow/core/io.hpp"
#include "rareflow/scenario/market_adapter.hpp"
#include "rareflow/sweep/scenario_sweep.hpp"
#include "rareflow/workflow/results_dir.hpp"

namespace rareflow::app {
namespace {

namespace fs = std::filesystem;

struct SimulateOptions {
  std::string scenario = "baseline";
  std::string years;
  std::string out;
  // The results file of --out; the printed summary is always a text table.
  FormatOption format{{Format::Csv, Format::Json}, Format::Csv};
  std::string dump_lp;
  std::string report;
  bool cold = false;
  std::vector<std::string> replay;  // DIR RUN of a sweep
};

void setup(CLI::App& root, GlobalOptions& g) {
  auto o = std::make_shared<SimulateOptions>();
  auto* c = root.add_subcommand(
      "simulate", "yearly market equilibrium of a scenario (prices, trade, shortfalls)");
  c->add_option("scenario", o->scenario,
                "scenario file (SCENARIO.toml) or the name of a shipped scenario (default: "
                "baseline)");
  c->add_option("--years", o->years, "years to simulate, FIRST..LAST (default: the scenario's)");
  c->add_option("--out", o->out, "write results.csv (or .json) and run.json to this directory");
  add_format_option(c, o->format, "of the results file in --out");
  c->add_option("--dump-lp", o->dump_lp,
                "write each year's LP (readable row and column names) to this directory");
  c->add_option("--report", o->report, "also write a self-contained HTML report (or .xlsx) here");
  c->add_flag("--cold", o->cold, "solve every year from scratch (no warm start)");
  c->add_option("--replay", o->replay, "DIR RUN: run alone run RUN of the sweep in DIR")
      ->expected(2);
  c->callback([o, &g] {
    auto format = o->format.parse(o->out);
    if (!format) throw option_error("", format.error().message);
    const Dataset& d = dataset(g);
    scenario::RunOptions ro;
    ro.input = o->scenario;
    ro.warm_start = !o->cold;
    if (!o->years.empty()) {
      auto y = scenario::parse_year_range(o->years);
      if (!y) throw option_error("--years", y.error().message);
      if (y->first < d.schema.base_year || y->second > 2100)
        throw option_error("--years", fmt::format("expected years in {}..2100, found {}",
                                                  d.schema.base_year, o->years));
      ro.first_year = y->first;
      ro.last_year = y->second;
    }
    // Every output path is checked before any work starts.
    if (!o->out.empty())
      if (auto ok = check_output_dir(o->out); !ok) throw option_error("--out", ok.error().message);
    if (!o->report.empty())
      if (auto ok = check_output_file(o->report); !ok)
        throw option_error("--report", ok.error().message);
    scenario::Scenario s;
    if (o->replay.empty()) {
      s = value_or_throw(scenario::load_scenario(o->scenario, d));
    } else {
      std::size_t run = 0;
      try {
        run = std::stoul(o->replay[1]);
      } catch (const std::exception&) {
        throw option_error("--replay", "expected DIR RUN with RUN a run number");
      }
      auto r = sweep::replay_scenario(d, o->replay[0], run);
      if (!r) throw_error(r.error());
      s = std::move(r->scenario);
      ro.input = s.name;
      if (o->years.empty()) {
        ro.first_year = r->first_year;
        ro.last_year = r->last_year;
      }
    }
    if (!o->dump_lp.empty()) {
      std::error_code ec;
      fs::create_directories(o->dump_lp, ec);
      if (ec) throw option_error("--dump-lp", ec.message());
      ro.dump_dir = o->dump_lp;
    }
    auto run = scenario::run_scenario(d, s, ro);
    if (!run) throw_error(run.error());
    if (!o->out.empty())
      if (auto w = workflow::write_results_dir(run->sim.table, o->out, *format == Format::Json); !w)
        throw option_error("--out", w.error().message);
    std::vector<Table> tables;
    if (!run->calibration.empty()) tables.push_back(scenario::calibration_table(run->calibration));
    for (auto& t : scenario::simulate_summary(run->sim.table)) tables.push_back(std::move(t));
    std::cout << render(tables, Format::Table);
    const auto& rec = run->sim.table.record.entries;
    std::cout << fmt::format("scenario {} ({}), data {} {}, years {}, LP {} rows x {} columns\n",
                             run->build.scenario, rec.at("scenario.chain"), run->build.data_name,
                             run->build.data_version, rec.at("market.years"),
                             rec.at("market.lp.rows"), rec.at("market.lp.columns"));
    // Policies that change nothing (also in run.json as warning.policy.NAME).
    for (const auto& [key, why] : rec)
      if (key.starts_with("warning.policy."))
        std::cout << fmt::format("warning: policy '{}' changes no flow: {}\n",
                                 key.substr(std::string("warning.policy.").size()), why);
    if (!o->out.empty())
      std::cout << fmt::format("wrote {}/results.{} and {}/run.json\n", o->out,
                               format_name(*format), o->out);
    if (!o->report.empty())
      write_command_report(run->sim.table, tables, "rareflow simulate: " + run->build.scenario,
                           o->report, g);
  });
}

const bool kRegistered = register_command(50, setup);

}  // namespace
}  // namespace rareflow::app
