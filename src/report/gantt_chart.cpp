// Gantt chart: one row per task, a bar from start to end on a year axis.
#include <algorithm>
#include <cmath>
#include <map>

#include <fmt/format.h>

#include "chart_frame.hpp"

namespace rareflow::report {

using detail::LegendItem;
using detail::Range;
using detail::Swatch;

std::string render_gantt_chart(const GanttChart& c) {
  constexpr double kRow = 26.0;
  constexpr double kLabelMax = 230.0;
  constexpr double kNoteRoom = 100.0;
  std::map<std::string, std::size_t> group_index;
  std::vector<LegendItem> legend;
  Range xr;
  double label_w = 40.0;
  for (const auto& t : c.tasks) {
    xr.add(t.start);
    xr.add(t.end);
    label_w = std::max(label_w, std::min(text_width(t.label, detail::kTickFont), kLabelMax));
    if (!group_index.contains(t.group)) {
      std::size_t i = group_index.size();
      group_index[t.group] = i;
      if (!t.group.empty()) legend.push_back({t.group, palette_color(i), Swatch::Box});
    }
  }
  if (xr.empty()) xr = {0.0, 1.0};
  detail::Frame f;
  f.width = c.size.width;
  f.y0 = 40.0;
  double rows_h = kRow * static_cast<double>(std::max<std::size_t>(c.tasks.size(), 1));
  f.y1 = f.y0 + rows_h;
  // As tall as the rows (and the legend) need, not the default chart height.
  f.height =
      std::max(f.y1 + 50.0, f.y0 + detail::kLegendRow * static_cast<double>(legend.size() + 1));
  double lw = 0.0;
  for (const auto& l : legend) lw = std::max(lw, text_width(l.name, detail::kLegendFont));
  lw = std::min(lw + 30.0, detail::kLegendMaxWidth);
  f.x0 = 12.0 + label_w + 10.0;
  f.x1 = f.width - 16.0 - lw - 12.0 - kNoteRoom;
  Range r = detail::axis_range(xr, c.x, false);
  f.xt = nice_ticks(r.lo, r.hi + (r.hi > r.lo ? 0.0 : 1.0),
                    std::clamp(static_cast<int>((f.x1 - f.x0) / 60.0), 3, 12), c.x.years);
  std::string out = detail::svg_open(f.width, f.height, c.title, "gantt");
  out += detail::draw_title(f, c.title);
  for (double v : f.xt.values)
    out += fmt::format(R"(<line x1="{}" y1="{}" x2="{}" y2="{}" stroke="#e3e3e3"/>)",
                       coord(f.sx(v)), coord(f.y0), coord(f.sx(v)), coord(f.y1));
  for (std::size_t i = 0; i < c.tasks.size(); ++i) {
    const auto& t = c.tasks[i];
    double cy = f.y0 + kRow * (static_cast<double>(i) + 0.5);
    if (i % 2 == 1)
      out +=
          fmt::format(R"(<rect x="{}" y="{}" width="{}" height="{}" fill="#f6f6f6"/>)", coord(12),
                      coord(cy - kRow / 2), coord(f.x1 - 12 + kNoteRoom), coord(kRow));
    out += fmt::format(
        R"(<text x="{}" y="{}" font-size="{}" text-anchor="end" fill="#222">{}<title>{}</title></text>)",
        coord(f.x0 - 8), coord(cy + 4), coord(detail::kTickFont),
        xml_escape(fit_text(t.label, detail::kTickFont, kLabelMax)), xml_escape(t.label));
    if (!std::isfinite(t.start) || !std::isfinite(t.end)) continue;
    double a = f.sx(std::min(t.start, t.end)), b = f.sx(std::max(t.start, t.end));
    std::string color = palette_color(group_index[t.group]);
    std::string tip =
        fmt::format("{}: {} {}, {} {}{}", t.label, c.start_label,
                    detail::tick_text(t.start, f.xt, c.x.years), c.end_label,
                    detail::tick_text(t.end, f.xt, c.x.years), t.note.empty() ? "" : ", " + t.note);
    out += fmt::format(
        R"(<rect class="rf-task" x="{}" y="{}" width="{}" height="{}" rx="3" fill="{}"><title>{}</title></rect>)",
        coord(a), coord(cy - 8), coord(std::max(b - a, 3.0)), coord(16), color, xml_escape(tip));
    // Decision marker: a dark tick at the start of the bar.
    out += fmt::format(R"(<line x1="{}" y1="{}" x2="{}" y2="{}" stroke="#333" stroke-width="2"/>)",
                       coord(a), coord(cy - 10), coord(a), coord(cy + 10));
    if (!t.note.empty())
      out += fmt::format(R"(<text x="{}" y="{}" font-size="10.5" fill="#444">{}</text>)",
                         coord(std::max(b, a + 3.0) + 6), coord(cy + 4),
                         xml_escape(fit_text(t.note, 10.5, kNoteRoom + (f.x1 - b) - 8)));
  }
  out += detail::draw_x_axis(f, c.x);
  // The legend sits right of the notes column.
  detail::Frame lf = f;
  lf.x1 = f.x1 + kNoteRoom;
  out += detail::draw_legend(lf, legend);
  return out + detail::svg_close();
}

}  // namespace rareflow::report
