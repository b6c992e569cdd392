// A small RFC 4180 reader for the csv files a results directory may hold (quoted fields may
// contain commas, quotes and newlines).
#pragma once

#include <string>
#include <vector>

namespace rareflow::report::detail {

struct CsvRecord {
  int line = 0;  // 1-based line where the record starts
  std::vector<std::string> fields;
};

std::vector<CsvRecord> parse_csv(const std::string& text);

}  // namespace rareflow::report::detail
