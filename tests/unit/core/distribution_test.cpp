#include <gtest/gtest.h>

#include <cmath>
#include <set>

#include "rareflow/core/distribution.hpp"

namespace rareflow {
namespace {

// Standard normal quantiles and CDF from Python's statistics.NormalDist (Wichura's AS 241),
// e.g. the textbook 1.959964 for 97.5 % and 1.644854 for 95 %.
TEST(NormalQuantile, MatchesReferenceValues) {
  EXPECT_NEAR(normal_quantile(0.975), 1.9599639845400536, 1e-13);
  EXPECT_NEAR(normal_quantile(0.95), 1.6448536269514715, 1e-13);
  EXPECT_NEAR(normal_quantile(0.5), 0.0, 1e-15);
  EXPECT_NEAR(normal_quantile(0.001), -3.090232306167813, 1e-12);
  EXPECT_NEAR(normal_quantile(1e-10), -6.361340902404056, 1e-9);
  EXPECT_NEAR(normal_cdf(1.96), 0.9750021048517796, 1e-15);
}

TEST(Dist, UniformQuantileAndMean) {
  auto d = Dist::uniform(0.2, 0.6);
  EXPECT_DOUBLE_EQ(quantile(d, 0.25), 0.3);  // 0.2 + 0.25 * 0.4
  EXPECT_DOUBLE_EQ(mean(d), 0.4);
  EXPECT_EQ(support(d), std::make_pair(0.2, 0.6));
}

// Triangular(0, 0.25, 1): F(mode) = 0.25, so the 25 % quantile is the mode; the median is
// 1 - sqrt(0.5 * 1 * 0.75) = 0.387628 (inverse of F(x) = 1 - (1-x)^2 / 0.75 above the mode);
// the mean is (0 + 0.25 + 1) / 3.
TEST(Dist, TriangularQuantilesAndMean) {
  auto d = Dist::triangular(0, 0.25, 1);
  EXPECT_NEAR(quantile(d, 0.25), 0.25, 1e-15);
  EXPECT_NEAR(quantile(d, 0.5), 0.38762756430420553, 1e-15);
  EXPECT_NEAR(mean(d), 1.25 / 3, 1e-15);
}

// Lognormal(median 500, sigma 0.3): P95 = 500 exp(0.3 * 1.6448536) = 818.98, mean =
// 500 exp(0.3^2 / 2) = 523.01 (closed forms of the lognormal).
TEST(Dist, LognormalQuantileAndMean) {
  auto d = Dist::lognormal(500, 0.3);
  EXPECT_NEAR(quantile(d, 0.95), 818.9837042362095, 1e-9);
  EXPECT_NEAR(quantile(d, 0.5), 500, 1e-9);
  EXPECT_NEAR(mean(d), 523.0139299543584, 1e-9);
}

// A standard normal truncated to [0, inf) is the half-normal: mean sqrt(2/pi) = 0.797885, median
// = Phi^-1(0.75) = 0.674490. A lognormal(1, 1) truncated to [1, inf) has mean
// e^0.5 * (1 - Phi(-1)) / 0.5 = 2.774286.
TEST(Dist, TruncationKeepsClosedForms) {
  auto half = Dist::normal(0, 1, 0);
  EXPECT_NEAR(mean(half), std::sqrt(2 / M_PI), 1e-13);
  EXPECT_NEAR(quantile(half, 0.5), 0.6744897501960817, 1e-12);
  EXPECT_EQ(support(half).first, 0);
  auto ln = Dist::lognormal(1, 1, 1);
  EXPECT_NEAR(mean(ln), 2.7742859576700094, 1e-12);
}

// Choice 2026 (weight 3) or 2027 (weight 1): mean 2026.25; the 75 % quantile is still 2026.
TEST(Dist, ChoiceQuantilesAndMean) {
  auto d = Dist::choice({2027, 2026}, {1, 3});
  EXPECT_DOUBLE_EQ(mean(d), 2026.25);
  EXPECT_EQ(quantile(d, 0.75), 2026);
  EXPECT_EQ(quantile(d, 0.76), 2027);
  EXPECT_EQ(support(d), std::make_pair(2026.0, 2027.0));
}

// Sample moments agree with the closed forms within 4 standard errors (sd / sqrt(n)); the seed is
// fixed, so the test is deterministic.
TEST(Dist, SampleMomentsMatchClosedForms) {
  const int n = 200000;
  struct Case {
    Dist d;
    double sd;  // the distribution's standard deviation, closed form
  };
  std::vector<Case> cases = {
      {Dist::uniform(0.2, 0.6), 0.4 / std::sqrt(12.0)},
      {Dist::normal(-0.3, 0.1), 0.1},
      // triangular sd = sqrt((a^2 + b^2 + c^2 - ab - ac - bc) / 18)
      {Dist::triangular(0, 0.25, 1), std::sqrt((0 + 0.0625 + 1 - 0 - 0 - 0.25) / 18)},
      // lognormal sd = m sqrt(exp(s^2) - 1) with m its mean
      {Dist::lognormal(500, 0.3), 523.0139299543584 * std::sqrt(std::exp(0.09) - 1)},
      {Dist::choice({2026, 2027}, {3, 1}), std::sqrt(0.75 * 0.25)},
  };
  for (std::size_t k = 0; k < cases.size(); ++k) {
    Rng rng(42, 0, k);
    double sum = 0;
    for (int i = 0; i < n; ++i) sum += sample(cases[k].d, rng);
    EXPECT_NEAR(sum / n, mean(cases[k].d), 4 * cases[k].sd / std::sqrt(double(n)))
        << describe(cases[k].d);
  }
}

TEST(Rng, StreamsDependOnlyOnTheirKey) {
  Rng a(7, 3, 1), b(7, 3, 1), c(7, 4, 1), d(7, 3, 2);
  std::uint64_t x = a.next();
  EXPECT_EQ(x, b.next());
  EXPECT_NE(x, c.next());
  EXPECT_NE(x, d.next());
  std::set<std::uint64_t> seen;
  Rng e(1, 0);
  for (int i = 0; i < 1000; ++i) {
    double u = e.uniform();
    ASSERT_GT(u, 0.0);
    ASSERT_LT(u, 1.0);
    seen.insert(e.next());
  }
  EXPECT_EQ(seen.size(), 1000u);
}

std::optional<Dist> read(const std::string& text, const DeclaredRange& range, Diagnostics& diags) {
  toml::table t = toml::parse(std::string_view(text), std::string_view("s.toml"));
  return read_distribution(*t.get("x"), "s.toml", "policy[0].x", range, diags);
}

TEST(ReadDistribution, ReadsEachKind) {
  Diagnostics diags;
  DeclaredRange share{0, 1, false, ""};
  auto u = read("x = { dist = \"uniform\", min = 0.2, max = 0.6 }", share, diags);
  ASSERT_TRUE(u) << diags.str();
  EXPECT_EQ(u->kind, DistKind::Uniform);
  EXPECT_DOUBLE_EQ(mean(*u), 0.4);
  auto n = read("x = { dist = \"normal\", mean = 0.3, sd = 0.1, min = 0, max = 1 }", share, diags);
  ASSERT_TRUE(n) << diags.str();
  EXPECT_EQ(support(*n), std::make_pair(0.0, 1.0));
  auto f = read("x = 0.25", share, diags);
  ASSERT_TRUE(f);
  EXPECT_TRUE(f->is_fixed());
  DeclaredRange year{2024, 2050, true, "year"};
  auto c = read("x = { dist = \"choice\", values = [2026, 2027] }", year, diags);
  ASSERT_TRUE(c) << diags.str();
  EXPECT_EQ(c->values, (std::vector<double>{2026, 2027}));
  EXPECT_EQ(c->unit, "year");
  EXPECT_TRUE(diags.empty()) << diags.str();
}

// The inline table starts at column 5 ("x = " is four characters).
TEST(ReadDistribution, RejectsSupportOutsideTheDeclaredRange) {
  Diagnostics diags;
  EXPECT_FALSE(
      read("\nx = { dist = \"uniform\", min = 0.2, max = 1.2 }", {0, 1, false, ""}, diags));
  ASSERT_EQ(diags.size(), 1u);
  EXPECT_EQ(diags.items()[0].str(),
            "s.toml:2:5: policy[0].x: uniform(min 0.2, max 1.2) takes values in [0.2, 1.2], "
            "outside the declared range [0, 1]");
}

TEST(ReadDistribution, RejectsUnboundedSupportForABoundedParameter) {
  Diagnostics diags;
  EXPECT_FALSE(read("x = { dist = \"normal\", mean = 0.3, sd = 0.1 }", {0, 1, false, ""}, diags));
  ASSERT_EQ(diags.size(), 1u);
  EXPECT_NE(diags.str().find("unbounded"), std::string::npos) << diags.str();
}

// An unknown key is reported at its value (column 41).
TEST(ReadDistribution, ReportsBadKeysKindsUnitsAndWholeNumbers) {
  Diagnostics diags;
  EXPECT_FALSE(read("x = { dist = \"uniform\", min = 0.2, mx = 0.6 }", {}, diags));
  EXPECT_NE(diags.str().find("s.toml:1:41: policy[0].x.mx: unknown key for a uniform "
                             "distribution (did you mean \"max\"?)"),
            std::string::npos)
      << diags.str();
  Diagnostics d2;
  EXPECT_FALSE(read("x = { dist = \"unifrom\", min = 0, max = 1 }", {}, d2));
  EXPECT_NE(d2.str().find("(did you mean \"uniform\"?)"), std::string::npos) << d2.str();
  Diagnostics d3;
  EXPECT_FALSE(read("x = { dist = \"uniform\", min = 0, max = 1, unit = \"kt\" }",
                    {-10, 10, false, "t"}, d3));
  EXPECT_NE(d3.str().find("expected unit \"t\""), std::string::npos) << d3.str();
  Diagnostics d4;
  EXPECT_FALSE(
      read("x = { dist = \"uniform\", min = 2026, max = 2028 }", {2024, 2050, true, ""}, d4));
  EXPECT_NE(d4.str().find("expected whole numbers"), std::string::npos) << d4.str();
  Diagnostics d5;
  EXPECT_FALSE(read("x = { dist = \"triangular\", min = 0, mode = 2, max = 1 }", {}, d5));
  EXPECT_NE(d5.str().find("min <= mode <= max"), std::string::npos) << d5.str();
  Diagnostics d6;
  EXPECT_FALSE(read("x = \"0.3\"", {0, 1, false, ""}, d6));
  EXPECT_NE(d6.str().find("expected a number in [0, 1] or a distribution"), std::string::npos)
      << d6.str();
}

}  // namespace
}  // namespace rareflow
