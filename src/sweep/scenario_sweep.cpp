#include "rareflow/sweep/scenario_sweep.hpp"

#include <unistd.h>

#include <atomic>
#include <charconv>
#include <cmath>
#include <unordered_map>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "rareflow/core/io.hpp"
#include "rareflow/core/table.hpp"
#include "rareflow/scenario/inputs.hpp"
#include "rareflow/scenario/market_adapter.hpp"
#include "rareflow/sweep/derived_rows.hpp"

namespace rareflow::sweep {

namespace {

namespace fs = std::filesystem;
using scenario::ScenarioInput;

std::string key(const std::string& region, const std::string& variable, int year) {
  return fmt::format("{}\x1f{}\x1f{}", region, variable, year);
}

scenario::Scenario with_values(const scenario::Scenario& s,
                               const std::vector<const ScenarioInput*>& inputs,
                               const std::vector<double>& values) {
  scenario::Scenario copy = s;
  for (std::size_t i = 0; i < inputs.size(); ++i) set_input(copy, *inputs[i], values[i]);
  return copy;
}

// The inputs a sweep varies and the plan of values: a grid of named inputs, or a sample of the
// scenario's distributions.
Result<std::pair<std::vector<const ScenarioInput*>, Plan>> prepare(const scenario::Scenario& s,
                                                                   const SweepOptions& o) {
  std::vector<const ScenarioInput*> inputs;
  if (!o.grid.empty()) {
    std::vector<GridAxis> axes;
    for (const auto& g : o.grid) {
      auto axis = parse_grid(g);
      if (!axis) return fail("--grid: " + axis.error().message);
      auto in = scenario::find_input(s, axis->name);
      if (!in) return fail("--grid: " + in.error().message);
      axis->name = (*in)->name;
      inputs.push_back(*in);
      axes.push_back(std::move(*axis));
    }
    return std::pair{inputs, grid_plan(axes)};
  }
  std::vector<Input> dists;
  for (const auto* in : scenario::uncertain_inputs(s)) {
    inputs.push_back(in);
    dists.push_back({in->name, in->dist});
  }
  if (inputs.empty())
    return fail(fmt::format(
        "cannot say: scenario {} gives no distribution (e.g. share = {{ dist = \"uniform\", min = "
        "0.2, max = 0.6 }}), so every run would be the same; use --grid to vary named inputs",
        s.name));
  return std::pair{inputs, sample_plan(dists, o.seed, o.runs)};
}

scenario::RunOptions run_options(const SweepOptions& o) {
  scenario::RunOptions ro;
  ro.input = o.scenario;
  ro.first_year = o.first_year;
  ro.last_year = o.last_year;
  ro.warm_start = o.warm_start;
  return ro;
}

Result<void> write(const fs::path& p, const std::string& text) {
  return write_file_atomic(p, text);
}

std::string samples_csv(const Plan& plan,
                        const std::vector<std::pair<std::size_t, std::string>>& failures) {
  std::string out = "run";
  for (const auto& n : plan.names) out += "," + csv_escape(n);
  out += ",status\n";
  std::size_t f = 0;
  for (std::size_t r = 0; r < plan.runs(); ++r) {
    out += std::to_string(r);
    for (double v : plan.values[r]) out += "," + format_double(v);
    bool failed = f < failures.size() && failures[f].first == r;
    out += "," + (failed ? csv_escape("failed: " + failures[f++].second) : std::string("ok"));
    out += '\n';
  }
  return out;
}

std::string percentiles_csv(const std::vector<OutputColumn>& cols, const std::vector<Stats>& st) {
  std::string out = "region,variable,unit,year,runs,p5,p25,p50,p75,p95,mean\n";
  for (std::size_t c = 0; c < cols.size(); ++c) {
    const auto& s = st[c];
    out += fmt::format("{},{},{},{},{}", csv_escape(cols[c].region), csv_escape(cols[c].variable),
                       csv_escape(cols[c].unit), cols[c].year, s.runs);
    for (double v : {s.p5, s.p25, s.p50, s.p75, s.p95, s.mean})
      out += "," + (std::isnan(v) ? std::string() : format_double(v));
    out += '\n';
  }
  return out;
}

Result<std::string> runs_csv(const RunStore& store, const std::vector<OutputColumn>& cols) {
  std::string out = "run,region,variable,unit,year,value\n";
  for (std::size_t r = 0; r < store.runs(); ++r) {
    auto row = store.row(r);
    if (!row) return std::unexpected(row.error());
    for (std::size_t c = 0; c < cols.size(); ++c)
      if (!std::isnan((*row)[c]))
        out += fmt::format("{},{},{},{},{},{}\n", r, csv_escape(cols[c].region),
                           csv_escape(cols[c].variable), csv_escape(cols[c].unit), cols[c].year,
                           format_double((*row)[c]));
  }
  return out;
}

}  // namespace

Result<OutputColumn> parse_target(const std::string& text) {
  auto a = text.find('@'), b = text.rfind('@');
  int year = 0;
  if (a != std::string::npos && b > a) {
    auto [p, ec] = std::from_chars(text.data() + b + 1, text.data() + text.size(), year);
    if (ec == std::errc() && p == text.data() + text.size())
      return OutputColumn{text.substr(a + 1, b - a - 1), text.substr(0, a), "", year};
  }
  return fail(fmt::format(
      "expected VARIABLE@REGION@YEAR (e.g. \"Price|Oxide|Dy@CHN@2030\"), found \"{}\"", text));
}

Result<SweepResult> run_sweep(const Dataset& d, const scenario::Scenario& s,
                              const SweepOptions& o) {
  auto prepared = prepare(s, o);
  if (!prepared) return std::unexpected(prepared.error());
  auto& [inputs, plan] = *prepared;
  std::optional<OutputColumn> target;
  if (!o.explain.empty()) {
    auto t = parse_target(o.explain);
    if (!t) return fail("--explain: " + t.error().message);
    target = *t;
  }
  // The central run (every distribution at its median) fixes the output columns.
  auto ro = run_options(o);
  auto central = scenario::run_scenario(d, s, ro);
  if (!central) return fail("the central run failed: " + central.error().message);
  append_derived_rows(*central, central->sim.table);
  SweepResult res;
  res.scenario_name = s.name;
  res.seed = o.seed;
  res.explain_target = o.explain;
  res.record = central->sim.table.record;
  res.record.command = "sweep";
  res.record.entries["seed"] = std::to_string(o.seed);
  res.record.entries["sweep.runs"] = std::to_string(plan.runs());
  res.record.entries["sweep.mode"] = o.grid.empty() ? "sample" : "grid";
  res.record.entries["sweep.inputs"] = fmt::format("{}", fmt::join(plan.names, ", "));
  std::unordered_map<std::string, std::size_t> index;
  for (const auto& r : central->sim.table.rows)
    if (index.emplace(key(r.region, r.variable, r.year), res.columns.size()).second)
      res.columns.push_back({r.region, r.variable, r.unit, r.year});
  // Quantities are reported only when not 0 (market/iamc_output.cpp): a quantity a run does not
  // report is 0; a missing price or ratio (%) stays missing (NaN) and the column's run count
  // shows it.
  std::vector<double> absent;
  for (const auto& c : res.columns)
    absent.push_back(c.unit.starts_with("USD") || c.unit == "%" ? std::nan("") : 0.0);
  std::atomic<std::size_t> extra{0};
  Model model = [&](std::size_t, const std::vector<double>& v) -> Result<std::vector<double>> {
    auto run = scenario::run_scenario(d, with_values(s, inputs, v), ro);
    if (!run) return std::unexpected(run.error());
    append_derived_rows(*run, run->sim.table);
    std::vector<double> row = absent;
    for (const auto& r : run->sim.table.rows) {
      auto it = index.find(key(r.region, r.variable, r.year));
      if (it == index.end())
        ++extra;
      else
        row[it->second] = r.value;
    }
    return row;
  };
  std::optional<std::size_t> target_column;
  if (target) {
    auto it = index.find(key(target->region, target->variable, target->year));
    if (it == index.end())
      return fail(fmt::format("--explain: cannot say: no output {}@{}@{} in the runs",
                              target->variable, target->region, target->year));
    target_column = it->second;
  }
  res.plan = plan;
  const bool root = o.ranks.rank == 0;
  fs::path store_file = o.out / "runs.bin";
  std::error_code ec;
  if (root) {
    fs::create_directories(o.out, ec);
    if (ec) return fail(fmt::format("--out: cannot create {}: {}", o.out.string(), ec.message()));
  } else {
    store_file = fs::temp_directory_path(ec) /
                 fmt::format("rareflow_sweep_{}_rank{}.bin", ::getpid(), o.ranks.rank);
    if (ec)
      return fail(fmt::format("no temporary directory for this rank's runs: {}", ec.message()));
  }
  auto store = run_all(plan, model, res.columns.size(), {o.threads, store_file}, o.ranks);
  if (!root) fs::remove(store_file, ec);
  if (!store) return std::unexpected(store.error());
  const std::size_t rows_outside = o.ranks.sum ? o.ranks.sum(extra.load()) : extra.load();
  if (!root) return res;
  res.failures = store->failures;
  auto stats = statistics(*store);
  if (!stats) return std::unexpected(stats.error());
  res.stats = std::move(*stats);
  if (target_column) {
    auto y = store->read_columns(*target_column, 1);
    if (!y) return std::unexpected(y.error());
    auto s2 = explain(plan, *y, &res.r2);
    if (s2)
      res.sensitivity = std::move(*s2);
    else
      res.explain_note = s2.error().message;
  }
  nlohmann::ordered_json j;
  j["scenario"] = o.scenario;
  j["scenario.name"] = s.name;
  j["seed"] = o.seed;
  j["runs"] = plan.runs();
  j["mode"] = o.grid.empty() ? "sample" : "grid";
  j["grid"] = o.grid;
  j["inputs"] = plan.names;
  if (o.first_year) j["first_year"] = *o.first_year;
  if (o.last_year) j["last_year"] = *o.last_year;
  j["failed_runs"] = res.failures.size();
  j["rows_outside_central_run"] = rows_outside;
  std::vector<std::pair<fs::path, std::string>> files = {
      {"sweep.json", j.dump(2) + "\n"},
      {"samples.csv", samples_csv(plan, res.failures)},
      {"percentiles.csv", percentiles_csv(res.columns, res.stats)}};
  if (o.keep_runs) {
    auto text = runs_csv(*store, res.columns);
    if (!text) return std::unexpected(text.error());
    files.emplace_back("runs.csv", std::move(*text));
  }
  if (!res.sensitivity.empty()) {
    std::string e = "input,src,share\n";
    for (const auto& x : res.sensitivity)
      e += fmt::format("{},{},{}\n", csv_escape(x.input), format_double(x.src),
                       format_double(x.share));
    files.emplace_back("explain.csv", e);
  }
  for (const auto& [name, text] : files)
    if (auto w = write(o.out / name, text); !w) return std::unexpected(w.error());
  return res;
}

IamcTable medians(const SweepResult& r) {
  IamcTable t;
  t.record = r.record;
  for (std::size_t c = 0; c < r.columns.size(); ++c)
    if (r.stats[c].runs > 0 && !std::isnan(r.stats[c].p50))
      t.add(kModelName, r.scenario_name, r.columns[c].region, r.columns[c].variable,
            r.columns[c].unit, r.columns[c].year, r.stats[c].p50);
  return t;
}

Result<Replay> replay_scenario(const Dataset& d, const fs::path& dir, std::size_t run) {
  auto meta = read_file(dir / "sweep.json");
  auto samples = read_file(dir / "samples.csv");
  if (!meta || !samples)
    return fail(
        fmt::format("--replay: expected a sweep directory with sweep.json and "
                    "samples.csv, found {}",
                    dir.string()));
  nlohmann::json j = nlohmann::json::parse(*meta, nullptr, false);
  if (j.is_discarded() || !j.contains("scenario") || !j.contains("inputs"))
    return fail(fmt::format("--replay: {}: not a sweep record", (dir / "sweep.json").string()));
  Replay out;
  auto s = scenario::load_scenario(j["scenario"].get<std::string>(), d);
  if (!s) return std::unexpected(s.error());
  out.scenario = std::move(*s);
  out.seed = j.value("seed", std::uint64_t{0});
  if (j.contains("first_year")) out.first_year = j["first_year"].get<int>();
  if (j.contains("last_year")) out.last_year = j["last_year"].get<int>();
  auto names = j["inputs"].get<std::vector<std::string>>();
  // Line run + 2 of samples.csv (after the header): run, one value per input, status.
  std::size_t pos = 0;
  for (std::size_t line = 0; line < run + 1 && pos != std::string::npos; ++line)
    pos = samples->find('\n', pos) == std::string::npos ? std::string::npos
                                                        : samples->find('\n', pos) + 1;
  if (pos == std::string::npos || pos >= samples->size())
    return fail(fmt::format("--replay: run {} is not in {} ({} runs)", run,
                            (dir / "samples.csv").string(), j.value("runs", 0)));
  std::string_view line(samples->data() + pos, samples->find('\n', pos) - pos);
  std::vector<double> values;
  std::size_t start = line.find(',') + 1;
  for (std::size_t i = 0; i < names.size(); ++i) {
    auto comma = line.find(',', start);
    double v = 0;
    auto [p, ec] = std::from_chars(line.data() + start, line.data() + comma, v);
    if (ec != std::errc() || p != line.data() + comma)
      return fail(fmt::format("--replay: {}: run {}: expected {} numbers",
                              (dir / "samples.csv").string(), run, names.size()));
    values.push_back(v);
    start = comma + 1;
  }
  for (std::size_t i = 0; i < names.size(); ++i) {
    auto in = scenario::find_input(out.scenario, names[i]);
    if (!in) return fail("--replay: " + in.error().message);
    set_input(out.scenario, **in, values[i]);
  }
  return out;
}

}  // namespace rareflow::sweep
