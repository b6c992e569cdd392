#include "output.hpp"

#include <fmt/format.h>

#include "rareflow/report/balance_flows.hpp"
#include "rareflow/report/report.hpp"

namespace rareflow::app {

namespace {
Format text_format(const std::string& format) {
  Format f;
  if (!parse_format(format, f))
    throw std::runtime_error(
        fmt::format("--format: expected table, csv, json or xlsx, found \"{}\"", format));
  return f;
}
}  // namespace

void emit_table(const Table& table, const std::string& format, const std::string& out,
                const std::string& command, GlobalOptions& g) {
  if (format == "xlsx") return emit_tables({table}, format, out, command, g);
  emit(render(table, text_format(format)), out);
}

void emit_tables(const std::vector<Table>& tables, const std::string& format,
                 const std::string& out, const std::string& command, GlobalOptions& g) {
  if (format == "xlsx") {
    if (out.empty())
      throw std::runtime_error("--format xlsx: expected an output file (--out FILE)");
    const Dataset& d = dataset(g);
    RunRecord record{command,
                     {{"data_version", fmt::format("{} {}", d.schema.name, d.schema.version)},
                      {"data_origin", d.origin}}};
    auto ok = report::write_tables_xlsx(tables, record, report::sources_table(d), out);
    if (!ok) throw std::runtime_error(ok.error().message);
    return;
  }
  emit(render(tables, text_format(format)), out);
}

}  // namespace rareflow::app

namespace rareflow::app {

void write_command_report(const IamcTable& results, const std::vector<Table>& tables,
                          const std::string& title, const std::string& path, GlobalOptions& g,
                          std::optional<sweep::SweepResult> sweep) {
  report::ReportInputs in;
  in.title = title;
  in.results = results;
  in.tables = tables;
  in.sweep = std::move(sweep);
  if (auto b = report::add_base_year(in, dataset(g)); !b)
    throw std::runtime_error(b.error().message);
  auto ok = report::write_report(in, path, report::format_from_extension(path));
  if (!ok) throw std::runtime_error(ok.error().message);
  fmt::print(stderr, "wrote {}\n", path);
}

}  // namespace rareflow::app
