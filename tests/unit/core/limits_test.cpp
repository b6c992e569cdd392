// Bounds on inputs and messages (issue 13, "Timeouts"), declared parameter ranges and the
// solver's value limits.
#include <cmath>
#include <limits>

#include <gtest/gtest.h>

#include "rareflow/core/error.hpp"
#include "rareflow/core/json_read.hpp"
#include "rareflow/core/limits.hpp"
#include "rareflow/core/params.hpp"

namespace rareflow {
namespace {

TEST(Limits, EchoCutsLongValues) {
  EXPECT_EQ(echo("abc"), "\"abc\"");
  std::string big(5'000'000, 'x');
  std::string e = echo(big);
  EXPECT_LT(e.size(), 120u);
  EXPECT_NE(e.find("5000000 characters"), std::string::npos) << e;
}

// A 5 MB bad reference took 14 s in the matcher; a word that long is no typo of an id.
TEST(Limits, DidYouMeanIgnoresHugeWords) {
  std::vector<std::string> ids(2000, "mountain-pass-mine");
  EXPECT_EQ(closest_match(std::string(5'000'000, 'm'), ids), "");
  EXPECT_EQ(closest_match("mountain-pas-mine", ids), "mountain-pass-mine");
}

TEST(Limits, DiagnosticMessagesAreBounded) {
  Diagnostic d{"f.csv", 2, 3, "id", std::string(100'000, 'y')};
  EXPECT_LT(d.str().size(), 1100u);
}

TEST(Limits, TextBoundsNameTheLine) {
  std::string text = "a,b\n1,2\n" + std::string(limits::kMaxLineBytes + 1, 'z') + "\n";
  Diagnostic d = check_text_bounds(text, "t.csv");
  EXPECT_EQ(d.line, 3);
  EXPECT_NE(d.str().find("t.csv:3:1:"), std::string::npos) << d.str();
  EXPECT_TRUE(check_text_bounds("a,b\n1,2\n", "t.csv").message.empty());
}

TEST(Limits, JsonNestingIsBounded) {
  auto deep = parse_json(std::string(1000, '[') + std::string(1000, ']'), "deep.json");
  ASSERT_FALSE(deep.has_value());
  EXPECT_NE(deep.error().message.find("nested deeper"), std::string::npos);
  auto ok = parse_json("{\"a\": [1, 2]}", "ok.json");
  ASSERT_TRUE(ok.has_value());
  auto bad = parse_json("{\n  \"a\": ]\n}", "bad.json");
  ASSERT_FALSE(bad.has_value());
  EXPECT_NE(bad.error().message.find("bad.json:2:"), std::string::npos) << bad.error().message;
}

TEST(Params, RangeUnitAndNonFiniteValues) {
  ParamSpec floor{"floor_usd_per_kg", ParamType::Number, "USD/kg", 0, 1e5, {}, false, ""};
  EXPECT_EQ(check_param(floor, 110), "");
  EXPECT_EQ(check_param(floor, 1e26), "expected a number in [0, 100000] (USD/kg), found 1e+26");
  EXPECT_NE(check_param(floor, std::nan("")), "");
  EXPECT_NE(check_param(floor, std::numeric_limits<double>::infinity()), "");
  ParamSpec years{"delay", ParamType::Integer, "years", 0, 50, {}, false, ""};
  EXPECT_NE(check_param(years, 2.5), "");
  EXPECT_EQ(check_param(years, 2), "");
}

TEST(Limits, SolverValues) {
  EXPECT_EQ(solver_value_problem(1e9, false), "");
  EXPECT_NE(solver_value_problem(1e26, false), "");  // Clp aborts at |cost| >= 1e25
  EXPECT_NE(solver_value_problem(std::nan(""), true), "");
  EXPECT_EQ(solver_value_problem(std::numeric_limits<double>::infinity(), true), "");
  EXPECT_NE(solver_value_problem(std::numeric_limits<double>::infinity(), false), "");
}

}  // namespace
}  // namespace rareflow
