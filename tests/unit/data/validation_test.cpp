// Each broken sample changes one thing in a copy of the default package and asserts the exact
// diagnostic: file:line:column: field: what was expected, what was found. Columns are counted
// by hand: 1 + the characters before the field on its line (e.g. "CHN,2024,bayan-obo," is 19).
#include <gtest/gtest.h>

#include "package_fixture.hpp"
#include "rareflow/data/dataset.hpp"

namespace rareflow {
namespace {

using testing::PackageDir;

// Loads `dir` and returns every diagnostic as text ("" if it loaded).
std::string load_errors(const PackageDir& dir) {
  try {
    value_or_throw(load_dataset(dir.path()));
  } catch (const InputError& e) {
    return e.what();
  }
  return "";
}

std::string prefix(const PackageDir& dir) {
  return dir.path().string() + "/";
}

TEST(Validation, DefaultPackageLoads) {
  Dataset d = value_or_throw(load_default_dataset());
  EXPECT_EQ(d.schema.name, "world");
  EXPECT_GT(d.sources.size(), 30u);
}

TEST(Validation, NumberWithDecimalComma) {
  PackageDir p;
  p.replace("mine_mix.csv", "CHN,2024,bayan-obo,85.7,", "CHN,2024,bayan-obo,\"85,7\",");
  EXPECT_NE(load_errors(p).find(prefix(p) + "mine_mix.csv:2:20: share_pct: expected a number in "
                                            "[0, 100] (%), found \"85,7\""),
            std::string::npos)
      << load_errors(p);
}

TEST(Validation, NumberOutOfRange) {
  PackageDir p;
  p.replace("deposits.csv", "Mountain Pass,USA,carbonatite bastnaesite,operating,26.9,5.97,",
            "Mountain Pass,USA,carbonatite bastnaesite,operating,26.9,159.7,");
  std::string e = load_errors(p);
  EXPECT_NE(e.find("deposits.csv:6:"), std::string::npos) << e;
  EXPECT_NE(e.find("grade_pct_treo: expected a number in [0, 100] (% TREO), found 159.7"),
            std::string::npos)
      << e;
}

TEST(Validation, UnknownColumnSuggestsName) {
  PackageDir p;
  p.replace("mine_mix.csv", "region,year,distribution,share_pct,source",
            "region,year,distribution,share_pc,source");
  std::string e = load_errors(p);
  EXPECT_NE(e.find("mine_mix.csv:1:26: share_pc: unknown column (did you mean \"share_pct\"?)"),
            std::string::npos)
      << e;
  EXPECT_NE(e.find("mine_mix.csv:1: share_pct: missing required column in the header"),
            std::string::npos)
      << e;
}

TEST(Validation, RequiredValueMissing) {
  PackageDir p;
  p.replace("regions.csv", "USA,United States,", "USA,,");
  EXPECT_NE(load_errors(p).find("regions.csv:3:5: name: expected a value, found an empty field"),
            std::string::npos)
      << load_errors(p);
}

TEST(Validation, EnumValueWithSuggestion) {
  PackageDir p;
  p.replace("facilities.csv", "t REO,2018,operating,", "t REO,2018,operatng,");
  std::string e = load_errors(p);
  EXPECT_NE(e.find("status: expected one of operating, construction, planned, candidate, closed, "
                   "found \"operatng\" (did you mean \"operating\"?)"),
            std::string::npos)
      << e;
}

TEST(Validation, UnknownRegionReference) {
  PackageDir p;
  p.replace("production.csv", "mine,USA,2024", "mine,USX,2024");
  std::string e = load_errors(p);
  EXPECT_NE(e.find("region: expected an id of table regions, found \"USX\" (did you mean "
                   "\"USA\"?)"),
            std::string::npos)
      << e;
}

TEST(Validation, UnknownSourceReference) {
  PackageDir p;
  p.replace("reserves.csv", "RUS,USGS reserves,2024,3800000,t REO,usgs-mcs-2025",
            "RUS,USGS reserves,2024,3800000,t REO,usgs-mcs-2052");
  std::string e = load_errors(p);
  EXPECT_NE(e.find("reserves.csv:9:38: source: expected an id of table sources, found "
                   "\"usgs-mcs-2052\" (did you mean \"usgs-mcs-2025\"?)"),
            std::string::npos)
      << e;
}

TEST(Validation, DuplicateId) {
  PackageDir p;
  // Six fields: regions.csv has a market_region column (issue 11).
  p.write("regions.csv", p.read("regions.csv") + "CHN,China again,country,,,bloc-membership\n");
  std::string e = load_errors(p);
  EXPECT_NE(e.find("id: duplicate id \"CHN\" (first defined on line 2)"), std::string::npos) << e;
}

TEST(Validation, DistributionMustSumTo100) {
  PackageDir p;
  p.replace("distributions.csv", "0,0.1,0,0.1,castor-hedrick-2006",
            "0,0.1,0,0.6,castor-hedrick-2006");
  std::string e = load_errors(p);
  EXPECT_NE(e.find("distributions.csv:5:"), std::string::npos) << e;
  EXPECT_NE(e.find("remainder: expected the element shares plus remainder to sum to 100 (% of "
                   "TREO), found 100.5; set remainder to 0.1"),
            std::string::npos)
      << e;
}

TEST(Validation, WrongFieldCount) {
  PackageDir p;
  p.replace("prices.csv", "Dy,oxide,2024,260,", "Dy,oxide,2024,260,extra,");
  EXPECT_NE(load_errors(p).find("prices.csv:"), std::string::npos);
  EXPECT_NE(load_errors(p).find(":1: expected 5 fields as in the header, found 6"),
            std::string::npos)
      << load_errors(p);
}

TEST(Validation, UnterminatedQuote) {
  PackageDir p;
  p.write("trajectories.csv", p.read("trajectories.csv") + "ev_sales,2031,50,\"million,x\n");
  EXPECT_NE(load_errors(p).find("trajectories.csv:11:18: unterminated quoted field"),
            std::string::npos)
      << load_errors(p);
}

TEST(Validation, IntegerExpected) {
  PackageDir p;
  p.replace("prices.csv", "Nd,oxide,2024,", "Nd,oxide,2024.5,");
  EXPECT_NE(load_errors(p).find("year: expected a whole number in [1900, 2100], found \"2024.5\""),
            std::string::npos)
      << load_errors(p);
}

TEST(Validation, MissingTableFile) {
  PackageDir p;
  std::filesystem::remove(p.path() / "trajectories.csv");
  EXPECT_NE(load_errors(p).find(prefix(p) + "trajectories.csv: missing file: the manifest lists "
                                            "table \"trajectories\""),
            std::string::npos)
      << load_errors(p);
}

TEST(Validation, UnitMustMatchStage) {
  PackageDir p;
  p.replace("production.csv", "magnet,CHN,2024,all,300000,t magnet",
            "magnet,CHN,2024,all,300000,t REO");
  EXPECT_NE(load_errors(p).find("unit: expected \"t magnet\" for stage magnet, found \"t REO\""),
            std::string::npos)
      << load_errors(p);
}

TEST(Validation, MineMixMustSumTo100) {
  PackageDir p;
  p.replace("mine_mix.csv", "CHN,2024,longnan-ion-clay,14.3", "CHN,2024,longnan-ion-clay,15.3");
  EXPECT_NE(load_errors(p).find("share_pct: expected the shares of CHN in 2024 to sum to 100 (%), "
                                "found 101"),
            std::string::npos)
      << load_errors(p);
}

TEST(Validation, ProducerNeedsMineMix) {
  PackageDir p;
  p.replace("mine_mix.csv", "RUS,2024,lovozero-loparite,100,russia-gosdoklad-2021\n", "");
  EXPECT_NE(load_errors(p).find("region: RUS mined 2500 t REO in 2024 but mine_mix.csv gives no "
                                "ore mix for it"),
            std::string::npos)
      << load_errors(p);
}

TEST(Validation, BadElementSet) {
  PackageDir p;
  p.replace("routes.csv", "2024,oxide,MYS,CHN,Nd+Pr", "2024,oxide,MYS,CHN,Nd+Xx");
  EXPECT_NE(load_errors(p).find("element: expected \"all\" or element symbols joined by + (e.g. "
                                "Nd+Pr), found \"Nd+Xx\""),
            std::string::npos)
      << load_errors(p);
}

TEST(Validation, DemandSharesMustAddUp) {
  PackageDir p;
  p.replace("demand.csv", "2024,WLD,wind,11,", "2024,WLD,wind,12,");
  EXPECT_NE(load_errors(p).find("share_pct: expected the NdFeB use shares of WLD in 2024 to sum to "
                                "100 (%), found 101"),
            std::string::npos)
      << load_errors(p);
}

TEST(Validation, ManifestUnknownKey) {
  PackageDir p;
  p.replace("datapackage.toml", "base_year = 2024", "base_year = 2024\nbase_yaer = 2023");
  EXPECT_NE(load_errors(p).find("datapackage.toml:9:13: manifest.base_yaer: unknown key (did you "
                                "mean \"base_year\"?)"),
            std::string::npos)
      << load_errors(p);
}

TEST(Validation, MissingManifest) {
  PackageDir p;
  std::filesystem::remove(p.path() / "datapackage.toml");
  EXPECT_NE(load_errors(p).find("datapackage.toml: missing manifest"), std::string::npos);
}

TEST(Validation, ReportsEveryErrorOfAFile) {
  PackageDir p;
  p.replace("prices.csv", "Nd,oxide,2024,56", "Nd,oxid,2024,-56");
  std::string e = load_errors(p);
  EXPECT_NE(e.find("form: expected one of oxide, metal, found \"oxid\""), std::string::npos) << e;
  EXPECT_NE(e.find("usd_per_kg: expected a number in [0, 100000] (USD/kg), found -56"),
            std::string::npos)
      << e;
}

TEST(Validation, SpacesAroundIdentifiers) {
  PackageDir p;
  p.replace("production.csv", "mine,USA,2024", "mine, USA,2024");
  EXPECT_NE(load_errors(p).find("region: expected no leading or trailing spaces, found \" USA\""),
            std::string::npos)
      << load_errors(p);
}

}  // namespace
}  // namespace rareflow
