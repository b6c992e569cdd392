#include "output.hpp"

#include <algorithm>

#include <fmt/format.h>

#include "rareflow/core/text.hpp"

#include "rareflow/report/balance_flows.hpp"
#include "rareflow/report/report.hpp"

namespace rareflow::app {

Result<Format> FormatOption::parse(const std::string& out) const {
  if (text.empty()) return fallback;
  auto f = parse_format(text, accepted);
  if (!f) return fail("--format: " + f.error().message);
  if (*f == Format::Xlsx && xlsx_needs_out && out.empty())
    return fail("--format xlsx: expected an output file (--out FILE)");
  return f;
}

Format FormatOption::get(const std::string& out) const {
  auto f = parse(out);
  if (!f) throw_error(f.error());
  return *f;
}

void add_format_option(CLI::App* command, FormatOption& option, const std::string& note) {
  std::vector<std::string> names;
  for (Format f : option.accepted)
    names.push_back(format_name(f) + (f == option.fallback ? " (default)" : ""));
  std::string help =
      names.size() < 2
          ? join(names)
          : fmt::format("{} or {}", join({names.begin(), names.end() - 1}), names.back());
  const bool xlsx = std::ranges::find(option.accepted, Format::Xlsx) != option.accepted.end();
  if (xlsx && option.xlsx_needs_out) help += " (xlsx needs --out)";
  if (!note.empty()) help += "; " + note;
  command->add_option("--format", option.text, help);
}

void emit_table(const Table& table, Format format, const std::string& out,
                const std::string& command, GlobalOptions& g) {
  if (format == Format::Xlsx) return emit_tables({table}, format, out, command, g);
  emit(render(table, format), out);
}

void emit_tables(const std::vector<Table>& tables, Format format, const std::string& out,
                 const std::string& command, GlobalOptions& g) {
  if (format == Format::Xlsx) {
    const Dataset& d = dataset(g);
    RunRecord record{command,
                     {{"data_version", fmt::format("{} {}", d.schema.name, d.schema.version)},
                      {"data_origin", d.origin}}};
    auto ok = report::write_tables_xlsx(tables, record, report::sources_table(d), out);
    if (!ok) throw_error(ok.error());
    return;
  }
  emit(render(tables, format), out);
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
  if (auto b = report::add_base_year(in, dataset(g)); !b) throw_error(b.error());
  auto ok = report::write_report(in, path, report::format_from_extension(path));
  if (!ok) throw_error(ok.error());
  fmt::print(stderr, "wrote {}\n", path);
}

}  // namespace rareflow::app
