// Scenarios, market runs, compare, plans and reports. The GIL is released while the market or
// the planner solves; progress callbacks take it back for the call.
#include <functional>
#include <optional>

#include <pybind11/functional.h>
#include <pybind11/stl.h>

#include "convert.hpp"
#include "objects.hpp"
#include "rareflow/plan/plan_run.hpp"
#include "rareflow/report/balance_flows.hpp"
#include "rareflow/report/plan_rows.hpp"
#include "rareflow/report/report.hpp"
#include "rareflow/scenario/market_adapter.hpp"
#include "rareflow/scenario/scenario_table.hpp"
#include "rareflow/workflow/plan.hpp"
#include "rareflow/workflow/results_dir.hpp"
#include "scenario_dict.hpp"

namespace rareflow::python {

namespace {

constexpr const char* kDictOrigin = "scenario dict";

PyScenario scenario_from_dict(const py::dict& d, const DatasetPtr& data) {
  Diagnostics diags;
  toml::table t = dict_to_toml(d, kDictOrigin, diags);
  if (!diags.empty()) throw InputError(std::move(diags));
  return {value_or_raise(scenario::load_scenario_table(t, kDictOrigin, *data)), data, kDictOrigin};
}

py::dict scenario_as_dict(const std::string& name_or_path) {
  auto text = scenario::scenario_text(name_or_path);
  if (!text) {
    Diagnostics d;
    d.add(name_or_path, 0, 0, "scenario", "no such file or shipped scenario");
    throw InputError(std::move(d));
  }
  try {
    return toml_to_dict(toml::parse(text->second, text->first));
  } catch (const toml::parse_error& e) {
    Diagnostics d;
    d.add(text->first, static_cast<int>(e.source().begin.line),
          static_cast<int>(e.source().begin.column), "", std::string(e.description()));
    throw InputError(std::move(d));
  }
}

// Runs `s` with the GIL released; `progress(year, first, last)` is called after each year.
PyResults simulate(const PyScenario& s, std::optional<int> first, std::optional<int> last,
                   bool warm_start, const py::object& progress) {
  scenario::RunOptions o;
  o.first_year = first;
  o.last_year = last;
  o.warm_start = warm_start;
  o.input = s.input;
  const int from = first.value_or(s.scenario.first_year);
  const int to = last.value_or(s.scenario.last_year);
  if (!progress.is_none())
    o.on_year = [&progress, from, to](int year) {
      py::gil_scoped_acquire locked;
      progress(year, from, to);
    };
  Result<scenario::ScenarioRun> run = [&] {
    py::gil_scoped_release unlocked;
    return scenario::run_scenario(*s.data, s.scenario, o);
  }();
  scenario::ScenarioRun r = value_or_raise(std::move(run));
  PyResults out{std::move(r.sim.table), {}, {}, s.data};
  if (!r.calibration.empty()) out.tables.push_back(scenario::calibration_table(r.calibration));
  for (auto& t : scenario::simulate_summary(out.table)) out.tables.push_back(std::move(t));
  out.title = "rareflow simulate: " + r.build.scenario;
  return out;
}

PyResults results_of(const DatasetPtr& data, const std::string& what, std::optional<int> first,
                     std::optional<int> last) {
  scenario::RunOptions o;
  o.first_year = first;
  o.last_year = last;
  Result<IamcTable> r = [&] {
    py::gil_scoped_release unlocked;
    return workflow::results_of(*data, what, o);
  }();
  PyResults out{value_or_raise(std::move(r)), {}, {}, data};
  out.title = out.table.record.entries.contains("title") ? out.table.record.entries.at("title")
                                                         : "rareflow: " + what;
  return out;
}

PyResults plan(const std::string& plan_file, const DatasetPtr& data, bool evaluate,
               double time_limit, double gap, bool reference, const py::object& progress) {
  workflow::PlanRequest req;
  req.plan_file = plan_file;
  if (time_limit > 0) req.options.solve.time_limit_s = time_limit;
  if (gap >= 0) req.options.solve.gap = gap;
  req.options.reference = reference;
  req.evaluate = evaluate;
  req.data = data.get();
  const int steps = workflow::plan_steps(req);
  if (!progress.is_none())
    req.progress = [&progress, steps](int step, const std::string& what) {
      py::gil_scoped_acquire locked;
      progress(step, steps, what);
    };
  Result<plan::PlanRunResult> run = [&] {
    py::gil_scoped_release unlocked;
    return workflow::run_plan(req);
  }();
  plan::PlanRunResult r = value_or_raise(std::move(run));
  report::append_plan_rows(r.iamc, r);
  return {std::move(r.iamc), std::move(r.tables), "rareflow plan: " + r.plan.title, data};
}

// One report from runs, plan runs and results directories, with the base-year view of `data`.
void write_report(const py::list& items, const std::string& path, const DatasetPtr& data,
                  const std::string& title) {
  std::vector<report::ReportInputs> parts;
  Diagnostics diags;
  for (const auto& item : items) {
    if (py::isinstance<PyResults>(item)) {
      const auto& r = item.cast<const PyResults&>();
      report::ReportInputs in;
      in.title = r.title;
      in.results = r.table;
      in.tables = r.tables;
      parts.push_back(std::move(in));
    } else {
      const auto dir = item.cast<std::string>();
      auto in = report::load_results_dir(dir);
      if (in)
        parts.push_back(std::move(*in));
      else
        diags.add(dir, 0, 0, "", in.error().message);
    }
  }
  if (!diags.empty()) throw InputError(std::move(diags));
  if (parts.empty()) throw RunFailure("report: expected at least one run or results directory");
  report::ReportInputs in = report::merge_inputs(std::move(parts));
  if (!title.empty()) in.title = title;
  py::gil_scoped_release unlocked;
  if (auto b = report::add_base_year(in, *data); !b) throw RunFailure(b.error().message);
  auto ok = report::write_report(in, path, report::format_from_extension(path));
  if (!ok) throw RunFailure(ok.error().message);
}

}  // namespace

void bind_runs(py::module_& m) {
  py::class_<PyScenario>(m, "Scenario")
      .def_property_readonly("name", [](const PyScenario& s) { return s.scenario.name; })
      .def_property_readonly("description",
                             [](const PyScenario& s) { return s.scenario.description; })
      .def_property_readonly("chain", [](const PyScenario& s) { return s.scenario.chain; })
      .def_property_readonly("years",
                             [](const PyScenario& s) {
                               return std::pair{s.scenario.first_year, s.scenario.last_year};
                             })
      .def_property_readonly(
          "policies",
          [](const PyScenario& s) {
            py::list out;
            for (const auto& p : s.scenario.policies)
              out.append(py::make_tuple(std::string(policy_kind_name(p.kind)), p.name));
            return out;
          })
      .def_property_readonly("dataset", [](const PyScenario& s) { return s.data; });

  py::class_<PyResults>(m, "Results")
      .def_property_readonly("title", [](const PyResults& r) { return r.title; })
      .def("iamc", [](const PyResults& r) { return iamc_to_py(r.table); })
      .def("record", [](const PyResults& r) { return record_to_py(r.table.record); })
      .def("tables", [](const PyResults& r) { return tables_to_py(r.tables); })
      .def("write", [](const PyResults& r, const std::string& dir, bool json) {
        value_or_raise(workflow::write_results_dir(r.table, dir, json));
      });

  m.def("load_scenario", [](const std::string& name_or_path, const DatasetPtr& data) {
    return PyScenario{value_or_raise(scenario::load_scenario(name_or_path, *data)), data,
                      name_or_path};
  });
  m.def("load_scenario_dict", &scenario_from_dict);
  m.def("scenario_dict", &scenario_as_dict);
  m.def("shipped_scenarios", &scenario::shipped_scenarios);
  m.def("simulate", &simulate);
  m.def("results_of", &results_of);
  m.def("read_results", [](const std::string& dir) {
    PyResults out{value_or_raise(workflow::read_results_dir(dir)), {}, {}, nullptr};
    out.title = out.table.record.entries.contains("title") ? out.table.record.entries.at("title")
                                                           : "rareflow: " + dir;
    return out;
  });
  m.def("compare", [](const PyResults& a, const PyResults& b, const std::vector<int>& years) {
    return tables_to_py(value_or_raise(scenario::compare_tables(a.table, b.table, years)));
  });
  m.def("plan", &plan);
  m.def("report", &write_report);
}

}  // namespace rareflow::python
