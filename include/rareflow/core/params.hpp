// Parameters as declared tables: each numeric input a reader accepts is declared once with its
// unit and sane range, and that declaration drives parsing, validation, the error message and
// the documentation. A value outside the range is an input error naming key, unit and range.
#pragma once

#include <optional>
#include <string>
#include <vector>

namespace rareflow {

enum class ParamType { Number, Integer };

struct ParamSpec {
  std::string key;
  ParamType type = ParamType::Number;
  std::string unit;
  double min = 0.0;
  double max = 0.0;
  std::optional<double> default_value;
  bool required = false;
  std::string description;
};

// "a number in [0, 1e+07] (t)": what the message says was expected.
std::string param_expectation(const ParamSpec& p);
// "" when `v` is finite, inside [min, max] and whole for an Integer; otherwise the problem,
// "expected <param_expectation>, found <v>".
std::string check_param(const ParamSpec& p, double v);
// A markdown table of `table` (key, type, unit, range, default, required, meaning) for the
// generated parameter sections of the docs.
std::string params_markdown(const std::vector<ParamSpec>& table);
// The spec of `key` in `table`, or nullptr.
const ParamSpec* find_param(const std::vector<ParamSpec>& table, const std::string& key);

}  // namespace rareflow
