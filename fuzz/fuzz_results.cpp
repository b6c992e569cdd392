// Fuzz target: the files of a results directory that `rareflow report` reads. The first line
// of the input names the file (results.csv, run.json, sankey.json, flows.csv, tables.json or
// any other NAME.csv); the rest is its content, read by that file's reader.
#include <exception>

#include "fuzz_input.hpp"
#include "rareflow/core/iamc.hpp"
#include "rareflow/report/report.hpp"
#include "rareflow/report/sankey.hpp"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, std::size_t size) {
  namespace r = rareflow::report;
  std::string in = rareflow::fuzz::text_of(data, size);
  auto nl = in.find('\n');
  std::string file = in.substr(0, nl);
  std::string body = nl == std::string::npos ? std::string() : in.substr(nl + 1);
  try {
    if (file == "results.csv") {
      (void)rareflow::iamc_from_csv(body, file);
    } else if (file == "run.json") {
      (void)r::run_record_from_json(body, file);
    } else if (file == "sankey.json") {
      (void)r::sankeys_from_json(body, file);
    } else if (file == "flows.csv") {
      std::string unit;
      if (auto flows = r::chain_flows_from_csv(body, file, &unit))
        (void)r::key_group_sankeys(*flows, r::SankeyBuildOptions{});
    } else if (file == "tables.json") {
      (void)r::tables_from_json(body, file);
    } else {
      (void)r::table_from_csv(body, "table", file);
    }
  } catch (const std::exception&) {
  }
  return 0;
}
