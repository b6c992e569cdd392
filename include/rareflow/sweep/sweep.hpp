// Monte Carlo and grid sweeps over a model's uncertain inputs.
//
// A Plan lists the input values of every run: sampled (run r draws input i from the stream
// (seed, r, hash(name of i)), so a run's inputs depend only on the seed and its index) or a grid
// (each point of the cartesian product once). run_all() evaluates the model on every run with
// T threads and writes each run's outputs to one row of a file on disk (RunStore), so memory
// holds one row per thread; statistics() then reads the file a block of columns at a time.
// The results depend on the seed and the run indices only, never on the thread count or on
// how many processes share the runs (Ranks; mpi/ provides them under mpirun).
#pragma once

#include <cstdint>
#include <filesystem>
#include <functional>
#include <string>
#include <vector>

#include "rareflow/core/distribution.hpp"
#include "rareflow/core/error.hpp"

namespace rareflow::sweep {

struct Input {
  std::string name;
  Dist dist;
};

struct Plan {
  std::vector<std::string> names;           // the inputs, in column order
  std::vector<std::vector<double>> values;  // values[run][input]
  std::size_t runs() const { return values.size(); }
};

// Run r's value of input i is sample(dist_i, Rng(seed, r, Rng::hash(name_i))).
Plan sample_plan(const std::vector<Input>& inputs, std::uint64_t seed, std::size_t runs);

// One named grid axis: "share=0.2:0.6:5" (5 evenly spaced values from 0.2 to 0.6) or
// "elasticity=-0.2,-0.4" (a list).
struct GridAxis {
  std::string name;
  std::vector<double> values;
};
Result<GridAxis> parse_grid(const std::string& text);
// Every point of the cartesian product once, the first axis varying slowest.
Plan grid_plan(const std::vector<GridAxis>& axes);

// The model: the outputs of one run from its input values (in Plan::names order). Outputs are
// a fixed number of columns; a failed run returns an error, recorded, never dropped silently.
using Model =
    std::function<Result<std::vector<double>>(std::size_t run, const std::vector<double>& inputs)>;

// Outputs of every run, one row of `columns` doubles per run, in a binary file (native
// doubles, run-major). A failed run's row is NaN and its message is kept.
class RunStore {
 public:
  RunStore(std::filesystem::path file, std::size_t runs, std::size_t columns);
  const std::filesystem::path& file() const { return file_; }
  std::size_t runs() const { return runs_; }
  std::size_t columns() const { return columns_; }
  Result<void> write_row(std::size_t run, const std::vector<double>& row) const;
  // Columns [first, first + count) of every run: out[c * runs + r].
  Result<std::vector<double>> read_columns(std::size_t first, std::size_t count) const;
  Result<std::vector<double>> row(std::size_t run) const;

  std::vector<std::pair<std::size_t, std::string>> failures;  // run, message

 private:
  std::filesystem::path file_;
  std::size_t runs_, columns_;
};

// The processes a sweep's runs are shared between: this one is `rank` of `size`, and evaluates
// the runs r with r % size == rank. One process: rank 0 of 1, nothing to gather.
struct Ranks {
  int rank = 0, size = 1;
  // With size > 1: the other ranks send their rows and failures to rank 0, which writes them
  // into its store (in run order, failures sorted). Called on every rank after its own runs.
  std::function<Result<void>(RunStore&)> gather;
  // With size > 1: the sum of every rank's n, on rank 0 (other ranks get their own n).
  std::function<std::size_t(std::size_t)> sum;
};

struct RunOptions {
  int threads = 1;
  std::filesystem::path store;  // the RunStore file
};
// Evaluates `model` on this rank's runs of [0, plan.runs()) with `threads` threads (each takes
// the next run index from a shared counter), then gathers the other ranks' rows to rank 0.
// Fails on an I/O error; a failed model run is a recorded failure.
Result<RunStore> run_all(const Plan& plan, const Model& model, std::size_t columns,
                         const RunOptions& o, const Ranks& ranks = {});

// Percentiles (linear interpolation between order statistics, numpy's default "type 7") and
// the mean of each column over the runs that succeeded.
struct Stats {
  double p5 = 0, p25 = 0, p50 = 0, p75 = 0, p95 = 0, mean = 0;
  std::size_t runs = 0;  // runs that gave a value
};
double percentile(std::vector<double>& sorted_values, double p);  // values sorted ascending
// Percentiles and mean of values in run order (NaN: a failed run, skipped).
Stats stats_of(const std::vector<double>& values);
// Reads the store `block` columns at a time: memory is runs x block doubles (8 MB per 1,000
// runs with the default block).
Result<std::vector<Stats>> statistics(const RunStore& s, std::size_t block = 1024);

// Standardized regression coefficients of `y` on the plan's inputs (least squares on
// standardized variables). For a model linear in independent inputs, SRC_i^2 is the share of
// var(y) that input i explains and the squares sum to R^2.
struct Sensitivity {
  std::string input;
  double src = 0;    // standardized regression coefficient
  double share = 0;  // src^2: share of the output's variance explained
};
// Inputs sorted by share, largest first; inputs that do not vary are left out. Runs whose y is
// NaN (failed) are skipped. `r2` receives the regression's R^2.
Result<std::vector<Sensitivity>> explain(const Plan& plan, const std::vector<double>& y,
                                         double* r2 = nullptr);

}  // namespace rareflow::sweep
