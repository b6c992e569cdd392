#include <gtest/gtest.h>

#include <cmath>
#include <fstream>
#include <iterator>
#include <set>

#include "rareflow/sweep/sweep.hpp"

namespace rareflow::sweep {
namespace {

namespace fs = std::filesystem;

fs::path scratch(const std::string& name) {
  fs::path dir = fs::temp_directory_path() / "rareflow_sweep_test";
  fs::create_directories(dir);
  return dir / name;
}

std::string bytes(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

// The toy model: y = x1 + x2 and z = x1 + 2 x2.
Result<std::vector<double>> toy(std::size_t, const std::vector<double>& x) {
  return std::vector<double>{x[0] + x[1], x[0] + 2 * x[1]};
}

const std::vector<Input> kToyInputs = {{"x1", Dist::uniform(0, 1)}, {"x2", Dist::uniform(0, 1)}};

// y = x1 + x2 with independent U(0, 1) inputs has the triangular density on [0, 2] with mode 1:
// F^-1(p) = sqrt(2p) for p <= 1/2 and 2 - sqrt(2(1 - p)) above (convolution of two uniforms).
// The Monte Carlo standard error of the p-quantile is sqrt(p(1 - p) / n) / f(q); the test allows
// four of them (seed fixed, so it is deterministic).
TEST(Sweep, ToyModelPercentilesMatchTheClosedForm) {
  const std::size_t n = 4000;
  auto plan = sample_plan(kToyInputs, 2026, n);
  auto store = run_all(plan, toy, 2, {2, scratch("toy.bin")});
  ASSERT_TRUE(store) << store.error().message;
  auto stats = statistics(*store);
  ASSERT_TRUE(stats);
  const Stats& y = (*stats)[0];
  EXPECT_EQ(y.runs, n);
  auto q = [](double p) { return p <= 0.5 ? std::sqrt(2 * p) : 2 - std::sqrt(2 * (1 - p)); };
  auto tol = [&](double p) {
    double f = q(p) <= 1 ? q(p) : 2 - q(p);  // the density at the quantile
    return 4 * std::sqrt(p * (1 - p) / static_cast<double>(n)) / f;
  };
  EXPECT_NEAR(y.p5, q(0.05), tol(0.05));   // 0.3162
  EXPECT_NEAR(y.p25, q(0.25), tol(0.25));  // 0.7071
  EXPECT_NEAR(y.p50, 1.0, tol(0.5));
  EXPECT_NEAR(y.p75, q(0.75), tol(0.75));  // 1.2929
  EXPECT_NEAR(y.p95, q(0.95), tol(0.95));  // 1.6838
  // mean 1, sd sqrt(2/12): four standard errors
  EXPECT_NEAR(y.mean, 1.0, 4 * std::sqrt(2.0 / 12 / static_cast<double>(n)));
}

// z = x1 + 2 x2: var = 1/12 + 4/12, so x2 explains 4/5 and x1 1/5 of it, and R^2 = 1. The fit is
// exact, so SRC_i = b_i sd(x_i) / sd(z) with b = (1, 2) and the sample's standard deviations;
// against the population shares the sample variances of 2,000 uniforms (relative standard error
// sqrt(0.8 / 2000) = 2 %) move the shares by up to about 0.05.
TEST(Sweep, ExplainRanksInputsByExplainedVariance) {
  auto plan = sample_plan(kToyInputs, 7, 2000);
  std::vector<double> z, x1, x2;
  for (const auto& x : plan.values) {
    z.push_back(x[0] + 2 * x[1]);
    x1.push_back(x[0]);
    x2.push_back(x[1]);
  }
  auto sd = [](const std::vector<double>& v) {
    double m = 0, ss = 0;
    for (double x : v) m += x / static_cast<double>(v.size());
    for (double x : v) ss += (x - m) * (x - m);
    return std::sqrt(ss / static_cast<double>(v.size() - 1));
  };
  double r2 = 0;
  auto s = explain(plan, z, &r2);
  ASSERT_TRUE(s) << s.error().message;
  ASSERT_EQ(s->size(), 2u);
  EXPECT_EQ((*s)[0].input, "x2");
  EXPECT_NEAR((*s)[0].src, 2 * sd(x2) / sd(z), 1e-9);
  EXPECT_NEAR((*s)[1].src, sd(x1) / sd(z), 1e-9);
  EXPECT_NEAR((*s)[0].share, 0.8, 0.05);
  EXPECT_NEAR((*s)[1].share, 0.2, 0.05);
  EXPECT_NEAR(r2, 1.0, 1e-9);
}

TEST(Sweep, SameSeedGivesIdenticalBytesWithOneAndTwoThreads) {
  auto plan = sample_plan(kToyInputs, 99, 501);
  auto one = run_all(plan, toy, 2, {1, scratch("t1.bin")});
  auto two = run_all(plan, toy, 2, {2, scratch("t2.bin")});
  ASSERT_TRUE(one && two);
  EXPECT_EQ(bytes(one->file()), bytes(two->file()));
  EXPECT_EQ(bytes(one->file()).size(), 501u * 2 * sizeof(double));
  // A run's inputs depend only on the seed and its index.
  auto again = sample_plan(kToyInputs, 99, 3);
  EXPECT_EQ(again.values[2], plan.values[2]);
  EXPECT_NE(sample_plan(kToyInputs, 100, 3).values[2], plan.values[2]);
}

TEST(Sweep, GridVisitsEachPointOnce) {
  auto share = parse_grid("share=0.2:0.6:5");
  auto el = parse_grid("elasticity=-0.2,-0.4");
  ASSERT_TRUE(share && el);
  ASSERT_EQ(share->values.size(), 5u);
  for (std::size_t k = 0; k < 5; ++k)
    EXPECT_NEAR(share->values[k], 0.2 + 0.1 * static_cast<double>(k), 1e-15);
  auto plan = grid_plan({*share, *el});
  ASSERT_EQ(plan.runs(), 10u);
  std::set<std::vector<double>> seen(plan.values.begin(), plan.values.end());
  EXPECT_EQ(seen.size(), 10u);
  for (double s : share->values)
    for (double e : el->values) EXPECT_TRUE(seen.contains({s, e})) << s << " " << e;
  EXPECT_FALSE(parse_grid("share=0.2:0.6"));
  EXPECT_FALSE(parse_grid("share=a,b"));
  EXPECT_FALSE(parse_grid("=1,2"));
}

TEST(Sweep, FailedRunsAreRecordedNotDropped) {
  auto plan = sample_plan(kToyInputs, 1, 10);
  Model m = [](std::size_t run, const std::vector<double>& x) -> Result<std::vector<double>> {
    if (run == 3) return fail("infeasible");
    return toy(run, x);
  };
  auto store = run_all(plan, m, 2, {2, scratch("fail.bin")});
  ASSERT_TRUE(store);
  ASSERT_EQ(store->failures.size(), 1u);
  EXPECT_EQ(store->failures[0], std::make_pair(std::size_t{3}, std::string("infeasible")));
  auto stats = statistics(*store, 1);
  ASSERT_TRUE(stats);
  EXPECT_EQ((*stats)[0].runs, 9u);
  auto row = store->row(4);
  ASSERT_TRUE(row);
  EXPECT_EQ((*row)[1], plan.values[4][0] + 2 * plan.values[4][1]);
}

}  // namespace
}  // namespace rareflow::sweep
