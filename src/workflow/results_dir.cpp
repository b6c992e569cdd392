#include "rareflow/workflow/results_dir.hpp"

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "rareflow/core/io.hpp"
#include "rareflow/core/json_read.hpp"

namespace rareflow::workflow {

namespace fs = std::filesystem;

Result<void> write_results_dir(const IamcTable& t, const fs::path& dir, bool json) {
  return write_dir_atomic(
      dir, {{json ? "results.json" : "results.csv", json ? iamc_to_json(t) : iamc_to_csv(t)},
            {"run.json", run_record_to_json(t.record)}});
}

Result<RunRecord> run_record_from_json(const std::string& text, const std::string& file_name) {
  auto parsed = parse_json(text, file_name);
  if (!parsed) return std::unexpected(parsed.error());
  const nlohmann::json& j = *parsed;
  if (!j.is_object())
    return fail(fmt::format("{}: expected an object {{\"command\": ..., \"entries\": {{...}}}}",
                            file_name));
  RunRecord r;
  if (j.contains("command")) {
    const auto& c = j.at("command");
    r.command = c.is_string() ? c.get<std::string>() : c.dump();
  }
  if (j.contains("entries")) {
    const auto& e = j.at("entries");
    if (!e.is_object())
      return fail(fmt::format("{}: entries: expected an object of key: value", file_name));
    for (const auto& [k, v] : e.items())
      r.entries[k] = v.is_string() ? v.get<std::string>() : v.dump();
  }
  return r;
}

Result<IamcTable> read_results_dir(const fs::path& dir) {
  std::error_code ec;
  if (!fs::is_directory(dir, ec))
    return fail(
        fmt::format("{}: not a directory (expected a results directory holding "
                    "results.csv and run.json)",
                    dir.string()));
  auto results_text = read_file(dir / "results.csv");
  if (!results_text)
    return fail(
        fmt::format("{}: no results.csv (the IAMC long table: model,scenario,region,"
                    "variable,unit,year,value)",
                    dir.string()));
  auto results = iamc_from_csv(*results_text, (dir / "results.csv").string());
  if (!results) return std::unexpected(results.error());
  if (fs::exists(dir / "run.json", ec)) {
    auto text = read_file(dir / "run.json");
    if (!text) return std::unexpected(text.error());
    auto rec = run_record_from_json(*text, (dir / "run.json").string());
    if (!rec) return std::unexpected(rec.error());
    results->record = std::move(*rec);
  }
  return results;
}

Result<IamcTable> results_of(const Dataset& d, const std::string& what, scenario::RunOptions o) {
  std::error_code ec;
  if (fs::is_directory(what, ec)) return read_results_dir(what);
  auto s = scenario::load_scenario(what, d);
  if (!s) return std::unexpected(s.error());
  o.input = what;
  auto run = scenario::run_scenario(d, *s, o);
  if (!run) return std::unexpected(run.error());
  return std::move(run->sim.table);
}

}  // namespace rareflow::workflow
