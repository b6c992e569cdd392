#include "chart_frame.hpp"

#include <algorithm>
#include <cmath>

#include <fmt/format.h>

namespace rareflow::report {

std::string axis_label(const Axis& a) {
  return a.unit.empty() ? a.title : fmt::format("{} [{}]", a.title, a.unit);
}

std::string render_empty_chart(const std::string& title, const std::string& message,
                               ChartSize size) {
  double w = size.width, h = size.height;
  std::string s = detail::svg_open(w, h, title, "empty");
  s += fmt::format(R"(<text x="{}" y="24" font-size="14" font-weight="bold">{}</text>)", coord(10),
                   xml_escape(title));
  s += fmt::format(R"(<text x="{}" y="{}" text-anchor="middle" fill="#666">{}</text>)",
                   coord(w / 2), coord(h / 2), xml_escape(message));
  return s + detail::svg_close();
}

namespace detail {

void Range::add(double v) {
  if (!std::isfinite(v)) return;
  if (empty()) {
    lo = hi = v;
  } else {
    lo = std::min(lo, v);
    hi = std::max(hi, v);
  }
}

Range axis_range(Range r, const Axis& a, bool value_axis) {
  if (r.empty()) r = {0.0, 1.0};
  if (value_axis && a.include_zero) {
    r.lo = std::min(r.lo, 0.0);
    r.hi = std::max(r.hi, 0.0);
  }
  if (std::isfinite(a.min)) r.lo = a.min;
  if (std::isfinite(a.max)) r.hi = a.max;
  return r;
}

double Frame::sx(double v) const {
  double span = xt.hi - xt.lo;
  return x0 + (span > 0 ? (v - xt.lo) / span : 0.5) * (x1 - x0);
}

double Frame::sy(double v) const {
  if (ylog) {
    double a = std::log10(yt.lo), b = std::log10(yt.hi);
    return y1 - (b > a && v > 0 ? (std::log10(v) - a) / (b - a) : 0.0) * (y1 - y0);
  }
  double span = yt.hi - yt.lo;
  return y1 - (span > 0 ? (v - yt.lo) / span : 0.5) * (y1 - y0);
}

std::string tick_text(double v, const Ticks& t, bool years) {
  if (years) return fmt::format("{}", std::lround(v));
  return format_number(v, decimals_for_step(t.step));
}

namespace {
double legend_width(const std::vector<LegendItem>& items) {
  if (items.empty()) return 0.0;
  double w = 0.0;
  for (const auto& i : items) w = std::max(w, text_width(i.name, kLegendFont));
  return std::min(w + 30.0, kLegendMaxWidth);
}

// Decades covering the positive part of `yr` (1, 10, 100, ...), with 2 and 5 between them when
// there are at most two decades; step is the smallest tick, so labels get its decimals.
Ticks log_ticks(Range yr) {
  Ticks t;
  double lo = yr.empty() || yr.lo <= 0 ? 1.0 : yr.lo, hi = yr.empty() ? 10.0 : yr.hi;
  t.lo = std::pow(10.0, std::floor(std::log10(lo)));
  t.hi = std::max(std::pow(10.0, std::ceil(std::log10(std::max(hi, lo)))), t.lo * 10.0);
  bool fine = t.hi / t.lo <= 100.0 * (1 + 1e-9);
  for (double d = t.lo; d <= t.hi * (1 + 1e-9); d *= 10.0) {
    t.values.push_back(d);
    if (fine && d * 2 < t.hi) t.values.insert(t.values.end(), {d * 2, d * 5});
  }
  std::sort(t.values.begin(), t.values.end());
  t.step = t.lo;
  return t;
}

Ticks y_ticks(const Axis& y, Range yr, double plot_height) {
  if (y.log) return log_ticks(yr);
  Range r = axis_range(yr, y, true);
  int target = std::clamp(static_cast<int>(plot_height / 45.0), 3, 8);
  Ticks t = nice_ticks(r.lo, r.hi, target, y.years);
  // A forced range is kept exactly; ticks outside it are dropped.
  if (std::isfinite(y.min) || std::isfinite(y.max)) {
    if (std::isfinite(y.min)) t.lo = y.min;
    if (std::isfinite(y.max)) t.hi = y.max;
    std::erase_if(t.values, [&](double v) { return v < t.lo - 1e-9 || v > t.hi + 1e-9; });
  }
  return t;
}

double y_label_width(const Ticks& t, bool years) {
  double w = 0.0;
  for (double v : t.values) w = std::max(w, text_width(tick_text(v, t, years), kTickFont));
  return w;
}
}  // namespace

Frame make_frame_y_only(ChartSize size, const Axis& y, Range yr, double bottom_margin,
                        const std::vector<LegendItem>& legend) {
  Frame f;
  f.width = size.width;
  f.height = size.height;
  f.y0 = 40.0;
  f.y1 = f.height - bottom_margin;
  f.yt = y_ticks(y, yr, f.y1 - f.y0);
  f.ylog = y.log;
  double lw = legend_width(legend);
  f.x0 = 12.0 + (axis_label(y).empty() ? 0.0 : 18.0) + y_label_width(f.yt, y.years) + 8.0;
  f.x1 = f.width - 16.0 - (lw > 0 ? lw + 12.0 : 0.0);
  return f;
}

Frame make_frame(ChartSize size, const Axis& x, Range xr, const Axis& y, Range yr,
                 const std::vector<LegendItem>& legend) {
  Frame f = make_frame_y_only(size, y, yr, axis_label(x).empty() ? 30.0 : 48.0, legend);
  Range r = axis_range(xr, x, false);
  int target = std::clamp(static_cast<int>((f.x1 - f.x0) / 70.0), 3, 10);
  f.xt = nice_ticks(r.lo, r.hi, target, x.years);
  if (std::isfinite(x.min)) f.xt.lo = x.min;
  if (std::isfinite(x.max)) f.xt.hi = x.max;
  // Years: keep the data's own ends rather than rounding out to a decade.
  if (x.years && !xr.empty()) {
    if (!std::isfinite(x.min)) f.xt.lo = xr.lo;
    if (!std::isfinite(x.max)) f.xt.hi = xr.hi > xr.lo ? xr.hi : xr.lo + 1.0;
  }
  std::erase_if(f.xt.values, [&](double v) { return v < f.xt.lo - 1e-9 || v > f.xt.hi + 1e-9; });
  return f;
}

std::string svg_open(double width, double height, const std::string& title,
                     const std::string& kind) {
  return fmt::format(R"(<svg xmlns="http://www.w3.org/2000/svg" class="rf-svg" data-kind="{}" )"
                     R"(viewBox="0 0 {} {}" width="{}" height="{}" role="img" )"
                     R"(font-family="DejaVu Sans, Helvetica, Arial, sans-serif" font-size="12">)"
                     R"(<title>{}</title>)",
                     xml_escape(kind), coord(width), coord(height), coord(width), coord(height),
                     xml_escape(title));
}

std::string svg_close() {
  return "</svg>";
}

std::string draw_title(const Frame& f, const std::string& title) {
  if (title.empty()) return "";
  return fmt::format(R"(<text x="{}" y="22" font-size="{}" font-weight="bold">{}</text>)",
                     coord(10), coord(kTitleFont),
                     xml_escape(fit_text(title, kTitleFont, f.width - 20.0)));
}

std::string draw_y_axis(const Frame& f, const Axis& y) {
  std::string s = R"(<g class="rf-y-axis">)";
  for (double v : f.yt.values) {
    double py = f.sy(v);
    s += fmt::format(R"(<line x1="{}" y1="{}" x2="{}" y2="{}" stroke="{}" stroke-width="1"/>)",
                     coord(f.x0), coord(py), coord(f.x1), coord(py), v == 0.0 ? "#888" : "#e3e3e3");
    s +=
        fmt::format(R"(<text x="{}" y="{}" font-size="{}" text-anchor="end" fill="#333">{}</text>)",
                    coord(f.x0 - 6.0), coord(py + 4.0), coord(kTickFont),
                    xml_escape(tick_text(v, f.yt, y.years)));
  }
  std::string label = axis_label(y);
  if (!label.empty()) {
    double cy = (f.y0 + f.y1) / 2.0;
    s += fmt::format(R"(<text x="{}" y="{}" font-size="{}" text-anchor="middle" fill="#222" )"
                     R"svg(transform="rotate(-90 {} {})">{}</text>)svg",
                     coord(16.0), coord(cy), coord(kAxisFont), coord(16.0), coord(cy),
                     xml_escape(fit_text(label, kAxisFont, f.y1 - f.y0)));
  }
  return s + "</g>";
}

std::string draw_x_axis(const Frame& f, const Axis& x) {
  std::string s = R"(<g class="rf-x-axis">)";
  s += fmt::format(R"(<line x1="{}" y1="{}" x2="{}" y2="{}" stroke="#888"/>)", coord(f.x0),
                   coord(f.y1), coord(f.x1), coord(f.y1));
  for (double v : f.xt.values) {
    double px = f.sx(v);
    s += fmt::format(R"(<line x1="{}" y1="{}" x2="{}" y2="{}" stroke="#888"/>)", coord(px),
                     coord(f.y1), coord(px), coord(f.y1 + 4.0));
    s += fmt::format(
        R"(<text x="{}" y="{}" font-size="{}" text-anchor="middle" fill="#333">{}</text>)",
        coord(px), coord(f.y1 + 17.0), coord(kTickFont), xml_escape(tick_text(v, f.xt, x.years)));
  }
  std::string label = axis_label(x);
  if (!label.empty())
    s += fmt::format(
        R"(<text x="{}" y="{}" font-size="{}" text-anchor="middle" fill="#222">{}</text>)",
        coord((f.x0 + f.x1) / 2.0), coord(f.y1 + 37.0), coord(kAxisFont),
        xml_escape(fit_text(label, kAxisFont, f.x1 - f.x0)));
  return s + "</g>";
}

namespace {
// `s` cut in the middle to fit `max_px`: head and tail kept, so that names sharing a long
// prefix ("russia-2035|optimised|...") stay apart.
std::string fit_text_middle(const std::string& s, double font_size, double max_px) {
  std::vector<std::string> cps;  // code points
  for (std::size_t i = 0; i < s.size();) {
    auto c = static_cast<unsigned char>(s[i]);
    std::size_t len = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : c >= 0xC0 ? 2 : 1;
    cps.push_back(s.substr(i, len));
    i += len;
  }
  auto join = [&](std::size_t head, std::size_t tail) {
    std::string out;
    for (std::size_t i = 0; i < head; ++i) out += cps[i];
    out += "\xE2\x80\xA6";
    for (std::size_t i = cps.size() - tail; i < cps.size(); ++i) out += cps[i];
    return out;
  };
  std::size_t keep = cps.size();
  while (keep > 2 && text_width(join(keep / 3, keep - keep / 3), font_size) > max_px) --keep;
  return keep >= cps.size() ? s : join(keep / 3, keep - keep / 3);
}

// The legend's visible labels: cut at the end when that keeps them distinct, else in the
// middle; the full name is always in the label's <title>.
std::vector<std::string> legend_labels(const std::vector<LegendItem>& items, double max_px) {
  std::vector<std::string> out;
  for (const auto& it : items) out.push_back(fit_text(it.name, kLegendFont, max_px));
  std::vector<bool> clash(items.size(), false);
  for (std::size_t i = 0; i < items.size(); ++i)
    for (std::size_t j = i + 1; j < items.size(); ++j)
      if (out[i] == out[j] && items[i].name != items[j].name) clash[i] = clash[j] = true;
  // The part the clashing names share up to a '|' or space is dropped ("…|optimised|..."),
  // so what tells them apart is shown; the middle cut is the last resort.
  std::string common;
  bool first = true;
  for (std::size_t i = 0; i < items.size(); ++i) {
    if (!clash[i]) continue;
    if (first) {
      common = items[i].name;
      first = false;
    }
    std::size_t k = 0;
    while (k < common.size() && k < items[i].name.size() && common[k] == items[i].name[k]) ++k;
    common.resize(k);
  }
  std::size_t cut = common.find_last_of("| ");
  for (std::size_t i = 0; i < items.size(); ++i)
    if (clash[i])
      out[i] = cut == std::string::npos
                   ? fit_text_middle(items[i].name, kLegendFont, max_px)
                   : fit_text("\xE2\x80\xA6" + items[i].name.substr(cut), kLegendFont, max_px);
  for (std::size_t i = 0; i < items.size(); ++i)
    for (std::size_t j = i + 1; j < items.size(); ++j)
      if (out[i] == out[j] && items[i].name != items[j].name) {
        out[i] = fit_text_middle(items[i].name, kLegendFont, max_px);
        out[j] = fit_text_middle(items[j].name, kLegendFont, max_px);
      }
  return out;
}
}  // namespace

std::string draw_legend(const Frame& f, const std::vector<LegendItem>& items) {
  if (items.empty()) return "";
  const auto labels = legend_labels(items, kLegendMaxWidth - 30.0);
  std::string s = R"(<g class="rf-legend">)";
  double lx = f.x1 + 14.0;
  double max_rows = std::floor((f.height - f.y0) / kLegendRow);
  std::size_t shown = items.size();
  if (static_cast<double>(shown) > max_rows) shown = static_cast<std::size_t>(max_rows) - 1;
  for (std::size_t i = 0; i < shown; ++i) {
    const auto& it = items[i];
    double ly = f.y0 + static_cast<double>(i) * kLegendRow;
    switch (it.swatch) {
      case Swatch::Line:
      case Swatch::Dashed:
        s += fmt::format(
            R"(<line x1="{}" y1="{}" x2="{}" y2="{}" stroke="{}" stroke-width="2.5"{}/>)",
            coord(lx), coord(ly + 6), coord(lx + 20), coord(ly + 6), it.color,
            it.swatch == Swatch::Dashed ? R"( stroke-dasharray="5 3")" : "");
        break;
      case Swatch::Box:
        s += fmt::format(R"(<rect x="{}" y="{}" width="14" height="12" fill="{}"/>)", coord(lx + 3),
                         coord(ly), it.color);
        break;
      case Swatch::Dot:
        s += fmt::format(R"(<circle cx="{}" cy="{}" r="5" fill="{}"/>)", coord(lx + 10),
                         coord(ly + 6), it.color);
        break;
    }
    s += fmt::format(R"(<text x="{}" y="{}" font-size="{}" fill="#222">{}<title>{}</title></text>)",
                     coord(lx + 26), coord(ly + 10), coord(kLegendFont), xml_escape(labels[i]),
                     xml_escape(it.name));
  }
  if (shown < items.size())
    s += fmt::format(R"(<text x="{}" y="{}" font-size="{}" fill="#666">+{} more</text>)",
                     coord(lx + 26), coord(f.y0 + static_cast<double>(shown) * kLegendRow + 10),
                     coord(kLegendFont), items.size() - shown);
  return s + "</g>";
}

}  // namespace detail
}  // namespace rareflow::report
