// The report writer: one self-contained HTML file (inline CSS, SVG and a little JS; nothing
// fetched when viewed) or one xlsx workbook, from a run's results. Commands call write_report
// for `--report`; `rareflow report RESULTS_DIR` loads a results directory first.
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "rareflow/core/error.hpp"
#include "rareflow/core/iamc.hpp"
#include "rareflow/core/table.hpp"
#include "rareflow/report/sankey.hpp"
#include "rareflow/sweep/scenario_sweep.hpp"
#include "rareflow/workflow/results_dir.hpp"

namespace rareflow::report {

struct ReportInputs {
  std::string title = "rareflow report";
  IamcTable results;                // long results; results.record is the run record
  std::vector<SankeyData> sankeys;  // base-year diagrams (e.g. from key_group_sankeys)
  std::vector<Table> tables;        // further tables: an appendix in html, sheets in xlsx
  Table sources;                    // sources used (any columns): id, title, publisher, year...
  // A sweep's percentiles (`rareflow sweep --report`): the report shows them as fan charts
  // (and --explain as a tornado chart) in place of the single-run price, share and shortfall
  // charts; `results` then holds the medians.
  std::optional<sweep::SweepResult> sweep;
};

// The formats a report is written in (core Format).
inline const std::vector<Format> kReportFormats = {Format::Html, Format::Xlsx};
// The format a path's extension implies (".xlsx" -> Xlsx; otherwise Html).
Format format_from_extension(const std::filesystem::path& p);

// The whole HTML document. Deterministic: same inputs, same bytes.
std::string render_html_report(const ReportInputs& in);

// Writes the report atomically (temporary name, then rename).
Result<void> write_report(const ReportInputs& in, const std::filesystem::path& out, Format format);

// xlsx: sheet "results" (the long table, as in results.csv), "results_wide" (one column per
// year), one sheet per extra table (units in headers), "run_record" and "sources". Numbers are
// written as numbers. Written to a temporary name and renamed.
Result<void> write_xlsx(const ReportInputs& in, const std::filesystem::path& out);
// For commands with --format xlsx that write plain tables.
Result<void> write_tables_xlsx(const std::vector<Table>& tables, const RunRecord& record,
                               const Table& sources, const std::filesystem::path& out);

// ---- results directories (the input of `rareflow report`)
// results.csv (IAMC long table, required), run.json ({"command", "entries"}), optional
// sankey.json (ready diagrams), flows.csv (chain flows: one diagram per key element group is
// built), sources.csv, tables.json (an array of tables as written by render(tables, Json)).
Result<ReportInputs> load_results_dir(const std::filesystem::path& dir);
// Writes the same files, so that `rareflow report DIR` can re-create a report later.
// `flows` may be empty; `flows_unit` names their basis (e.g. "t REO").
Result<void> write_results_dir(const ReportInputs& in, const std::filesystem::path& dir,
                               const std::vector<ChainFlow>& flows = {},
                               const std::string& flows_unit = "t REO");

// Parses a run record as written by run_record_to_json; non-string entry values are kept as
// their json text (the reader lives with the results directories, in the workflow layer).
using workflow::run_record_from_json;
// Parses a table written by to_json / render(tables, Json) (a single object or an array).
Result<std::vector<Table>> tables_from_json(const std::string& text, const std::string& file_name);
// Reads a csv with a header row into a Table: "name [unit]" headers give the unit; cells that
// parse fully as numbers become doubles, others strings.
Result<Table> table_from_csv(const std::string& text, const std::string& title,
                             const std::string& file_name);

}  // namespace rareflow::report
