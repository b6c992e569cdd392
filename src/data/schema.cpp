#include "rareflow/data/schema.hpp"

#include <algorithm>
#include <cmath>

#include <fmt/format.h>
#include <toml++/toml.h>

#include "rareflow/core/limits.hpp"
#include "rareflow/data/toml_reader.hpp"

namespace rareflow {

std::string_view column_type_name(ColumnType t) {
  switch (t) {
    case ColumnType::Id:
      return "id";
    case ColumnType::String:
      return "string";
    case ColumnType::Integer:
      return "integer";
    case ColumnType::Number:
      return "number";
    case ColumnType::Enum:
      return "enum";
    case ColumnType::Ref:
      return "ref";
    case ColumnType::List:
      return "list";
  }
  return "?";
}

const ColumnSpec* TableSpec::column(std::string_view n) const {
  for (const auto& c : columns)
    if (c.name == n) return &c;
  return nullptr;
}

int TableSpec::column_index(std::string_view n) const {
  for (std::size_t i = 0; i < columns.size(); ++i)
    if (columns[i].name == n) return static_cast<int>(i);
  return -1;
}

const TableSpec* Schema::table(std::string_view n) const {
  for (const auto& t : tables)
    if (t.name == n) return &t;
  return nullptr;
}

namespace {

// Errors at a node of the manifest.
struct Ctx {
  data::TomlContext toml;
  void error(const toml::node& n, const std::string& field, std::string msg) {
    toml.error(n.source(), field, std::move(msg));
  }
};

std::optional<ColumnType> parse_type(std::string_view s) {
  static const std::pair<std::string_view, ColumnType> kTypes[] = {
      {"id", ColumnType::Id},           {"string", ColumnType::String},
      {"integer", ColumnType::Integer}, {"number", ColumnType::Number},
      {"enum", ColumnType::Enum},       {"ref", ColumnType::Ref},
      {"list", ColumnType::List}};
  for (const auto& [n, t] : kTypes)
    if (n == s) return t;
  return std::nullopt;
}

ColumnSpec parse_column(Ctx& ctx, const toml::table& t, const std::string& where) {
  data::check_keys(
      ctx.toml, t, where,
      {"name", "type", "unit", "description", "required", "min", "max", "values", "ref"});
  ColumnSpec c;
  c.name = t["name"].value_or(std::string());
  if (c.name.empty()) ctx.error(t, where + ".name", "expected a column name");
  std::string type = t["type"].value_or(std::string("string"));
  if (auto ct = parse_type(type))
    c.type = *ct;
  else
    ctx.error(t, where + ".type",
              fmt::format("expected id, string, integer, number, enum, "
                          "ref or list, found \"{}\"",
                          type));
  c.unit = t["unit"].value_or(std::string());
  c.description = t["description"].value_or(std::string());
  c.required = t["required"].value_or(true);
  if (auto v = t["min"].value<double>()) c.min = *v;
  if (auto v = t["max"].value<double>()) c.max = *v;
  for (const char* bound : {"min", "max"})
    if (const toml::node* b = t.get(bound);
        b && !(b->value<double>() && std::isfinite(*b->value<double>())))
      ctx.error(*b, where + "." + bound, "expected a finite number");
  if (auto arr = t["values"].as_array())
    for (const auto& v : *arr) c.values.push_back(v.value_or(std::string()));
  c.ref = t["ref"].value_or(std::string());
  if (c.type == ColumnType::Enum && c.values.empty())
    ctx.error(t, where + ".values", "an enum column needs its allowed values");
  if ((c.type == ColumnType::Ref) && c.ref.empty())
    ctx.error(t, where + ".ref", "a ref column needs the table it refers to");
  return c;
}

}  // namespace

Schema parse_schema(std::string_view toml_text, const std::string& file, Diagnostics& diags) {
  Schema s;
  if (auto b = check_text_bounds(toml_text, file); !b.message.empty()) {
    diags.add(std::move(b));
    return s;
  }
  toml::table root;
  try {
    root = toml::parse(toml_text, file);
  } catch (const toml::parse_error& e) {
    diags.add(file, static_cast<int>(e.source().begin.line),
              static_cast<int>(e.source().begin.column), "", std::string(e.description()));
    return s;
  }
  Ctx ctx{{file, {}}};
  data::check_keys(ctx.toml, root, "manifest", {"name", "version", "title", "base_year", "tables"});
  s.name = root["name"].value_or(std::string());
  s.version = root["version"].value_or(std::string());
  s.title = root["title"].value_or(std::string());
  // A whole year: nan, 2024.5 or "2024" is an error, not a silent 0.
  if (const toml::node* by = root.get("base_year")) {
    auto y = by->is_integer() ? by->value<int64_t>() : std::nullopt;
    if (!y || *y < limits::kMinYear || *y > limits::kMaxYear)
      ctx.error(*by, "base_year",
                fmt::format("expected a whole year in {}..{}", limits::kMinYear, limits::kMaxYear));
    else
      s.base_year = static_cast<int>(*y);
  } else {
    ctx.toml.diags.add(file, 1, 1, "base_year", "expected the base year of the package");
  }
  if (s.name.empty()) ctx.toml.diags.add(file, 1, 1, "name", "expected the package name");
  if (s.version.empty()) ctx.toml.diags.add(file, 1, 1, "version", "expected the package version");
  auto* tables = root["tables"].as_array();
  if (!tables) {
    ctx.toml.diags.add(file, 1, 1, "tables", "expected an array of [[tables]]");
    diags.append(ctx.toml.diags);
    return s;
  }
  for (std::size_t i = 0; i < tables->size(); ++i) {
    auto* t = (*tables)[i].as_table();
    std::string where = fmt::format("tables[{}]", i);
    if (!t) continue;
    data::check_keys(ctx.toml, *t, where, {"name", "file", "description", "key", "columns"});
    TableSpec ts;
    ts.name = (*t)["name"].value_or(std::string());
    ts.file = (*t)["file"].value_or(ts.name + ".csv");
    ts.description = (*t)["description"].value_or(std::string());
    ts.key = (*t)["key"].value_or(std::string());
    if (auto* cols = (*t)["columns"].as_array()) {
      for (std::size_t j = 0; j < cols->size(); ++j)
        if (auto* ct = (*cols)[j].as_table())
          ts.columns.push_back(parse_column(ctx, *ct, fmt::format("{}.columns[{}]", where, j)));
    } else {
      ctx.error(*t, where + ".columns", "expected the table's columns");
    }
    s.tables.push_back(std::move(ts));
  }
  diags.append(ctx.toml.diags);
  return s;
}

}  // namespace rareflow
