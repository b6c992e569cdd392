// `rareflow dsm`: the dynamic stock model on a user's year,value CSV. Logic lives in
// rareflow::workflow::run_dsm; this file only maps options and prints.
#include <memory>

#include "command.hpp"
#include "output.hpp"
#include "rareflow/workflow/dsm.hpp"

namespace rareflow::app {

namespace {

struct DsmOptions {
  workflow::DsmRequest request;
  FormatOption format{kTableFormats, Format::Csv};
  std::string out;
};

const bool kRegistered = register_command(60, [](CLI::App& root, GlobalOptions& g) {
  auto o = std::make_shared<DsmOptions>();
  auto* c = root.add_subcommand(
      "dsm", "dynamic stock model (ODYM conventions) on a year,value CSV of inflows or stocks");
  auto* inflow = c->add_option("--inflow", o->request.inflow_file,
                               "CSV year,value of inflows per year (inflow-driven model)");
  auto* stock =
      c->add_option("--stock", o->request.stock_file,
                    "CSV year,value of stock at the end of each year (stock-driven model)");
  inflow->excludes(stock);
  c->add_option("--lifetime", o->request.lifetime,
                "normal:MEAN,SD | foldednormal:MEAN,SD | lognormal:MEAN,SD | "
                "weibull:SHAPE,SCALE | fixed:MEAN (years)")
      ->required();
  c->add_flag("--negative-inflow-correction", o->request.negative_inflow_correction,
              "stock-driven: when the implied inflow is negative, set it to 0 and take the gap "
              "from all cohorts in proportion");
  c->add_flag("--by-cohort", o->request.by_cohort, "also write stock and outflow by cohort");
  add_format_option(c, o->format);
  c->add_option("--out", o->out, "write to FILE instead of standard output");
  c->callback([o, &g] {
    const Format f = o->format.get(o->out);
    auto tables = workflow::run_dsm(o->request);
    if (!tables) throw InputError(tables.error());
    if (tables->size() == 1)
      emit_table(tables->front(), f, o->out, "dsm", g);
    else
      emit_tables(*tables, f, o->out, "dsm", g);
  });
});

}  // namespace

}  // namespace rareflow::app
