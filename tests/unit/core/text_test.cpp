#include <gtest/gtest.h>

#include "rareflow/core/text.hpp"

namespace rareflow {
namespace {

TEST(Text, CaseAndJoin) {
  EXPECT_EQ(lower("Value [KT]"), "value [kt]");
  EXPECT_EQ(upper("chn"), "CHN");
  EXPECT_EQ(join({"a", "b", "c"}), "a, b, c");
  EXPECT_EQ(join({"a", "b"}, ","), "a,b");
  EXPECT_EQ(join({}), "");
  EXPECT_TRUE(is_blank('\t'));
  EXPECT_FALSE(is_blank('\n'));
}

}  // namespace
}  // namespace rareflow
