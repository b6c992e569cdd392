// `rareflow report RESULTS_DIR`: one self-contained HTML report (or an xlsx workbook) from a
// results directory. The work is in the report layer; this file only reads options.
#include <fmt/format.h>

#include "command.hpp"
#include "output.hpp"
#include "rareflow/core/io.hpp"
#include "rareflow/report/balance_flows.hpp"
#include "rareflow/report/report.hpp"

namespace rareflow::app {
namespace {

struct ReportOptions {
  std::vector<std::string> dirs;
  std::string out;
  // Without --format, an --out ending in .xlsx writes xlsx; the default file is in the
  // first results directory.
  FormatOption format{report::kReportFormats, Format::Html, false};
};

void setup(CLI::App& root, GlobalOptions& g) {
  auto o = std::make_shared<ReportOptions>();
  auto* c = root.add_subcommand(
      "report", "write a self-contained HTML report (or xlsx workbook) from a results directory");
  c->add_option("RESULTS_DIR", o->dirs,
                "directories with results.csv and run.json (optional: sankey.json, flows.csv, "
                "sources.csv, tables.json, other csv tables); several are merged, and the data "
                "package's base-year Sankeys, balance and sources are added")
      ->required();
  c->add_option("--out,-o", o->out, "output file (default: RESULTS_DIR/report.html or .xlsx)");
  add_format_option(c, o->format, "without --format, an --out ending in .xlsx means xlsx");
  c->callback([o, &g] {
    const Format format = o->format.text.empty() && !o->out.empty()
                              ? report::format_from_extension(o->out)
                              : o->format.get(o->out);
    std::filesystem::path out = o->out;
    if (out.empty())
      out = std::filesystem::path(o->dirs.front()) /
            (format == Format::Xlsx ? "report.xlsx" : "report.html");
    // Checked before any work; the readers' errors already read file:line:column: ...
    if (auto ok = check_output_file(out); !ok) throw_error(ok.error());
    std::vector<report::ReportInputs> parts;
    std::string errors;
    for (const auto& dir : o->dirs) {
      auto in = report::load_results_dir(dir);
      if (in)
        parts.push_back(std::move(*in));
      else
        errors += (errors.empty() ? "" : "\n") + in.error().message;
    }
    if (!errors.empty()) throw std::runtime_error(errors + "\nnothing written");
    report::ReportInputs in = report::merge_inputs(std::move(parts));
    if (o->dirs.size() > 1) {
      std::string names;
      for (const auto& dir : o->dirs)
        names += (names.empty() ? "" : ", ") + std::filesystem::path(dir).filename().string();
      in.title = "rareflow report: " + names;
    }
    if (auto b = report::add_base_year(in, dataset(g)); !b) throw_error(b.error());
    auto ok = report::write_report(in, out, format);
    if (!ok) throw_error(ok.error());
    fmt::print("wrote {}\n", out.string());
  });
}

const bool kRegistered = register_command(90, setup);

}  // namespace
}  // namespace rareflow::app
