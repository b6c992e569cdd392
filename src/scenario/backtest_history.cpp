// Reading the history package: the generic schema-driven loader checks every cell (type,
// range, enum, references; file:line:column in messages), then rows become plain structs.
#include <cmath>
#include <filesystem>

#include <fmt/format.h>

#include "backtest_history.hpp"
#include "rareflow/core/io.hpp"
#include "rareflow/data/embedded.hpp"
#include "rareflow/data/raw_table.hpp"
#include "rareflow/data/row_view.hpp"
#include "rareflow/data/schema.hpp"

namespace rareflow::scenario::detail {

namespace {

constexpr const char* kEmbedded = "data/history/";
constexpr Element kOreColumns[] = {Element::La, Element::Ce, Element::Pr, Element::Nd, Element::Sm,
                                   Element::Eu, Element::Gd, Element::Tb, Element::Dy, Element::Y};

template <class F>
void rows_of(const std::vector<RawTable>& tables, std::string_view name, F&& f) {
  for (const auto& t : tables)
    if (t.spec && t.spec->name == name)
      for (const auto& r : t.rows) f(RowView(t, r));
}

// Rows to structs; cell values are already validated by the schema.
Result<History> read_rows(const Schema& schema, const std::vector<RawTable>& tables,
                          const std::string& prefix) {
  History h;
  h.base_year = schema.base_year;
  Diagnostics diags;
  rows_of(tables, "ores", [&](const RowView& v) {
    HistoryOre o{v.str("id"), {}};
    double sum = 0.0;
    for (Element e : kOreColumns) sum += o.share[index(e)] = v.num(info(e).symbol);
    if (!(sum > 0.0)) {
      diags.add(prefix + "ores.csv", v.line(), 0, "La..Y", "expected shares summing to > 0");
      return;
    }
    for (double& x : o.share) x /= sum;
    h.ores.push_back(o);
  });
  rows_of(tables, "supply", [&](const RowView& v) {
    h.supply.push_back({v.str("id"), v.str("ore"), v.str("region"), v.num("capacity_t"),
                        v.num("unit_cost_usd_per_kg"), v.integer("online_year"),
                        v.integer("ramp_years")});
  });
  rows_of(tables, "policies", [&](const RowView& v) {
    const std::string kind = v.str("kind");
    h.policies.push_back({v.integer("year"), v.str("period"),
                          kind == "export_tax"     ? HistoryPolicyKind::ExportTax
                          : kind == "mining_quota" ? HistoryPolicyKind::MiningQuota
                                                   : HistoryPolicyKind::ExportQuota,
                          v.str("elements"), v.num("value")});
  });
  rows_of(tables, "prices", [&](const RowView& v) {
    auto e = element_from_symbol(v.str("element"));
    if (!e) {
      diags.add(prefix + "prices.csv", v.line(), 0, "element",
                fmt::format("expected an element symbol, found \"{}\"", v.str("element")));
      return;
    }
    h.prices.push_back({v.integer("year"), *e, v.str("market") == "outside", v.num("usd_per_kg")});
  });
  rows_of(tables, "observed", [&](const RowView& v) {
    h.observed.push_back({v.integer("year"), v.str("series"), v.str("region"), v.num("value")});
  });
  rows_of(tables, "parameters",
          [&](const RowView& v) { h.parameters[v.str("id")] = v.num("value"); });
  if (!diags.empty()) return fail(diags.str());
  return h;
}

}  // namespace

Result<double> History::param(const std::string& id) const {
  auto it = parameters.find(id);
  if (it == parameters.end())
    return fail(
        fmt::format("history package {}: parameters: expected a row '{}' (see "
                    "docs/model_calibration.md, section 7)",
                    origin, id));
  return it->second;
}

Result<History> load_history(const std::string& dir) {
  FileReader read;
  std::string prefix = kEmbedded;
  if (dir.empty()) {
    read = [](const std::string& file) -> std::optional<std::string> {
      auto text = embedded_file(std::string(kEmbedded) + file);
      if (!text) return std::nullopt;
      return std::string(*text);
    };
  } else {
    if (!std::filesystem::is_directory(dir))
      return fail(fmt::format("{}: not a directory: expected a history package folder", dir));
    prefix = dir.back() == '/' ? dir : dir + "/";
    read = [dir](const std::string& file) -> std::optional<std::string> {
      auto text = read_file(std::filesystem::path(dir) / file);
      if (!text) return std::nullopt;
      return *text;
    };
  }
  auto manifest = read("datapackage.toml");
  if (!manifest)
    return fail(prefix + "datapackage.toml: missing manifest: expected the file datapackage.toml");
  Diagnostics diags;
  Schema schema = parse_schema(*manifest, prefix + "datapackage.toml", diags);
  if (!diags.empty()) return fail(diags.str());
  auto tables = load_tables(schema, read, prefix, diags);
  if (!diags.empty()) return fail(diags.str());
  auto h = read_rows(schema, tables, prefix);
  if (h) h->origin = dir.empty() ? "embedded" : dir;
  return h;
}

double observed_price(const History& h, Element e, bool outside, int year) {
  double log_sum = 0.0;
  int n = 0;
  for (const auto& p : h.prices)
    if (p.year == year && p.element == e && p.outside == outside && p.usd_per_kg > 0.0) {
      log_sum += std::log(p.usd_per_kg);
      ++n;
    }
  return n > 0 ? std::exp(log_sum / n) : std::nan("");
}

double observed_value(const History& h, const std::string& series, const std::string& region,
                      int year) {
  double sum = 0.0;
  int n = 0;
  for (const auto& o : h.observed)
    if (o.year == year && o.series == series && o.region == region) {
      sum += o.value;
      ++n;
    }
  return n > 0 ? sum / n : std::nan("");
}

std::vector<Element> modelled_elements(const History& h) {
  std::vector<Element> out;
  for (Element e : kOreColumns)
    if (!std::isnan(observed_price(h, e, true, h.base_year))) out.push_back(e);
  return out;
}

}  // namespace rareflow::scenario::detail
