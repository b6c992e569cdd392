// The criticality data files: exact headers, every row citing a source listed in the data
// package's sources.csv, and values consistent with the shared reference copies.
#include <gtest/gtest.h>

#include <set>

#include "rareflow/criticality/governance.hpp"
#include "unit/criticality/test_util.hpp"

namespace rareflow::criticality {
namespace {

using testing::read_csv;
using testing::world_file;

std::set<std::string> source_ids() {
  std::vector<std::string> header;
  std::set<std::string> ids;
  for (const auto& r : read_csv(world_file("sources.csv"), &header)) {
    ids.insert(r.at("id"));
    const std::string c = r.at("confidence");
    EXPECT_TRUE(c == "reported" || c == "derived" || c == "assumption" || c == "unverified")
        << r.at("id") << ": " << c;
  }
  EXPECT_EQ(header, (std::vector<std::string>{"id", "title", "publisher", "year", "address",
                                              "confidence", "note"}));
  return ids;
}

void expect_sources_known(const std::string& file) {
  const auto ids = source_ids();
  const auto rows = read_csv(world_file(file), nullptr);
  ASSERT_FALSE(rows.empty()) << file;
  for (const auto& r : rows)
    EXPECT_TRUE(ids.contains(r.at("source"))) << file << ": " << r.at("source");
}

TEST(DataFiles, WgiHeaderRowsAndChina) {
  std::vector<std::string> header;
  const auto rows = read_csv(world_file("wgi.csv"), &header);
  EXPECT_EQ(header, (std::vector<std::string>{"iso3", "country", "year", "voice", "stability",
                                              "effectiveness", "regulatory", "rule_of_law",
                                              "corruption", "source"}));
  EXPECT_EQ(rows.size(), 30u);  // 29 countries plus Denmark, as in the shared copy
  expect_sources_known("wgi.csv");
  for (const auto& r : rows) {
    if (r.at("iso3") != "CHN") continue;
    WgiScores w{"CHN",
                "China",
                2023,
                std::stod(r.at("voice")),
                std::stod(r.at("stability")),
                std::stod(r.at("effectiveness")),
                std::stod(r.at("regulatory")),
                std::stod(r.at("rule_of_law")),
                std::stod(r.at("corruption"))};
    // Shared copy: mean6 -0.2901 for China.
    EXPECT_NEAR(wgi_mean(w), -0.2901, 5e-5);
  }
}

TEST(DataFiles, EuResultsCiteSources) {
  std::vector<std::string> header;
  const auto rows = read_csv(world_file("eu_crm_2023.csv"), &header);
  EXPECT_EQ(rows.size(), 18u);  // 16 elements (no Pm) and the two groups
  EXPECT_EQ(header.front(), "material");
  expect_sources_known("eu_crm_2023.csv");
}

TEST(DataFiles, TradeFactorsParseAndCiteSources) {
  std::vector<std::string> header;
  const auto rows = read_csv(world_file("trade_factors.csv"), &header);
  EXPECT_EQ(header, (std::vector<std::string>{"material", "stage", "iso3", "factor", "scope",
                                              "source", "note"}));
  expect_sources_known("trade_factors.csv");
  TradeFactorTable t;
  for (const auto& r : rows) {
    auto stage = parse_stage(r.at("stage"));
    ASSERT_TRUE(stage) << stage.error().message;
    std::optional<SupplyTerm> term;
    if (r.at("scope") == "global")
      term = SupplyTerm::Global;
    else if (r.at("scope") == "sourcing")
      term = SupplyTerm::Sourcing;
    else
      EXPECT_EQ(r.at("scope"), "both");
    t.rows.push_back(
        {r.at("material"), *stage, r.at("iso3"), std::stod(r.at("factor")), term, r.at("source")});
  }
  EXPECT_TRUE(validate(t));
  // The 2023 assessment has no rare-earth factor: the rows hold the neutral 1.
  EXPECT_DOUBLE_EQ(trade_factor(t, "Dy", SupplyStage::Processing, SupplyTerm::Global, "CHN"), 1.0);
}

}  // namespace
}  // namespace rareflow::criticality
