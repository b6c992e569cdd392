#include "rareflow/data/dataset.hpp"

#include <charconv>
#include <stdexcept>

#include <fmt/format.h>

#include "data/dataset_checks.hpp"
#include "rareflow/core/io.hpp"
#include "rareflow/data/embedded.hpp"
#include "rareflow/data/row_view.hpp"

namespace rareflow {

namespace {

template <class F>
void each_row(const Dataset& d, std::string_view table, F&& f) {
  const RawTable* t = d.raw_table(table);
  if (!t) return;
  for (const auto& r : t->rows) f(RowView(*t, r), r);
}

Distribution read_distribution(const RowView& v) {
  Distribution d;
  d.id = v.str("id");
  d.name = v.str("name");
  double listed = 0;
  for (const auto& e : element_table()) {
    double x = v.num(e.symbol);
    d.listed_pct[index(e.element)] = std::isnan(x) ? 0 : x;
    listed += d.listed_pct[index(e.element)];
  }
  d.remainder_pct = std::isnan(v.num("remainder")) ? 0 : v.num("remainder");
  for (std::size_t i = 0; i < kElementCount; ++i)
    d.share[i] = listed > 0 ? d.listed_pct[i] / listed : 0;
  d.source = v.str("source");
  d.note = v.str("note");
  return d;
}

std::vector<std::string> split(const std::string& s, char sep) {
  std::vector<std::string> out;
  std::size_t start = 0;
  while (true) {
    auto p = s.find(sep, start);
    std::string item = s.substr(start, p == std::string::npos ? std::string::npos : p - start);
    if (!item.empty()) out.push_back(item);
    if (p == std::string::npos) break;
    start = p + 1;
  }
  return out;
}

void report_bad_elements(const RawTable& t, const RawRow& raw, const std::string& text,
                         Diagnostics& diags) {
  diags.add(t.file, raw.line, raw.columns[t.spec->column_index("element")], "element",
            fmt::format("expected \"all\" or element symbols joined by + (e.g. Nd+Pr), found "
                        "\"{}\"",
                        text));
}

void build_typed(Dataset& d, Diagnostics& diags) {
  each_row(d, "sources", [&](const RowView& v, const RawRow&) {
    d.sources.push_back({v.str("id"), v.str("title"), v.str("publisher"), v.integer("year"),
                         v.str("address"), v.str("confidence"), v.str("note")});
  });
  each_row(d, "regions", [&](const RowView& v, const RawRow&) {
    // The schema has checked kind against its declared values.
    d.regions.push_back({v.str("id"), v.str("name"),
                         region_kind_from_key(v.str("kind")).value_or(RegionKind::Country),
                         split(v.str("blocs"), ';'), v.str("source"), v.str("market_region")});
  });
  each_row(d, "distributions", [&](const RowView& v, const RawRow&) {
    d.distributions.push_back(read_distribution(v));
  });
  each_row(d, "sector_recipes", [&](const RowView& v, const RawRow&) {
    d.sector_recipes.push_back(read_distribution(v));
  });
  each_row(d, "deposits", [&](const RowView& v, const RawRow&) {
    d.deposits.push_back({v.str("id"), v.str("name"), v.str("region"), v.str("type"),
                          v.key("status", deposit_status_from_key), v.num("resource_mt_ore"),
                          v.num("grade_pct_treo"), v.str("distribution"), v.str("owner"),
                          v.str("source"), v.str("note")});
  });
  each_row(d, "facilities", [&](const RowView& v, const RawRow&) {
    d.facilities.push_back({v.str("id"), v.str("name"), v.str("region"),
                            v.key("stage", chain_stage_from_key), v.str("deposit"),
                            v.num("capacity"), v.str("unit"), v.integer("start_year"),
                            v.key("status", facility_status_from_key), v.str("owner"),
                            v.str("source"), v.str("note")});
  });
  const RawTable* production = d.raw_table("production");
  each_row(d, "production", [&](const RowView& v, const RawRow& raw) {
    Production p{v.key("stage", chain_stage_from_key),
                 v.str("region"),
                 v.integer("year"),
                 {},
                 v.str("element"),
                 v.num("value"),
                 v.str("unit"),
                 v.str("source"),
                 v.str("note")};
    if (auto els = parse_element_set(p.element_text))
      p.elements = *els;
    else
      report_bad_elements(*production, raw, p.element_text, diags);
    d.production.push_back(std::move(p));
  });
  each_row(d, "mine_mix", [&](const RowView& v, const RawRow&) {
    d.mine_mix.push_back({v.str("region"), v.integer("year"), v.str("distribution"),
                          v.num("share_pct"), v.str("source")});
  });
  const RawTable* routes = d.raw_table("routes");
  each_row(d, "routes", [&](const RowView& v, const RawRow& raw) {
    Route r{v.integer("year"),
            v.key("stage", chain_stage_from_key),
            v.str("from"),
            v.str("to"),
            {},
            v.str("element"),
            v.num("value"),
            v.str("unit"),
            v.str("source"),
            v.str("note")};
    if (auto els = parse_element_set(r.element_text))
      r.elements = *els;
    else
      report_bad_elements(*routes, raw, r.element_text, diags);
    d.routes.push_back(std::move(r));
  });
  each_row(d, "reserves", [&](const RowView& v, const RawRow&) {
    d.reserves.push_back({v.str("region"), v.str("basis"), v.integer("year"), v.num("value"),
                          v.str("unit"), v.str("source"), v.str("note")});
  });
  each_row(d, "prices", [&](const RowView& v, const RawRow&) {
    d.prices.push_back(
        {v.str("element"), v.str("form"), v.integer("year"), v.num("usd_per_kg"), v.str("source")});
  });
  each_row(d, "sectors", [&](const RowView& v, const RawRow&) {
    d.sectors.push_back({v.str("id"), v.str("name"), v.str("commodity"), v.str("recipe"),
                         v.str("lifetime_model"), v.num("lifetime_mean_y"), v.num("lifetime_sd_y"),
                         v.num("collection_pct"), v.num("recovery_pct"), v.str("source")});
  });
  each_row(d, "demand", [&](const RowView& v, const RawRow&) {
    d.demand.push_back({v.integer("year"), v.str("region"), v.str("sector"), v.num("share_pct"),
                        v.str("basis"), v.str("source")});
  });
  each_row(d, "regional_use", [&](const RowView& v, const RawRow&) {
    d.regional_use.push_back({v.integer("year"), v.str("region"), v.str("sector"), v.num("value"),
                              v.str("source"), v.str("note")});
  });
  each_row(d, "parameters", [&](const RowView& v, const RawRow&) {
    d.parameters.push_back(
        {v.str("id"), v.num("value"), v.str("unit"), v.str("source"), v.str("note")});
  });
  each_row(d, "trajectories", [&](const RowView& v, const RawRow&) {
    d.trajectories.push_back({v.str("driver"), v.integer("year"), v.num("value"), v.str("unit"),
                              v.str("source"), v.str("note")});
  });
  each_row(d, "wgi", [&](const RowView& v, const RawRow&) {
    d.wgi.push_back({v.str("iso3"), v.str("country"), v.integer("year"), v.num("voice"),
                     v.num("stability"), v.num("effectiveness"), v.num("regulatory"),
                     v.num("rule_of_law"), v.num("corruption"), v.str("source")});
  });
  each_row(d, "eu_crm_2023", [&](const RowView& v, const RawRow&) {
    d.eu_crm_2023.push_back(
        {v.str("material"), v.str("element"), v.num("sr"), v.num("ei"), v.str("stage_reported"),
         v.str("scope_extraction"), v.num("sr_extraction"), v.str("scope_processing"),
         v.num("sr_processing"), v.num("si_ei"), v.num("si_sr"),
         v.num("import_reliance_extraction_pct"), v.num("import_reliance_processing_pct"),
         v.num("eol_rir_pct"), v.str("source"), v.str("note")});
  });
  each_row(d, "trade_factors", [&](const RowView& v, const RawRow&) {
    d.trade_factors.push_back({v.str("material"), v.str("stage"), v.str("iso3"), v.num("factor"),
                               v.str("scope"), v.str("source"), v.str("note")});
  });
}

template <class T>
const T* find_by_id(const std::vector<T>& v, std::string_view id) {
  for (const auto& x : v)
    if (x.id == id) return &x;
  return nullptr;
}

}  // namespace

std::optional<std::vector<Element>> parse_element_set(std::string_view text) {
  std::vector<Element> out;
  if (text == "all") return out;
  for (const auto& sym : split(std::string(text), '+')) {
    auto e = element_from_symbol(sym);
    if (!e) return std::nullopt;
    out.push_back(*e);
  }
  if (out.empty()) return std::nullopt;
  return out;
}

const Source* Dataset::source(std::string_view id) const {
  return find_by_id(sources, id);
}
const Region* Dataset::region(std::string_view id) const {
  return find_by_id(regions, id);
}
const Distribution* Dataset::distribution(std::string_view id) const {
  return find_by_id(distributions, id);
}
const Distribution* Dataset::recipe(std::string_view id) const {
  return find_by_id(sector_recipes, id);
}
const Sector* Dataset::sector(std::string_view id) const {
  return find_by_id(sectors, id);
}

Result<double> Dataset::parameter(std::string_view id) const {
  if (const auto* p = find_by_id(parameters, id)) return p->value;
  return fail(fmt::format("data package has no parameter \"{}\"", id));
}

std::vector<std::string> Dataset::members(std::string_view bloc_or_region) const {
  std::vector<std::string> out;
  for (const auto& r : regions)
    for (const auto& b : r.blocs)
      if (b == bloc_or_region) out.push_back(r.id);
  if (out.empty() && region(bloc_or_region)) out.emplace_back(bloc_or_region);
  return out;
}

std::string Dataset::market_region(std::string_view id) const {
  const Region* r = region(id);
  return r && !r->market_region.empty() ? r->market_region : std::string(id);
}

std::vector<std::string> Dataset::resolved_in(std::string_view id) const {
  std::vector<std::string> out;
  for (const auto& r : regions)
    if (r.market_region == id && r.id != id) out.push_back(r.id);
  return out;
}

const RawTable* Dataset::raw_table(std::string_view name) const {
  for (const auto& t : raw)
    if (t.spec && t.spec->name == name) return &t;
  return nullptr;
}

Result<Dataset> load_dataset_from(const FileReader& read, const std::string& prefix,
                                  const std::string& origin) {
  Diagnostics diags;
  Dataset d;
  d.origin = origin;
  auto manifest = read("datapackage.toml");
  if (!manifest) {
    diags.add(prefix + "datapackage.toml", 0, 0, "",
              "missing manifest: expected the file "
              "datapackage.toml listing the tables");
    return fail(std::move(diags));
  }
  d.schema = parse_schema(*manifest, prefix + "datapackage.toml", diags);
  if (!diags.empty()) return fail(std::move(diags));
  d.raw = load_tables(d.schema, read, prefix, diags);
  // Tables point at specs inside d.schema; keep them stable (no reallocation after this).
  if (diags.empty()) {
    build_typed(d, diags);
    detail::check_dataset(d, diags);
  }
  if (!diags.empty()) return fail(std::move(diags));
  return d;
}

Result<Dataset> load_dataset(const std::filesystem::path& dir) {
  if (!std::filesystem::is_directory(dir)) {
    Diagnostics diags;
    diags.add(dir.string(), 0, 0, "", "not a directory: expected a data package folder");
    return fail(std::move(diags));
  }
  std::string prefix = dir.string();
  if (!prefix.empty() && prefix.back() != '/') prefix += '/';
  return load_dataset_from(
      [dir](const std::string& file) -> std::optional<std::string> {
        auto text = read_file(dir / file);
        if (!text) return std::nullopt;
        return *text;
      },
      prefix, dir.string());
}

Result<Dataset> load_default_dataset() {
  return load_dataset_from(
      [](const std::string& file) -> std::optional<std::string> {
        auto text = embedded_file("data/world/" + file);
        if (!text) return std::nullopt;
        return std::string(*text);
      },
      "data/world/", "embedded");
}

}  // namespace rareflow
