#include <fmt/format.h>

#include "rareflow/core/io.hpp"
#include "rareflow/core/table.hpp"
#include "rareflow/data/embedded.hpp"
#include "rareflow/scenario/scenario.hpp"

namespace rareflow::scenario {

namespace {

// The package's CSV text of `t`, with the scenario's overrides applied to its rows.
std::string table_csv(const RawTable& t, const Scenario& s) {
  std::string out;
  for (std::size_t i = 0; i < t.spec->columns.size(); ++i)
    out += (i ? "," : "") + csv_escape(t.spec->columns[i].name);
  out += '\n';
  int key = t.spec->key.empty() ? -1 : t.spec->column_index(t.spec->key);
  for (const auto& r : t.rows) {
    std::vector<std::string> cells = r.cells;
    if (key >= 0)
      for (const auto& o : s.overrides) {
        if (o.table != t.spec->name || o.id != cells[key]) continue;
        for (const auto& [col, v] : o.set) {
          int c = t.spec->column_index(col);
          if (c < 0) continue;
          cells[c] = std::holds_alternative<double>(v) ? format_double(std::get<double>(v))
                                                       : std::get<std::string>(v);
        }
      }
    for (std::size_t i = 0; i < cells.size(); ++i) out += (i ? "," : "") + csv_escape(cells[i]);
    out += '\n';
  }
  return out;
}

}  // namespace

// Re-validates the patched package with the same rules as any package, so an override can
// never produce data that the loader would refuse.
Result<Dataset> apply_overrides(const Dataset& d, const Scenario& s) {
  std::string manifest;
  if (d.origin == "embedded") {
    manifest = std::string(*embedded_file("data/world/datapackage.toml"));
  } else {
    auto m = read_file(std::filesystem::path(d.origin) / "datapackage.toml");
    if (!m) return std::unexpected(m.error());
    manifest = *m;
  }
  std::map<std::string, std::string> files;
  files["datapackage.toml"] = manifest;
  for (const auto& t : d.raw) files[t.spec->file] = table_csv(t, s);
  return load_dataset_from(
      [&files](const std::string& f) -> std::optional<std::string> {
        auto it = files.find(f);
        if (it == files.end()) return std::nullopt;
        return it->second;
      },
      fmt::format("{} (scenario {}) ", d.origin, s.name), d.origin);
}

}  // namespace rareflow::scenario
