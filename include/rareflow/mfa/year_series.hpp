// A yearly series read from a two-column CSV file (header "year,value"), the input of
// `rareflow dsm`. Every problem is reported as file:line:column: field: expected ..., found ...
#pragma once

#include <expected>
#include <string>
#include <string_view>
#include <vector>

#include "rareflow/core/error.hpp"

namespace rareflow::mfa {

inline constexpr std::string_view kUnspecifiedUnit = "input unit";

struct YearSeries {
  int first_year = 0;
  std::vector<double> values{};  // one per consecutive year from first_year
  std::string unit{};  // from a header "value [UNIT]"; kUnspecifiedUnit when none is given
};

// Parses CSV text: a header "year,value" (or "year,value [UNIT]"), then one row per year, years
// consecutive and increasing, values finite and >= 0. Blank lines and lines starting with '#'
// are skipped; fields may be quoted. Returns every problem found, not only the first.
std::expected<YearSeries, Diagnostics> parse_year_series(std::string_view text,
                                                         std::string_view file);

}  // namespace rareflow::mfa
