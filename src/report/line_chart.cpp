// Line and stacked-area charts over a numeric x axis.
#include <algorithm>
#include <cmath>

#include <fmt/format.h>

#include "chart_frame.hpp"

namespace rareflow::report {

using detail::LegendItem;
using detail::Range;
using detail::Swatch;

namespace {
std::string color_or_palette(const std::string& c, std::size_t i) {
  return c.empty() ? palette_color(i) : c;
}

// A point is drawn when finite, and on a log axis when positive (a gap otherwise).
bool drawn(double v, const Axis& a) {
  return std::isfinite(v) && (!a.log || v > 0.0);
}

// One polygon per run of points where both edges are known: upper edge left to right, lower
// edge back.
std::string draw_band(const detail::Frame& f, const Band& b, std::size_t i) {
  std::size_t n = std::min({b.x.size(), b.lo.size(), b.hi.size()});
  std::string d;
  for (std::size_t k = 0; k < n;) {
    auto known = [&](std::size_t j) {
      return std::isfinite(b.x[j]) && std::isfinite(b.lo[j]) && std::isfinite(b.hi[j]);
    };
    if (!known(k)) {
      ++k;
      continue;
    }
    std::size_t end = k;
    while (end < n && known(end)) ++end;
    for (std::size_t j = k; j < end; ++j)
      d += fmt::format("{}{} {}", j == k ? "M" : "L", coord(f.sx(b.x[j])), coord(f.sy(b.hi[j])));
    for (std::size_t j = end; j-- > k;)
      d += fmt::format("L{} {}", coord(f.sx(b.x[j])), coord(f.sy(b.lo[j])));
    d += "Z";
    k = end;
  }
  if (d.empty()) return "";
  return fmt::format(
      R"(<path class="rf-band" d="{}" fill="{}" fill-opacity="{}" stroke="none"><title>{}</title></path>)",
      d, color_or_palette(b.color, i), coord(b.opacity), xml_escape(b.name));
}

std::string value_text(double v, const Axis& a) {
  std::string s = format_number(v, std::abs(v) >= 100 ? 0 : (std::abs(v) >= 1 ? 2 : 4));
  return a.unit.empty() ? s : s + " " + a.unit;
}
}  // namespace

std::string render_line_chart(const LineChart& c) {
  Range xr, yr;
  std::vector<LegendItem> legend;
  for (std::size_t i = 0; i < c.series.size(); ++i) {
    const auto& s = c.series[i];
    std::size_t n = std::min(s.x.size(), s.y.size());
    for (std::size_t k = 0; k < n; ++k) {
      if (!drawn(s.y[k], c.y) || !std::isfinite(s.x[k])) continue;
      xr.add(s.x[k]);
      yr.add(s.y[k]);
    }
    legend.push_back(
        {s.name, color_or_palette(s.color, i), s.dashed ? Swatch::Dashed : Swatch::Line});
  }
  for (std::size_t i = 0; i < c.bands.size(); ++i) {
    const auto& b = c.bands[i];
    for (std::size_t k = 0; k < b.x.size(); ++k) {
      if (!std::isfinite(b.x[k])) continue;
      xr.add(b.x[k]);
      if (k < b.lo.size()) yr.add(b.lo[k]);
      if (k < b.hi.size()) yr.add(b.hi[k]);
    }
    legend.push_back({b.name, color_or_palette(b.color, i), Swatch::Box});
  }
  auto f = detail::make_frame(c.size, c.x, xr, c.y, yr, legend);
  std::string out = detail::svg_open(f.width, f.height, c.title, c.bands.empty() ? "line" : "fan");
  out += detail::draw_title(f, c.title);
  out += detail::draw_y_axis(f, c.y);
  out += detail::draw_x_axis(f, c.x);
  for (std::size_t i = 0; i < c.bands.size(); ++i) out += draw_band(f, c.bands[i], i);
  for (std::size_t i = 0; i < c.series.size(); ++i) {
    const auto& s = c.series[i];
    std::string color = color_or_palette(s.color, i);
    std::string d;
    bool pen_down = false;
    std::size_t n = std::min(s.x.size(), s.y.size());
    for (std::size_t k = 0; k < n; ++k) {
      if (!drawn(s.y[k], c.y) || !std::isfinite(s.x[k])) {
        pen_down = false;
        continue;
      }
      d += fmt::format("{}{} {}", pen_down ? "L" : "M", coord(f.sx(s.x[k])), coord(f.sy(s.y[k])));
      pen_down = true;
    }
    out += fmt::format(R"(<g class="rf-series"><title>{}</title>)", xml_escape(s.name));
    if (!d.empty())
      out += fmt::format(
          R"(<path d="{}" fill="none" stroke="{}" stroke-width="2.2" stroke-linejoin="round"{}/>)",
          d, color, s.dashed ? R"( stroke-dasharray="6 4")" : "");
    if (s.markers) {
      for (std::size_t k = 0; k < n; ++k) {
        if (!drawn(s.y[k], c.y) || !std::isfinite(s.x[k])) continue;
        out +=
            fmt::format(R"(<circle cx="{}" cy="{}" r="3" fill="{}"><title>{}: {}</title></circle>)",
                        coord(f.sx(s.x[k])), coord(f.sy(s.y[k])), color,
                        xml_escape(s.name + ", " + detail::tick_text(s.x[k], f.xt, c.x.years)),
                        xml_escape(value_text(s.y[k], c.y)));
      }
    }
    out += "</g>";
  }
  out += detail::draw_legend(f, legend);
  return out + detail::svg_close();
}

std::string render_stacked_area_chart(const StackedAreaChart& c) {
  std::size_t n = c.x_values.size();
  std::size_t m = c.layers.size();
  // cum[i][k]: top of layer i at x k.
  std::vector<std::vector<double>> cum(m, std::vector<double>(n, 0.0));
  std::vector<double> total(n, 0.0);
  auto value = [&](std::size_t i, std::size_t k) {
    const auto& v = c.layers[i].values;
    double x = k < v.size() ? v[k] : 0.0;
    return std::isfinite(x) && x > 0.0 ? x : 0.0;  // areas cannot stack negatives
  };
  for (std::size_t k = 0; k < n; ++k)
    for (std::size_t i = 0; i < m; ++i) total[k] += value(i, k);
  for (std::size_t k = 0; k < n; ++k) {
    double run = 0.0;
    for (std::size_t i = 0; i < m; ++i) {
      double v = value(i, k);
      if (c.as_share) v = total[k] > 0.0 ? 100.0 * v / total[k] : 0.0;
      run += v;
      cum[i][k] = run;
    }
  }
  Range xr, yr;
  for (double x : c.x_values) xr.add(x);
  yr.add(0.0);
  for (std::size_t k = 0; k < n; ++k) yr.add(m ? cum[m - 1][k] : 0.0);
  Axis y = c.y;
  if (c.as_share && !std::isfinite(y.max)) {
    y.min = 0.0;
    y.max = 100.0;
  }
  std::vector<LegendItem> legend;
  // Legend top to bottom matches the stack, so the top layer comes first.
  for (std::size_t i = m; i-- > 0;)
    legend.push_back({c.layers[i].name, color_or_palette(c.layers[i].color, i), Swatch::Box});
  auto f = detail::make_frame(c.size, c.x, xr, y, yr, legend);
  std::string out = detail::svg_open(f.width, f.height, c.title, "stacked-area");
  out += detail::draw_title(f, c.title);
  out += detail::draw_y_axis(f, y);
  for (std::size_t i = 0; i < m && n > 0; ++i) {
    std::string d;
    for (std::size_t k = 0; k < n; ++k)
      d +=
          fmt::format("{}{} {}", k ? "L" : "M", coord(f.sx(c.x_values[k])), coord(f.sy(cum[i][k])));
    for (std::size_t k = n; k-- > 0;)
      d += fmt::format("L{} {}", coord(f.sx(c.x_values[k])), coord(f.sy(i ? cum[i - 1][k] : 0.0)));
    d += "Z";
    out +=
        fmt::format(R"(<path class="rf-layer" d="{}" fill="{}" fill-opacity="0.85" stroke="#fff" )"
                    R"(stroke-width="0.6"><title>{}</title></path>)",
                    d, color_or_palette(c.layers[i].color, i), xml_escape(c.layers[i].name));
  }
  out += detail::draw_x_axis(f, c.x);
  out += detail::draw_legend(f, legend);
  return out + detail::svg_close();
}

}  // namespace rareflow::report
