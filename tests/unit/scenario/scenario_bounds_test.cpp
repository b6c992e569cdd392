// Scenario values that were accepted silently or crashed the market LP (issue 13): each must
// now be an input error naming file:line:column, the key, and what was expected.
#include <algorithm>
#include <filesystem>
#include <fstream>
#include <random>

#include <fmt/format.h>
#include <gtest/gtest.h>

#include "doc_section.hpp"
#include "rareflow/scenario/scenario.hpp"

namespace rareflow::scenario {
namespace {

namespace fs = std::filesystem;

const Dataset& data() {
  static const Dataset d = value_or_throw(load_default_dataset());
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
    value_or_throw(load_scenario(path.string(), data()));
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
            "t.toml:4:8: years.last: expected a whole year in 1800..2300, found float nan\n");
  EXPECT_EQ(errors_of(kHead + "[years]\nlast = \"2030\"\n"),
            "t.toml:4:8: years.last: expected a whole year in 1800..2300, found string \"2030\"\n");
  EXPECT_EQ(errors_of(kHead + "[years]\nfirst = inf\n"),
            "t.toml:4:9: years.first: expected a whole year in 1800..2300, found float inf\n");
  // Was truncated to 2030 by a cast to int.
  EXPECT_EQ(errors_of(kHead + "[years]\nlast = 4294969326\n"),
            "t.toml:4:8: years.last: expected a whole year in 1800..2300, found 4294969326\n");
  EXPECT_EQ(errors_of(kHead + "[years]\nlast = 2030\n"), "");
}

TEST(ScenarioBounds, NameAndBaseMustBeStrings) {
  EXPECT_EQ(errors_of("name = 1e308\nbase = \"baseline\"\n"),
            "t.toml:1:8: name: expected a string, found float 1e+308\n");
  EXPECT_EQ(errors_of("name = \"t\"\nbase = nan\n"),
            "t.toml:2:8: base: expected the name or path of a base scenario, found float nan\n");
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
  // Each kind's table declares every number it takes with a unit, a range and a meaning.
  for (const auto& k : kinds())
    for (const auto& p : k.params) {
      EXPECT_FALSE(p.unit.empty()) << k.name << "." << p.key;
      EXPECT_FALSE(p.description.empty()) << k.name << "." << p.key;
      EXPECT_LT(p.min, p.max) << k.name << "." << p.key;
      EXPECT_TRUE(p.required || p.default_value || p.key == "release_trigger_usd_per_kg")
          << k.name << "." << p.key;
    }
}

// kind_spec() indexes the table by the enum, and names are unique.
TEST(ScenarioBounds, KindTableIsInEnumOrder) {
  for (std::size_t i = 0; i < kinds().size(); ++i) {
    EXPECT_EQ(kinds()[i].kind, static_cast<PolicyKind>(i)) << kinds()[i].name;
    EXPECT_EQ(find_kind(kinds()[i].name), &kinds()[i]);
  }
  EXPECT_EQ(kinds().back().kind, PolicyKind::ProjectDelay);
}

// One test per kind's declared table: each of its numbers, set above its range, is refused with
// file:line:column, the key, the unit and the range; the others keep valid values.
class PolicyKindTable : public testing::TestWithParam<std::string> {};

TEST_P(PolicyKindTable, ValueOutsideItsRangeIsRefused) {
  const KindSpec* kind = find_kind(GetParam());
  ASSERT_NE(kind, nullptr);
  for (const auto& bad : kind->params) {
    std::string text = kHead + "[[policy]]\nkind = \"" + kind->name +
                       "\"\nsource = \"test\"\nregions = [\"CHN\"]\n";
    for (const auto& p : kind->params)
      if (p.required && p.key != bad.key) text += p.key + " = " + fmt::format("{}", p.max) + "\n";
    const int line = static_cast<int>(std::count(text.begin(), text.end(), '\n')) + 1;
    const double value = bad.max * 2 + 1;
    text += fmt::format("{} = {}\n", bad.key, value);
    EXPECT_EQ(
        errors_of(text),
        fmt::format("t.toml:{}:{}: policy[0].{}: expected a {} in [{}, {}] ({}), found {}\n", line,
                    bad.key.size() + 4, bad.key, "number", bad.min, bad.max, bad.unit, value));
  }
}

std::vector<std::string> kind_names() {
  std::vector<std::string> out;
  for (const auto& k : kinds())
    if (!k.params.empty()) out.push_back(k.name);
  return out;
}

INSTANTIATE_TEST_SUITE_P(Kinds, PolicyKindTable, testing::ValuesIn(kind_names()),
                         [](const auto& p) { return p.param; });

// docs/model.md lists every kind's table as the code declares it.
TEST(ScenarioBounds, DocsListEveryKindTable) {
  std::string md;
  for (const auto& k : kinds())
    md += fmt::format("\n`{}`{}:{}", k.name, k.needs_regions ? " (needs `regions`)" : "",
                      k.params.empty() ? " no numbers.\n" : "\n\n" + params_markdown(k.params));
  test::expect_doc_section("model.md", "policy parameters", md + "\n");
}

// The example: 50 meant as 50 % was a 5,000 % tariff.
TEST(ScenarioBounds, AdValoremInPercentIsRefused) {
  EXPECT_EQ(errors_of(kHead + "[[policy]]\nkind = \"import_tariff\"\nsource = \"test\"\n"
                              "regions = [\"USA\"]\nad_valorem = 50\n"),
            "t.toml:7:14: policy[0].ad_valorem: expected a number in [0, 3] (fraction of price, "
            "0.25 = 25 %), found 50\n");
}

}  // namespace
}  // namespace rareflow::scenario
