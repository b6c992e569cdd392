// `rareflow report RESULTS_DIR`: one self-contained HTML report (or an xlsx workbook) from a
// results directory. The work is in the report layer; this file only reads options.
#include <fmt/format.h>

#include "command.hpp"
#include "rareflow/report/report.hpp"

namespace rareflow::app {
namespace {

struct ReportOptions {
  std::string dir;
  std::string out;
  std::string format;
};

void setup(CLI::App& root, GlobalOptions&) {
  auto o = std::make_shared<ReportOptions>();
  auto* c = root.add_subcommand(
      "report", "write a self-contained HTML report (or xlsx workbook) from a results directory");
  c->add_option("RESULTS_DIR", o->dir,
                "directory with results.csv and run.json (optional: sankey.json, flows.csv, "
                "sources.csv, tables.json, other csv tables)")
      ->required();
  c->add_option("--out,-o", o->out, "output file (default: RESULTS_DIR/report.html or .xlsx)");
  c->add_option("--format", o->format,
                "html or xlsx (default: from the --out extension, else html)");
  c->callback([o] {
    report::ReportFormat format = report::ReportFormat::Html;
    if (!o->format.empty()) {
      auto f = report::parse_report_format(o->format);
      if (!f) throw std::runtime_error("--format: " + f.error().message);
      format = *f;
    } else if (!o->out.empty()) {
      format = report::format_from_extension(o->out);
    }
    auto in = report::load_results_dir(o->dir);
    if (!in) {
      Diagnostics d;
      d.add(o->dir, 0, 0, "", in.error().message);
      throw InputError(d);
    }
    std::filesystem::path out = o->out;
    if (out.empty())
      out = std::filesystem::path(o->dir) /
            (format == report::ReportFormat::Xlsx ? "report.xlsx" : "report.html");
    auto ok = report::write_report(*in, out, format);
    if (!ok) throw std::runtime_error(ok.error().message);
    fmt::print("wrote {}\n", out.string());
  });
}

const bool kRegistered = register_command(90, setup);

}  // namespace
}  // namespace rareflow::app
