// Tornado chart: horizontal bars from a zero line, one row per input, on the shared frame's
// x axis (the y axis holds labels, not numbers).
#include <algorithm>
#include <cmath>

#include <fmt/format.h>

#include "chart_frame.hpp"

namespace rareflow::report {

namespace {
constexpr double kRow = 26.0;
constexpr double kLabelMax = 220.0;
constexpr double kNoteMax = 130.0;
}  // namespace

std::string render_tornado_chart(const TornadoChart& c) {
  const std::size_t n = c.bars.size();
  double label_w = 0.0, note_w = 0.0, reach = 0.0;
  for (const auto& b : c.bars) {
    label_w = std::max(label_w, text_width(b.label, detail::kTickFont));
    note_w = std::max(note_w, text_width(b.note, detail::kTickFont));
    if (std::isfinite(b.value)) reach = std::max(reach, std::abs(b.value));
  }
  label_w = std::min(label_w, kLabelMax);
  note_w = std::min(note_w, kNoteMax);
  if (!(reach > 0.0)) reach = 1.0;
  detail::Frame f;
  f.width = c.size.width;
  f.y0 = 40.0;
  f.y1 = f.y0 + std::max(kRow * static_cast<double>(n), 60.0);
  f.height = std::max(static_cast<double>(c.size.height), f.y1 + 48.0);
  f.x0 = 16.0 + label_w + 8.0;
  f.x1 = f.width - 16.0 - note_w - 8.0;
  // Symmetric about zero, so bars of either sign compare by length.
  detail::Range xr;
  xr.add(-reach);
  xr.add(reach);
  detail::Range r = detail::axis_range(xr, c.x, false);
  f.xt = nice_ticks(r.lo, r.hi, std::clamp(static_cast<int>((f.x1 - f.x0) / 70.0), 3, 9), false);
  std::string out = detail::svg_open(f.width, f.height, c.title, "tornado");
  out += detail::draw_title(f, c.title);
  for (double v : f.xt.values)
    out +=
        fmt::format(R"(<line x1="{0}" y1="{1}" x2="{0}" y2="{2}" stroke="{3}" stroke-width="1"/>)",
                    coord(f.sx(v)), coord(f.y0), coord(f.y1), v == 0.0 ? "#888" : "#e3e3e3");
  out += detail::draw_x_axis(f, c.x);
  for (std::size_t i = 0; i < n; ++i) {
    const auto& b = c.bars[i];
    double top = f.y0 + kRow * static_cast<double>(i), mid = top + kRow / 2.0;
    out += fmt::format(
        R"(<text x="{}" y="{}" font-size="{}" text-anchor="end" fill="#333">{}<title>{}</title></text>)",
        coord(f.x0 - 8.0), coord(mid + 4.0), coord(detail::kTickFont),
        xml_escape(fit_text(b.label, detail::kTickFont, kLabelMax)), xml_escape(b.label));
    if (!std::isfinite(b.value)) continue;
    double a = f.sx(0.0), e = f.sx(b.value);
    out += fmt::format(
        R"(<rect class="rf-bar" x="{}" y="{}" width="{}" height="{}" fill="{}"><title>{}</title></rect>)",
        coord(std::min(a, e)), coord(top + 4.0), coord(std::max(std::abs(e - a), 0.5)),
        coord(kRow - 8.0), b.value >= 0.0 ? palette_color(0) : palette_color(1),
        xml_escape(fmt::format("{}: {}{}", b.label, format_number(b.value, 3),
                               b.note.empty() ? "" : " (" + b.note + ")")));
    if (!b.note.empty())
      out += fmt::format(R"(<text x="{}" y="{}" font-size="{}" fill="#333">{}</text>)",
                         coord(f.x1 + 8.0), coord(mid + 4.0), coord(detail::kTickFont),
                         xml_escape(fit_text(b.note, detail::kTickFont, kNoteMax)));
  }
  return out + detail::svg_close();
}

}  // namespace rareflow::report
