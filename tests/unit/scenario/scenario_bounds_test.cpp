// Scenario values that were accepted silently or crashed the market LP (issue 13): each must
// now be an input error naming file:line:column, the key, and what was expected.
#include <filesystem>
#include <fstream>
#include <random>

#include <gtest/gtest.h>

#include "rareflow/scenario/scenario.hpp"

namespace rareflow::scenario {
namespace {

namespace fs = std::filesystem;

const Dataset& data() {
  static const Dataset d = load_default_dataset();
  return d;
}

// Loads `text` from a scratch file named t.toml and returns the error text ("" if it loads).
std::string errors_of(const std::string& text) {
  std::random_device rd;
  auto dir = fs::temp_directory_path() / ("rareflow_scnb_" + std::to_string(rd()));
  fs::create_directories(dir);
  auto path = dir / "t.toml";
  std::ofstream(path) << text;
  std::string out;
  try {
    load_scenario(path.string(), data());
  } catch (const InputError& e) {
    out = e.what();
  }
  fs::remove_all(dir);
  // Messages name the file by its path; keep only what follows the directory.
  for (auto p = out.find(dir.string() + "/"); p != std::string::npos;
       p = out.find(dir.string() + "/"))
    out.erase(p, dir.string().size() + 1);
  return out;
}

const std::string kHead = "name = \"t\"\nbase = \"baseline\"\n";

TEST(ScenarioBounds, YearsMustBeWholeYears) {
  EXPECT_EQ(errors_of(kHead + "[years]\nlast = nan\n"),
            "t.toml:4:8: years.last: expected a whole year in 1800..2300, found a number\n");
  EXPECT_EQ(errors_of(kHead + "[years]\nlast = \"2030\"\n"),
            "t.toml:4:8: years.last: expected a whole year in 1800..2300, found a string\n");
  EXPECT_EQ(errors_of(kHead + "[years]\nfirst = inf\n"),
            "t.toml:4:9: years.first: expected a whole year in 1800..2300, found a number\n");
  // Was truncated to 2030 by a cast to int.
  EXPECT_EQ(errors_of(kHead + "[years]\nlast = 4294969326\n"),
            "t.toml:4:8: years.last: expected a whole year in 1800..2300, found 4294969326\n");
  EXPECT_EQ(errors_of(kHead + "[years]\nlast = 2030\n"), "");
}

TEST(ScenarioBounds, NameAndBaseMustBeStrings) {
  EXPECT_EQ(errors_of("name = 1e308\nbase = \"baseline\"\n"),
            "t.toml:1:8: name: expected a string, found a number\n");
  EXPECT_EQ(errors_of("name = \"t\"\nbase = nan\n"),
            "t.toml:2:8: base: expected the name or path of a base scenario, found a number\n");
  // A 100 kB name ran 78 s and wrote a 2.5 GB results.csv; a 300-character one is refused.
  std::string e = errors_of("name = \"" + std::string(300, 'x') + "\"\nbase = \"baseline\"\n");
  EXPECT_NE(e.find("t.toml:1:8: name: expected 1 to 200 characters"), std::string::npos) << e;
  EXPECT_LT(e.size(), 300u);
}

std::string floor_policy(const std::string& value) {
  return kHead +
         "[[policy]]\nkind = \"price_floor\"\nfacilities = [\"mp-separation\"]\n"
         "floor_usd_per_kg = " +
         value + "\nsource = \"dod-mp-2025\"\n";
}

TEST(ScenarioBounds, PolicyNumbersInTheirDeclaredRange) {
  EXPECT_EQ(errors_of(floor_policy("110")), "");
  // 1e26 aborted Clp (createRim: fabs(obj[i]) < 1.0e25); 1e20 gave "solver status infeasible".
  EXPECT_EQ(errors_of(floor_policy("1e26")),
            "t.toml:6:20: policy[0].floor_usd_per_kg: expected a number in [0, 100000] "
            "(USD/kg), found 1e+26\n");
  EXPECT_NE(errors_of(floor_policy("1e20")).find("t.toml:6:20: policy[0].floor_usd_per_kg"),
            std::string::npos);
  // NaN reached the market adapter ("invalid (an adapter bug)").
  EXPECT_NE(errors_of(floor_policy("nan")).find("t.toml:6:20: policy[0].floor_usd_per_kg"),
            std::string::npos);
  EXPECT_NE(errors_of(floor_policy("\"110\"")).find("found a string"), std::string::npos);
}

TEST(ScenarioBounds, PolicyDatesAndSettingsMustBeFinite) {
  EXPECT_NE(errors_of(floor_policy("110") + "start = nan\n").find("policy[0].start"),
            std::string::npos);
  EXPECT_NE(errors_of(kHead + "[settings]\nhurdle_rate = nan\n").find("settings.hurdle_rate"),
            std::string::npos);
}

TEST(ScenarioBounds, EveryPolicyNumberHasADeclaredRange) {
  // One declared table covers every number a kind takes, so none falls back to the default.
  for (const auto& k : kinds())
    for (const auto& n : k.numbers)
      EXPECT_NE(find_param(policy_params(), n), nullptr) << k.kind << "." << n;
}

}  // namespace
}  // namespace rareflow::scenario
