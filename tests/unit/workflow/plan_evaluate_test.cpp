// commit_roadmap: how a plan's roadmap becomes market facilities (no data package needed).
#include "rareflow/workflow/plan_evaluate.hpp"

#include <gtest/gtest.h>

namespace rareflow::workflow {
namespace {

using market::FacilityKind;

// Two regions; RUS has an operating mine aggregate, an announced separation plant (online 2027)
// and a candidate module; CHN makes NdFeB magnets at 10 USD/kg.
market::MarketModel small_market() {
  market::MarketModel m;
  m.regions = {{"CHN", {}, 0.0}, {"RUS", {}, 0.0}};
  market::ElementArray ore{};
  ore[index(Element::La)] = 1.0;
  m.sources.push_back({{"RUS-ore", 1, 2500.0, 3.0, {}}, ore});
  market::Lifecycle announced;
  announced.online_year = 2027;
  m.separation.push_back({{"smz", 1, 2500.0, 5.0, announced}, ore});
  market::Lifecycle candidate;
  candidate.candidate = true;
  m.separation.push_back({{"RUS-module", 1, 5000.0, 5.0, candidate}, ore});
  m.magnet_types.push_back({"NdFeB", {}});
  m.magnet.push_back({{"CHN-magnets", 0, 100000.0, 10.0, {}}, 0});
  return m;
}

plan::PlanModel small_plan() {
  plan::PlanModel p;
  p.name = "test";
  p.region = "RUS";
  plan::Deposit dep;
  dep.id = "ore";
  dep.distribution[index(Element::La)] = 0.3;
  dep.distribution[index(Element::Ce)] = 0.5;
  dep.distribution[index(Element::Nd)] = 0.2;
  p.deposits.push_back(dep);
  plan::Project mine;
  mine.id = "mine";
  mine.type = plan::ProjectType::Mine;
  mine.deposit = "ore";
  mine.variable_cost = 4.0;
  mine.ramp = {0.5, 0.8};
  plan::Project sep;
  sep.id = "sep";
  sep.type = plan::ProjectType::Separation;
  sep.deposits = {"ore"};
  sep.elements = {Element::Nd};
  sep.recovery = 0.9;
  sep.variable_cost = 5.0;
  plan::Project mag;
  mag.id = "mag";
  mag.type = plan::ProjectType::Magnet;
  mag.magnet = "NdFeB";
  mag.variable_cost = 6.0;
  plan::Project rec;
  rec.id = "rec";
  rec.type = plan::ProjectType::Recycling;
  p.projects = {mine, sep, mag, rec};
  return p;
}

plan::RoadmapBuild entry(const std::string& project, plan::ProjectType type, int decision,
                         int online, double capacity) {
  plan::RoadmapBuild e;
  e.project = project;
  e.type = type;
  e.decision_year = decision;
  e.online_year = online;
  e.modules = 1;
  e.capacity = capacity;
  return e;
}

TEST(CommitRoadmap, AddsOneFacilityPerBuildInTheFocusRegion) {
  auto m = small_market();
  auto plan = small_plan();
  plan::Roadmap road;
  road.entries = {entry("mine", plan::ProjectType::Mine, 2025, 2028, 1000.0),
                  entry("sep", plan::ProjectType::Separation, 2025, 2027, 180.0),
                  entry("mag", plan::ProjectType::Magnet, 2026, 2029, 500.0),
                  entry("rec", plan::ProjectType::Recycling, 2026, 2028, 100.0)};
  auto notes = commit_roadmap(m, 2024, plan, road);
  ASSERT_TRUE(notes) << notes.error().message;

  // The base-year aggregate stays; the announced plant and the candidate get no capacity.
  EXPECT_DOUBLE_EQ(m.sources[0].capacity_t, 2500.0);
  EXPECT_DOUBLE_EQ(m.separation[0].capacity_t, 0.0);
  EXPECT_DOUBLE_EQ(m.separation[1].capacity_t, 0.0);
  EXPECT_FALSE(m.separation[1].life.candidate);

  // Mine: the plan's capacity, deposit shares and cost (same basis); ramp 0.5 first -> 2 years.
  ASSERT_EQ(m.sources.size(), 2u);
  const auto& s = m.sources[1];
  EXPECT_EQ(s.id, "plan-mine-2025");
  EXPECT_EQ(s.region, 1u);
  EXPECT_DOUBLE_EQ(s.capacity_t, 1000.0);
  EXPECT_DOUBLE_EQ(s.unit_cost_usd_per_kg, 4.0);
  EXPECT_DOUBLE_EQ(s.distribution[index(Element::Ce)], 0.5);
  EXPECT_EQ(s.life.online_year, 2028);
  EXPECT_EQ(s.life.ramp_years, 2);

  // Separation: yield on its feed = 0.2 Nd x 0.9 recovery = 0.18 t oxide per t feed, so
  // 180 t oxide/yr = 1000 t feed/yr and 5 USD/kg oxide = 0.9 USD/kg feed.
  ASSERT_EQ(m.separation.size(), 3u);
  const auto& sep = m.separation[2];
  EXPECT_NEAR(sep.capacity_t, 1000.0, 1e-9);
  EXPECT_NEAR(sep.unit_cost_usd_per_kg, 0.9, 1e-12);
  EXPECT_DOUBLE_EQ(sep.recovery[index(Element::Nd)], 0.9);
  EXPECT_DOUBLE_EQ(sep.recovery[index(Element::La)], 0.0);
  EXPECT_EQ(sep.life.online_year, 2027);

  // Magnet: NdFeB type, the market's making cost (10), not the plan's conversion cost (6).
  ASSERT_EQ(m.magnet.size(), 2u);
  EXPECT_EQ(m.magnet[1].type, 0u);
  EXPECT_DOUBLE_EQ(m.magnet[1].capacity_t, 500.0);
  EXPECT_DOUBLE_EQ(m.magnet[1].unit_cost_usd_per_kg, 10.0);
  EXPECT_EQ(m.magnet[1].life.online_year, 2029);

  // Recycling is skipped, and said so.
  bool skipped = false;
  for (const auto& n : *notes) skipped = skipped || n.find("plan-rec-2026") != std::string::npos;
  EXPECT_TRUE(skipped);
}

TEST(CommitRoadmap, FailsWhenTheRegionIsNotInTheMarket) {
  auto m = small_market();
  auto plan = small_plan();
  plan.region = "XYZ";
  auto r = commit_roadmap(m, 2024, plan, {});
  ASSERT_FALSE(r);
  EXPECT_NE(r.error().message.find("XYZ"), std::string::npos);
}

}  // namespace
}  // namespace rareflow::workflow
