// Results directories, the interface between runs and reports: results.csv (the IAMC long
// table; results.json when asked for) and run.json (the run record). `rareflow simulate --out`
// and `rareflow.Run.write()` write them; compare and the report read them.
#pragma once

#include <filesystem>
#include <string>

#include "rareflow/core/error.hpp"
#include "rareflow/core/iamc.hpp"
#include "rareflow/scenario/market_adapter.hpp"

namespace rareflow::workflow {

// Creates `dir` if needed and writes results.csv (or results.json when `json`) and run.json,
// each atomically.
Result<void> write_results_dir(const IamcTable& t, const std::filesystem::path& dir, bool json);

// results.csv and, when present, run.json of `dir`; fails naming the file and the problem.
Result<IamcTable> read_results_dir(const std::filesystem::path& dir);
Result<RunRecord> run_record_from_json(const std::string& text, const std::string& file_name);

// A run's results for compare: read from `what` when it is a directory, else `what` is loaded
// as a scenario (name or .toml; a bad file fails with its diagnostics, as in
// scenario::load_scenario) and run on `d` with `o`.
Result<IamcTable> results_of(const Dataset& d, const std::string& what, scenario::RunOptions o);

}  // namespace rareflow::workflow
