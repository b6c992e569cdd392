// Results directories: what `rareflow report` reads, and what commands write for it.
#include <algorithm>
#include <charconv>
#include <cmath>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "rareflow/core/csv.hpp"
#include "rareflow/core/io.hpp"
#include "rareflow/core/json_read.hpp"
#include "rareflow/core/limits.hpp"
#include "rareflow/report/report.hpp"
#include "rareflow/workflow/results_dir.hpp"

namespace rareflow::report {

namespace fs = std::filesystem;

namespace {
Column column_from_header(const std::string& h) {
  // "name [unit]" as written by to_csv.
  auto open = h.rfind(" [");
  if (open != std::string::npos && h.ends_with("]"))
    return {h.substr(0, open), h.substr(open + 2, h.size() - open - 3), 0};
  return {h, "", 0};
}

Cell cell_from_text(const std::string& s) {
  if (s.empty()) return std::monostate{};
  double v = 0.0;
  auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
  // nan and inf stay text: a table cell is never a non-finite number.
  if (ec == std::errc() && p == s.data() + s.size() && std::isfinite(v)) return v;
  return s;
}

Cell cell_from_json(const nlohmann::json& v) {
  if (v.is_null()) return std::monostate{};
  if (v.is_string()) return v.get<std::string>();
  if (v.is_number_integer()) return v.get<long long>();
  if (v.is_number()) return v.get<double>();  // json has no nan or inf
  if (v.is_boolean()) return std::string(v.get<bool>() ? "true" : "false");
  return v.dump();
}

Result<Table> table_from_json_object(const nlohmann::json& j) {
  Table t;
  t.title = j.value("title", "");
  for (const auto& c : j.at("columns"))
    t.columns.push_back({c.at("name").get<std::string>(), c.value("unit", ""), 0});
  for (const auto& r : j.at("rows")) {
    std::vector<Cell> row;
    for (const auto& c : t.columns)
      row.push_back(r.contains(c.name) ? cell_from_json(r.at(c.name)) : Cell{});
    t.rows.push_back(std::move(row));
  }
  if (j.contains("notes")) t.notes = j.at("notes").get<std::vector<std::string>>();
  return t;
}
}  // namespace

Result<Table> table_from_csv(const std::string& text, const std::string& title,
                             const std::string& file_name) {
  auto doc = read_csv(text, file_name);
  if (!doc) return std::unexpected(doc.error());
  if (doc->header.fields.empty())
    return fail(fmt::format("{}: empty file; expected a header row", file_name));
  Table t;
  t.title = title;
  for (const auto& h : doc->header.fields) t.columns.push_back(column_from_header(h.text));
  for (const auto& r : doc->records) {
    if (r.fields.size() > t.columns.size())
      return fail(fmt::format("{}:{}: {} fields but the header names {} columns", file_name, r.line,
                              r.fields.size(), t.columns.size()));
    std::vector<Cell> row;
    for (const auto& f : r.fields) row.push_back(cell_from_text(f.text));
    t.rows.push_back(std::move(row));
  }
  return t;
}

Result<std::vector<Table>> tables_from_json(const std::string& text, const std::string& file_name) {
  std::vector<Table> out;
  auto parsed = parse_json(text, file_name);
  if (!parsed) return std::unexpected(parsed.error());
  try {
    const auto& j = *parsed;
    auto one = [&](const nlohmann::json& o) -> Result<void> {
      auto t = table_from_json_object(o);
      if (!t) return std::unexpected(t.error());
      out.push_back(std::move(*t));
      return {};
    };
    if (j.is_array()) {
      for (const auto& o : j)
        if (auto ok = one(o); !ok) return std::unexpected(ok.error());
    } else if (auto ok = one(j); !ok) {
      return std::unexpected(ok.error());
    }
  } catch (const nlohmann::json::exception& e) {
    return fail(
        fmt::format("{}: expected a table ({{\"title\", \"columns\": [{{name, unit}}], "
                    "\"rows\": [...]}}) or an array of them: {}",
                    file_name, e.what()));
  }
  return out;
}

Result<ReportInputs> load_results_dir(const fs::path& dir) {
  auto results = workflow::read_results_dir(dir);
  if (!results) return std::unexpected(results.error());
  std::error_code ec;
  ReportInputs in;
  auto path = [&](const char* name) { return dir / name; };
  in.results = std::move(*results);
  if (fs::exists(path("sankey.json"), ec)) {
    auto text = read_file(path("sankey.json"));
    if (!text) return std::unexpected(text.error());
    auto d = sankeys_from_json(*text, path("sankey.json").string());
    if (!d) return std::unexpected(d.error());
    in.sankeys = std::move(*d);
  } else if (fs::exists(path("flows.csv"), ec)) {
    auto text = read_file(path("flows.csv"));
    if (!text) return std::unexpected(text.error());
    std::string unit;
    auto flows = chain_flows_from_csv(*text, path("flows.csv").string(), &unit);
    if (!flows) return std::unexpected(flows.error());
    SankeyBuildOptions o;
    if (!unit.empty()) o.unit = unit;
    if (auto it = in.results.record.entries.find("base_year");
        it != in.results.record.entries.end())
      o.title_prefix = "Flows in " + it->second;
    auto d = key_group_sankeys(*flows, o);
    if (!d) return fail(fmt::format("{}: {}", path("flows.csv").string(), d.error().message));
    in.sankeys = std::move(*d);
  }
  if (fs::exists(path("sources.csv"), ec)) {
    auto text = read_file(path("sources.csv"));
    if (!text) return std::unexpected(text.error());
    auto t = table_from_csv(*text, "Sources", path("sources.csv").string());
    if (!t) return std::unexpected(t.error());
    in.sources = std::move(*t);
  }
  if (fs::exists(path("tables.json"), ec)) {
    auto text = read_file(path("tables.json"));
    if (!text) return std::unexpected(text.error());
    auto ts = tables_from_json(*text, path("tables.json").string());
    if (!ts) return std::unexpected(ts.error());
    in.tables = std::move(*ts);
  }
  // Any other csv is a further table, in file-name order.
  std::vector<fs::path> extra;
  for (const auto& e : fs::directory_iterator(dir, ec)) {
    auto name = e.path().filename().string();
    if (e.is_regular_file() && e.path().extension() == ".csv" && name != "results.csv" &&
        name != "flows.csv" && name != "sources.csv")
      extra.push_back(e.path());
  }
  std::sort(extra.begin(), extra.end());
  for (const auto& p : extra) {
    auto text = read_file(p);
    if (!text) return std::unexpected(text.error());
    auto t = table_from_csv(*text, p.stem().string(), p.string());
    if (!t) return std::unexpected(t.error());
    in.tables.push_back(std::move(*t));
  }
  const auto& cmd = in.results.record.command;
  in.title = cmd.empty() ? "rareflow report" : "rareflow " + cmd + " report";
  if (auto it = in.results.record.entries.find("title"); it != in.results.record.entries.end())
    in.title = it->second;
  return in;
}

Result<void> write_results_dir(const ReportInputs& in, const fs::path& dir,
                               const std::vector<ChainFlow>& flows, const std::string& flows_unit) {
  std::vector<NamedText> files;
  files.emplace_back("results.csv", iamc_to_csv(in.results));
  files.emplace_back("run.json", run_record_to_json(in.results.record));
  if (!in.sankeys.empty()) files.emplace_back("sankey.json", sankeys_to_json(in.sankeys));
  if (!flows.empty()) files.emplace_back("flows.csv", chain_flows_to_csv(flows, flows_unit));
  if (!in.sources.columns.empty()) files.emplace_back("sources.csv", to_csv(in.sources));
  if (!in.tables.empty()) files.emplace_back("tables.json", render(in.tables, Format::Json));
  return write_dir_atomic(dir, files);
}

}  // namespace rareflow::report
