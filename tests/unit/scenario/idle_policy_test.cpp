// Policies that change no flow are named with the reason (issue 13, "Silent no-ops"). The
// quota of 10 Mt is about 25 times world mine production (390 kt REO in 2024, USGS MCS 2025),
// so it cannot bind; the shipped quota of 27,700 t (half of China's 2024 exports) does.
#include <filesystem>
#include <fstream>
#include <random>

#include <gtest/gtest.h>

#include "rareflow/scenario/market_adapter.hpp"

namespace rareflow::scenario {
namespace {

namespace fs = std::filesystem;

const Dataset& data() {
  static const Dataset d = value_or_throw(load_default_dataset());
  return d;
}

std::vector<IdlePolicy> idle_of(const std::string& policy, int first, int last) {
  std::random_device rd;
  auto dir = fs::temp_directory_path() / ("rareflow_idle_" + std::to_string(rd()));
  fs::create_directories(dir);
  std::ofstream(dir / "idle.toml") << "name = \"idle\"\nbase = \"baseline\"\n" << policy;
  Scenario s = value_or_throw(load_scenario((dir / "idle.toml").string(), data()));
  fs::remove_all(dir);
  RunOptions o;
  o.first_year = first;
  o.last_year = last;
  auto run = run_scenario(data(), s, o);
  EXPECT_TRUE(run.has_value()) << (run ? "" : run.error().message);
  if (!run) return {};
  auto idle = idle_policies(s, run->build.model, run->sim);
  // The run record carries the same warnings.
  for (const auto& w : idle)
    EXPECT_EQ(run->sim.table.record.entries.at("warning.policy." + w.name), w.why);
  return idle;
}

const std::string kQuota =
    "[[policy]]\nkind = \"export_quota\"\nname = \"q\"\nregions = [\"CHN\"]\n"
    "stages = [\"oxide\", \"metal\"]\nsource = \"test\"\n";

TEST(IdlePolicy, QuotaAboveAnyFlowIsNamed) {
  auto idle = idle_of(kQuota + "quota_t = 1e7\n", 2026, 2027);
  ASSERT_EQ(idle.size(), 1u);
  EXPECT_EQ(idle[0].name, "q");
  EXPECT_NE(idle[0].why.find("never binds"), std::string::npos) << idle[0].why;
}

TEST(IdlePolicy, BindingQuotaIsNotNamed) {
  EXPECT_TRUE(idle_of(kQuota + "quota_t = 27700\n", 2026, 2027).empty());
}

TEST(IdlePolicy, PolicyOutsideTheYearsIsNamed) {
  auto idle = idle_of(kQuota + "quota_t = 27700\nstart = 2040\n", 2026, 2027);
  ASSERT_EQ(idle.size(), 1u);
  EXPECT_EQ(idle[0].why, "not in force in any simulated year (2026..2027)");
}

}  // namespace
}  // namespace rareflow::scenario
