// The --format option and writing a command's tables in the format asked for: table, csv,
// json, or xlsx (one sheet per table, plus the run record and the sources; needs --out).
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "command.hpp"
#include "rareflow/core/iamc.hpp"
#include "rareflow/core/table.hpp"
#include "rareflow/sweep/scenario_sweep.hpp"

namespace rareflow::app {

// What a command that prints tables accepts: every table format, xlsx with --out.
inline const std::vector<Format> kTableFormats = {Format::Table, Format::Csv, Format::Json,
                                                  Format::Xlsx};

// A command's --format: the formats it accepts (set per command), its default and the text
// given. One wording of the errors for every command (core parse_format).
struct FormatOption {
  explicit FormatOption(std::vector<Format> formats = kTableFormats,
                        Format default_format = Format::Table, bool xlsx_to_out = true)
      : accepted(std::move(formats)), fallback(default_format), xlsx_needs_out(xlsx_to_out) {}

  std::vector<Format> accepted;
  Format fallback;      // when --format is not given
  bool xlsx_needs_out;  // xlsx is written to the --out file
  std::string text;     // as given; empty when not given

  // The format asked for, checked before any work: "--format: expected one of ..., found
  // "x"", or "--format xlsx: expected an output file (--out FILE)" when `out` is empty.
  Result<Format> parse(const std::string& out) const;
  // parse(), throwing std::runtime_error with its message.
  Format get(const std::string& out) const;
};

// Adds --format to `command` for `option` (its help lists the accepted formats and the
// default; `note` is added after them).
void add_format_option(CLI::App* command, FormatOption& option, const std::string& note = "");

// Prints (or writes to `out`) the tables in `format`, one of kTableFormats (from
// FormatOption::get); xlsx needs `out`.
void emit_tables(const std::vector<Table>& tables, Format format, const std::string& out,
                 const std::string& command, GlobalOptions& g);
// One table: json is an object (not an array of one), csv has no title line.
void emit_table(const Table& table, Format format, const std::string& out,
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
