// share_pool on a case solved by hand.
#include <gtest/gtest.h>

#include "data/oxide_pool.hpp"

namespace rareflow::detail {
namespace {

ElementShares of(Element e, double t) {
  ElementShares a{};
  a[index(e)] = t;
  return a;
}

// Pool: A has 10 t Nd, B has 5 t Nd and 2 t Dy. Need: X 3 t Nd, Y 1 t Nd, nobody Dy.
// Nd goes 3/4 to X and 1/4 to Y from each origin: A->X 7.5, A->Y 2.5, B->X 3.75, B->Y 1.25;
// B's Dy, needed nowhere, goes to the remainder region R.
TEST(SharePool, ProportionalToNeedWithRemainder) {
  ElementShares b = of(Element::Nd, 5);
  b[index(Element::Dy)] = 2;
  auto out = share_pool({{"A", of(Element::Nd, 10)}, {"B", b}},
                        {{"X", of(Element::Nd, 3)}, {"Y", of(Element::Nd, 1)}}, "R");
  ASSERT_EQ(out.size(), 5u);
  auto nd = [](const PoolShare& s) { return s.t_reo[index(Element::Nd)]; };
  EXPECT_EQ(out[0].from + out[0].to, "AX");
  EXPECT_DOUBLE_EQ(nd(out[0]), 7.5);
  EXPECT_EQ(out[1].from + out[1].to, "AY");
  EXPECT_DOUBLE_EQ(nd(out[1]), 2.5);
  EXPECT_EQ(out[2].from + out[2].to, "BR");
  EXPECT_DOUBLE_EQ(out[2].t_reo[index(Element::Dy)], 2.0);
  EXPECT_EQ(out[3].from + out[3].to, "BX");
  EXPECT_DOUBLE_EQ(nd(out[3]), 3.75);
  EXPECT_EQ(out[4].from + out[4].to, "BY");
  EXPECT_DOUBLE_EQ(nd(out[4]), 1.25);
}

}  // namespace
}  // namespace rareflow::detail
