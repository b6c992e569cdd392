#include "rareflow/data/raw_table.hpp"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <map>
#include <set>

#include <fmt/format.h>

#include "rareflow/core/csv.hpp"
#include "rareflow/core/limits.hpp"
#include "rareflow/core/text.hpp"

namespace rareflow {

namespace {

bool parse_number(const std::string& s, double& out) {
  const char* b = s.data();
  const char* e = s.data() + s.size();
  auto [p, ec] = std::from_chars(b, e, out);
  return ec == std::errc() && p == e && std::isfinite(out);
}

bool parse_integer(const std::string& s, long long& out) {
  const char* b = s.data();
  const char* e = s.data() + s.size();
  auto [p, ec] = std::from_chars(b, e, out);
  return ec == std::errc() && p == e;
}

std::vector<std::string> split_list(const std::string& s) {
  std::vector<std::string> out;
  std::size_t start = 0;
  while (start <= s.size()) {
    auto p = s.find(';', start);
    std::string item = s.substr(start, p == std::string::npos ? std::string::npos : p - start);
    if (!item.empty()) out.push_back(item);
    if (p == std::string::npos) break;
    start = p + 1;
  }
  return out;
}

std::string range_text(const ColumnSpec& c) {
  if (c.min && c.max) return fmt::format(" in [{}, {}]", *c.min, *c.max);
  if (c.min) return fmt::format(" >= {}", *c.min);
  if (c.max) return fmt::format(" <= {}", *c.max);
  return "";
}

// Checks one cell against its column spec (everything but references).
void check_cell(const std::string& file, const RawRow& row, std::size_t i, const ColumnSpec& c,
                Diagnostics& diags) {
  const std::string& v = row.cells[i];
  int col = row.columns[i];
  if (v.empty()) {
    if (c.required)
      diags.add(file, row.line, col, c.name, "expected a value, found an empty field");
    return;
  }
  std::string unit = c.unit.empty() ? "" : " (" + c.unit + ")";
  switch (c.type) {
    case ColumnType::Number: {
      double x;
      if (!parse_number(v, x)) {
        diags.add(file, row.line, col, c.name,
                  fmt::format("expected a number{}{}, found {}", range_text(c), unit, echo(v)));
      } else if ((c.min && x < *c.min) || (c.max && x > *c.max)) {
        diags.add(file, row.line, col, c.name,
                  fmt::format("expected a number{}{}, found {}", range_text(c), unit, v));
      }
      break;
    }
    case ColumnType::Integer: {
      long long x;
      if (!parse_integer(v, x)) {
        diags.add(file, row.line, col, c.name,
                  fmt::format("expected a whole number{}, found {}", range_text(c), echo(v)));
      } else if ((c.min && static_cast<double>(x) < *c.min) ||
                 (c.max && static_cast<double>(x) > *c.max)) {
        diags.add(file, row.line, col, c.name,
                  fmt::format("expected a whole number{}, found {}", range_text(c), v));
      }
      break;
    }
    case ColumnType::Enum:
      if (std::find(c.values.begin(), c.values.end(), v) == c.values.end()) {
        diags.add(file, row.line, col, c.name,
                  fmt::format("expected one of {}, found {}{}", join(c.values), echo(v),
                              suggestion(v, c.values)));
      }
      break;
    default:
      if (v.front() == ' ' || v.back() == ' ')
        diags.add(file, row.line, col, c.name,
                  fmt::format("expected no leading or trailing spaces, found {}", echo(v)));
      break;
  }
}

RawTable load_one(const TableSpec& spec, const FileReader& read, const std::string& prefix,
                  Diagnostics& diags) {
  RawTable t;
  t.spec = &spec;
  t.file = prefix + spec.file;
  auto text = read(spec.file);
  if (!text) {
    diags.add(t.file, 0, 0, "",
              fmt::format("missing file: the manifest lists table \"{}\"", spec.name));
    return t;
  }
  CsvDocument doc =
      parse_csv(*text, t.file, diags, {.check_field_count = true, .require_header = true});
  // Map header columns to schema columns.
  std::vector<int> csv_to_spec(doc.header.fields.size(), -1);
  std::vector<std::string> names;
  for (const auto& c : spec.columns) names.push_back(c.name);
  std::set<std::string> seen;
  for (std::size_t k = 0; k < doc.header.fields.size(); ++k) {
    const auto& f = doc.header.fields[k];
    if (!seen.insert(f.text).second) {
      diags.add(t.file, doc.header.line, f.column, f.text, "duplicate column in the header");
      continue;
    }
    int idx = spec.column_index(f.text);
    if (idx < 0) {
      diags.add(t.file, doc.header.line, f.column, f.text,
                fmt::format("unknown column{}; expected one of {}", suggestion(f.text, names),
                            join(names)));
      continue;
    }
    csv_to_spec[k] = idx;
  }
  if (!doc.header.fields.empty()) {
    for (const auto& c : spec.columns)
      if (c.required && !seen.contains(c.name))
        diags.add(t.file, doc.header.line, 0, c.name, "missing required column in the header");
  }
  std::map<std::string, int> first_line_of_key;
  // An exact repeat of a row would be counted twice (keyless tables) or only once (keyed).
  std::map<std::vector<std::string>, int> first_line_of_row;
  int key_idx = spec.key.empty() ? -1 : spec.column_index(spec.key);
  for (const auto& rec : doc.records) {
    RawRow row;
    row.line = rec.line;
    row.cells.assign(spec.columns.size(), "");
    row.columns.assign(spec.columns.size(), 0);
    for (std::size_t k = 0; k < rec.fields.size() && k < csv_to_spec.size(); ++k) {
      if (csv_to_spec[k] < 0) continue;
      row.cells[csv_to_spec[k]] = rec.fields[k].text;
      row.columns[csv_to_spec[k]] = rec.fields[k].column;
    }
    for (std::size_t i = 0; i < spec.columns.size(); ++i) {
      if (row.columns[i] == 0 && !seen.contains(spec.columns[i].name)) continue;
      check_cell(t.file, row, i, spec.columns[i], diags);
    }
    if (key_idx >= 0 && !row.cells[key_idx].empty()) {
      auto [it, inserted] = first_line_of_key.emplace(row.cells[key_idx], row.line);
      if (!inserted)
        diags.add(t.file, row.line, row.columns[key_idx], spec.key,
                  fmt::format("duplicate id \"{}\" (first defined on line {})", row.cells[key_idx],
                              it->second));
    }
    if (auto [it, inserted] = first_line_of_row.emplace(row.cells, row.line); !inserted)
      diags.add(t.file, row.line, 1, "",
                fmt::format("duplicate row: the same as line {}", it->second));
    t.rows.push_back(std::move(row));
  }
  return t;
}

}  // namespace

std::vector<RawTable> load_tables(const Schema& schema, const FileReader& read,
                                  const std::string& prefix, Diagnostics& diags) {
  std::vector<RawTable> tables;
  for (const auto& spec : schema.tables) tables.push_back(load_one(spec, read, prefix, diags));
  // References: every ref or list cell must name an id of the referenced table.
  std::map<std::string, std::set<std::string>> keys;
  std::map<std::string, std::vector<std::string>> key_list;
  for (const auto& t : tables) {
    int k = t.spec->key.empty() ? -1 : t.spec->column_index(t.spec->key);
    if (k < 0) continue;
    for (const auto& r : t.rows) {
      keys[t.spec->name].insert(r.cells[k]);
      key_list[t.spec->name].push_back(r.cells[k]);
    }
  }
  for (const auto& t : tables) {
    for (std::size_t i = 0; i < t.spec->columns.size(); ++i) {
      const auto& c = t.spec->columns[i];
      if (c.type != ColumnType::Ref && !(c.type == ColumnType::List && !c.ref.empty())) continue;
      std::string target = c.ref.empty() ? "regions" : c.ref;
      if (!schema.table(target)) {
        diags.add(t.file, 0, 0, c.name, fmt::format("refers to unknown table \"{}\"", target));
        continue;
      }
      for (const auto& r : t.rows) {
        if (r.cells[i].empty()) continue;
        std::vector<std::string> items =
            c.type == ColumnType::List ? split_list(r.cells[i]) : std::vector{r.cells[i]};
        for (const auto& item : items) {
          if (keys[target].contains(item)) continue;
          diags.add(t.file, r.line, r.columns[i], c.name,
                    fmt::format("expected an id of table {}, found {}{}", target, echo(item),
                                suggestion(item, key_list[target])));
        }
      }
    }
  }
  return tables;
}

}  // namespace rareflow
