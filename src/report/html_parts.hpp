// Internal pieces of the HTML report: sections built from the inputs, and the IAMC slicing
// they share.
#pragma once

#include <functional>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "rareflow/core/iamc.hpp"
#include "rareflow/core/table.hpp"
#include "rareflow/report/report.hpp"
#include "rareflow/sweep/scenario_sweep.hpp"

namespace rareflow::report::detail {

struct Figure {
  std::string svg;
  std::string caption;  // plain text; escaped when written
  bool wide = false;    // spans the full width (Sankey, Gantt)
  std::string tab;      // non-empty: shown as a tab with this name
};

struct Section {
  std::string id;  // html id, e.g. "prices"
  std::string title;
  std::string intro;  // plain text
  std::vector<Figure> figures;
  std::string extra_html;  // already-escaped html after the figures (tables, notes)
};

// A section left out because its inputs are missing, with the variables it would read.
struct Omitted {
  std::string title;
  std::string reason;
};

using SectionResult = std::optional<Section>;

// One time series: all rows with the same scenario, region and variable.
struct Slice {
  std::string scenario;
  std::string region;
  std::string variable;
  std::string unit;
  std::map<int, double> by_year;
};
// Slices whose variable passes `keep`, in order of first appearance (a repeated year: last).
std::vector<Slice> slices(const IamcTable& t, const std::function<bool(const std::string&)>& keep);
std::vector<int> years_of(const std::vector<Slice>& s);
// Distinct values in order of first appearance.
std::vector<std::string> distinct(const std::vector<Slice>& s, std::string Slice::*field);
// Distinct rests of the slices' variables after `prefix` ("Price|Oxide|Dy" -> "Dy"), in order
// of first appearance, ordered as materials (order_materials).
std::vector<std::string> materials_after(const std::vector<Slice>& s, std::string_view prefix);
// Units of the slices, joined when they differ ("t/yr, kt/yr").
std::string unit_of(const std::vector<Slice>& s);

// Orders materials: magnet elements (Nd, Pr, Dy, Tb) first, other elements in table order,
// then other names alphabetically.
std::vector<std::string> order_materials(std::vector<std::string> names);

std::string html_table(const Table& t, std::size_t max_rows, const std::string& css_class = "");
std::string cell_html(const Cell& c, int precision);

SectionResult sankey_section(const std::vector<SankeyData>& diagrams, std::string& problem);
SectionResult price_section(const IamcTable& t);
SectionResult share_section(const IamcTable& t);
SectionResult shortfall_section(const IamcTable& t);
SectionResult plan_section(const IamcTable& t);
SectionResult criticality_section(const IamcTable& t);
SectionResult backtest_section(const IamcTable& t);  // sections_backtest.cpp
// Fan charts and the tornado chart of a sweep (sections_ranges.cpp).
std::vector<Section> range_sections(const sweep::SweepResult& r);

}  // namespace rareflow::report::detail
