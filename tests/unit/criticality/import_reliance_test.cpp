#include <gtest/gtest.h>

#include "rareflow/criticality/import_reliance.hpp"

namespace rareflow::criticality {
namespace {

// IR = (I - E) / (P + I - E): (80 - 20) / (40 + 80 - 20) = 60 / 100 = 0.6.
TEST(ImportReliance, ByHand) {
  auto ir = import_reliance(40, 80, 20);
  ASSERT_TRUE(ir) << ir.error().message;
  EXPECT_DOUBLE_EQ(ir->value, 0.6);
  EXPECT_DOUBLE_EQ(ir->net_imports, 60.0);
  EXPECT_DOUBLE_EQ(ir->apparent_consumption, 100.0);
  EXPECT_FALSE(ir->clamped);
}

// No domestic production, no exports: everything consumed is imported, IR = 1.
TEST(ImportReliance, FullyImported) {
  EXPECT_DOUBLE_EQ(import_reliance(0, 50, 0)->value, 1.0);
}

// Net exporter: (10 - 30) / (100 + 10 - 30) = -20 / 80 = -0.25, clamped to 0.
TEST(ImportReliance, NetExporterClampedToZero) {
  auto ir = import_reliance(100, 10, 30);
  ASSERT_TRUE(ir);
  EXPECT_DOUBLE_EQ(ir->raw, -0.25);
  EXPECT_DOUBLE_EQ(ir->value, 0.0);
  EXPECT_TRUE(ir->clamped);
}

// Exports beyond production plus imports (stock draw-down): consumption 5 + 0 - 10 < 0, IR 0.
TEST(ImportReliance, NegativeApparentConsumption) {
  auto ir = import_reliance(5, 0, 10);
  ASSERT_TRUE(ir);
  EXPECT_DOUBLE_EQ(ir->value, 0.0);
  EXPECT_TRUE(ir->no_consumption);
  EXPECT_TRUE(ir->clamped);
}

TEST(ImportReliance, NothingAtAll) {
  auto ir = import_reliance(0, 0, 0);
  ASSERT_TRUE(ir);
  EXPECT_DOUBLE_EQ(ir->value, 0.0);
  EXPECT_TRUE(ir->no_consumption);
  EXPECT_FALSE(ir->clamped);
}

TEST(ImportReliance, NegativeInputIsAnError) {
  auto ir = import_reliance(10, -1, 0);
  ASSERT_FALSE(ir);
  EXPECT_EQ(ir.error().message, "imports is -1, expected a value >= 0");
}

}  // namespace
}  // namespace rareflow::criticality
