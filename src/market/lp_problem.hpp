// A linear programme under construction (minimisation form): columns with bounds and costs,
// rows with bounds, coefficients as triplets, and optional readable names. Builders add to it
// block by block; clp_solver turns it into a Clp model.
#pragma once

#include <limits>
#include <string>
#include <vector>

namespace rareflow::market::detail {

inline constexpr double kInf = std::numeric_limits<double>::infinity();

struct LpProblem {
  std::string problem_name;
  bool with_names = false;
  std::vector<double> col_lb, col_ub, cost;
  std::vector<double> row_lb, row_ub;
  std::vector<int> entry_row, entry_col;
  std::vector<double> entry_value;
  std::vector<std::string> col_names, row_names;

  int columns() const { return static_cast<int>(cost.size()); }
  int rows() const { return static_cast<int>(row_lb.size()); }
  int nonzeros() const { return static_cast<int>(entry_value.size()); }

  // `name` is called only when names are kept (it formats a string).
  template <class F>
  int add_column(double lb, double ub, double c, F&& name) {
    col_lb.push_back(lb);
    col_ub.push_back(ub);
    cost.push_back(c);
    if (with_names) col_names.push_back(sanitize(name()));
    return columns() - 1;
  }
  template <class F>
  int add_row(double lb, double ub, F&& name) {
    row_lb.push_back(lb);
    row_ub.push_back(ub);
    if (with_names) row_names.push_back(sanitize(name()));
    return rows() - 1;
  }
  void add(int row, int col, double v) {
    if (v == 0.0) return;
    entry_row.push_back(row);
    entry_col.push_back(col);
    entry_value.push_back(v);
  }

  // LP and MPS files accept letters, digits and a few signs in names.
  static std::string sanitize(std::string s);
};

}  // namespace rareflow::market::detail
