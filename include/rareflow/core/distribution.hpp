// Probability distributions for uncertain inputs.
//
//   Dist d = Dist::uniform(0.2, 0.6);   // or triangular, normal, lognormal,
//                                                        // choice, fixed
//   Rng rng(seed, run, stream);                          // see random.hpp
//   double x = sample(d, rng);        // one draw: quantile(d, rng.uniform()), one uniform each
//   double p95 = quantile(d, 0.95);   // closed form for every kind
//   double m = mean(d);               // closed form for every kind
//   auto [lo, hi] = support(d);       // the smallest interval holding every draw
//
// In a TOML file a distribution stands where a number is expected:
//
//   share = { dist = "uniform", min = 0.2, max = 0.6 }
//   share = { dist = "triangular", min = 0.1, mode = 0.25, max = 0.5 }
//   elasticity = { dist = "normal", mean = -0.3, sd = 0.1, min = -1, max = 0 }  # min/max truncate
//   capex = { dist = "lognormal", median = 500, sigma = 0.3, unit = "million USD" }
//   start = { dist = "choice", values = [2026, 2027], weights = [3, 1] }   # weights optional
//
// read_distribution() reads a number (a fixed value) or such a table, checks it against the
// parameter's DeclaredRange (its support must lie inside [min, max], whole numbers for integer
// parameters, the same unit when one is given) and reports every problem as a Diagnostic with
// file:line:column. `sigma` of a lognormal is the standard deviation of ln(x).
//
// Every transform is written here (inverse-CDF sampling with our own normal quantile), not taken
// from <random>, whose distributions differ between standard libraries: the same seed gives the
// same draws everywhere.
#pragma once

#include <limits>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include <toml++/toml.h>

#include "rareflow/core/error.hpp"
#include "rareflow/core/params.hpp"
#include "rareflow/core/random.hpp"

namespace rareflow {

// Named Dist because rareflow::Distribution is an ore's element distribution (data/dataset.hpp).
enum class DistKind { Fixed, Uniform, Triangular, Normal, Lognormal, Choice };

struct Dist {
  static constexpr double kInf = std::numeric_limits<double>::infinity();

  DistKind kind = DistKind::Fixed;
  // Parameters by kind: Fixed {value}; Uniform {min, max}; Triangular {min, mode, max};
  // Normal {mean, sd}; Lognormal {median, sigma}.
  double p1 = 0, p2 = 0, p3 = 0;
  // Truncation of a normal or lognormal (the distribution conditioned on [lo, hi]).
  double lo = -kInf, hi = kInf;
  // Choice: values in increasing order and their cumulative probabilities (last one is 1).
  std::vector<double> values, cumulative;
  std::string unit;  // declared unit, "" when none was given

  static Dist fixed(double value);
  static Dist uniform(double min, double max);
  static Dist triangular(double min, double mode, double max);
  static Dist normal(double mean, double sd, double lo = -kInf, double hi = kInf);
  static Dist lognormal(double median, double sigma, double lo = 0, double hi = kInf);
  // Equal weights when `weights` is empty.
  static Dist choice(std::vector<double> values, std::vector<double> weights = {});

  bool is_fixed() const { return kind == DistKind::Fixed; }
};

// One draw, from exactly one uniform of `rng`.
double sample(const Dist& d, Rng& rng);
// The p-quantile, 0 < p < 1 (0 and 1 give the support's ends).
double quantile(const Dist& d, double p);
double mean(const Dist& d);
std::pair<double, double> support(const Dist& d);
// "uniform(min 0.2, max 0.6)" for messages and run records.
std::string describe(const Dist& d);
const char* kind_name(DistKind k);

// The standard normal CDF and its inverse (Acklam's rational approximation refined by one
// Halley step against erfc, accurate to about 1e-15).
double normal_cdf(double z);
double normal_quantile(double p);

// What a parameter accepts, as declared by whoever reads it.
struct DeclaredRange {
  double min = -Dist::kInf;
  double max = Dist::kInf;
  bool integer = false;
  std::string unit;  // when set, a distribution's declared unit must equal it
};

// A declared parameter's range, so a number or a distribution is checked against one table.
inline DeclaredRange declared_range(const ParamSpec& p) {
  return {p.min, p.max, p.type == ParamType::Integer, p.unit};
}

// True when `n` is a table with a `dist` key: a distribution where a number is expected.
bool is_distribution_table(const toml::node& n);

// Reads a number (a fixed distribution) or a distribution table at `n`. On a problem adds a
// Diagnostic (file:line:column, `field`, expected versus found) and returns nullopt.
std::optional<Dist> read_distribution(const toml::node& n, const std::string& file,
                                      const std::string& field, const DeclaredRange& range,
                                      Diagnostics& diags);

}  // namespace rareflow
