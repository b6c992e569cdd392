// A strict CSV reader (RFC 4180: quoted fields, doubled quotes, CRLF) that remembers the line
// and column of every field, so validation errors can point at the exact cell.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "rareflow/core/error.hpp"

namespace rareflow {

struct CsvField {
  std::string text;
  int column = 0;  // 1-based character column where the field starts
};

struct CsvRecord {
  int line = 0;  // 1-based line number where the record starts
  std::vector<CsvField> fields;
};

struct CsvDocument {
  std::string file;
  CsvRecord header;
  std::vector<CsvRecord> records;
};

// Parses `text`; structural problems (unterminated quote, stray quote) go to `diags`.
// Blank lines are skipped; a record with a different field count than the header is reported.
CsvDocument parse_csv(std::string_view text, const std::string& file, Diagnostics& diags);

}  // namespace rareflow
