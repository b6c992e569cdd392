// Reading plan files: values, conversions, and clear errors with file:line:column for bad ones.
#include <algorithm>

#include <fmt/format.h>
#include <gtest/gtest.h>

#include "doc_section.hpp"
#include "plan/project_params.hpp"
#include "plan_test_util.hpp"

namespace rareflow::plan::test {
namespace {

// A small valid plan; tests append or replace lines to break it. Line numbers matter: the
// [plan] table starts on line 1.
const std::string kBase = R"([plan]
name = "t"
region = "TST"
first_year = 2025
last_year = 2030
discount_rate = 0.05

[currencies.RUB]
per_usd = 97.9
source = "russia.md: 7 bn RUB ~ US$71.5 m"
confidence = "derived"

[deposits.ore]
distribution = { La = 25.0, Ce = 50.5, Pr = 5.0, Nd = 15.0 }

[projects.mine]
type = "mine"
deposit = "ore"
capacity = 1000
capex = { value = 7, unit = "RUB billion" }
lead_time = 2
max_modules = 2

[[imports]]
supplier = "China"
commodities = ["oxide:Nd", "oxide:Pr"]
price = 56

[[demand]]
commodity = "oxide:Nd"
tonnes = { 2025 = 100, 2030 = 200 }
shortfall_penalty = 500
)";

// Every diagnostic, one per line, or "" when the plan loads.
std::string errors_of(const std::string& text) {
  try {
    value_or_throw(parse_plan(text, "bad.toml"));
  } catch (const InputError& e) {
    return e.what();
  }
  return "";
}

std::string replace(std::string text, const std::string& from, const std::string& to) {
  auto pos = text.find(from);
  EXPECT_NE(pos, std::string::npos) << from;
  return text.replace(pos, from.size(), to);
}

TEST(PlanParse, ValidPlanReadsValuesAndConverts) {
  PlanModel p = value_or_throw(parse_plan(kBase, "ok.toml"));
  EXPECT_EQ(p.name, "t");
  EXPECT_EQ(p.years(), 6);
  ASSERT_EQ(p.projects.size(), 1u);
  // 7 bn RUB at 97.9 RUB/USD = 71.501 USD million.
  EXPECT_NEAR(p.projects[0].capex_musd, 7000.0 / 97.9, 1e-9);
  // The deposit's shares (96.5% given) are normalised to 1: Ce 50.5 / 95.5.
  EXPECT_NEAR(p.deposits[0].distribution[index(Element::Ce)], 50.5 / 95.5, 1e-12);
  ASSERT_EQ(p.imports.size(), 2u);  // one entry per commodity listed
  EXPECT_EQ(p.imports[1].commodity.str(), "oxide:Pr");
  // Linear between the points, flat outside.
  EXPECT_DOUBLE_EQ(p.demand[0].tonnes.at(2027), 140.0);
  EXPECT_DOUBLE_EQ(p.demand[0].tonnes.at(2040), 200.0);
  ASSERT_EQ(p.scenarios.size(), 1u);  // none given: one "base" scenario
  EXPECT_EQ(p.scenarios[0].name, "base");
}

TEST(PlanParse, UnknownProjectIsNamedWithSuggestion) {
  std::string e =
      errors_of(kBase + "\n[[commitments]]\nproject = \"mines\"\ndecision_year = 2025\n");
  EXPECT_NE(e.find("bad.toml:35:11: commitments[0].project: unknown project 'mines' (did you mean "
                   "\"mine\"?)"),
            std::string::npos)
      << e;
}

TEST(PlanParse, GoalOnUnknownElement) {
  std::string e =
      errors_of(kBase +
                "\n[[goals]]\nname = \"g\"\nkind = \"self_sufficiency\"\nelements = [\"Nd\", "
                "\"Nx\"]\nmin_share = 0.5\n");
  EXPECT_NE(e.find("bad.toml:37:12: goals[0].elements: unknown element or group 'Nx' (did you mean "
                   "\"Nd\"?)"),
            std::string::npos)
      << e;
}

TEST(PlanParse, NegativeBudget) {
  std::string e = errors_of(kBase + "\n[[goals]]\nname = \"b\"\nkind = \"budget\"\ntotal = -5\n");
  EXPECT_NE(e.find("bad.toml:37:9: goals[0].total: expected a budget >= 0, found -5 USD million"),
            std::string::npos)
      << e;
}

TEST(PlanParse, HorizonOutOfRange) {
  std::string e = errors_of(replace(kBase, "first_year = 2025", "first_year = 1990"));
  EXPECT_NE(
      e.find("bad.toml:4:14: plan.first_year: expected a year between 2000 and 2100, found 1990"),
      std::string::npos)
      << e;
  e = errors_of(replace(kBase, "last_year = 2030", "last_year = 2020"));
  EXPECT_NE(
      e.find("bad.toml:5:13: plan.last_year: expected a year >= first_year (2025), found 2020"),
      std::string::npos)
      << e;
  // A goal year outside the horizon.
  e = errors_of(
      kBase +
      "\n[[goals]]\nname = \"g\"\nkind = \"import_dependence\"\nelements = \"all\"\nmax_share = "
      "0.45\nyear = 2035\n");
  EXPECT_NE(e.find("goals[0].year: expected a year in the horizon 2025-2030, found 2035"),
            std::string::npos)
      << e;
}

TEST(PlanParse, ProbabilitiesMustSumToOne) {
  std::string e =
      errors_of(kBase +
                "\n[[scenarios]]\nname = \"a\"\nprobability = 0.5\n\n[[scenarios]]\nname = "
                "\"b\"\nprobability = 0.3\n");
  EXPECT_NE(e.find("scenarios: expected probabilities summing to 1, found 0.8 (a = 0.5, b = 0.3)"),
            std::string::npos)
      << e;
}

TEST(PlanParse, UnknownKeyGetsDidYouMean) {
  std::string e = errors_of(replace(kBase, "capacity = 1000", "capcity = 1000"));
  EXPECT_NE(
      e.find("bad.toml:19:11: projects.mine.capcity: unknown key (did you mean \"capacity\"?); "
             "expected one of type, name,"),
      std::string::npos)
      << e;
  // The missing key is reported too, at the table.
  EXPECT_NE(e.find("projects.mine.capacity: expected a number in [1e-09, 1000000000] (t REO/yr per "
                   "module), found nothing"),
            std::string::npos)
      << e;
}

TEST(PlanParse, WrongTypeSaysExpectedAndFound) {
  std::string e = errors_of(replace(kBase, "lead_time = 2", "lead_time = \"two\""));
  EXPECT_NE(
      e.find("bad.toml:21:13: projects.mine.lead_time: expected a whole number in [0, 40] (years), "
             "found string \"two\""),
      std::string::npos)
      << e;
}

TEST(PlanParse, AllErrorsAreCollected) {
  std::string text = replace(kBase, "first_year = 2025", "first_year = 1990");
  text = replace(text, "deposit = \"ore\"", "deposit = \"oar\"");
  text = replace(text, "price = 56", "price = -1");
  std::string e = errors_of(text);
  EXPECT_NE(e.find("plan.first_year"), std::string::npos) << e;
  EXPECT_NE(e.find("projects.mine.deposit: unknown deposit 'oar' (did you mean \"ore\"?)"),
            std::string::npos)
      << e;
  EXPECT_NE(e.find("imports[0].price: expected a price >= 0 in USD/kg, found -1"),
            std::string::npos)
      << e;
}

TEST(PlanParse, UnknownCurrencyAndCommodity) {
  std::string e = errors_of(replace(kBase, "unit = \"RUB billion\"", "unit = \"RUR billion\""));
  EXPECT_NE(e.find("unknown currency 'RUR'"), std::string::npos) << e;
  EXPECT_NE(e.find("did you mean \"RUB\"?"), std::string::npos) << e;
  e = errors_of(replace(kBase, "commodity = \"oxide:Nd\"", "commodity = \"oxyde:Nd\""));
  EXPECT_NE(e.find("unknown stage 'oxyde' in \"oxyde:Nd\" (did you mean \"oxide\"?)"),
            std::string::npos)
      << e;
}

TEST(PlanParse, AnnouncementOutsideTheHorizon) {
  std::string e = errors_of(
      replace(kBase, "max_modules = 2", "max_modules = 2\nannounced = { decision = 2029 }"));
  // Lead time 2 years: a 2029 decision would come online in 2031, after the horizon.
  EXPECT_NE(e.find("projects.mine.announced.decision: expected a decision year in 2025-2028"),
            std::string::npos)
      << e;
}

TEST(PlanParse, SyntaxErrorHasItsPlace) {
  std::string e = errors_of("[plan]\nname = \"t\"\nregion = \n");
  EXPECT_NE(e.find("bad.toml:3:"), std::string::npos) << e;
  EXPECT_NE(e.find("not valid TOML"), std::string::npos) << e;
}

TEST(PlanParse, AssumptionNeedsAReason) {
  std::string e =
      errors_of(replace(kBase, "confidence = \"derived\"", "confidence = \"assumption\""));
  EXPECT_NE(e.find("currencies.RUB.confidence: an assumption needs a reason"), std::string::npos)
      << e;
}

// One test per project type's declared table: each of its numbers, set above its range, is
// refused with file:line:column, the key, the unit and the range.
class ProjectTypeTable : public testing::TestWithParam<ProjectType> {};

TEST_P(ProjectTypeTable, ValueOutsideItsRangeIsRefused) {
  const ProjectType type = GetParam();
  const std::string name(project_type_name(type));
  for (const auto& bad : detail::project_params(type)) {
    std::string text = kBase +
                       "\n[magnets.ndfeb]\nrecipe = { Nd = 0.3 }\n\n[feeds.scrap]\n"
                       "distribution = { Nd = 1 }\navailable = 10\n\n[projects.p]\ntype = \"" +
                       name + "\"\n";
    if (type == ProjectType::Mine) text += "deposit = \"ore\"\n";
    if (type == ProjectType::Magnet) text += "magnet = \"ndfeb\"\n";
    if (type == ProjectType::Recycling) text += "feed = \"scrap\"\n";
    if (bad.key != "capacity") text += "capacity = 10\n";
    if (bad.key != "capex") text += "capex = 1\n";
    const int line = static_cast<int>(std::count(text.begin(), text.end(), '\n')) + 1;
    const double value = bad.max * 2 + 1;
    text += fmt::format("{} = {}\n", bad.key, value);
    EXPECT_EQ(
        errors_of(text),
        fmt::format("bad.toml:{}:{}: projects.p.{}: expected a {} in [{}, {}] ({}), found {}\n",
                    line, bad.key.size() + 4, bad.key,
                    bad.type == rareflow::ParamType::Integer ? "whole number" : "number", bad.min,
                    bad.max, bad.unit, value));
  }
}

INSTANTIATE_TEST_SUITE_P(Types, ProjectTypeTable, testing::ValuesIn(detail::kProjectTypes),
                         [](const auto& p) { return std::string(project_type_name(p.param)); });

// docs/model_plan.md lists every project type's table as the code declares it.
TEST(PlanParse, DocsListEveryProjectTable) {
  std::string md;
  for (ProjectType t : detail::kProjectTypes)
    md += fmt::format("\n`{}` projects:\n\n{}", project_type_name(t),
                      params_markdown(detail::project_params(t)));
  rareflow::test::expect_doc_section("model_plan.md", "project parameters", md + "\n");
}

}  // namespace
}  // namespace rareflow::plan::test
