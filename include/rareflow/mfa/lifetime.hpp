// Product lifetime distributions and their survival functions, with the conventions of ODYM
// (the reference dynamic MFA package) so that results can be compared with published analyses.
// Ages are whole years: sf(a) is the share of a cohort still in use at the end of the year in
// which it is a years old (a = 0 is its inflow year).
#pragma once

#include <cstdint>
#include <expected>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "rareflow/core/error.hpp"

namespace rareflow::mfa {

enum class LifetimeKind : std::uint8_t { Fixed, Normal, FoldedNormal, LogNormal, Weibull };

// A lifetime distribution, in years. Meaning of the two parameters by kind:
//   Fixed         p1 = mean (in use while age < mean), p2 unused (0)
//   Normal        p1 = mean, p2 = sd (plain normal, not truncated at age 0)
//   FoldedNormal  p1 = mean, p2 = sd of the normal before folding
//   LogNormal     p1 = mean, p2 = sd of the lognormal itself (not of its logarithm)
//   Weibull       p1 = shape, p2 = scale
// A zero lifetime (mean 0, or Weibull scale 0) means the cohort leaves in its inflow year.
struct Lifetime {
  LifetimeKind kind = LifetimeKind::Fixed;
  double p1 = 0.0;
  double p2 = 0.0;

  static Lifetime fixed(double mean) { return {LifetimeKind::Fixed, mean, 0.0}; }
  static Lifetime normal(double mean, double sd) { return {LifetimeKind::Normal, mean, sd}; }
  static Lifetime folded_normal(double mean, double sd) {
    return {LifetimeKind::FoldedNormal, mean, sd};
  }
  static Lifetime log_normal(double mean, double sd) { return {LifetimeKind::LogNormal, mean, sd}; }
  static Lifetime weibull(double shape, double scale) {
    return {LifetimeKind::Weibull, shape, scale};
  }

  friend bool operator==(const Lifetime&, const Lifetime&) = default;
};

// "fixed", "normal", "foldednormal", "lognormal", "weibull" (the spelling parse_lifetime reads).
std::string_view kind_name(LifetimeKind k);
// The spec form parse_lifetime reads back, e.g. "normal:12,3" or "fixed:5".
std::string to_string(const Lifetime& lt);

// Checks the parameters: means >= 0, sd > 0, Weibull shape > 0 and scale >= 0, all finite.
Result<void> validate(const Lifetime& lt);

// Parses "normal:MEAN,SD", "foldednormal:MEAN,SD", "lognormal:MEAN,SD", "weibull:SHAPE,SCALE" or
// "fixed:MEAN" (kind case-insensitive). On failure the Diagnostic names `origin` as its file,
// line 1 and the 1-based column in `spec` where the problem starts.
std::expected<Lifetime, Diagnostic> parse_lifetime(std::string_view spec,
                                                   std::string_view origin = "lifetime");

// Underlying normal of a LogNormal given the lognormal's own mean m and sd s:
// sigma^2 = ln(1 + s^2/m^2), mu = ln(m) - sigma^2/2.
struct LogNormalParams {
  double mu;
  double sigma;
};
LogNormalParams log_normal_params(double mean, double sd);

// Survival at a (real) age >= 0. The lifetime must be valid.
double survival(const Lifetime& lt, double age);

// sf_by_age[a] = survival(lt, a) for a = 0, 1, ..., size-1.
void survival_curve(const Lifetime& lt, std::span<double> sf_by_age);

// The full year-by-cohort table for T = per_cohort.size() years, row-major:
// sf[t * T + c] = survival(per_cohort[c], t - c) for t >= c, and 0 for t < c.
std::vector<double> survival_matrix(std::span<const Lifetime> per_cohort);

}  // namespace rareflow::mfa
