// A solver-neutral mixed-integer linear model with readable names, built block by block and
// handed to Cbc (cbc_solve.hpp) or written as an LP file.
#pragma once

#include <limits>
#include <string>
#include <utility>
#include <vector>

namespace rareflow::plan::detail {

inline constexpr double kInf = std::numeric_limits<double>::infinity();

// sum of coef * x[col] + constant.
struct LinExpr {
  std::vector<std::pair<int, double>> terms;
  double constant = 0.0;

  LinExpr& add(int col, double coef) {
    if (col >= 0 && coef != 0.0) terms.emplace_back(col, coef);
    return *this;
  }
  LinExpr& add(const LinExpr& e, double factor = 1.0) {
    for (const auto& [c, v] : e.terms) add(c, v * factor);
    constant += e.constant * factor;
    return *this;
  }
  double value(const std::vector<double>& x) const {
    double v = constant;
    for (const auto& [c, k] : terms) v += k * x[static_cast<std::size_t>(c)];
    return v;
  }
};

enum class Sense { Le, Ge, Eq };

struct LpColumn {
  std::string name;
  double lb = 0.0;
  double ub = kInf;
  double obj = 0.0;
  bool integer = false;
};

struct LpRow {
  std::string name;
  Sense sense = Sense::Le;
  double rhs = 0.0;
  std::vector<int> cols;  // sorted, unique
  std::vector<double> vals;
};

class LinearModel {
 public:
  int add_column(std::string name, double lb, double ub, bool integer = false);
  // expr (sense) rhs; the expression's constant moves to the right-hand side.
  int add_row(std::string name, const LinExpr& expr, Sense sense, double rhs);

  std::vector<LpColumn>& columns() { return cols_; }
  const std::vector<LpColumn>& columns() const { return cols_; }
  std::vector<LpRow>& rows() { return rows_; }
  const std::vector<LpRow>& rows() const { return rows_; }
  double objective_constant = 0.0;

  // Largest violation of bounds, rows and integrality by x (for checking solver output).
  double max_violation(const std::vector<double>& x) const;
  double objective(const std::vector<double>& x) const;

 private:
  std::vector<LpColumn> cols_;
  std::vector<LpRow> rows_;
};

// Name of the column, fixed at 1, that carries the objective constant in an LP file.
inline constexpr const char* kObjectiveConstantColumn = "objective_constant";

// CPLEX LP format, with the model's names; the objective constant as a column fixed at 1.
std::string to_lp_format(const LinearModel& m, const std::string& title);

}  // namespace rareflow::plan::detail
