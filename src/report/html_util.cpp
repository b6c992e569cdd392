#include <algorithm>
#include <cctype>
#include <cmath>

#include <fmt/format.h>

#include "html_parts.hpp"
#include "rareflow/core/elements.hpp"
#include "rareflow/core/text.hpp"
#include "rareflow/report/svg.hpp"

namespace rareflow::report::detail {

std::vector<Slice> slices(const IamcTable& t, const std::function<bool(const std::string&)>& keep) {
  std::vector<Slice> out;
  std::map<std::tuple<std::string, std::string, std::string>, std::size_t> at;
  for (const auto& r : t.rows) {
    if (!keep(r.variable)) continue;
    auto key = std::make_tuple(r.scenario, r.region, r.variable);
    auto it = at.find(key);
    if (it == at.end()) {
      it = at.emplace(key, out.size()).first;
      out.push_back({r.scenario, r.region, r.variable, r.unit, {}});
    }
    out[it->second].by_year[r.year] = r.value;
  }
  return out;
}

std::vector<int> years_of(const std::vector<Slice>& s) {
  std::vector<int> y;
  for (const auto& x : s)
    for (const auto& [year, v] : x.by_year) y.push_back(year);
  std::sort(y.begin(), y.end());
  y.erase(std::unique(y.begin(), y.end()), y.end());
  return y;
}

std::vector<std::string> distinct(const std::vector<Slice>& s, std::string Slice::*field) {
  std::vector<std::string> out;
  for (const auto& x : s)
    if (std::find(out.begin(), out.end(), x.*field) == out.end()) out.push_back(x.*field);
  return out;
}

std::vector<std::string> materials_after(const std::vector<Slice>& s, std::string_view prefix) {
  std::vector<std::string> out;
  for (const auto& x : s) {
    std::string m = x.variable.substr(prefix.size());
    if (std::find(out.begin(), out.end(), m) == out.end()) out.push_back(std::move(m));
  }
  return order_materials(std::move(out));
}

std::string unit_of(const std::vector<Slice>& s) {
  auto u = distinct(s, &Slice::unit);
  return fmt::format("{}", fmt::join(u, ", "));
}

std::vector<std::string> order_materials(std::vector<std::string> names) {
  auto rank = [](const std::string& n) -> std::pair<int, std::string> {
    auto e = element_from_symbol(n);
    if (!e) return {100, n};
    static constexpr Element kMagnet[] = {Element::Nd, Element::Pr, Element::Dy, Element::Tb};
    for (int i = 0; i < 4; ++i)
      if (kMagnet[i] == *e) return {i, ""};
    return {10 + static_cast<int>(index(*e)), ""};
  };
  std::stable_sort(names.begin(), names.end(),
                   [&](const std::string& a, const std::string& b) { return rank(a) < rank(b); });
  return names;
}

std::string cell_html(const Cell& c, int precision) {
  if (std::holds_alternative<std::string>(c)) {
    const auto& s = std::get<std::string>(c);
    // Addresses become links; viewing the report still fetches nothing.
    if ((s.starts_with("https://") || s.starts_with("http://")) &&
        s.find_first_of(" \"<>") == std::string::npos)
      return fmt::format(R"(<a href="{0}" rel="noopener noreferrer">{0}</a>)", xml_escape(s));
    return xml_escape(s);
  }
  if (std::holds_alternative<long long>(c)) return fmt::format("{}", std::get<long long>(c));
  if (std::holds_alternative<double>(c)) {
    double v = std::get<double>(c);
    if (!std::isfinite(v)) return "&#8211;";
    return format_number(v, precision);
  }
  return "";
}

namespace {
// A column of years ("year", "online year", "first_year"): shown without thousands separators.
bool is_year_column(const Column& c) {
  const std::string n = lower(c.name);
  return c.unit.empty() && n.find("year") != std::string::npos &&
         n.find("years") == std::string::npos;
}

// The column's declared precision; a column without one (precision 0 holding fractions, as
// read back from csv) gets the decimals that show its typical (median) value to about three
// significant digits, at most 4 (2907.0480081716037 -> 2,907; 0.1234 -> 0.123).
int column_precision(const Table& t, std::size_t k) {
  if (t.columns[k].precision > 0) return t.columns[k].precision;
  std::vector<double> mags;
  bool fractional = false;
  for (const auto& row : t.rows) {
    if (k >= row.size() || !std::holds_alternative<double>(row[k])) continue;
    double v = std::get<double>(row[k]);
    if (!std::isfinite(v) || v == 0.0) continue;
    mags.push_back(std::abs(v));
    fractional = fractional || v != std::round(v);
  }
  if (!fractional || mags.empty()) return 0;
  std::nth_element(mags.begin(), mags.begin() + static_cast<std::ptrdiff_t>(mags.size() / 2),
                   mags.end());
  double median = mags[mags.size() / 2];
  return std::clamp(2 - static_cast<int>(std::floor(std::log10(median))), 0, 4);
}
}  // namespace

std::string html_table(const Table& t, std::size_t max_rows, const std::string& css_class) {
  std::string s = fmt::format(R"(<div class="rf-table-wrap"><table class="rf-table{}">)",
                              css_class.empty() ? "" : " " + xml_escape(css_class));
  if (!t.title.empty()) s += "<caption>" + xml_escape(t.title) + "</caption>";
  s += "<thead><tr>";
  for (const auto& c : t.columns) {
    s += "<th>" + xml_escape(c.name);
    if (!c.unit.empty()) s += R"( <span class="rf-unit">[)" + xml_escape(c.unit) + "]</span>";
    s += "</th>";
  }
  s += "</tr></thead><tbody>";
  std::size_t n = std::min(max_rows, t.rows.size());
  std::vector<bool> year_column;
  std::vector<int> precision;
  for (std::size_t k = 0; k < t.columns.size(); ++k) {
    year_column.push_back(is_year_column(t.columns[k]));
    precision.push_back(column_precision(t, k));
  }
  for (std::size_t i = 0; i < n; ++i) {
    s += "<tr>";
    for (std::size_t k = 0; k < t.columns.size(); ++k) {
      const Cell& c = k < t.rows[i].size() ? t.rows[i][k] : Cell{};
      bool num = std::holds_alternative<double>(c) || std::holds_alternative<long long>(c);
      s += num ? R"(<td class="num">)" : "<td>";
      if (year_column[k] && std::holds_alternative<double>(c) && std::isfinite(std::get<double>(c)))
        s += fmt::format("{}", std::llround(std::get<double>(c))) + "</td>";  // 2025, not 2,025
      else
        s += cell_html(c, precision[k]) + "</td>";
    }
    s += "</tr>";
  }
  s += "</tbody></table></div>";
  if (n < t.rows.size())
    s +=
        fmt::format(R"(<p class="rf-note">First {} of {} rows shown; the xlsx output has all.</p>)",
                    n, t.rows.size());
  for (const auto& note : t.notes) s += R"(<p class="rf-note">)" + xml_escape(note) + "</p>";
  return s;
}

}  // namespace rareflow::report::detail
