// Bar charts: categories along x, series grouped side by side or stacked.
#include <algorithm>
#include <cmath>

#include <fmt/format.h>

#include "chart_frame.hpp"

namespace rareflow::report {

using detail::LegendItem;
using detail::Range;
using detail::Swatch;

namespace {
double cell(const Layer& l, std::size_t k) {
  return k < l.values.size() && std::isfinite(l.values[k]) ? l.values[k] : 0.0;
}
}  // namespace

std::string render_bar_chart(const BarChart& c) {
  std::size_t n = c.categories.size();
  std::size_t m = c.series.size();
  Range yr;
  yr.add(0.0);
  for (std::size_t k = 0; k < n; ++k) {
    double pos = 0.0, neg = 0.0;
    for (const auto& s : c.series) {
      double v = cell(s, k);
      if (c.mode == BarMode::Stacked) {
        (v >= 0 ? pos : neg) += v;
      } else {
        yr.add(v);
      }
    }
    yr.add(pos);
    yr.add(neg);
  }
  std::vector<LegendItem> legend;
  if (m > 1 || c.mode == BarMode::Stacked)
    for (std::size_t i = 0; i < m; ++i)
      legend.push_back({c.series[i].name,
                        c.series[i].color.empty() ? palette_color(i) : c.series[i].color,
                        Swatch::Box});
  double bottom = c.x_title.empty() ? 30.0 : 48.0;
  auto f = detail::make_frame_y_only(c.size, c.y, yr, bottom, legend);
  double band = n ? (f.x1 - f.x0) / static_cast<double>(n) : 0.0;
  double widest = 0.0;
  for (const auto& cat : c.categories)
    widest = std::max(widest, text_width(cat, detail::kTickFont));
  // Long category names are turned to keep them legible instead of overlapping.
  bool rotate = widest > band - 6.0;
  double label_room = 150.0;
  if (rotate) {
    double extra = std::min(widest, label_room) * 0.64 + 6.0;
    f = detail::make_frame_y_only(c.size, c.y, yr, bottom + extra, legend);
    band = n ? (f.x1 - f.x0) / static_cast<double>(n) : 0.0;
  }
  std::string out = detail::svg_open(f.width, f.height, c.title, "bar");
  out += detail::draw_title(f, c.title);
  out += detail::draw_y_axis(f, c.y);
  double inner = band * 0.74;
  for (std::size_t k = 0; k < n; ++k) {
    double bx = f.x0 + band * static_cast<double>(k) + (band - inner) / 2.0;
    double pos = 0.0, neg = 0.0;
    for (std::size_t i = 0; i < m; ++i) {
      double v = cell(c.series[i], k);
      if (v == 0.0) continue;
      double lo = 0.0, hi = 0.0, x = bx, w = inner;
      if (c.mode == BarMode::Stacked) {
        double& base = v >= 0 ? pos : neg;
        lo = base;
        hi = base + v;
        base = hi;
      } else {
        hi = v;
        w = inner / static_cast<double>(std::max<std::size_t>(m, 1));
        x = bx + w * static_cast<double>(i);
      }
      double top = f.sy(std::max(lo, hi)), bot = f.sy(std::min(lo, hi));
      std::string color = c.series[i].color.empty() ? palette_color(i) : c.series[i].color;
      std::string tip =
          c.categories[k] + (c.series[i].name.empty() ? "" : ", " + c.series[i].name) + ": " +
          format_number(v, std::abs(v) >= 100 ? 0 : 2) + (c.y.unit.empty() ? "" : " " + c.y.unit);
      out += fmt::format(
          R"(<rect class="rf-bar" x="{}" y="{}" width="{}" height="{}" fill="{}"><title>{}</title></rect>)",
          coord(x), coord(top), coord(std::max(w - 1.0, 1.0)), coord(std::max(bot - top, 0.5)),
          color, xml_escape(tip));
    }
  }
  out += R"(<g class="rf-x-axis">)";
  out += fmt::format(R"(<line x1="{}" y1="{}" x2="{}" y2="{}" stroke="#888"/>)", coord(f.x0),
                     coord(f.y1), coord(f.x1), coord(f.y1));
  for (std::size_t k = 0; k < n; ++k) {
    double cx = f.x0 + band * (static_cast<double>(k) + 0.5);
    if (rotate) {
      out += fmt::format(R"(<text x="{}" y="{}" font-size="{}" text-anchor="end" fill="#333" )"
                         R"svg(transform="rotate(-40 {} {})">{}</text>)svg",
                         coord(cx), coord(f.y1 + 14.0), coord(detail::kTickFont), coord(cx),
                         coord(f.y1 + 14.0),
                         xml_escape(fit_text(c.categories[k], detail::kTickFont, label_room)));
    } else {
      out += fmt::format(
          R"(<text x="{}" y="{}" font-size="{}" text-anchor="middle" fill="#333">{}</text>)",
          coord(cx), coord(f.y1 + 17.0), coord(detail::kTickFont), xml_escape(c.categories[k]));
    }
  }
  if (!c.x_title.empty())
    out += fmt::format(
        R"(<text x="{}" y="{}" font-size="{}" text-anchor="middle" fill="#222">{}</text>)",
        coord((f.x0 + f.x1) / 2.0), coord(f.height - 10.0), coord(detail::kAxisFont),
        xml_escape(c.x_title));
  out += "</g>";
  out += detail::draw_legend(f, legend);
  return out + detail::svg_close();
}

}  // namespace rareflow::report
