#include "rareflow/mfa/year_series.hpp"

#include <algorithm>
#include <cctype>
#include <charconv>
#include <cmath>
#include <optional>

#include <fmt/format.h>

#include "rareflow/core/csv.hpp"
#include "rareflow/core/limits.hpp"
#include "rareflow/core/text.hpp"

namespace rareflow::mfa {

namespace {

constexpr double kMaxSeriesValue = 1e15;

std::string found(std::string_view s) {
  return s.empty() ? std::string("an empty field") : echo(s);
}

// "value" or "value [UNIT]" -> the unit (kUnspecifiedUnit when none); nullopt otherwise.
std::optional<std::string> value_header_unit(std::string_view h) {
  if (lower(h.substr(0, 5)) != "value") return std::nullopt;
  std::string_view rest = h.substr(5);
  while (!rest.empty() && is_blank(rest.front())) rest.remove_prefix(1);
  if (rest.empty()) return std::string(kUnspecifiedUnit);
  if (rest.front() != '[' || rest.back() != ']' || rest.size() < 3) return std::nullopt;
  return std::string(rest.substr(1, rest.size() - 2));
}

}  // namespace

std::expected<YearSeries, Diagnostics> parse_year_series(std::string_view text,
                                                         std::string_view file) {
  Diagnostics d;
  const std::string fname(file);
  CsvDocument doc = parse_csv(text, fname, d, {.trim_blanks = true, .comments = true});
  if (!d.empty() && doc.header.fields.empty()) return std::unexpected(std::move(d));
  YearSeries out;
  const bool have_header = !doc.header.fields.empty();
  bool have_year = false;
  int expected_year = 0;
  if (have_header) {
    const auto& fields = doc.header.fields;
    const int line_no = doc.header.line;
    if (lower(fields[0].text) != "year")
      d.add(fname, line_no, fields[0].column, "header",
            fmt::format("expected first column \"year\", found {}", found(fields[0].text)));
    if (fields.size() < 2) {
      d.add(fname, line_no, doc.header.end_column, "header",
            "expected a second column \"value\" (or \"value [UNIT]\"), found end of line");
    } else if (auto unit = value_header_unit(fields[1].text)) {
      out.unit = *unit;
    } else {
      d.add(fname, line_no, fields[1].column, "header",
            fmt::format("expected second column \"value\" or \"value [UNIT]\", found {}",
                        found(fields[1].text)));
    }
    if (fields.size() > 2)
      d.add(fname, line_no, fields[2].column, "header",
            fmt::format("expected 2 columns (year,value), found {}", fields.size()));
  }
  for (const auto& rec : doc.records) {
    const auto& fields = rec.fields;
    const int line_no = rec.line;
    // Year.
    const std::string& ytext = fields[0].text;
    int year = 0;
    auto [yp, yec] = std::from_chars(ytext.data(), ytext.data() + ytext.size(), year);
    if (ytext.empty() || yec != std::errc() || yp != ytext.data() + ytext.size()) {
      d.add(fname, line_no, fields[0].column, "year",
            fmt::format("expected an integer year, found {}", found(ytext)));
    } else if (year < limits::kMinYear || year > limits::kMaxYear) {
      // Checked before any year arithmetic: year 2147483647 overflowed `year + 1`.
      d.add(fname, line_no, fields[0].column, "year",
            fmt::format("expected a year in {}..{}, found {}", limits::kMinYear, limits::kMaxYear,
                        year));
    } else {
      if (have_year && year != expected_year)
        d.add(fname, line_no, fields[0].column, "year",
              fmt::format("expected {} (years must be consecutive and increasing), found {}",
                          expected_year, year));
      if (!have_year) out.first_year = year;
      have_year = true;
      expected_year = year + 1;  // continue from what was found, so one gap gives one error
    }
    // Value.
    if (fields.size() < 2) {
      d.add(fname, line_no, rec.end_column, "value", "expected a number >= 0, found end of line");
    } else {
      const std::string& vtext = fields[1].text;
      double v = 0.0;
      auto [vp, vec] = std::from_chars(vtext.data(), vtext.data() + vtext.size(), v);
      if (vtext.empty() || vec != std::errc() || vp != vtext.data() + vtext.size() ||
          !std::isfinite(v) || v < 0.0)
        d.add(fname, line_no, fields[1].column, "value",
              fmt::format("expected a number >= 0, found {}", found(vtext)));
      else if (v > kMaxSeriesValue)
        // Whatever the unit, sums of cohorts above this lose the precision the stock balance
        // check needs (1e26 was accepted before issue 13).
        d.add(fname, line_no, fields[1].column, "value",
              fmt::format("expected a number <= {}, found {}", kMaxSeriesValue, found(vtext)));
      else
        out.values.push_back(v);
    }
    if (fields.size() > 2)
      d.add(fname, line_no, fields[2].column, "row",
            fmt::format("expected 2 fields (year,value), found {}", fields.size()));
  }
  if (!have_header)
    d.add(fname, doc.end_line, 1, "header", "expected \"year,value\", found end of file");
  else if (!have_year && d.empty())
    d.add(fname, doc.end_line, 1, "year", "expected at least one data row, found end of file");
  if (!d.empty()) return std::unexpected(std::move(d));
  return out;
}

}  // namespace rareflow::mfa
