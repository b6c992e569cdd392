// Data package inputs that passed `data check` although they are nonsense (issue 13): a base
// year of nan, exact duplicate rows, and values too long to search or echo.
#include <algorithm>

#include <fmt/format.h>
#include <gtest/gtest.h>

#include "package_fixture.hpp"
#include "rareflow/data/dataset.hpp"

namespace rareflow {
namespace {

using testing::PackageDir;

std::string load_errors(const PackageDir& dir) {
  try {
    value_or_throw(load_dataset(dir.path()));
  } catch (const InputError& e) {
    return e.what();
  }
  return "";
}

TEST(DataHardening, BaseYearMustBeAWholeYear) {
  for (const char* bad : {"nan", "2024.5", "\"2024\"", "99999"}) {
    PackageDir p;
    p.replace("datapackage.toml", "base_year = 2024", std::string("base_year = ") + bad);
    // "base_year = " is 12 characters: the value starts at column 13 of line 8.
    EXPECT_NE(load_errors(p).find("datapackage.toml:8:13: base_year: expected a whole year in "
                                  "1800..2300"),
              std::string::npos)
        << bad << ": " << load_errors(p);
  }
}

TEST(DataHardening, ExactDuplicateRowIsAnError) {
  PackageDir p;
  std::string mix = p.read("mine_mix.csv");
  auto first_end = mix.find('\n', mix.find('\n') + 1);  // end of line 2, the first data row
  std::string row = mix.substr(mix.find('\n') + 1, first_end - mix.find('\n'));
  p.write("mine_mix.csv", mix + row);
  std::size_t lines = std::count(mix.begin(), mix.end(), '\n');
  std::string want = fmt::format("mine_mix.csv:{}:1: duplicate row: the same as line 2", lines + 1);
  EXPECT_NE(load_errors(p).find(want), std::string::npos) << load_errors(p);
}

TEST(DataHardening, HugeBadReferenceIsCutInTheMessage) {
  PackageDir p;
  // Under the line (64 KiB) and field (16 KiB) bounds, so the reference check sees it.
  std::string big(10'000, 'Q');
  p.replace("mine_mix.csv", "CHN,2024,bayan-obo,", "CHN,2024," + big + ",");
  std::string e = load_errors(p);
  EXPECT_NE(e.find("(10000 characters)"), std::string::npos) << e.substr(0, 400);
  EXPECT_LT(e.size(), 2000u);
}

}  // namespace
}  // namespace rareflow

namespace rareflow {
namespace {

// Every number column of the shipped package declares its sane range (issue 13).
TEST(DataHardening, EveryNumberColumnDeclaresARange) {
  Dataset d = value_or_throw(load_default_dataset());
  for (const auto& t : d.schema.tables)
    for (const auto& c : t.columns)
      if (c.type == ColumnType::Number || c.type == ColumnType::Integer) {
        EXPECT_TRUE(c.min && c.max) << t.name << "." << c.name;
      }
}

TEST(DataHardening, ValueOffByOrdersOfMagnitudeIsRefused) {
  PackageDir p;
  // "Ce,oxide,2014," is 14 characters: usd_per_kg starts at column 15 of line 2.
  p.replace("prices.csv", "Ce,oxide,2014,5,", "Ce,oxide,2014,1e308,");
  std::string e;
  try {
    value_or_throw(load_dataset(p.path()));
  } catch (const InputError& ex) {
    e = ex.what();
  }
  EXPECT_NE(e.find("prices.csv:2:15: usd_per_kg: expected a number in [0, 100000] (USD/kg), "
                   "found 1e308"),
            std::string::npos)
      << e;
}

}  // namespace
}  // namespace rareflow
