// Tables of a data package after generic, schema-driven validation: every cell has been
// checked for type, range, enum value, required-ness and references. Typed views are built on
// top of these (dataset.hpp).
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "rareflow/core/error.hpp"
#include "rareflow/data/schema.hpp"

namespace rareflow {

struct RawRow {
  int line = 0;
  std::vector<std::string> cells;  // in schema column order; "" where empty or absent
  std::vector<int> columns;        // 1-based character column of each cell (0 if absent)
};

struct RawTable {
  const TableSpec* spec = nullptr;
  std::string file;  // as shown in messages
  std::vector<RawRow> rows;
};

// Reads a package file by its name in the manifest; nullopt when it does not exist.
using FileReader = std::function<std::optional<std::string>(const std::string& file)>;

// Loads and validates every table of `schema`. `prefix` is put before file names in messages
// (e.g. "data/world/"). All problems go to `diags`; rows with errors are still returned.
std::vector<RawTable> load_tables(const Schema& schema, const FileReader& read,
                                  const std::string& prefix, Diagnostics& diags);

}  // namespace rareflow
