// `rareflow sweep`: the market run N times with a scenario's distributions sampled (or over a
// grid of named inputs), with percentiles per IAMC variable, region and year. Files in the
// output directory:
//   sweep.json       the command's inputs (scenario, seed, runs, years, grid), for --replay
//   samples.csv      run, one column per input, status: each run's input values
//   percentiles.csv  region, variable, unit, year, runs, p5, p25, p50, p75, p95, mean (the
//                    IAMC outputs plus the shares and self-sufficiency of derived_rows.hpp)
//   runs.bin         every run's outputs (run-major doubles; columns as in percentiles.csv)
//   runs.csv         with keep_runs: run, region, variable, unit, year, value (long table)
//   explain.csv      with an explain target: input, src, share of variance
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "rareflow/core/iamc.hpp"
#include "rareflow/data/dataset.hpp"
#include "rareflow/scenario/scenario.hpp"
#include "rareflow/sweep/sweep.hpp"

namespace rareflow::sweep {

struct SweepOptions {
  std::string scenario;  // as named on the command line (name or path)
  std::size_t runs = 100;
  std::uint64_t seed = 1;
  int threads = 1;
  std::vector<std::string> grid;  // "share=0.2:0.6:5", ...: a grid sweep instead of sampling
  std::optional<int> first_year, last_year;
  std::filesystem::path out;
  bool keep_runs = false;
  std::string explain;     // VARIABLE@REGION@YEAR
  bool warm_start = true;  // each year's solve starts from the previous year's basis
  // Under mpirun (mpi/session.hpp): this process's share of the runs. Only rank 0 writes to
  // `out`; the others keep their rows in a temporary file until rank 0 has them.
  Ranks ranks;
};

struct OutputColumn {
  std::string region, variable, unit;
  int year = 0;
};

struct SweepResult {
  Plan plan;
  std::vector<OutputColumn> columns;
  std::vector<Stats> stats;
  std::vector<std::pair<std::size_t, std::string>> failures;
  std::vector<Sensitivity> sensitivity;  // with an explain target
  double r2 = 0;
  std::string explain_note;  // "cannot say: ..." when the sensitivity cannot be computed
  std::string scenario_name;
  std::uint64_t seed = 0;
  std::string explain_target;  // VARIABLE@REGION@YEAR, as given
  RunRecord record;            // the central run's record, with the sweep's seed, runs, inputs
};

// The medians (P50) of a sweep as an IAMC table with the sweep's record: the report's results.
IamcTable medians(const SweepResult& r);

// Runs the sweep and writes its files to o.out (on rank 0; another rank's result holds only
// the plan and the columns). Fails on bad options (unknown grid input, no
// distribution in the scenario, an explain target that is not an output) or an I/O error.
Result<SweepResult> run_sweep(const Dataset& d, const scenario::Scenario& s, const SweepOptions& o);

// The scenario of run `run` of the sweep in `dir` (its sweep.json and samples.csv), with the
// years the sweep used: `simulate --replay DIR RUN` runs it alone.
struct Replay {
  scenario::Scenario scenario;
  std::optional<int> first_year, last_year;
  std::uint64_t seed = 0;
};
Result<Replay> replay_scenario(const Dataset& d, const std::filesystem::path& dir, std::size_t run);

// "Price|Oxide|Dy@CHN@2030" -> variable, region, year.
Result<OutputColumn> parse_target(const std::string& text);

}  // namespace rareflow::sweep
