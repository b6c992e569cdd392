#include "rareflow/core/params.hpp"

#include <cmath>

#include <fmt/format.h>

namespace rareflow {

std::string param_expectation(const ParamSpec& p) {
  std::string unit = p.unit.empty() ? "" : fmt::format(" ({})", p.unit);
  return fmt::format("a {} in [{}, {}]{}", p.type == ParamType::Integer ? "whole number" : "number",
                     p.min, p.max, unit);
}

std::string check_param(const ParamSpec& p, double v) {
  bool ok = std::isfinite(v) && v >= p.min && v <= p.max &&
            (p.type != ParamType::Integer || v == std::floor(v));
  if (ok) return "";
  return fmt::format("expected {}, found {}", param_expectation(p), v);
}

std::string params_markdown(const std::vector<ParamSpec>& table) {
  std::string out =
      "| key | type | unit | range | default | required | meaning |\n"
      "|---|---|---|---|---|---|---|\n";
  for (const auto& p : table)
    out += fmt::format("| `{}` | {} | {} | [{}, {}] | {} | {} | {} |\n", p.key,
                       p.type == ParamType::Integer ? "whole number" : "number", p.unit, p.min,
                       p.max, p.default_value ? fmt::format("{}", *p.default_value) : "-",
                       p.required ? "yes" : "no", p.description);
  return out;
}

const ParamSpec* find_param(const std::vector<ParamSpec>& table, const std::string& key) {
  for (const auto& p : table)
    if (p.key == key) return &p;
  return nullptr;
}

}  // namespace rareflow
