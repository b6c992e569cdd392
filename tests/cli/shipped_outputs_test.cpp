// Every shipped scenario and plan runs to complete, parsable outputs with no nan or infinite
// number (issue 13). The demo's three runs are checked in demo_report_test.cpp; here the other
// shipped scenarios, over their whole horizon.
#include <filesystem>

#include <gtest/gtest.h>

#include "cli_run.hpp"
#include "output_check.hpp"

namespace rareflow::cli_test {
namespace {

namespace fs = std::filesystem;

TEST(ShippedOutputs, ScenariosWriteFiniteCompleteResults) {
  auto dir = fs::temp_directory_path() / "rareflow_cli_shipped_outputs";
  fs::remove_all(dir);
  fs::create_directories(dir);
  for (const char* s : {"china-export-quota", "myanmar-disruption", "russia-announced-projects",
                        "us-ndpr-price-floor"}) {
    auto r = run(std::string("simulate ") + s + " --out " + (dir / s).string());
    ASSERT_EQ(r.code, 0) << s << ": " << r.err;
    EXPECT_EQ(output_problems(dir / s), "") << s;
    auto j = run(std::string("simulate ") + s + " --years 2024..2026 --format json --out " +
                 (dir / (std::string(s) + "-json")).string());
    ASSERT_EQ(j.code, 0) << s << ": " << j.err;
    EXPECT_EQ(output_problems(dir / (std::string(s) + "-json")), "") << s;
  }
  fs::remove_all(dir);
}

}  // namespace
}  // namespace rareflow::cli_test
