#include "linear_model.hpp"

#include <algorithm>
#include <cmath>
#include <map>

#include <fmt/format.h>

namespace rareflow::plan::detail {

int LinearModel::add_column(std::string name, double lb, double ub, bool integer) {
  cols_.push_back({std::move(name), lb, ub, 0.0, integer});
  return static_cast<int>(cols_.size()) - 1;
}

int LinearModel::add_row(std::string name, const LinExpr& expr, Sense sense, double rhs) {
  // Merge repeated columns so that each row holds a column once.
  std::map<int, double> merged;
  for (const auto& [c, v] : expr.terms) merged[c] += v;
  LpRow row{std::move(name), sense, rhs - expr.constant, {}, {}};
  for (const auto& [c, v] : merged) {
    if (v == 0.0) continue;
    row.cols.push_back(c);
    row.vals.push_back(v);
  }
  rows_.push_back(std::move(row));
  return static_cast<int>(rows_.size()) - 1;
}

double LinearModel::max_violation(const std::vector<double>& x) const {
  double worst = 0.0;
  for (std::size_t j = 0; j < cols_.size(); ++j) {
    const auto& c = cols_[j];
    worst = std::max({worst, c.lb - x[j], x[j] - c.ub});
    if (c.integer) worst = std::max(worst, std::abs(x[j] - std::round(x[j])));
  }
  for (const auto& r : rows_) {
    double lhs = 0.0;
    for (std::size_t k = 0; k < r.cols.size(); ++k)
      lhs += r.vals[k] * x[static_cast<std::size_t>(r.cols[k])];
    double v = r.sense == Sense::Le   ? lhs - r.rhs
               : r.sense == Sense::Ge ? r.rhs - lhs
                                      : std::abs(lhs - r.rhs);
    worst = std::max(worst, v / std::max(1.0, std::abs(r.rhs)));
  }
  return worst;
}

double LinearModel::objective(const std::vector<double>& x) const {
  double v = objective_constant;
  for (std::size_t j = 0; j < cols_.size(); ++j) v += cols_[j].obj * x[j];
  return v;
}

namespace {
std::string num(double v) {
  return fmt::format("{:.12g}", v);
}

// Writes "+ 3 x - 2 y" terms, breaking lines so that no line is too long for LP readers.
void write_terms(std::string& out, const std::vector<int>& cols, const std::vector<double>& vals,
                 const LinearModel& m) {
  std::size_t line_len = 0;
  for (std::size_t k = 0; k < cols.size(); ++k) {
    double v = vals[k];
    std::string term = fmt::format(" {} {} {}", v < 0 ? "-" : "+", num(std::abs(v)),
                                   m.columns()[static_cast<std::size_t>(cols[k])].name);
    if (line_len + term.size() > 200) {
      out += "\n   ";
      line_len = 0;
    }
    out += term;
    line_len += term.size();
  }
  if (cols.empty()) out += " 0 " + (m.columns().empty() ? std::string("x") : m.columns()[0].name);
}
}  // namespace

std::string to_lp_format(const LinearModel& m, const std::string& title) {
  // LP readers differ on constants in the objective; a column fixed at 1 carries it so that
  // the file's optimum equals the model's, constant included.
  const bool constant = m.objective_constant != 0.0;
  std::string out = fmt::format(
      "\\ {}\n\\ {} columns, {} rows; objective constant {}{}\n", title, m.columns().size(),
      m.rows().size(), num(m.objective_constant),
      constant ? fmt::format(" (as column {} fixed at 1)", kObjectiveConstantColumn) : "");
  out += "Minimize\n obj:";
  std::vector<int> oc;
  std::vector<double> ov;
  for (std::size_t j = 0; j < m.columns().size(); ++j) {
    if (m.columns()[j].obj != 0.0) {
      oc.push_back(static_cast<int>(j));
      ov.push_back(m.columns()[j].obj);
    }
  }
  write_terms(out, oc, ov, m);
  if (constant)
    out += fmt::format(" {} {} {}", m.objective_constant < 0 ? "-" : "+",
                       num(std::abs(m.objective_constant)), kObjectiveConstantColumn);
  out += "\nSubject To\n";
  for (const auto& r : m.rows()) {
    out += " " + r.name + ":";
    write_terms(out, r.cols, r.vals, m);
    const char* op = r.sense == Sense::Le ? "<=" : r.sense == Sense::Ge ? ">=" : "=";
    out += fmt::format(" {} {}\n", op, num(r.rhs));
  }
  out += "Bounds\n";
  if (constant) out += fmt::format(" {} = 1\n", kObjectiveConstantColumn);
  for (const auto& c : m.columns()) {
    if (c.lb == 0.0 && c.ub == kInf) continue;
    if (c.lb == -kInf && c.ub == kInf) {
      out += fmt::format(" {} free\n", c.name);
    } else if (c.ub == kInf) {
      out += fmt::format(" {} >= {}\n", c.name, num(c.lb));
    } else if (c.lb == c.ub) {
      out += fmt::format(" {} = {}\n", c.name, num(c.lb));
    } else {
      out +=
          fmt::format(" {} <= {} <= {}\n", c.lb == -kInf ? "-inf" : num(c.lb), c.name, num(c.ub));
    }
  }
  bool any_int = std::any_of(m.columns().begin(), m.columns().end(),
                             [](const LpColumn& c) { return c.integer; });
  if (any_int) {
    out += "Generals\n";
    for (const auto& c : m.columns())
      if (c.integer) out += " " + c.name + "\n";
  }
  out += "End\n";
  return out;
}

}  // namespace rareflow::plan::detail
