// Scenario numbers given as distributions: recorded as inputs, checked against the parameter's
// declared range with file:line:column, and set back by a sweep.
#include <filesystem>
#include <fstream>

#include <gtest/gtest.h>

#include "rareflow/scenario/inputs.hpp"

namespace rareflow::scenario {
namespace {

namespace fs = std::filesystem;

const Dataset& data() {
  static const Dataset d = value_or_throw(load_default_dataset());
  return d;
}

std::string write(const std::string& name, const std::string& text) {
  fs::path dir = fs::temp_directory_path() / "rareflow_inputs_test";
  fs::create_directories(dir);
  std::ofstream(dir / name) << text;
  return (dir / name).string();
}

const char* kLicensing =
    "[[policy]]\nkind = \"export_licensing\"\nregions = \"CHN\"\nelements = [\"Dy\", \"Tb\"]\n"
    "source = \"x\"\n";

TEST(ScenarioInputs, DistributionsAreRecordedAndRunAtTheirMedian) {
  auto p = write("ok.toml", std::string(kLicensing) +
                                "share = { dist = \"uniform\", min = 0.2, max = 0.6 }\n"
                                "start = { dist = \"choice\", values = [2026, 2027, 2028] }\n");
  Scenario s = value_or_throw(load_scenario(p, data()));
  ASSERT_EQ(s.policies.size(), 1u);
  EXPECT_DOUBLE_EQ(s.policies[0].numbers.at("share"), 0.4);  // median of U(0.2, 0.6)
  EXPECT_DOUBLE_EQ(s.policies[0].start, 2027);               // median of the three years
  auto u = uncertain_inputs(s);
  ASSERT_EQ(u.size(), 2u);
  EXPECT_EQ(u[0]->name, "policy[0].start");
  EXPECT_EQ(u[1]->name, "policy[0].share");
  auto share = find_input(s, "share");
  ASSERT_TRUE(share) << share.error().message;
  set_input(s, **share, 0.55);
  EXPECT_DOUBLE_EQ(s.policies[0].numbers.at("share"), 0.55);
  EXPECT_FALSE(find_input(s, "shar"));
}

// The share of a licence is declared in [0, 1]; a uniform reaching 1.2 is refused where the
// table starts (line 6, column 9).
TEST(ScenarioInputs, DistributionOutsideTheDeclaredRangeIsRejected) {
  auto p = write("bad.toml", std::string(kLicensing) +
                                 "share = { dist = \"uniform\", min = 0.2, max = 1.2 }\n");
  try {
    value_or_throw(load_scenario(p, data()));
    FAIL() << "expected an InputError";
  } catch (const InputError& e) {
    EXPECT_NE(std::string(e.what()).find(
                  "bad.toml:6:9: policy[0].share: uniform(min 0.2, max 1.2) takes values in "
                  "[0.2, 1.2], outside the declared range [0, 1]"),
              std::string::npos)
        << e.what();
  }
}

}  // namespace
}  // namespace rareflow::scenario
