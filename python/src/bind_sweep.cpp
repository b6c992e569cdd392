// rareflow.sweep: Monte Carlo or grid runs of a scenario (src/sweep), as `rareflow sweep` does
// them. The GIL is released while the runs solve; the sweep has no per-run progress hook.
#include <cstdint>
#include <optional>

#include <fmt/format.h>
#include <pybind11/stl.h>

#include "convert.hpp"
#include "objects.hpp"
#include "rareflow/sweep/scenario_sweep.hpp"

namespace rareflow::python {

namespace {

InputError option_error(const std::string& option, const std::string& message) {
  Diagnostics d;
  d.add("sweep", 0, 0, option, message);
  return InputError(std::move(d));
}

// run_sweep reports bad options (an unknown grid input, a scenario without a distribution, a
// bad explain target) by message prefix; those are input errors, anything else a run failure.
[[noreturn]] void raise_sweep_error(const std::string& message) {
  for (const auto& [prefix, field] :
       {std::pair{"--grid: ", "grid"}, {"--explain: ", "explain"}, {"cannot say: ", "scenario"}})
    if (message.starts_with(prefix))
      throw option_error(field, message.starts_with("--")
                                    ? message.substr(std::string_view(prefix).size())
                                    : message);
  throw RunFailure(message);
}

// One tuple per output: region, variable, unit, year, runs, p5, p25, p50, p75, p95, mean.
py::list percentiles_to_py(const sweep::SweepResult& r) {
  py::list rows;
  for (std::size_t c = 0; c < r.columns.size(); ++c) {
    const auto& col = r.columns[c];
    const auto& s = r.stats[c];
    rows.append(py::make_tuple(col.region, col.variable, col.unit, col.year, s.runs, s.p5, s.p25,
                               s.p50, s.p75, s.p95, s.mean));
  }
  return rows;
}

// {"scenario", "mode", "inputs", "values" (per run), "failures", "percentiles" (rows),
//  "sensitivity" ([(input, src, share)]), "r2", "explain_note"}
py::dict sweep(const PyScenario& s, std::int64_t runs, std::uint64_t seed, int threads,
               const std::string& out, std::optional<int> first, std::optional<int> last,
               const std::vector<std::string>& grid, const std::string& explain, bool keep_runs) {
  if (runs < 1) throw option_error("runs", "expected a number of runs >= 1");
  if (threads < 1) throw option_error("threads", "expected a number of threads >= 1");
  if (first && last && *first > *last)
    throw option_error("years",
                       fmt::format("expected first <= last, found ({}, {})", *first, *last));
  sweep::SweepOptions o;
  o.scenario = s.input;
  o.runs = static_cast<std::size_t>(runs);
  o.seed = seed;
  o.threads = threads;
  o.grid = grid;
  o.first_year = first;
  o.last_year = last;
  o.out = out;
  o.keep_runs = keep_runs;
  o.explain = explain;
  Result<sweep::SweepResult> run = [&] {
    py::gil_scoped_release unlocked;
    return sweep::run_sweep(*s.data, s.scenario, o);
  }();
  if (!run) raise_sweep_error(run.error().message);
  const sweep::SweepResult& r = *run;
  py::dict d;
  d["scenario"] = r.scenario_name;
  d["mode"] = grid.empty() ? "sample" : "grid";
  d["inputs"] = r.plan.names;
  d["values"] = r.plan.values;
  py::list failures;
  for (const auto& [i, why] : r.failures) failures.append(py::make_tuple(i, why));
  d["failures"] = failures;
  d["percentiles"] = percentiles_to_py(r);
  py::list sens;
  for (const auto& x : r.sensitivity) sens.append(py::make_tuple(x.input, x.src, x.share));
  d["sensitivity"] = sens;
  d["r2"] = r.r2;
  d["explain_note"] = r.explain_note;
  return d;
}

}  // namespace

void bind_sweep(py::module_& m) {
  m.def("sweep", &sweep);
}

}  // namespace rareflow::python
