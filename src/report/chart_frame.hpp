// Shared frame for the x/y charts: margins, scales, gridlines, axes, title and legend.
#pragma once

#include <string>
#include <vector>

#include "rareflow/report/charts.hpp"
#include "rareflow/report/svg.hpp"

namespace rareflow::report::detail {

inline constexpr double kTickFont = 11.0;
inline constexpr double kAxisFont = 12.0;
inline constexpr double kTitleFont = 14.0;
inline constexpr double kLegendFont = 11.5;
inline constexpr double kLegendRow = 18.0;
inline constexpr double kLegendMaxWidth = 190.0;

enum class Swatch { Line, Dashed, Box, Dot };

struct LegendItem {
  std::string name;
  std::string color;
  Swatch swatch = Swatch::Box;
};

// Range of finite values, widened by the axis settings.
struct Range {
  double lo = kMissing;
  double hi = kMissing;
  void add(double v);
  bool empty() const { return !(lo <= hi); }
};
Range axis_range(Range data, const Axis& a, bool value_axis);

struct Frame {
  double width = 0, height = 0;
  double x0 = 0, x1 = 0;  // plot area, px
  double y0 = 0, y1 = 0;  // y0 top, y1 bottom
  Ticks xt, yt;
  bool ylog = false;  // yt are decades and sy maps log10(v)
  double sx(double v) const;
  double sy(double v) const;
};

// Margins from the tick labels and legend; numeric scales on both axes.
Frame make_frame(ChartSize size, const Axis& x, Range xr, const Axis& y, Range yr,
                 const std::vector<LegendItem>& legend);
// Like make_frame with the x axis left to the caller (category or task axes).
Frame make_frame_y_only(ChartSize size, const Axis& y, Range yr, double bottom_margin,
                        const std::vector<LegendItem>& legend);

std::string svg_open(double width, double height, const std::string& title,
                     const std::string& kind);
std::string svg_close();
std::string draw_title(const Frame& f, const std::string& title);
// Horizontal gridlines, y ticks and labels and y title.
std::string draw_y_axis(const Frame& f, const Axis& y);
// Vertical x ticks and labels, and x title.
std::string draw_x_axis(const Frame& f, const Axis& x);
std::string draw_legend(const Frame& f, const std::vector<LegendItem>& items);
std::string tick_text(double v, const Ticks& t, bool years);

}  // namespace rareflow::report::detail
