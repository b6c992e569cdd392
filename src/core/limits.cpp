#include "rareflow/core/limits.hpp"

#include <cmath>

#include <fmt/format.h>

namespace rareflow {

std::string echo(std::string_view s) {
  if (s.size() <= limits::kMaxEchoChars) return fmt::format("\"{}\"", s);
  return fmt::format("\"{}...\" ({} characters)", s.substr(0, limits::kMaxEchoChars), s.size());
}

Diagnostic check_text_bounds(std::string_view text, const std::string& file) {
  if (text.size() > limits::kMaxFileBytes)
    return {file, 0, 0, "",
            fmt::format("file of {} bytes; expected at most {} bytes", text.size(),
                        limits::kMaxFileBytes)};
  std::size_t pos = 0;
  std::size_t lines = 0;
  while (pos < text.size()) {
    std::size_t nl = text.find('\n', pos);
    std::size_t end = nl == std::string_view::npos ? text.size() : nl;
    ++lines;
    if (end - pos > limits::kMaxLineBytes)
      return {file, static_cast<int>(lines), 1, "",
              fmt::format("line of {} bytes; expected at most {} bytes per line", end - pos,
                          limits::kMaxLineBytes)};
    if (lines > limits::kMaxRows)
      return {file, static_cast<int>(lines), 1, "",
              fmt::format("more than {} lines; expected at most that many rows", limits::kMaxRows)};
    pos = end + 1;
  }
  return {};
}

std::string solver_value_problem(double v, bool bound) {
  if (std::isnan(v)) return "not a number (nan)";
  if (std::isinf(v)) return bound ? "" : fmt::format("{} (infinite)", v);
  if (std::abs(v) > limits::kMaxSolverValue)
    return fmt::format("{} (the solvers take magnitudes up to {})", v, limits::kMaxSolverValue);
  return "";
}

}  // namespace rareflow
