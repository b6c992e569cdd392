// `rareflow criticality`: supply risk of every element and group for a perspective (a region or
// a bloc), by the EU CRM method or the USGS-style method, with every intermediate term. The
// inputs come from the data package (rareflow::criticality::criticality_inputs), or for --method
// model from two market runs (rareflow::criticality::model_assessment); the tables are built by
// rareflow::workflow (criticality.hpp); this file maps options, explains and prints.
#include <algorithm>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

#include <fmt/format.h>

#include "command.hpp"
#include "output.hpp"
#include "rareflow/criticality/inputs.hpp"
#include "rareflow/criticality/model_inputs.hpp"
#include "rareflow/criticality/report.hpp"
#include "rareflow/criticality/subjects.hpp"
#include "rareflow/report/conventions.hpp"
#include "rareflow/workflow/criticality.hpp"

namespace rareflow::app {

namespace {

using namespace rareflow::criticality;

struct CriticalityOptions {
  std::string perspective;
  std::string method = "eu";
  std::string scenario;
  int year = 0;
  FormatOption format;
  std::string explain;
  std::string out;
  std::string report;
};

void check_method(const CriticalityOptions& o) {
  const std::vector<std::string> methods = {"eu", "usgs", "model"};
  if (std::find(methods.begin(), methods.end(), o.method) == methods.end()) {
    throw option_error("--method", fmt::format("expected eu, usgs or model, found \"{}\"{}",
                                               o.method, suggestion(o.method, methods)));
  }
  if (!o.scenario.empty() && o.method != "model")
    throw std::runtime_error("--scenario is used by --method model only");
}

// What a method gives: its tables (usgs and model: one, printed as one), or with --explain the
// computation as text.
struct MethodOutput {
  std::vector<Table> tables;
  bool one_table = false;
  std::string explained;
};

// Baseline and disruption market runs for the perspective (criticality/model_inputs.hpp).
MethodOutput run_model(const CriticalityOptions& o, const Dataset& d) {
  ModelRequest r;
  r.perspective = o.perspective;
  if (!o.scenario.empty()) r.scenario = o.scenario;
  if (o.year) r.year = o.year;
  std::optional<Material> m;  // checked before the (slower) market runs
  if (!o.explain.empty()) m = value_or_throw(resolve_material(o.explain));
  auto a = value_or_throw(model_assessment(d, r));
  if (m) {
    for (const auto& res : a.results)
      if (res.material == m->id) return {{}, false, explain(res)};
    throw std::runtime_error(
        fmt::format("{}: no model-based result for {} (the measure covers single elements with "
                    "a market price; groups and unpriced elements are not measured)",
                    m->id, a.perspective));
  }
  return {{workflow::model_tables(a)}, true, ""};
}

MethodOutput run_eu(const CriticalityInputs& in, const CriticalityOptions& o) {
  if (o.explain.empty()) return {value_or_throw(workflow::eu_tables(in)), false, ""};
  auto results = value_or_throw(assess_eu_from(in));
  const MaterialInputs* m = value_or_throw(find_material(in, o.explain));
  for (const auto& r : results)
    if (r.material == m->material.id)
      return {{}, false, explain_inputs(in, *m) + "\n" + explain(r)};
  throw std::runtime_error(fmt::format("{}: no result", m->material.id));
}

MethodOutput run_usgs(const CriticalityInputs& in, const CriticalityOptions& o) {
  if (o.explain.empty()) return {{value_or_throw(workflow::usgs_tables(in))}, true, ""};
  std::vector<std::string> skipped;
  auto results = value_or_throw(assess_usgs_from(in, skipped));
  const MaterialInputs* m = value_or_throw(find_material(in, o.explain));
  std::string out = explain_inputs(in, *m);
  for (const auto& r : results)
    if (r.commodity == m->material.id) out += "\n" + explain(r);
  for (const auto& s : skipped)
    if (s.starts_with(m->material.id + " ")) out += "\nNot scored: " + s + "\n";
  return {{}, false, out};
}

// --report: the EU scores as Criticality|SR and Criticality|EI rows (the report's scatter) and
// the summary and audit tables.
void write_report(const CriticalityInputs& in, const CriticalityOptions& o, int year,
                  GlobalOptions& g) {
  auto results = value_or_throw(assess_eu_from(in));
  IamcTable t;
  t.record.command = "criticality";
  t.record.entries["perspective"] = in.perspective;
  t.record.entries["method"] = "eu";
  std::vector<report::CriticalityScore> scores;
  for (const auto& r : results)
    if (r.economic_importance)
      scores.push_back({r.material, r.supply_risk, *r.economic_importance});
  report::append_criticality(t, "EU CRM method", in.perspective, year, scores);
  write_command_report(t, {eu_summary_table(in, results), eu_audit_table(in, results)},
                       "rareflow criticality: " + in.perspective, o.report, g);
}

void setup(CLI::App& root, GlobalOptions& g) {
  auto o = std::make_shared<CriticalityOptions>();
  auto* c = root.add_subcommand(
      "criticality",
      "supply risk of every rare earth for a region or bloc (EU CRM or USGS-style "
      "method, or shortfall and price change under a disruption from the market model), with "
      "every intermediate term");
  c->add_option("--perspective", o->perspective,
                "region id (USA, JPN, ...) or bloc (EU27, G7, BRICS)")
      ->required();
  c->add_option("--method", o->method, "eu (default), usgs or model");
  c->add_option("--scenario", o->scenario,
                "disruption scenario (--method model; default china-heavy-ree-licensing)");
  c->add_option("--year", o->year,
                "balance year (default: the data package's base year); with --method model the "
                "simulated year (default: the first whole year of the scenario's first policy)");
  add_format_option(c, o->format, "--explain prints text");
  c->add_option("--explain", o->explain,
                "print the computation for one element or group, step by step");
  c->add_option("--out", o->out, "write to this file instead of stdout");
  c->add_option("--report", o->report,
                "also write a self-contained HTML report (or .xlsx) with the SR-EI scatter (eu)");
  c->callback([o, &g] {
    const Format f = o->format.get(o->out);
    if (f == Format::Xlsx && !o->explain.empty())
      throw option_error("--explain", "prints text: expected --format table, csv or json");
    check_method(*o);
    const Dataset& d = dataset(g);
    auto print = [&](const MethodOutput& m) {
      if (!o->explain.empty())
        emit(m.explained, o->out);
      else if (m.one_table)
        emit_table(m.tables.front(), f, o->out, "criticality", g);
      else
        emit_tables(m.tables, f, o->out, "criticality", g);
    };
    if (o->method == "model") {
      print(run_model(*o, d));
      return;
    }
    const int year = o->year ? o->year : d.schema.base_year;
    auto in = value_or_throw(criticality_inputs(d, o->perspective, year));
    if (!o->explain.empty()) value_or_throw(find_material(in, o->explain));
    print(o->method == "usgs" ? run_usgs(in, *o) : run_eu(in, *o));
    if (!o->report.empty()) write_report(in, *o, year, g);
  });
}

const bool kRegistered = register_command(40, setup);

}  // namespace
}  // namespace rareflow::app
