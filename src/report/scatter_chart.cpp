// Scatter chart with labelled points and threshold lines (criticality: EI vs SR).
#include <algorithm>
#include <cmath>
#include <map>

#include <fmt/format.h>

#include "chart_frame.hpp"

namespace rareflow::report {

using detail::LegendItem;
using detail::Range;
using detail::Swatch;

namespace {
struct Box {
  double x0, y0, x1, y1;
  bool overlaps(const Box& o) const { return x0 < o.x1 && o.x0 < x1 && y0 < o.y1 && o.y0 < y1; }
};

struct Merged {
  std::string label;
  double x, y;
  std::string group;
};

// Points at the same place and group share one label ("Ho, Tm, Yb") instead of overprinting.
std::vector<Merged> merge_points(const std::vector<ScatterPoint>& pts) {
  std::vector<Merged> out;
  for (const auto& p : pts) {
    if (!std::isfinite(p.x) || !std::isfinite(p.y)) continue;
    auto it = std::find_if(out.begin(), out.end(), [&](const Merged& m) {
      return m.group == p.group && std::abs(m.x - p.x) < 1e-9 && std::abs(m.y - p.y) < 1e-9;
    });
    if (it == out.end())
      out.push_back({p.label, p.x, p.y, p.group});
    else if (!p.label.empty())
      it->label += (it->label.empty() ? "" : ", ") + p.label;
  }
  return out;
}
}  // namespace

std::string render_scatter_chart(const ScatterChart& c) {
  auto pts = merge_points(c.points);
  Range xr, yr;
  for (const auto& p : pts) {
    xr.add(p.x);
    yr.add(p.y);
  }
  for (const auto& t : c.thresholds) (t.vertical ? xr : yr).add(t.value);
  // Room for labels beyond the outermost points.
  if (!xr.empty()) xr.add(xr.hi + (xr.hi - xr.lo) * 0.08);
  if (!yr.empty()) yr.add(yr.hi + (yr.hi - yr.lo) * 0.12);
  std::map<std::string, std::size_t> group_index;
  std::vector<LegendItem> legend;
  for (const auto& p : pts) {
    if (group_index.contains(p.group)) continue;
    std::size_t i = group_index.size();
    group_index[p.group] = i;
    if (!p.group.empty()) legend.push_back({p.group, palette_color(i), Swatch::Dot});
  }
  Axis x = c.x;
  x.include_zero = c.x.include_zero;
  auto f = detail::make_frame(c.size, x, xr, c.y, yr, legend);
  // A scatter's x axis is a value axis too: start at zero when asked.
  if (c.x.include_zero && !std::isfinite(c.x.min) && f.xt.lo > 0.0) {
    Range r = detail::axis_range(xr, c.x, true);
    f.xt = nice_ticks(r.lo, r.hi, std::clamp(static_cast<int>((f.x1 - f.x0) / 70.0), 3, 10), false);
  }
  std::string out = detail::svg_open(f.width, f.height, c.title, "scatter");
  out += detail::draw_title(f, c.title);
  out += detail::draw_y_axis(f, c.y);
  out += detail::draw_x_axis(f, c.x);
  double tx = kMissing, ty = kMissing;
  for (const auto& t : c.thresholds) (t.vertical ? tx : ty) = t.value;
  if (c.shade_quadrant && std::isfinite(tx) && std::isfinite(ty))
    out += fmt::format(R"(<rect class="rf-critical-zone" x="{}" y="{}" width="{}" height="{}" )"
                       R"(fill="#D55E00" fill-opacity="0.07"/>)",
                       coord(f.sx(tx)), coord(f.y0), coord(std::max(f.x1 - f.sx(tx), 0.0)),
                       coord(std::max(f.sy(ty) - f.y0, 0.0)));
  for (const auto& t : c.thresholds) {
    if (t.vertical) {
      double px = f.sx(t.value);
      out += fmt::format(R"(<line class="rf-threshold" x1="{}" y1="{}" x2="{}" y2="{}" )"
                         R"(stroke="#b03a2e" stroke-width="1.5" stroke-dasharray="6 4"/>)",
                         coord(px), coord(f.y0), coord(px), coord(f.y1));
      out += fmt::format(R"(<text x="{}" y="{}" font-size="11" fill="#b03a2e">{}</text>)",
                         coord(px + 4), coord(f.y1 - 6), xml_escape(t.label));
    } else {
      double py = f.sy(t.value);
      out += fmt::format(R"(<line class="rf-threshold" x1="{}" y1="{}" x2="{}" y2="{}" )"
                         R"(stroke="#b03a2e" stroke-width="1.5" stroke-dasharray="6 4"/>)",
                         coord(f.x0), coord(py), coord(f.x1), coord(py));
      out += fmt::format(
          R"(<text x="{}" y="{}" font-size="11" text-anchor="end" fill="#b03a2e">{}</text>)",
          coord(f.x1 - 4), coord(py - 5), xml_escape(t.label));
    }
  }
  // Greedy label placement: first candidate spot that hits no placed label or point.
  std::vector<Box> taken;
  for (const auto& p : pts)
    taken.push_back({f.sx(p.x) - 5, f.sy(p.y) - 5, f.sx(p.x) + 5, f.sy(p.y) + 5});
  for (const auto& p : pts) {
    std::string color = palette_color(group_index[p.group]);
    double px = f.sx(p.x), py = f.sy(p.y);
    std::string tip = fmt::format("{}: {} = {}, {} = {}", p.label, axis_label(c.x),
                                  format_number(p.x, 2), axis_label(c.y), format_number(p.y, 2));
    out += fmt::format(
        R"(<circle class="rf-point" cx="{}" cy="{}" r="5" fill="{}" fill-opacity="0.85" )"
        R"(stroke="#fff"><title>{}</title></circle>)",
        coord(px), coord(py), color, xml_escape(tip));
    if (p.label.empty()) continue;
    double w = text_width(p.label, 11.0), h = 12.0;
    const double dys[] = {-4, 10, -16, 22, -28, 34};
    Box chosen{px + 8, py - 4 - h, px + 8 + w, py - 4};
    bool placed = false;
    for (double dy : dys) {
      for (int side = 0; side < 2 && !placed; ++side) {
        double lx = side == 0 ? px + 8 : px - 8 - w;
        Box b{lx, py + dy - h + 2, lx + w, py + dy + 2};
        if (b.x0 < f.x0 || b.x1 > f.x1 || b.y0 < f.y0 || b.y1 > f.y1) continue;
        if (std::any_of(taken.begin(), taken.end(), [&](const Box& o) { return o.overlaps(b); }))
          continue;
        chosen = b;
        placed = true;
      }
      if (placed) break;
    }
    taken.push_back(chosen);
    out += fmt::format(R"(<text x="{}" y="{}" font-size="11" fill="#222">{}</text>)",
                       coord(chosen.x0), coord(chosen.y1 - 2), xml_escape(p.label));
  }
  out += detail::draw_legend(f, legend);
  return out + detail::svg_close();
}

}  // namespace rareflow::report
