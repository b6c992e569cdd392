#include <gtest/gtest.h>

#include <cmath>
#include <numbers>
#include <vector>

#include "rareflow/mfa/lifetime.hpp"

namespace rareflow::mfa {
namespace {

// Issue 3 acceptance values (ODYM's Normal(5, 1.5), scipy.stats.norm.sf at ages 0 and 1).
// Cross-checked with python3: 0.5*math.erfc((a-5)/1.5/math.sqrt(2)) -> 0.9995709397,
// 0.9961696194.
TEST(Lifetime, NormalMatchesIssueValues) {
  auto lt = Lifetime::normal(5.0, 1.5);
  EXPECT_NEAR(survival(lt, 0.0), 0.99957094, 1e-8);
  EXPECT_NEAR(survival(lt, 1.0), 0.99616962, 1e-8);
  // Plain, not truncated: half the cohort is gone at the mean age.
  EXPECT_DOUBLE_EQ(survival(lt, 5.0), 0.5);
  // python3: 0.5*math.erfc(2/math.sqrt(2)) = 0.0227501319 (age 8 is two sd past the mean).
  EXPECT_NEAR(survival(lt, 8.0), 0.0227501319, 1e-10);
}

// LogNormal with mean 10 and sd 4 of the lognormal itself. By hand (python3, math only):
//   sigma^2 = ln(1 + 4^2/10^2) = ln 1.16, sigma = 0.3852531702
//   mu = ln 10 - sigma^2/2 = 2.2283750904
//   sf(a) = 0.5*erfc((ln a - mu)/(sigma*sqrt 2)):
//   a=1: 0.9999999964, a=5: 0.9459259188, a=10: 0.4236257115, a=20: 0.0231950902.
TEST(Lifetime, LogNormalHandChecked) {
  auto lt = Lifetime::log_normal(10.0, 4.0);
  auto p = log_normal_params(10.0, 4.0);
  EXPECT_NEAR(p.mu, 2.2283750904, 1e-10);
  EXPECT_NEAR(p.sigma, 0.3852531702, 1e-10);
  EXPECT_DOUBLE_EQ(survival(lt, 0.0), 1.0);
  EXPECT_NEAR(survival(lt, 1.0), 0.9999999964, 1e-10);
  EXPECT_NEAR(survival(lt, 5.0), 0.9459259188, 1e-10);
  EXPECT_NEAR(survival(lt, 10.0), 0.4236257115, 1e-10);
  EXPECT_NEAR(survival(lt, 20.0), 0.0231950902, 1e-10);
}

// The parameters are those of the lognormal itself: its mean exp(mu + sigma^2/2) and sd
// sqrt((exp(sigma^2) - 1) exp(2 mu + sigma^2)) give back what was asked (textbook moments).
TEST(Lifetime, LogNormalParametersReproduceMeanAndSd) {
  for (auto [m, s] : {std::pair{10.0, 4.0}, std::pair{15.0, 5.0}, std::pair{3.0, 6.0}}) {
    auto p = log_normal_params(m, s);
    const double s2 = p.sigma * p.sigma;
    EXPECT_NEAR(std::exp(p.mu + s2 / 2), m, 1e-12 * m);
    EXPECT_NEAR(std::sqrt((std::exp(s2) - 1) * std::exp(2 * p.mu + s2)), s, 1e-12 * m);
  }
}

// FoldedNormal(2, 3) (normal before folding): sf(a) = P(|X| > a) = Q((a-2)/3) + Q((a+2)/3), with
// Q(z) = 0.5*erfc(z/sqrt 2). python3: a=1: 0.7892139137, a=4: 0.2752426695, a=8: 0.0231791923.
TEST(Lifetime, FoldedNormalHandChecked) {
  auto lt = Lifetime::folded_normal(2.0, 3.0);
  EXPECT_NEAR(survival(lt, 0.0), 1.0, 1e-15);
  EXPECT_NEAR(survival(lt, 1.0), 0.7892139137, 1e-10);
  EXPECT_NEAR(survival(lt, 4.0), 0.2752426695, 1e-10);
  EXPECT_NEAR(survival(lt, 8.0), 0.0231791923, 1e-10);
}

// Weibull sf(a) = exp(-(a/scale)^shape). Shape 2, scale 10: exp(-0.25) = 0.7788007831,
// exp(-1) = 0.3678794412, exp(-4) = 0.0183156389. Shape 1.5, scale 8 (python3):
// a=3: 0.7948199536, a=12: 0.1592759085.
TEST(Lifetime, WeibullHandChecked) {
  auto lt = Lifetime::weibull(2.0, 10.0);
  EXPECT_DOUBLE_EQ(survival(lt, 0.0), 1.0);
  EXPECT_NEAR(survival(lt, 5.0), 0.7788007831, 1e-10);
  EXPECT_NEAR(survival(lt, 10.0), 0.3678794412, 1e-10);
  EXPECT_NEAR(survival(lt, 20.0), 0.0183156389, 1e-10);
  auto lt2 = Lifetime::weibull(1.5, 8.0);
  EXPECT_NEAR(survival(lt2, 3.0), 0.7948199536, 1e-10);
  EXPECT_NEAR(survival(lt2, 12.0), 0.1592759085, 1e-10);
}

// A second, independent route to the same numbers: 1 - integral of the density from 0 to a
// (composite Simpson, 2,000 panels), which does not use erfc at all.
double simpson(double (*f)(double, double, double), double p, double q, double lo, double hi) {
  const int n = 2000;
  const double h = (hi - lo) / n;
  double sum = f(lo, p, q) + f(hi, p, q);
  for (int k = 1; k < n; ++k) sum += f(lo + k * h, p, q) * (k % 2 ? 4 : 2);
  return sum * h / 3;
}
double folded_pdf(double x, double mu, double sd) {
  auto phi = [](double z) { return std::exp(-z * z / 2) / std::sqrt(2 * std::numbers::pi); };
  return (phi((x - mu) / sd) + phi((x + mu) / sd)) / sd;
}
double lognormal_pdf(double x, double mu, double sigma) {
  if (x <= 0) return 0.0;
  const double z = (std::log(x) - mu) / sigma;
  return std::exp(-z * z / 2) / (x * sigma * std::sqrt(2 * std::numbers::pi));
}

TEST(Lifetime, SurvivalAgreesWithIntegratedDensity) {
  for (double a : {1.0, 4.0, 8.0})
    EXPECT_NEAR(survival(Lifetime::folded_normal(2.0, 3.0), a),
                1.0 - simpson(folded_pdf, 2.0, 3.0, 0.0, a), 1e-9);
  auto p = log_normal_params(10.0, 4.0);
  for (double a : {5.0, 10.0, 20.0})
    EXPECT_NEAR(survival(Lifetime::log_normal(10.0, 4.0), a),
                1.0 - simpson(lognormal_pdf, p.mu, p.sigma, 1e-9, a), 1e-9);
}

// ODYM's Fixed: in use while age < mean; 3.5 years -> present after 0..3 years, gone at 4.
TEST(Lifetime, FixedKeepsWhileAgeBelowMean) {
  std::vector<double> sf(6);
  survival_curve(Lifetime::fixed(3.5), sf);
  EXPECT_EQ(sf, (std::vector<double>{1, 1, 1, 1, 0, 0}));
  survival_curve(Lifetime::fixed(2.0), sf);
  EXPECT_EQ(sf, (std::vector<double>{1, 1, 0, 0, 0, 0}));
}

// Lifetime 0: the cohort leaves in its inflow year, sf = 0 at every age (ODYM sets sf = 0 when
// the mean, or the Weibull scale, is 0; otherwise Normal would keep half at age 0).
TEST(Lifetime, ZeroLifetimeLeavesInInflowYear) {
  for (auto lt : {Lifetime::fixed(0), Lifetime::normal(0, 1), Lifetime::folded_normal(0, 2),
                  Lifetime::log_normal(0, 1), Lifetime::weibull(2, 0)}) {
    std::vector<double> sf(4, -1.0);
    survival_curve(lt, sf);
    EXPECT_EQ(sf, (std::vector<double>(4, 0.0))) << to_string(lt);
  }
}

TEST(Lifetime, CurveMatchesPointwiseSurvival) {
  for (auto lt : {Lifetime::normal(7, 2), Lifetime::folded_normal(3, 4), Lifetime::log_normal(9, 3),
                  Lifetime::weibull(1.7, 12), Lifetime::fixed(4)}) {
    std::vector<double> sf(30);
    survival_curve(lt, sf);
    for (std::size_t a = 0; a < sf.size(); ++a)
      EXPECT_EQ(sf[a], survival(lt, static_cast<double>(a))) << to_string(lt) << " age " << a;
  }
}

// sf[t][c] = sf_c(t - c) below the diagonal, 0 above it; cohorts keep their own parameters.
TEST(Lifetime, SurvivalMatrixWithCohortParameters) {
  std::vector<Lifetime> per_cohort{Lifetime::fixed(1), Lifetime::fixed(2), Lifetime::fixed(3)};
  auto sf = survival_matrix(per_cohort);
  // rows t, columns c
  EXPECT_EQ(sf, (std::vector<double>{1, 0, 0,  //
                                     0, 1, 0,  //
                                     0, 1, 1}));
}

TEST(Lifetime, ParsesEveryKind) {
  auto n = parse_lifetime("normal:5,1.5");
  ASSERT_TRUE(n.has_value());
  EXPECT_EQ(*n, Lifetime::normal(5, 1.5));
  EXPECT_EQ(*parse_lifetime("FoldedNormal: 12 , 3"), Lifetime::folded_normal(12, 3));
  EXPECT_EQ(*parse_lifetime("lognormal:10,4"), Lifetime::log_normal(10, 4));
  EXPECT_EQ(*parse_lifetime("weibull:2,10"), Lifetime::weibull(2, 10));
  EXPECT_EQ(*parse_lifetime("fixed:5"), Lifetime::fixed(5));
  EXPECT_EQ(*parse_lifetime("fixed:0"), Lifetime::fixed(0));
  for (auto lt : {Lifetime::normal(5, 1.5), Lifetime::weibull(2.5, 14), Lifetime::fixed(7)})
    EXPECT_EQ(*parse_lifetime(to_string(lt)), lt);
}

std::string parse_error(std::string_view spec) {
  auto r = parse_lifetime(spec, "--lifetime");
  return r ? std::string("(parsed)") : r.error().str();
}

TEST(Lifetime, ParseErrorsNameColumnAndField) {
  EXPECT_EQ(parse_error("normal:5,x"),
            "--lifetime:1:10: sd: expected a finite number > 0, found \"x\"");
  EXPECT_EQ(parse_error("normal:5,0"),
            "--lifetime:1:10: sd: expected a finite number > 0, found \"0\"");
  EXPECT_EQ(parse_error("fixed:-1"),
            "--lifetime:1:7: mean: expected a finite number >= 0, found \"-1\"");
  EXPECT_EQ(parse_error("weibull:0,10"),
            "--lifetime:1:9: shape: expected a finite number > 0, found \"0\"");
  EXPECT_EQ(parse_error("normal:5"),
            "--lifetime:1:9: sd: expected normal:MEAN,SD, found \"normal:5\"");
  EXPECT_EQ(parse_error("normal:5,1,2"),
            "--lifetime:1:12: parameters: expected normal:MEAN,SD, found \"normal:5,1,2\"");
  EXPECT_EQ(parse_error("normal"),
            "--lifetime:1:7: parameters: expected normal:MEAN,SD, found \"normal\"");
  EXPECT_EQ(parse_error("normal:nan,1"),
            "--lifetime:1:8: mean: expected a finite number >= 0, found \"nan\"");
  const std::string kind = parse_error("normel:5,1");
  EXPECT_TRUE(kind.starts_with("--lifetime:1:1: kind: expected normal:MEAN,SD, "));
  EXPECT_TRUE(kind.ends_with("found \"normel:5,1\" (did you mean \"normal\"?)")) << kind;
}

TEST(Lifetime, ValidateRejectsBadParameters) {
  EXPECT_TRUE(validate(Lifetime::normal(5, 1)).has_value());
  EXPECT_FALSE(validate(Lifetime::normal(5, 0)).has_value());
  EXPECT_FALSE(validate(Lifetime::log_normal(-1, 1)).has_value());
  EXPECT_FALSE(validate(Lifetime::weibull(2, -1)).has_value());
  EXPECT_FALSE(validate(Lifetime::fixed(NAN)).has_value());
  EXPECT_EQ(validate(Lifetime::normal(5, -2)).error().message,
            "normal lifetime: sd: expected a finite number > 0, found -2");
}

}  // namespace
}  // namespace rareflow::mfa
