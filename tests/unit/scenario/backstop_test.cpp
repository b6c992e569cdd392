// Issue 12 acceptance: no price of any shipped scenario, in any year, region or commodity,
// sits at a demand's backstop (the old 10x choke set Tb and Y prices exactly at the cap).
#include <cmath>

#include "adapter_fixtures.hpp"

namespace rareflow::scenario {
namespace {

using namespace testing;

TEST(Backstop, NoShippedScenarioPriceEqualsABackstop) {
  for (const char* name :
       {"baseline", "china-export-quota", "china-heavy-ree-licensing", "myanmar-disruption",
        "russia-announced-projects", "us-ndpr-price-floor"}) {
    SCOPED_TRACE(name);
    const auto& run = run_of(name);
    const auto& m = run.build.model;
    const auto set = m.commodities();
    int checked = 0;
    for (const auto& y : run.sim.years)
      for (const auto& d : m.demands) {
        double p = y.at(y.price, set.index(d.commodity), d.region);
        if (std::isnan(p)) continue;
        ++checked;
        // A price at the backstop would be within rounding of it; below it by a step at least.
        EXPECT_LT(p, 0.999 * d.choke_usd_per_kg)
            << y.year << " " << m.regions[d.region].id << " " << m.commodity_label(d.commodity);
        EXPECT_EQ(y.backstop_t.size(), m.demands.size());
      }
    EXPECT_GT(checked, 0);
    // Nothing given up at the backstop either (it is far above any price reached).
    for (const auto& y : run.sim.years)
      for (double b : y.backstop_t) EXPECT_LT(b, 1e-6) << y.year;
  }
}

}  // namespace
}  // namespace rareflow::scenario
