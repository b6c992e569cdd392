#include "rareflow/data/summaries.hpp"

#include <algorithm>
#include <cmath>

#include <fmt/format.h>

namespace rareflow {

Result<Table> mine_production_table(const Dataset& d, int year) {
  if (year == 0) year = d.schema.base_year;
  Table t;
  t.title = fmt::format("Mine production by country, {} (USGS; China = official quota)", year);
  t.columns = {{"region", ""},
               {"name", ""},
               {"mine_production", "t REO", 0},
               {"share", "%", 1},
               {"source", ""}};
  std::vector<const Production*> rows;
  double total = 0;
  for (const auto& p : d.production)
    if (p.stage == ChainStage::Mine && p.year == year) {
      rows.push_back(&p);
      total += p.value;
    }
  if (rows.empty()) {
    Diagnostics diags;
    diags.add("--year", 0, 0, "year", fmt::format("no mine production in the data for {}", year));
    return fail(std::move(diags));
  }
  std::stable_sort(rows.begin(), rows.end(), [](auto* a, auto* b) { return a->value > b->value; });
  for (const auto* p : rows)
    t.add_row(
        {p->region, d.region(p->region)->name, p->value, 100.0 * p->value / total, p->source});
  t.add_row(
      {std::string("World"), std::string("sum of the rows above"), total, 100.0, std::string("")});
  for (const auto& prm : d.parameters)
    if (prm.id == fmt::format("world_mine_production_{}", year))
      t.notes.push_back(
          fmt::format("USGS world total (rounded): {:.0f} t REO [{}]", prm.value, prm.source));
  return t;
}

Table reserves_table(const Dataset& d) {
  Table t;
  t.title = "Reserves by country and source (figures on different bases coexist)";
  t.columns = {{"region", ""},           {"basis", ""},  {"year", ""},
               {"reserves", "t REO", 0}, {"source", ""}, {"note", ""}};
  std::vector<const Reserve*> rows;
  for (const auto& r : d.reserves) rows.push_back(&r);
  std::stable_sort(rows.begin(), rows.end(), [](auto* a, auto* b) { return a->value > b->value; });
  for (const auto* r : rows)
    t.add_row({r->region, r->basis, static_cast<long long>(r->year), r->value, r->source, r->note});
  t.notes.push_back(
      "Russia: 3.8 Mt REO (USGS reserves) and 28.5 Mt REO (state balance A+B+C1+C2) measure "
      "different things; the often quoted 658 Mt covers 29 rare metals, not rare earths.");
  return t;
}

Table deposits_table(const Dataset& d) {
  Table t;
  t.title = "Deposits";
  t.columns = {{"id", ""},
               {"region", ""},
               {"status", ""},
               {"type", ""},
               {"resource", "Mt ore", 1},
               {"grade", "% TREO", 2},
               {"contained", "t REO", 0},
               {"NdPr_share", "% of TREO", 1},
               {"source", ""}};
  for (const auto& x : d.deposits) {
    double contained = x.resource_mt_ore * 1e6 * x.grade_pct_treo / 100.0;
    double ndpr = kNaN;
    if (const auto* dist = d.distribution(x.distribution))
      ndpr = 100.0 * (dist->share[index(Element::Nd)] + dist->share[index(Element::Pr)]);
    t.add_row({x.id, x.region, std::string(deposit_status_key(x.status)), x.type, x.resource_mt_ore,
               x.grade_pct_treo, contained, ndpr, x.source});
  }
  t.notes.push_back(
      "contained = resource x grade (derived); NdPr share from the deposit's "
      "distribution (some are proxies: see the deposit's note)");
  return t;
}

Table elements_table() {
  Table t;
  t.title = "Rare-earth elements";
  t.columns = {{"symbol", ""}, {"name", ""},
               {"Z", ""},      {"atomic_mass", "g/mol", 6},
               {"oxide", ""},  {"oxide_to_metal", "t metal / t oxide", 5},
               {"group", ""},  {"magnet", ""}};
  for (const auto& e : element_table())
    t.add_row({std::string(e.symbol), std::string(e.name), static_cast<long long>(e.atomic_number),
               e.atomic_mass, std::string(e.oxide_formula), oxide_to_metal(e.element),
               std::string(group_name(e.group)), std::string(e.magnet ? "yes" : "")});
  t.notes.push_back("atomic masses: IUPAC standard atomic weights 2021 (abridged); O = 15.999");
  return t;
}

Table schema_table(const Schema& s) {
  Table t;
  t.title = fmt::format("Data package schema: {} {}", s.name, s.version);
  t.columns = {{"table", ""},    {"column", ""},          {"type", ""},       {"unit", ""},
               {"required", ""}, {"range_or_values", ""}, {"description", ""}};
  for (const auto& tb : s.tables)
    for (const auto& c : tb.columns) {
      std::string range;
      if (!c.values.empty()) {
        for (const auto& v : c.values) range += (range.empty() ? "" : "|") + v;
      } else if (c.min || c.max) {
        range = fmt::format("[{}, {}]", c.min ? fmt::format("{}", *c.min) : "",
                            c.max ? fmt::format("{}", *c.max) : "");
      } else if (!c.ref.empty()) {
        range = "-> " + c.ref;
      }
      t.add_row({tb.name, c.name, std::string(column_type_name(c.type)), c.unit,
                 std::string(c.required ? "yes" : "no"), range, c.description});
    }
  return t;
}

Table raw_table_view(const RawTable& t) {
  Table out;
  out.title = fmt::format("{} ({})", t.spec->name, t.file);
  for (const auto& c : t.spec->columns) out.columns.push_back({c.name, c.unit, 2});
  for (const auto& r : t.rows) {
    std::vector<Cell> cells;
    for (std::size_t i = 0; i < r.cells.size(); ++i) {
      const auto& spec = t.spec->columns[i];
      if (spec.type == ColumnType::Number && !r.cells[i].empty())
        cells.emplace_back(std::stod(r.cells[i]));
      else
        cells.emplace_back(r.cells[i]);
    }
    out.add_row(std::move(cells));
  }
  return out;
}

Result<std::vector<Table>> data_show(const Dataset& d, const std::string& what, int year) {
  if (what.empty() || what == "production") {
    auto production = mine_production_table(d, year);
    if (!production) return std::unexpected(production.error());
    if (!what.empty()) return std::vector<Table>{std::move(*production)};
    return std::vector<Table>{std::move(*production), reserves_table(d), deposits_table(d)};
  }
  if (what == "reserves") return std::vector<Table>{reserves_table(d)};
  if (what == "deposits") return std::vector<Table>{deposits_table(d)};
  if (what == "elements") return std::vector<Table>{elements_table()};
  if (const RawTable* t = d.raw_table(what)) return std::vector<Table>{raw_table_view(*t)};
  std::vector<std::string> names = {"production", "reserves", "deposits", "elements"};
  for (const auto& t : d.raw) names.push_back(t.spec->name);
  Diagnostics diags;
  std::string all;
  for (const auto& n : names) all += (all.empty() ? "" : ", ") + n;
  diags.add("data show", 0, 0, "table",
            fmt::format("unknown table \"{}\"{}; expected one of {}", what, suggestion(what, names),
                        all));
  return fail(std::move(diags));
}

}  // namespace rareflow
