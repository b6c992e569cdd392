// `rareflow criticality`: supply risk of every element and group for a perspective (a region or
// a bloc), by the EU CRM method or the USGS-style method, with every intermediate term. The
// inputs come from the data package (rareflow::criticality::criticality_inputs); this file maps
// options and prints.
#include <algorithm>
#include <memory>
#include <stdexcept>
#include <string>
#include <vector>

#include <fmt/format.h>

#include "command.hpp"
#include "rareflow/criticality/inputs.hpp"
#include "rareflow/criticality/report.hpp"
#include "rareflow/scenario/scenario.hpp"

namespace rareflow::app {

namespace {

using namespace rareflow::criticality;

struct CriticalityOptions {
  std::string perspective;
  std::string method = "eu";
  std::string scenario;
  int year = 0;
  std::string format = "table";
  std::string explain;
  std::string out;
};

template <class T>
T value_or_throw(Result<T> r) {
  if (!r) throw std::runtime_error(r.error().message);
  return std::move(*r);
}

void check_method(const CriticalityOptions& o) {
  const std::vector<std::string> methods = {"eu", "usgs", "model"};
  if (std::find(methods.begin(), methods.end(), o.method) == methods.end()) {
    const std::string hint = closest_match(o.method, methods);
    throw std::runtime_error(
        fmt::format("--method: expected eu, usgs or model, found \"{}\"{}", o.method,
                    hint.empty() ? "" : fmt::format(" (did you mean \"{}\"?)", hint)));
  }
  if (!o.scenario.empty() && o.method != "model")
    throw std::runtime_error("--scenario is used by --method model only");
}

// The model-based measure needs the market simulator run on the world model of the data package
// for a baseline and a named scenario. Scenario files load (rareflow::scenario) and the market
// layer offers simulate() on a MarketModel, but nothing yet turns the data package and a scenario
// into a MarketModel, so the command checks the scenario and then says so instead of producing
// numbers.
[[noreturn]] void model_unavailable(const CriticalityOptions& o, const Dataset& d) {
  if (o.scenario.empty())
    throw std::runtime_error(
        "--method model needs --scenario NAME (the disruption to compare with the baseline)");
  (void)scenario::load_scenario(o.scenario, d);  // unknown or invalid scenarios: InputError
  throw std::runtime_error(fmt::format(
      "--method model: the market simulator is not available for criticality yet (nothing "
      "builds the world market model from the data package and scenario \"{}\" for "
      "simulate()); use --method eu or usgs",
      o.scenario));
}

std::string run_eu(const CriticalityInputs& in, const CriticalityOptions& o, Format f) {
  auto results = value_or_throw(assess_eu_from(in));
  if (o.explain.empty())
    return render(std::vector<Table>{eu_summary_table(in, results), eu_audit_table(in, results)},
                  f);
  const MaterialInputs* m = value_or_throw(find_material(in, o.explain));
  for (const auto& r : results)
    if (r.material == m->material.id) return explain_inputs(in, *m) + "\n" + explain(r);
  throw std::runtime_error(fmt::format("{}: no result", m->material.id));
}

std::string run_usgs(const CriticalityInputs& in, const CriticalityOptions& o, Format f) {
  std::vector<std::string> skipped;
  auto results = value_or_throw(assess_usgs_from(in, skipped));
  if (o.explain.empty()) {
    Table t = usgs_table(results);
    t.title += fmt::format(", {}, {} balance, WGI {}", in.perspective, in.year, in.governance.year);
    t.notes.insert(t.notes.end(), in.notes.begin(), in.notes.end());
    for (const auto& s : skipped) t.notes.push_back("Not scored: " + s);
    return render(t, f);
  }
  const MaterialInputs* m = value_or_throw(find_material(in, o.explain));
  std::string out = explain_inputs(in, *m);
  for (const auto& r : results)
    if (r.commodity == m->material.id) out += "\n" + explain(r);
  for (const auto& s : skipped)
    if (s.starts_with(m->material.id + " ")) out += "\nNot scored: " + s + "\n";
  return out;
}

void setup(CLI::App& root, GlobalOptions& g) {
  auto o = std::make_shared<CriticalityOptions>();
  auto* c = root.add_subcommand(
      "criticality",
      "supply risk of every rare earth for a region or bloc (EU CRM or USGS-style "
      "method), with every intermediate term");
  c->add_option("--perspective", o->perspective,
                "region id (USA, JPN, ...) or bloc (EU27, G7, BRICS)")
      ->required();
  c->add_option("--method", o->method, "eu (default), usgs or model");
  c->add_option("--scenario", o->scenario, "disruption scenario (--method model)");
  c->add_option("--year", o->year, "balance year (default: the data package's base year)");
  c->add_option("--format", o->format, "table, csv or json");
  c->add_option("--explain", o->explain,
                "print the computation for one element or group, step by step");
  c->add_option("--out", o->out, "write to this file instead of stdout");
  c->callback([o, &g] {
    Format f;
    if (!parse_format(o->format, f))
      throw std::runtime_error(
          fmt::format("--format: expected table, csv or json, found \"{}\"", o->format));
    check_method(*o);
    const Dataset& d = dataset(g);
    const int year = o->year ? o->year : d.schema.base_year;
    auto in = value_or_throw(criticality_inputs(d, o->perspective, year));
    if (!o->explain.empty()) value_or_throw(find_material(in, o->explain));
    if (o->method == "model") model_unavailable(*o, d);
    emit(o->method == "usgs" ? run_usgs(in, *o, f) : run_eu(in, *o, f), o->out);
  });
}

const bool kRegistered = register_command(40, setup);

}  // namespace
}  // namespace rareflow::app
