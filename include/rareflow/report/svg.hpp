// Low-level pieces shared by every chart: XML escaping, fixed-precision coordinates (so the same
// input always gives the same bytes), "nice" axis ticks and the colour palette.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace rareflow::report {

// Escapes &, <, >, " and ' for use in XML/HTML text and attribute values. Control characters
// other than tab, newline and carriage return are dropped (they are not allowed in XML 1.0).
std::string xml_escape(std::string_view s);

// A coordinate with at most two decimals, trailing zeros removed ("12.5", "3", "-0.25").
std::string coord(double v);

// A number for people: thousands separators and `decimals` digits ("270,000", "2.8").
std::string format_number(double v, int decimals);
// Decimals needed to show ticks spaced `step` apart without repeating labels.
int decimals_for_step(double step);

struct Ticks {
  double lo = 0.0;  // axis range after rounding out to whole steps
  double hi = 1.0;
  double step = 1.0;
  std::vector<double> values;
};
// About `target` ticks covering [lo, hi], with steps of 1, 2 or 5 times a power of ten.
// `integer` forces whole-number steps (years).
Ticks nice_ticks(double lo, double hi, int target, bool integer);

// Colour for series i: the Okabe-Ito colour-blind-safe set, then further distinct colours.
std::string palette_color(std::size_t i);

// Approximate rendered width of text in the report's sans-serif font, in px.
double text_width(std::string_view s, double font_size);

// Shortens text to fit max_px, ending in an ellipsis when cut.
std::string fit_text(const std::string& s, double font_size, double max_px);

}  // namespace rareflow::report
