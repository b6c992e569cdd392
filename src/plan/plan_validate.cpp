// Checks of a plan that go beyond one field: the horizon, probabilities, unique names.
#include <cmath>
#include <set>

#include <fmt/format.h>

#include "plan_parse.hpp"

namespace rareflow::plan::detail {

namespace {
constexpr int kMinYear = 2000;
constexpr int kMaxYear = 2100;
constexpr int kMaxSpan = 60;
}  // namespace

void check_horizon(TableReader& r, const PlanModel& plan) {
  if (!r.has("first_year") || !r.has("last_year")) return;
  bool ok = true;
  for (auto [key, year] :
       {std::pair{"first_year", plan.first_year}, {"last_year", plan.last_year}}) {
    if (year < kMinYear || year > kMaxYear) {
      r.error(key,
              fmt::format("expected a year between {} and {}, found {}", kMinYear, kMaxYear, year));
      ok = false;
    }
  }
  if (ok && plan.last_year < plan.first_year) {
    r.error("last_year", fmt::format("expected a year >= first_year ({}), found {}",
                                     plan.first_year, plan.last_year));
    ok = false;
  }
  if (ok && plan.last_year - plan.first_year + 1 > kMaxSpan) {
    r.error("last_year",
            fmt::format("expected a horizon of at most {} years, found {} ({}-{})", kMaxSpan,
                        plan.last_year - plan.first_year + 1, plan.first_year, plan.last_year));
    ok = false;
  }
  r.ctx().horizon_ok = ok;
}

bool check_year_in_horizon(TableReader& r, std::string_view key, int year, const PlanModel& plan) {
  if (!r.ctx().horizon_ok) return true;
  if (year >= plan.first_year && year <= plan.last_year) return true;
  r.error(key, fmt::format("expected a year in the horizon {}-{}, found {}", plan.first_year,
                           plan.last_year, year));
  return false;
}

void validate_plan(ParseContext& ctx, const toml::table& root, const PlanModel& plan) {
  TableReader top = TableReader::unchecked(ctx, root, "");
  // Probabilities: each scenario's was range-checked when read; here the sum.
  if (root.get("scenarios")) {
    double sum = 0;
    for (const auto& s : plan.scenarios) sum += s.probability;
    if (std::abs(sum - 1.0) > 1e-6) {
      std::string list;
      for (const auto& s : plan.scenarios)
        list += fmt::format("{}{} = {}", list.empty() ? "" : ", ", s.name, s.probability);
      top.error("scenarios",
                fmt::format("expected probabilities summing to 1, found {} ({})", sum, list));
    }
    std::set<std::string> names;
    for (const auto& s : plan.scenarios)
      if (!names.insert(s.name).second)
        top.error("scenarios", fmt::format("scenario '{}' is defined twice", s.name));
  }
  std::set<std::string> goals;
  for (const auto& g : plan.goals)
    if (!goals.insert(g.name).second)
      top.error("goals", fmt::format("goal '{}' is defined twice", g.name));
  std::set<std::pair<std::string, Commodity>> imports;
  for (const auto& o : plan.imports)
    if (!imports.insert({o.supplier, o.commodity}).second)
      top.error("imports",
                fmt::format("supplier '{}' offers {} twice", o.supplier, o.commodity.str()));
  std::set<Commodity> exports;
  for (const auto& x : plan.exports)
    if (!exports.insert(x.commodity).second)
      top.error("exports", fmt::format("{} has two [[exports]] entries", x.commodity.str()));
}

}  // namespace rareflow::plan::detail
