// The vocabulary spells each name and unit one way (issue 10: one name, one unit per quantity).
#include <gtest/gtest.h>

#include "rareflow/core/iamc_vocabulary.hpp"

namespace rareflow {

TEST(IamcVocabulary, NamesCarryTheirDeclaredUnit) {
  EXPECT_EQ(var::price_oxide("Dy").name, "Price|Oxide|Dy");
  EXPECT_EQ(var::price_oxide("Dy").unit, "USD/kg");
  EXPECT_EQ(var::production("Mine", "REO", var::unit::kReo).name, var::kMineProduction);
  EXPECT_EQ(var::production("Mine", "REO", var::unit::kReo).unit, "t REO/yr");
  EXPECT_EQ(var::production("Magnet", var::unit::kMagnet).unit, "t magnet/yr");
  EXPECT_EQ(var::stock("Oxide", "Nd", var::unit::kReo).unit, "t REO");
  EXPECT_EQ(var::cost("capex").unit, var::roadmap_capex("Mine A").unit);
  EXPECT_EQ(var::surplus().unit, "USD million/yr");
  EXPECT_EQ(var::roadmap_capex("Mine|A").name, "Plan|Roadmap|Mine|A|Capex");
  EXPECT_EQ(var::backtest_model(var::backtest_price_oxide("Nd", true)).name,
            "Backtest|Model|Price|Oxide|Nd|outside China");
}

TEST(IamcVocabulary, MoneyIsSpeltUsdMillionEverywhere) {
  for (const auto& f : var::variable_families()) {
    EXPECT_FALSE(f.unit.empty()) << f.pattern;
    EXPECT_EQ(std::string(f.unit).find("million USD"), std::string::npos) << f.pattern;
  }
}

}  // namespace rareflow
