// A small typed table that every command prints: as aligned text, CSV or JSON. Each column
// names its unit, so no output number lacks one.
#pragma once

#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "rareflow/core/error.hpp"

namespace rareflow {

using Cell = std::variant<std::monostate, std::string, double, long long>;

struct Column {
  std::string name;
  std::string unit;   // "" for labels and dimensionless counts
  int precision = 0;  // digits after the point in text output (csv/json keep full precision)
};

// Every output format of the command line. Table, Csv and Json are text (render); Xlsx and
// Html are files the report layer writes.
enum class Format { Table, Csv, Json, Xlsx, Html };
// How the command line names a format: "table", "csv", "json", "xlsx" or "html".
std::string format_name(Format f);
// `text` as one of `accepted`; otherwise the one wording of the error:
// expected one of table, csv, json, xlsx, found "x" (did you mean 'json'?)
Result<Format> parse_format(std::string_view text, const std::vector<Format>& accepted);

struct Table {
  std::string title;
  std::vector<Column> columns;
  std::vector<std::vector<Cell>> rows;
  std::vector<std::string> notes;  // printed under a text table; "notes" array in json

  void add_row(std::vector<Cell> r) { rows.push_back(std::move(r)); }
};

std::string to_text(const Table& t);
std::string to_csv(const Table& t);
std::string to_json(const Table& t, int indent = 2);
// Text formats only: Xlsx and Html render as Table.
std::string render(const Table& t, Format f);
// Several tables in one document (json: an array; csv: blank line between; text: stacked).
std::string render(const std::vector<Table>& ts, Format f);

// CSV field quoting per RFC 4180.
std::string csv_escape(const std::string& s);
// Shortest round-trip representation of a double, as used in csv and json output.
std::string format_double(double v);

}  // namespace rareflow
