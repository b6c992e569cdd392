// The one CSV reader (RFC 4180: quoted fields, doubled quotes, quoted newlines, CRLF, a UTF-8
// byte order mark). It is strict: an unterminated quote, a quote inside an unquoted field and
// text after a closing quote are errors. It remembers the line and column of every field, so
// each reader built on it can point at the exact cell.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "rareflow/core/error.hpp"

namespace rareflow {

struct CsvField {
  std::string text;
  int column = 0;  // 1-based character column where the field's content starts
};

struct CsvRecord {
  int line = 0;        // 1-based line number where the record starts
  int end_column = 0;  // column just past the record's last character, for "found end of line"
  std::vector<CsvField> fields;
};

struct CsvDocument {
  std::string file;
  CsvRecord header;  // the first non-blank record; no fields when the file has none
  std::vector<CsvRecord> records;
  int end_line = 1;  // the line after the last one, for "found end of file"
};

struct CsvOptions {
  // Each record must have as many fields as the header; others are reported and dropped.
  bool check_field_count = false;
  // A file without a header is reported ("empty file: expected a header line").
  bool require_header = false;
  // Hand-written files: spaces and tabs around a field are dropped and lines whose first
  // non-blank character is '#' are comments.
  bool trim_blanks = false;
  bool comments = false;
};

// The texts of a record's fields, for comparing a header with the names a reader expects.
std::vector<std::string> field_texts(const CsvRecord& record);

// Parses `text` (after check_text_bounds) and adds every problem to `diags`. Blank lines are
// skipped. Reading stops at an unterminated quote or an over-long field.
CsvDocument parse_csv(std::string_view text, const std::string& file, Diagnostics& diags,
                      const CsvOptions& options = {});

// The same for readers that stop at the first problem: that problem as the error.
Result<CsvDocument> read_csv(std::string_view text, const std::string& file,
                             const CsvOptions& options = {});

}  // namespace rareflow
