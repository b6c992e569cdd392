// Writing a command's tables in the format the user asked for: table, csv, json, or xlsx (one
// sheet per table, plus the run record and the sources; needs --out).
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "command.hpp"
#include "rareflow/core/iamc.hpp"
#include "rareflow/core/table.hpp"
#include "rareflow/sweep/scenario_sweep.hpp"

namespace rareflow::app {

// Throws std::runtime_error for an unknown format or xlsx without an output file.
void emit_tables(const std::vector<Table>& tables, const std::string& format,
                 const std::string& out, const std::string& command, GlobalOptions& g);
// One table: json is an object (not an array of one), csv has no title line.
void emit_table(const Table& table, const std::string& format, const std::string& out,
                const std::string& command, GlobalOptions& g);

}  // namespace rareflow::app

namespace rareflow::app {

// `--report FILE` of simulate, plan and criticality: one self-contained HTML report (or xlsx
// when FILE ends in .xlsx) of the command's results, with the package's base-year view; with a
// sweep, its ranges (fan and tornado charts).
void write_command_report(const IamcTable& results, const std::vector<Table>& tables,
                          const std::string& title, const std::string& path, GlobalOptions& g,
                          std::optional<sweep::SweepResult> sweep = std::nullopt);

}  // namespace rareflow::app
