// The data package's schema, read from its manifest (datapackage.toml). Declared once, it
// drives loading, validation, `rareflow data schema` and the tables of docs/data.md.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "rareflow/core/error.hpp"

namespace rareflow {

enum class ColumnType { Id, String, Integer, Number, Enum, Ref, List };

std::string_view column_type_name(ColumnType t);

struct ColumnSpec {
  std::string name;
  ColumnType type = ColumnType::String;
  std::string unit;
  std::string description;
  bool required = true;
  std::optional<double> min;
  std::optional<double> max;
  std::vector<std::string> values;  // allowed values of an enum
  std::string ref;                  // referenced table (its key column) for Ref and List
};

struct TableSpec {
  std::string name;
  std::string file;
  std::string description;
  std::string key;  // the id column, if any
  std::vector<ColumnSpec> columns;

  const ColumnSpec* column(std::string_view n) const;
  int column_index(std::string_view n) const;  // -1 if absent
};

struct Schema {
  std::string name;
  std::string version;
  std::string title;
  int base_year = 0;
  std::vector<TableSpec> tables;

  const TableSpec* table(std::string_view n) const;
};

// Parses a manifest; problems (TOML syntax, unknown keys, bad types) go to `diags`.
Schema parse_schema(std::string_view toml_text, const std::string& file, Diagnostics& diags);

}  // namespace rareflow
