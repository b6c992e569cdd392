#include <algorithm>
#include <cmath>
#include <numeric>

#include <fmt/format.h>

#include "rareflow/sweep/sweep.hpp"

namespace rareflow::sweep {

double percentile(std::vector<double>& v, double p) {
  if (v.empty()) return std::nan("");
  double h = (static_cast<double>(v.size()) - 1) * p;
  auto lo = static_cast<std::size_t>(std::floor(h));
  std::size_t hi = std::min(lo + 1, v.size() - 1);
  return v[lo] + (h - static_cast<double>(lo)) * (v[hi] - v[lo]);
}

Stats stats_of(const std::vector<double>& values) {
  std::vector<double> v;
  double sum = 0;  // in the given order, so the mean does not depend on who ran what
  for (double x : values) {
    if (std::isnan(x)) continue;
    v.push_back(x);
    sum += x;
  }
  std::sort(v.begin(), v.end());
  Stats st;
  st.runs = v.size();
  st.mean = v.empty() ? std::nan("") : sum / static_cast<double>(v.size());
  st.p5 = percentile(v, 0.05);
  st.p25 = percentile(v, 0.25);
  st.p50 = percentile(v, 0.50);
  st.p75 = percentile(v, 0.75);
  st.p95 = percentile(v, 0.95);
  return st;
}

Result<std::vector<Stats>> statistics(const RunStore& s, std::size_t block) {
  std::vector<Stats> out;
  block = std::max<std::size_t>(block, 1);
  for (std::size_t first = 0; first < s.columns(); first += block) {
    std::size_t count = std::min(block, s.columns() - first);
    auto cols = s.read_columns(first, count);
    if (!cols) return std::unexpected(cols.error());
    for (std::size_t c = 0; c < count; ++c) {
      auto begin = cols->begin() + static_cast<std::ptrdiff_t>(c * s.runs());
      out.push_back(
          stats_of(std::vector<double>(begin, begin + static_cast<std::ptrdiff_t>(s.runs()))));
    }
  }
  return out;
}

namespace {

// Mean and standard deviation (n - 1) of x over the rows in `use`.
std::pair<double, double> moments(const std::vector<double>& x) {
  double n = static_cast<double>(x.size());
  double m = std::accumulate(x.begin(), x.end(), 0.0) / n, ss = 0;
  for (double v : x) ss += (v - m) * (v - m);
  return {m, std::sqrt(ss / (n - 1))};
}

// Solves a x = b (a is k x k, row-major) by Gaussian elimination with partial pivoting.
std::optional<std::vector<double>> solve(std::vector<double> a, std::vector<double> b) {
  std::size_t k = b.size();
  for (std::size_t c = 0; c < k; ++c) {
    std::size_t piv = c;
    for (std::size_t r = c + 1; r < k; ++r)
      if (std::abs(a[r * k + c]) > std::abs(a[piv * k + c])) piv = r;
    if (std::abs(a[piv * k + c]) < 1e-12) return std::nullopt;
    for (std::size_t j = 0; j < k; ++j) std::swap(a[c * k + j], a[piv * k + j]);
    std::swap(b[c], b[piv]);
    for (std::size_t r = c + 1; r < k; ++r) {
      double f = a[r * k + c] / a[c * k + c];
      for (std::size_t j = c; j < k; ++j) a[r * k + j] -= f * a[c * k + j];
      b[r] -= f * b[c];
    }
  }
  std::vector<double> x(k);
  for (std::size_t c = k; c-- > 0;) {
    double s = b[c];
    for (std::size_t j = c + 1; j < k; ++j) s -= a[c * k + j] * x[j];
    x[c] = s / a[c * k + c];
  }
  return x;
}

}  // namespace

Result<std::vector<Sensitivity>> explain(const Plan& plan, const std::vector<double>& y,
                                         double* r2) {
  std::vector<std::size_t> rows;
  for (std::size_t r = 0; r < plan.runs() && r < y.size(); ++r)
    if (!std::isnan(y[r])) rows.push_back(r);
  // Standardized columns of the inputs that vary, and of y.
  std::vector<std::size_t> used;
  std::vector<std::vector<double>> z;
  for (std::size_t i = 0; i < plan.names.size(); ++i) {
    std::vector<double> x;
    for (auto r : rows) x.push_back(plan.values[r][i]);
    if (x.size() < 3) break;
    auto [m, sd] = moments(x);
    if (!(sd > 0)) continue;
    for (double& v : x) v = (v - m) / sd;
    used.push_back(i);
    z.push_back(std::move(x));
  }
  std::vector<double> yy;
  for (auto r : rows) yy.push_back(y[r]);
  if (used.empty() || rows.size() <= used.size() + 1)
    return fail(
        fmt::format("cannot say: {} runs with a value and {} varying inputs; the "
                    "regression needs more runs than inputs",
                    rows.size(), used.size()));
  auto [my, sy] = moments(yy);
  if (!(sy > 0)) return fail("cannot say: the output does not vary across the runs");
  for (double& v : yy) v = (v - my) / sy;
  // Normal equations on standardized variables: the inputs' correlation matrix times the
  // coefficients equals their correlations with y.
  std::size_t k = used.size();
  double n1 = static_cast<double>(rows.size()) - 1;
  std::vector<double> a(k * k), b(k);
  for (std::size_t i = 0; i < k; ++i) {
    for (std::size_t j = 0; j < k; ++j)
      a[i * k + j] = std::inner_product(z[i].begin(), z[i].end(), z[j].begin(), 0.0) / n1;
    b[i] = std::inner_product(z[i].begin(), z[i].end(), yy.begin(), 0.0) / n1;
  }
  auto coef = solve(a, b);
  if (!coef) return fail("cannot say: the sampled inputs are collinear");
  std::vector<Sensitivity> out;
  double fit = 0;
  for (std::size_t i = 0; i < k; ++i) {
    out.push_back({plan.names[used[i]], (*coef)[i], (*coef)[i] * (*coef)[i]});
    fit += (*coef)[i] * b[i];
  }
  if (r2) *r2 = fit;
  std::stable_sort(out.begin(), out.end(),
                   [](const Sensitivity& x, const Sensitivity& w) { return x.share > w.share; });
  return out;
}

}  // namespace rareflow::sweep
