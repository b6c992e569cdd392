#include "rareflow/report/svg.hpp"

#include <algorithm>
#include <array>
#include <cmath>

#include <fmt/format.h>

namespace rareflow::report {

std::string xml_escape(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (char c : s) {
    switch (c) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '"':
        out += "&quot;";
        break;
      case '\'':
        out += "&#39;";
        break;
      default:
        if (static_cast<unsigned char>(c) < 0x20 && c != '\t' && c != '\n' && c != '\r') break;
        out += c;
    }
  }
  return out;
}

std::string coord(double v) {
  if (!std::isfinite(v)) return "0";
  std::string s = fmt::format("{:.2f}", v);
  while (s.back() == '0') s.pop_back();
  if (s.back() == '.') s.pop_back();
  if (s == "-0") s = "0";
  return s;
}

std::string format_number(double v, int decimals) {
  if (!std::isfinite(v)) return "n/a";
  std::string s = fmt::format("{:.{}f}", v, std::max(decimals, 0));
  if (s.find_first_not_of("-0.") == std::string::npos)
    s = decimals > 0 ? s.substr(s[0] == '-') : "0";
  auto dot = s.find('.');
  std::size_t end = dot == std::string::npos ? s.size() : dot;
  std::size_t start = s[0] == '-' ? 1 : 0;
  for (std::ptrdiff_t i = static_cast<std::ptrdiff_t>(end) - 3;
       i > static_cast<std::ptrdiff_t>(start); i -= 3)
    s.insert(static_cast<std::size_t>(i), ",");
  return s;
}

int decimals_for_step(double step) {
  if (!(step > 0.0) || step >= 1.0) return 0;
  // Round to absorb binary noise in steps such as 0.1 * 3.
  return static_cast<int>(std::ceil(-std::log10(step) - 1e-9));
}

Ticks nice_ticks(double lo, double hi, int target, bool integer) {
  Ticks t;
  if (!std::isfinite(lo) || !std::isfinite(hi)) lo = 0.0, hi = 1.0;
  if (hi < lo) std::swap(lo, hi);
  if (hi == lo) {
    // A flat series still needs a visible range around its value.
    double pad = lo == 0.0 ? 1.0 : std::abs(lo) * 0.1;
    lo -= pad;
    hi += pad;
  }
  double raw = (hi - lo) / std::max(target - 1, 1);
  double mag = std::pow(10.0, std::floor(std::log10(raw)));
  double step = mag * 10.0;
  for (double m : {1.0, 2.0, 5.0, 10.0}) {
    if (m * mag >= raw * (1.0 - 1e-9)) {
      step = m * mag;
      break;
    }
  }
  if (integer) step = std::max(1.0, std::round(step));
  t.step = step;
  t.lo = std::floor(lo / step + 1e-9) * step;
  t.hi = std::ceil(hi / step - 1e-9) * step;
  long n = std::lround((t.hi - t.lo) / step);
  for (long i = 0; i <= n; ++i) {
    double v = t.lo + static_cast<double>(i) * step;
    if (std::abs(v) < step * 1e-9) v = 0.0;  // no "-0"
    t.values.push_back(v);
  }
  return t;
}

std::string palette_color(std::size_t i) {
  // Okabe & Ito (2008) colour-blind-safe set (purple instead of black), then darker and lighter
  // tones. No greys: grey is kept for "Other" and losses.
  static constexpr std::array<const char*, 16> kColors{
      "#0072B2", "#E69F00", "#009E73", "#D55E00", "#56B4E9", "#CC79A7", "#F0E442", "#6A3D9A",
      "#004C7A", "#A66F00", "#00684C", "#8F3F00", "#9AD2F2", "#E4B4D1", "#B8A800", "#B15928"};
  return kColors[i % kColors.size()];
}

namespace {
std::size_t code_points(std::string_view s) {
  std::size_t n = 0;
  for (char c : s)
    if ((static_cast<unsigned char>(c) & 0xC0) != 0x80) ++n;
  return n;
}
}  // namespace

double text_width(std::string_view s, double font_size) {
  // DejaVu Sans / Arial average advance is about 0.6 em for mixed text.
  return static_cast<double>(code_points(s)) * font_size * 0.6;
}

std::string fit_text(const std::string& s, double font_size, double max_px) {
  if (text_width(s, font_size) <= max_px) return s;
  std::string out;
  std::string ellipsis = "\xE2\x80\xA6";  // U+2026
  for (std::size_t i = 0; i < s.size();) {
    std::size_t len = 1;
    auto c = static_cast<unsigned char>(s[i]);
    if (c >= 0xF0)
      len = 4;
    else if (c >= 0xE0)
      len = 3;
    else if (c >= 0xC0)
      len = 2;
    std::string next = out + s.substr(i, len);
    if (text_width(next, font_size) + font_size * 0.6 > max_px) break;
    out = std::move(next);
    i += len;
  }
  return out + ellipsis;
}

}  // namespace rareflow::report
