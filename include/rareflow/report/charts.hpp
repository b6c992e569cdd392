// Chart primitives. Each takes a plain description of the data and returns one self-contained
// <svg> element as a string: axes with ticks, axis titles with their units, a legend, and a
// <title> per mark for hover text. Output depends only on the input (same input, same bytes);
// all text is XML-escaped. Missing values are NaN and leave gaps; they never throw.
#pragma once

#include <cmath>
#include <limits>
#include <string>
#include <vector>

namespace rareflow::report {

inline constexpr double kMissing = std::numeric_limits<double>::quiet_NaN();

struct Axis {
  std::string title;      // e.g. "Price"
  std::string unit;       // e.g. "USD/kg"; shown as "Price [USD/kg]"
  double min = kMissing;  // forced range ends; NaN: from the data
  double max = kMissing;
  bool include_zero = true;  // value axes start at zero unless the data go below
  bool years = false;        // whole-number ticks printed without separators (2030)
  bool log = false;          // log10 scale with decade ticks; values <= 0 are not drawn
};

// Axis title as printed: "title [unit]", or the title alone when unitless.
std::string axis_label(const Axis& a);

struct ChartSize {
  int width = 620;
  int height = 340;
};

// ---- line chart: several series over a numeric x axis (usually years)
struct LineSeries {
  std::string name;
  std::vector<double> x;
  std::vector<double> y;  // NaN: gap
  std::string color;      // "": next palette colour
  bool dashed = false;
  bool markers = false;  // a dot at each point (useful for short series)
};

// A shaded band between two curves (e.g. P5-P95 of a sweep around its median line): a fan
// chart is a line chart with bands.
struct Band {
  std::string name;  // legend entry
  std::vector<double> x;
  std::vector<double> lo, hi;  // NaN at a point: gap
  std::string color;           // "": the palette colour of the band's index
  double opacity = 0.25;
};

struct LineChart {
  std::string title;
  Axis x;
  Axis y;
  std::vector<LineSeries> series;
  std::vector<Band> bands;  // drawn beneath the series, first band lowest
  ChartSize size;
};
std::string render_line_chart(const LineChart& c);

// ---- tornado chart: one horizontal bar per input, longest first, from a signed value
// (e.g. standardized regression coefficients of an output on a sweep's inputs)
struct TornadoBar {
  std::string label;
  double value = 0.0;
  std::string note;  // printed after the bar (e.g. "82 % of variance")
};

struct TornadoChart {
  std::string title;
  Axis x;                        // the value axis, e.g. "Standardized regression coefficient"
  std::vector<TornadoBar> bars;  // drawn top to bottom in this order
  ChartSize size;                // height grows with the number of bars when needed
};
std::string render_tornado_chart(const TornadoChart& c);

// ---- stacked area chart: layers stacked over shared x values
struct Layer {
  std::string name;
  std::vector<double> values;  // one per x value; NaN counts as 0
  std::string color;
};

struct StackedAreaChart {
  std::string title;
  Axis x;
  Axis y;
  std::vector<double> x_values;
  std::vector<Layer> layers;  // first layer at the bottom
  bool as_share = false;      // each x normalised to 100 % (the y unit should then be "%")
  ChartSize size;
};
std::string render_stacked_area_chart(const StackedAreaChart& c);

// ---- bar chart: categories along x, one bar (grouped) or one segment (stacked) per series
enum class BarMode { Grouped, Stacked };

struct BarChart {
  std::string title;
  std::string x_title;  // what the categories are, e.g. "Region"
  Axis y;
  std::vector<std::string> categories;
  std::vector<Layer> series;  // values per category; negative values stack downwards
  BarMode mode = BarMode::Grouped;
  ChartSize size;
};
std::string render_bar_chart(const BarChart& c);

// ---- scatter with threshold lines (e.g. supply risk vs economic importance)
struct ScatterPoint {
  std::string label;  // printed next to the point
  double x = 0.0;
  double y = 0.0;
  std::string group;  // legend entry; points of a group share a colour
};

struct Threshold {
  bool vertical = false;  // true: x = value; false: y = value
  double value = 0.0;
  std::string label;
};

struct ScatterChart {
  std::string title;
  Axis x;
  Axis y;
  std::vector<ScatterPoint> points;
  std::vector<Threshold> thresholds;
  bool shade_quadrant = false;  // shade the region beyond both thresholds (x >= and y >=)
  ChartSize size;
};
std::string render_scatter_chart(const ScatterChart& c);

// ---- Gantt chart: one bar per task from start to end (e.g. decision year to online year)
struct GanttTask {
  std::string label;
  double start = 0.0;
  double end = 0.0;
  std::string group;  // colour and legend (e.g. region or stage)
  std::string note;   // printed after the bar (e.g. "5,000 t REO/yr")
};

struct GanttChart {
  std::string title;
  Axis x;  // usually years
  std::string start_label = "decision";
  std::string end_label = "online";
  std::vector<GanttTask> tasks;
  ChartSize size;  // height grows with the number of tasks when needed
};
std::string render_gantt_chart(const GanttChart& c);

// An SVG that says there is nothing to draw (used only when a caller insists on a chart).
std::string render_empty_chart(const std::string& title, const std::string& message,
                               ChartSize size);

}  // namespace rareflow::report
