// Invalid models are refused with every problem named by its field.
#include <gtest/gtest.h>

#include "fixtures.hpp"
#include "rareflow/market/validate.hpp"

namespace rareflow::market {
namespace {

using namespace testing;

bool has_field(const Diagnostics& d, const std::string& field) {
  for (const auto& x : d.items())
    if (x.field == field) return true;
  return false;
}

TEST(Validate, GoodModelHasNoDiagnostics) {
  EXPECT_TRUE(validate(two_region_market(true, 1.0)).empty());
}

TEST(Validate, ReportsEveryProblemWithItsField) {
  auto m = two_region_market(true, 1.0);
  m.sources[0].capacity_t = -5.0;
  m.sources[1].distribution[index(Element::La)] = 0.5;  // sums to 1.5
  m.separation[0].region = 7;
  m.demands[0].steps.clear();
  m.demands[0].p0_usd_per_kg = 10.0;
  m.demands[0].elasticity = 0.3;
  m.demands[0].choke_usd_per_kg = 5.0;
  m.arcs.push_back(m.arcs[0]);
  m.policies.push_back(ExportQuota{"q", {}, {}, -1.0});
  m.policies.push_back(ExportBan{"q", {2030, 2025}, {{0}, {}, {}}});
  Diagnostics d = validate(m);
  EXPECT_TRUE(has_field(d, "sources[0].capacity_t"));
  EXPECT_TRUE(has_field(d, "sources[1].distribution"));
  EXPECT_TRUE(has_field(d, "separation[0].region"));
  EXPECT_TRUE(has_field(d, "demands[0].elasticity"));
  EXPECT_TRUE(has_field(d, "demands[0].choke_usd_per_kg"));
  EXPECT_TRUE(has_field(d, "arcs[2]"));
  EXPECT_TRUE(has_field(d, "policies[0].quota_t"));
  EXPECT_TRUE(has_field(d, "policies[0].scope.from"));  // an export quota names its exporter
  EXPECT_TRUE(has_field(d, "policies[1].name"));        // duplicate name
  EXPECT_TRUE(has_field(d, "policies[1].period"));
  EXPECT_EQ(d.size(), 10u) << d.str();
  auto eng = MarketEngine::create(m);
  ASSERT_FALSE(eng.has_value());
  EXPECT_NE(eng.error().message.find("sources[0].capacity_t: expected a number >= 0"),
            std::string::npos)
      << eng.error().message;
}

TEST(Validate, StockpileAndFloorRules) {
  auto m = two_region_market(true, 1.0);
  m.policies.push_back(
      StockpileProgram{"sp", {}, 0, Commodity::concentrate(0), 0, 0, 20, 10, 15, 0, 0});
  m.policies.push_back(PriceFloor{"pf", {}, 9, {}, 0.0});
  Diagnostics d = validate(m);
  EXPECT_TRUE(has_field(d, "policies[0].commodity"));
  EXPECT_TRUE(has_field(d, "policies[0].release_trigger_usd_per_kg"));
  EXPECT_TRUE(has_field(d, "policies[1].plant"));
  EXPECT_TRUE(has_field(d, "policies[1].elements"));
  EXPECT_TRUE(has_field(d, "policies[1].floor_usd_per_kg"));
}

}  // namespace
}  // namespace rareflow::market
