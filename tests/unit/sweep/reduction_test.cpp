#include <gtest/gtest.h>

#include <cmath>

#include "rareflow/core/random.hpp"
#include "rareflow/sweep/reduction.hpp"

namespace rareflow::sweep {
namespace {

// Four equally likely futures on a line, 0, 1, 2 and 10, reduced to two. By hand (fast forward
// selection): first pick, the summed distance p|x_k - x_u| is 3.25 (u=0), 2.75 (u=1), 2.75
// (u=2), 6.75 (u=10): x=1 wins the tie by index. Second pick, with distances to x=1 of
// (1, 0, 1, 9): u=0 leaves (1 + 9)/4 = 2.5, u=2 leaves (1 + 8)/4 = 2.25, u=10 leaves
// (1 + 1)/4 = 0.5: x=10. 0 and 2 go to 1, so the probabilities are 0.75 and 0.25, the
// Kantorovich distance is (1 + 1)/4 = 0.5, and the mean 0.75 x 1 + 0.25 x 10 = 3.25 equals the
// full mean 13/4 (the deleted futures sit symmetrically about x=1).
TEST(Reduction, FastForwardSelectionOnAHandSolvedLine) {
  std::vector<std::vector<double>> x = {{0}, {1}, {2}, {10}};
  std::vector<double> p(4, 0.25);
  auto r = reduce_fast_forward(x, p, 2);
  ASSERT_TRUE(r) << r.error().message;
  EXPECT_EQ(r->kept, (std::vector<std::size_t>{1, 3}));
  EXPECT_DOUBLE_EQ(r->probability[0], 0.75);
  EXPECT_DOUBLE_EQ(r->probability[1], 0.25);
  EXPECT_EQ(r->represented_by, (std::vector<std::size_t>{0, 0, 0, 1}));
  EXPECT_DOUBLE_EQ(r->distance, 0.5);
  EXPECT_DOUBLE_EQ(weighted_mean(x, r->probability, &*r)[0], 3.25);
  EXPECT_DOUBLE_EQ(weighted_mean(x, p)[0], 3.25);
}

// Groups are never merged. Futures 0 and 1 (group 0), 5 and 6 (group 1), each 0.25, to two:
// both first candidates leave one group (0.5) uncovered and a distance of 0.25, so x=0 (lowest
// index); then x=5 covers group 1 (x=6 ties, higher index). Each group keeps its 0.5. The mean
// moves from 3 to 2.5, by exactly the Kantorovich distance 0.25 x 1 + 0.25 x 1 = 0.5: the
// bound |change of mean| <= D is tight here.
TEST(Reduction, GroupsKeepTheirProbabilityAndTheMeanMovesAtMostD) {
  std::vector<std::vector<double>> x = {{0}, {1}, {5}, {6}};
  std::vector<double> p(4, 0.25);
  auto r = reduce_fast_forward(x, p, 2, {0, 0, 1, 1});
  ASSERT_TRUE(r) << r.error().message;
  EXPECT_EQ(r->kept, (std::vector<std::size_t>{0, 2}));
  EXPECT_DOUBLE_EQ(r->probability[0], 0.5);
  EXPECT_DOUBLE_EQ(r->probability[1], 0.5);
  EXPECT_DOUBLE_EQ(r->distance, 0.5);
  EXPECT_DOUBLE_EQ(weighted_mean(x, r->probability, &*r)[0], 2.5);
  // Fewer representatives than groups is refused.
  auto bad = reduce_fast_forward(x, p, 1, {0, 0, 1, 1});
  ASSERT_FALSE(bad);
  EXPECT_NE(bad.error().message.find("keep at least 2"), std::string::npos);
  EXPECT_FALSE(reduce_fast_forward(x, p, 0));
  EXPECT_FALSE(reduce_fast_forward(x, p, 5));
}

// 200 random 3-D futures to 10: probabilities sum to 1 (to round-off), every coordinate's mean
// moves by at most D, and keeping all of them changes nothing (D = 0, the mean exactly).
TEST(Reduction, ProbabilitiesSumToOneAndTheMeanStaysWithinTheDistance) {
  std::vector<std::vector<double>> x;
  for (std::size_t j = 0; j < 200; ++j) {
    Rng rng(7, j);
    x.push_back({rng.uniform(), 3 * rng.uniform(), rng.uniform() * rng.uniform()});
  }
  std::vector<double> p(200, 1.0 / 200);
  auto r = reduce_fast_forward(x, p, 10);
  ASSERT_TRUE(r);
  double sum = 0;
  for (double q : r->probability) sum += q;
  EXPECT_NEAR(sum, 1.0, 1e-12);
  EXPECT_GT(r->distance, 0.0);
  auto full = weighted_mean(x, p), reduced = weighted_mean(x, r->probability, &*r);
  for (std::size_t c = 0; c < 3; ++c) EXPECT_LE(std::abs(full[c] - reduced[c]), r->distance);
  auto all = reduce_fast_forward(x, p, 200);
  ASSERT_TRUE(all);
  EXPECT_EQ(all->distance, 0.0);
  EXPECT_EQ(weighted_mean(x, all->probability, &*all), full);
}

}  // namespace
}  // namespace rareflow::sweep
