#include "rareflow/core/distribution.hpp"

#include <algorithm>
#include <cmath>
#include <numeric>

#include <fmt/format.h>

namespace rareflow {

namespace {

constexpr double kSqrt2 = 1.4142135623730950488;
constexpr double kSqrt2Pi = 2.5066282746310005024;

double normal_pdf(double z) {
  return std::exp(-0.5 * z * z) / kSqrt2Pi;
}

// Acklam's rational approximation of the normal quantile (relative error below 1.15e-9).
double acklam(double p) {
  static constexpr double a[] = {-3.969683028665376e+01, 2.209460984245205e+02,
                                 -2.759285104469687e+02, 1.383577518672690e+02,
                                 -3.066479806614716e+01, 2.506628277459239e+00};
  static constexpr double b[] = {-5.447609879822406e+01, 1.615858368580409e+02,
                                 -1.556989798598866e+02, 6.680131188771972e+01,
                                 -1.328068155288572e+01};
  static constexpr double c[] = {-7.784894002430293e-03, -3.223964580411365e-01,
                                 -2.400758277161838e+00, -2.549732539343734e+00,
                                 4.374664141464968e+00,  2.938163982698783e+00};
  static constexpr double d[] = {7.784695709041462e-03, 3.224671290700398e-01,
                                 2.445134137142996e+00, 3.754408661907416e+00};
  constexpr double kLow = 0.02425;
  auto tail = [&](double q) {
    return (((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) * q + c[5]) /
           ((((d[0] * q + d[1]) * q + d[2]) * q + d[3]) * q + 1);
  };
  if (p < kLow) return tail(std::sqrt(-2 * std::log(p)));
  if (p > 1 - kLow) return -tail(std::sqrt(-2 * std::log1p(-p)));
  double q = p - 0.5, r = q * q;
  return (((((a[0] * r + a[1]) * r + a[2]) * r + a[3]) * r + a[4]) * r + a[5]) * q /
         (((((b[0] * r + b[1]) * r + b[2]) * r + b[3]) * r + b[4]) * r + 1);
}

// Maps p in [0, 1] into [F(lo), F(hi)] of a standard normal truncated to [zlo, zhi].
double truncated_z(double p, double zlo, double zhi) {
  double flo = normal_cdf(zlo), fhi = normal_cdf(zhi);
  return std::clamp(normal_quantile(flo + p * (fhi - flo)), zlo, zhi);
}

// The ends of a normal's support in standard units (infinite when untruncated).
std::pair<double, double> z_bounds(double mean, double sd, double lo, double hi) {
  return {(lo - mean) / sd, (hi - mean) / sd};
}

}  // namespace

double normal_cdf(double z) {
  return 0.5 * std::erfc(-z / kSqrt2);
}

double normal_quantile(double p) {
  if (p <= 0) return -Dist::kInf;
  if (p >= 1) return Dist::kInf;
  double x = acklam(p);
  // One Halley step on F(x) - p = 0 brings the error to the precision of erfc.
  double e = normal_cdf(x) - p;
  double u = e * kSqrt2Pi * std::exp(0.5 * x * x);
  return x - u / (1 + 0.5 * x * u);
}

namespace {

Dist make(DistKind kind, double p1, double p2, double p3, double lo, double hi) {
  Dist d;
  d.kind = kind;
  d.p1 = p1;
  d.p2 = p2;
  d.p3 = p3;
  d.lo = lo;
  d.hi = hi;
  return d;
}

}  // namespace

Dist Dist::fixed(double value) {
  return make(DistKind::Fixed, value, 0, 0, value, value);
}

Dist Dist::uniform(double min, double max) {
  return make(DistKind::Uniform, min, max, 0, min, max);
}

Dist Dist::triangular(double min, double mode, double max) {
  return make(DistKind::Triangular, min, mode, max, min, max);
}

Dist Dist::normal(double mean, double sd, double lo, double hi) {
  return make(DistKind::Normal, mean, sd, 0, lo, hi);
}

Dist Dist::lognormal(double median, double sigma, double lo, double hi) {
  return make(DistKind::Lognormal, median, sigma, 0, std::max(lo, 0.0), hi);
}

Dist Dist::choice(std::vector<double> values, std::vector<double> weights) {
  if (weights.empty()) weights.assign(values.size(), 1.0);
  std::vector<std::size_t> order(values.size());
  std::iota(order.begin(), order.end(), std::size_t{0});
  std::stable_sort(order.begin(), order.end(),
                   [&](std::size_t i, std::size_t j) { return values[i] < values[j]; });
  Dist d;
  d.kind = DistKind::Choice;
  double total = std::accumulate(weights.begin(), weights.end(), 0.0), run = 0;
  for (std::size_t i : order) {
    run += weights[i];
    d.values.push_back(values[i]);
    d.cumulative.push_back(run / total);
  }
  if (!d.cumulative.empty()) d.cumulative.back() = 1.0;
  d.lo = d.values.empty() ? 0 : d.values.front();
  d.hi = d.values.empty() ? 0 : d.values.back();
  return d;
}

double quantile(const Dist& d, double p) {
  p = std::clamp(p, 0.0, 1.0);
  switch (d.kind) {
    case DistKind::Fixed:
      return d.p1;
    case DistKind::Uniform:
      return d.p1 + p * (d.p2 - d.p1);
    case DistKind::Triangular: {
      double a = d.p1, c = d.p2, b = d.p3;
      if (b <= a) return a;
      double fc = (c - a) / (b - a);
      return p <= fc ? a + std::sqrt(p * (b - a) * (c - a))
                     : b - std::sqrt((1 - p) * (b - a) * (b - c));
    }
    case DistKind::Normal: {
      auto [zlo, zhi] = z_bounds(d.p1, d.p2, d.lo, d.hi);
      return d.p1 + d.p2 * truncated_z(p, zlo, zhi);
    }
    case DistKind::Lognormal: {
      double mu = std::log(d.p1);
      double zlo = d.lo > 0 ? (std::log(d.lo) - mu) / d.p2 : -Dist::kInf;
      double zhi = std::isfinite(d.hi) ? (std::log(d.hi) - mu) / d.p2 : Dist::kInf;
      return std::exp(mu + d.p2 * truncated_z(p, zlo, zhi));
    }
    case DistKind::Choice: {
      auto it = std::lower_bound(d.cumulative.begin(), d.cumulative.end(), p);
      std::size_t k = std::min<std::size_t>(it - d.cumulative.begin(), d.values.size() - 1);
      return d.values[k];
    }
  }
  return d.p1;
}

double sample(const Dist& d, Rng& rng) {
  double u = rng.uniform();
  // A choice takes the first value whose cumulative probability exceeds u (u < 1 always).
  if (d.kind == DistKind::Choice) {
    auto it = std::upper_bound(d.cumulative.begin(), d.cumulative.end(), u);
    std::size_t k = std::min<std::size_t>(it - d.cumulative.begin(), d.values.size() - 1);
    return d.values[k];
  }
  return quantile(d, u);
}

double mean(const Dist& d) {
  switch (d.kind) {
    case DistKind::Fixed:
      return d.p1;
    case DistKind::Uniform:
      return 0.5 * (d.p1 + d.p2);
    case DistKind::Triangular:
      return (d.p1 + d.p2 + d.p3) / 3;
    case DistKind::Normal: {
      // Truncated normal: mean + sd (phi(a) - phi(b)) / (Phi(b) - Phi(a)).
      auto [a, b] = z_bounds(d.p1, d.p2, d.lo, d.hi);
      double mass = normal_cdf(b) - normal_cdf(a);
      return d.p1 + d.p2 * (normal_pdf(a) - normal_pdf(b)) / mass;
    }
    case DistKind::Lognormal: {
      // E[X; a < X < b] / P(a < X < b) with X = exp(mu + sigma Z).
      double mu = std::log(d.p1), s = d.p2;
      double a = d.lo > 0 ? (std::log(d.lo) - mu) / s : -Dist::kInf;
      double b = std::isfinite(d.hi) ? (std::log(d.hi) - mu) / s : Dist::kInf;
      double mass = normal_cdf(b) - normal_cdf(a);
      return std::exp(mu + 0.5 * s * s) * (normal_cdf(b - s) - normal_cdf(a - s)) / mass;
    }
    case DistKind::Choice: {
      double m = 0, prev = 0;
      for (std::size_t i = 0; i < d.values.size(); ++i) {
        m += d.values[i] * (d.cumulative[i] - prev);
        prev = d.cumulative[i];
      }
      return m;
    }
  }
  return d.p1;
}

std::pair<double, double> support(const Dist& d) {
  if (d.kind == DistKind::Fixed) return {d.p1, d.p1};
  return {d.lo, d.hi};
}

const char* kind_name(DistKind k) {
  switch (k) {
    case DistKind::Fixed:
      return "fixed";
    case DistKind::Uniform:
      return "uniform";
    case DistKind::Triangular:
      return "triangular";
    case DistKind::Normal:
      return "normal";
    case DistKind::Lognormal:
      return "lognormal";
    case DistKind::Choice:
      return "choice";
  }
  return "fixed";
}

std::string describe(const Dist& d) {
  std::string unit = d.unit.empty() ? "" : " " + d.unit;
  std::string cut;
  if (d.kind == DistKind::Normal || d.kind == DistKind::Lognormal) {
    double floor = d.kind == DistKind::Lognormal ? 0 : -Dist::kInf;
    if (d.lo > floor) cut += fmt::format(", min {}", d.lo);
    if (std::isfinite(d.hi)) cut += fmt::format(", max {}", d.hi);
  }
  switch (d.kind) {
    case DistKind::Fixed:
      return fmt::format("{}{}", d.p1, unit);
    case DistKind::Uniform:
      return fmt::format("uniform(min {}, max {}){}", d.p1, d.p2, unit);
    case DistKind::Triangular:
      return fmt::format("triangular(min {}, mode {}, max {}){}", d.p1, d.p2, d.p3, unit);
    case DistKind::Normal:
      return fmt::format("normal(mean {}, sd {}{}){}", d.p1, d.p2, cut, unit);
    case DistKind::Lognormal:
      return fmt::format("lognormal(median {}, sigma {}{}){}", d.p1, d.p2, cut, unit);
    case DistKind::Choice: {
      std::string v;
      double prev = 0;
      for (std::size_t i = 0; i < d.values.size(); ++i) {
        v += fmt::format("{}{} p={:.3g}", i ? ", " : "", d.values[i], d.cumulative[i] - prev);
        prev = d.cumulative[i];
      }
      return fmt::format("choice({}){}", v, unit);
    }
  }
  return "";
}

}  // namespace rareflow
