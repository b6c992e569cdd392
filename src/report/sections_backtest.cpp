// Report section of a back-test: model against observed per series (variables
// Backtest|Model|<series> and Backtest|Observed|<series>), with the fit measure of each.
#include <cmath>

#include <fmt/format.h>

#include "html_parts.hpp"
#include "rareflow/report/charts.hpp"
#include "rareflow/report/svg.hpp"

namespace rareflow::report::detail {

namespace {

LineSeries line(const std::string& name, const std::map<int, double>& by_year, std::size_t color,
                bool dashed) {
  LineSeries ls;
  ls.name = name;
  ls.color = palette_color(color);
  ls.dashed = dashed;
  ls.markers = true;
  for (const auto& [y, v] : by_year) {
    ls.x.push_back(y);
    ls.y.push_back(v);
  }
  return ls;
}
}  // namespace

SectionResult backtest_section(const IamcTable& t) {
  auto model = slices(t, [](const std::string& v) { return v.starts_with(var::kBacktestModel); });
  if (model.empty()) return std::nullopt;
  auto observed =
      slices(t, [](const std::string& v) { return v.starts_with(var::kBacktestObserved); });
  Section s;
  s.id = "backtest";
  s.title = "Back-test: model against observed";
  s.intro =
      "The market model run on a past episode from its history package, against what was "
      "observed (dots and dashes: observed; solid: model). The fit of each series is the mean "
      "absolute log error (MALE) over the years with both values.";
  Table fit;
  fit.title = "Fit per series";
  fit.columns = {{"scenario", "", 0},
                 {"series", "", 0},
                 {"years compared", "", 0},
                 {"MALE", "", 3},
                 {"typical factor", "x", 2}};
  for (const auto& m : model) {
    std::string series = m.variable.substr(var::kBacktestModel.size());
    const Slice* o = nullptr;
    for (const auto& x : observed)
      if (x.scenario == m.scenario && x.variable.substr(var::kBacktestObserved.size()) == series)
        o = &x;
    LineChart c;
    c.title = series;
    c.x.title = "Year";
    c.x.years = true;
    c.x.include_zero = false;
    c.y.title = series.starts_with("Price") ? "Price" : "Quantity";
    c.y.unit = m.unit;
    c.series.push_back(line("model", m.by_year, 0, false));
    double sum = 0.0;
    long long n = 0;
    if (o) {
      c.series.push_back(line("observed", o->by_year, 1, true));
      for (const auto& [y, v] : m.by_year)
        if (auto it = o->by_year.find(y); it != o->by_year.end() && v > 0.0 && it->second > 0.0) {
          sum += std::abs(std::log(v / it->second));
          ++n;
        }
    }
    double male = n > 0 ? sum / static_cast<double>(n) : std::nan("");
    fit.add_row({m.scenario, series, n, n > 0 ? Cell{male} : Cell{},
                 n > 0 ? Cell{std::exp(male)} : Cell{}});
    s.figures.push_back({render_line_chart(c),
                         n > 0
                             ? fmt::format("{}: MALE {:.3f} over {} years (typical factor {:.2f}).",
                                           series, male, n, std::exp(male))
                             : fmt::format("{}: nothing observed to compare.", series),
                         false, ""});
  }
  s.extra_html = html_table(fit, 200);
  return s;
}

}  // namespace rareflow::report::detail
