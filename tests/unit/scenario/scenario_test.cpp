// Scenario files: the shipped ones load, inheritance adds policies, and malformed files give
// file:line:column: field: expected ..., found ... errors.
#include <filesystem>
#include <fstream>
#include <random>

#include <gtest/gtest.h>

#include "rareflow/scenario/scenario.hpp"

namespace rareflow::scenario {
namespace {

namespace fs = std::filesystem;

const Dataset& data() {
  static const Dataset d = value_or_throw(load_default_dataset());
  return d;
}

class TempDir {
 public:
  TempDir() {
    std::random_device rd;
    dir_ = fs::temp_directory_path() / ("rareflow_scn_" + std::to_string(rd()));
    fs::create_directories(dir_);
  }
  ~TempDir() { fs::remove_all(dir_); }
  std::string write(const std::string& name, const std::string& text) const {
    std::ofstream(dir_ / name) << text;
    return (dir_ / name).string();
  }

 private:
  fs::path dir_;
};

std::string errors_of(const std::string& path) {
  try {
    value_or_throw(load_scenario(path, data()));
  } catch (const InputError& e) {
    return e.what();
  }
  return "";
}

TEST(Scenario, ShippedScenariosLoad) {
  auto names = shipped_scenarios();
  EXPECT_EQ(names.size(), 6u);
  for (const auto& n : names) EXPECT_NO_THROW(value_or_throw(load_scenario(n, data()))) << n;
}

TEST(Scenario, InheritsFromBase) {
  Scenario s = value_or_throw(load_scenario("china-heavy-ree-licensing", data()));
  ASSERT_EQ(s.chain.size(), 2u);
  EXPECT_EQ(s.chain[0], "baseline");
  EXPECT_EQ(s.last_year, 2050);
  ASSERT_EQ(s.policies.size(), 1u);
  EXPECT_EQ(s.policies[0].kind, PolicyKind::ExportLicensing);
  EXPECT_DOUBLE_EQ(s.policies[0].numbers.at("share"), 0.25);
  EXPECT_DOUBLE_EQ(s.policies[0].start, 2025.26);
}

TEST(Scenario, UnknownKeyWithSuggestion) {
  TempDir t;
  auto p = t.write("a.toml",
                   "name = \"a\"\nbase = \"baseline\"\n\n[[policy]]\nkind = "
                   "\"export_quota\"\nregions = [\"CHN\"]\nquota_kt = 5\nsource = \"x\"\n");
  std::string e = errors_of(p);
  EXPECT_NE(e.find("a.toml:7:12: policy[0].quota_kt: unknown key (did you mean \"quota_t\"?)"),
            std::string::npos)
      << e;
  EXPECT_NE(e.find("policy[0].quota_t: expected quota_t for a export_quota"), std::string::npos)
      << e;
}

TEST(Scenario, UnknownRegion) {
  TempDir t;
  auto p =
      t.write("b.toml", "[[policy]]\nkind = \"export_ban\"\nregions = [\"CHA\"]\nsource = \"x\"\n");
  EXPECT_NE(errors_of(p).find("b.toml:3:11: policy[0].regions: expected a region id or bloc of "
                              "the data package, found \"CHA\" (did you mean \"CHN\"?)"),
            std::string::npos)
      << errors_of(p);
}

// Statuses are the data package's facility statuses, resolved at load.
TEST(Scenario, UnknownIncludeStatus) {
  TempDir t;
  auto p = t.write("s.toml", "include_statuses = [\"operating\", \"planed\"]\n");
  EXPECT_EQ(errors_of(p),
            p + ":1:20: include_statuses: expected one of operating, construction, planned, "
                "candidate, closed, found \"planed\" (did you mean \"planned\"?)\n");
  Scenario s = value_or_throw(load_scenario(
      t.write("u.toml", "include_statuses = [\"planned\", \"operating\"]\n"), data()));
  EXPECT_EQ(s.include_statuses,
            (std::vector<FacilityStatus>{FacilityStatus::Planned, FacilityStatus::Operating}));
}

TEST(Scenario, NegativeCapacityOverride) {
  TempDir t;
  auto p = t.write("c.toml",
                   "[[override]]\ntable = \"facilities\"\nid = \"lynas-malaysia\"\nset = "
                   "{ capacity = -5 }\nsource = \"x\"\n");
  EXPECT_NE(errors_of(p).find(
                "c.toml:4:20: override[0].set.capacity: expected a number in [0, 10000000] (t/yr "
                "(see unit)), found -5"),
            std::string::npos)
      << errors_of(p);
}

TEST(Scenario, YearsOutOfRange) {
  TempDir t;
  auto p = t.write("d.toml", "[years]\nfirst = 2010\nlast = 2050\n");
  EXPECT_NE(errors_of(p).find("years: expected 2024 <= first <= last <= 2100, found 2010..2050"),
            std::string::npos)
      << errors_of(p);
}

TEST(Scenario, InheritanceCycle) {
  TempDir t;
  t.write("x.toml", "name = \"x\"\nbase = \"y\"\n");
  auto p = t.write("y.toml", "name = \"y\"\nbase = \"x\"\n");
  EXPECT_NE(errors_of(p).find("base: inheritance cycle: y -> x -> y"), std::string::npos)
      << errors_of(p);
}

TEST(Scenario, UnknownBase) {
  TempDir t;
  auto p = t.write("e.toml", "base = \"basline\"\n");
  EXPECT_NE(errors_of(p).find("(did you mean \"baseline\"?)"), std::string::npos) << errors_of(p);
}

TEST(Scenario, ShareOutOfRangeAndUnknownElement) {
  TempDir t;
  auto p = t.write("f.toml",
                   "[[policy]]\nkind = \"export_licensing\"\nregions = \"CHN\"\nelements "
                   "= [\"Dy\", \"Tx\"]\nshare = 1.5\nsource = \"x\"\n");
  std::string e = errors_of(p);
  EXPECT_NE(e.find("policy[0].elements: expected an element symbol, found \"Tx\""),
            std::string::npos)
      << e;
  EXPECT_NE(
      e.find("f.toml:5:9: policy[0].share: expected a number in [0, 1] (fraction), found 1.5"),
      std::string::npos)
      << e;
}

TEST(Scenario, UnknownScenarioName) {
  try {
    value_or_throw(load_scenario("china-heavy-licensing", data()));
    FAIL();
  } catch (const InputError& e) {
    EXPECT_NE(std::string(e.what()).find("did you mean \"china-heavy-ree-licensing\""),
              std::string::npos)
        << e.what();
  }
}

TEST(Scenario, OverridesApplyAndRevalidate) {
  TempDir t;
  auto p = t.write("g.toml",
                   "base = \"baseline\"\n[[override]]\ntable = \"facilities\"\nid = "
                   "\"smz-separation\"\nset = { start_year = 2029, capacity = 2000 }\n"
                   "source = \"x\"\n");
  Scenario s = value_or_throw(load_scenario(p, data()));
  Dataset d = value_or_throw(apply_overrides(data(), s));
  bool found = false;
  for (const auto& f : d.facilities)
    if (f.id == "smz-separation") {
      found = true;
      EXPECT_EQ(f.start_year, 2029);
      EXPECT_DOUBLE_EQ(f.capacity, 2000);
    }
  EXPECT_TRUE(found);
}

}  // namespace
}  // namespace rareflow::scenario
