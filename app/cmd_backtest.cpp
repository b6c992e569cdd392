// `rareflow backtest NAME`: the market model on a historical episode, against what was
// observed (docs/model_calibration.md, section 7). The logic is in the scenario layer
// (run_backtest); this file maps options, prints the tables and writes results and report.
#include <iostream>

#include <fmt/format.h>

#include "command.hpp"
#include "output.hpp"
#include "rareflow/report/report.hpp"
#include "rareflow/scenario/backtest.hpp"

namespace rareflow::app {
namespace {

struct BacktestOptions {
  std::string name = "quota-era";
  std::string history;
  std::string out;
  std::string report;
  FormatOption format{{Format::Table, Format::Csv, Format::Json}};
};

void setup(CLI::App& root, GlobalOptions&) {
  auto o = std::make_shared<BacktestOptions>();
  auto* c = root.add_subcommand(
      "backtest", "run the market model on a past episode and compare it with what happened");
  c->add_option("name", o->name, "back-test to run (default: quota-era, China 2010-2015)");
  c->add_option("--history", o->history,
                "history package folder (default: the embedded data/history package)");
  c->add_option("--out", o->out,
                "write a results directory here (results.csv, run.json, tables.json) for "
                "`rareflow report`");
  c->add_option("--report", o->report, "also write a self-contained HTML report (or .xlsx) here");
  add_format_option(c, o->format, "of the printed tables (--out is a results directory)");
  c->callback([o] {
    const Format f = o->format.get("");
    auto run = scenario::run_backtest(o->name, o->history);
    if (!run) throw_error(run.error());
    std::vector<Table> tables{scenario::backtest_fit_table(*run), scenario::backtest_table(*run)};
    std::cout << render(tables, f);
    report::ReportInputs in;
    in.title = "rareflow backtest: " + run->name;
    in.results = scenario::backtest_iamc(*run);
    in.tables = tables;
    if (!o->out.empty()) {
      auto ok = report::write_results_dir(in, o->out);
      if (!ok) throw_error(ok.error());
      std::cerr << fmt::format("wrote {}/results.csv, run.json and tables.json\n", o->out);
    }
    if (!o->report.empty()) {
      auto ok = report::write_report(in, o->report, report::format_from_extension(o->report));
      if (!ok) throw_error(ok.error());
      std::cerr << fmt::format("wrote {}\n", o->report);
    }
  });
}

const bool kRegistered = register_command(55, setup);

}  // namespace
}  // namespace rareflow::app
