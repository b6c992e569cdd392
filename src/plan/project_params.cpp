#include "project_params.hpp"

#include <fmt/format.h>

#include "toml_reader.hpp"

namespace rareflow::plan::detail {

namespace {

using enum ParamType;

std::vector<ParamSpec> table_for(ProjectType t) {
  std::vector<ParamSpec> out = {
      // Above 0 (a zero module is no project) and within the tonnes range of the solver.
      {"capacity",
       Number,
       fmt::format("{} per module", capacity_unit(t)),
       1e-9,
       1e9,
       {},
       true,
       "output capacity of one module"},
      {"existing", Integer, "modules", 0, 1000, 0, false, "modules online before the horizon"},
      {"max_modules",
       Integer,
       "modules",
       0,
       1000,
       {},
       false,
       "most modules, existing ones included (default: existing, at least 1)"},
      {"capex", Number, "USD million per module", 0, kMaxMusd, 0, false,
       "investment per module, or { value, unit = \"RUB billion\" }; required when modules can "
       "be built"},
      {"fixed_cost", Number, "USD million per module per year", 0, kMaxMusd, 0, false,
       "yearly cost of a module online, or { value, unit }"},
      {"variable_cost", Number, "USD/kg of output", 0, kMaxUsdPerKg, 0, false,
       "cost per kg produced"},
      {"lead_time", Integer, "years", 0, 40, 0, false, "years from decision to first output"},
      {"earliest_decision", Integer, "year", 0, 2200, 0, false,
       "first year a decision may be taken (0: the first year)"},
      {"latest_decision", Integer, "year", 0, 2200, 0, false,
       "last year a decision may be taken (0: no limit)"},
      {"life", Integer, "years", 1, 100, 20, false, "life, for the residual value at the end"},
  };
  if (t == ProjectType::Separation || t == ProjectType::Recycling)
    out.push_back({"recovery", Number, "fraction", 0, 1, 1, false,
                   "share of each covered element recovered"});
  return out;
}

}  // namespace

const std::vector<ParamSpec>& project_params(ProjectType t) {
  static const std::vector<ParamSpec> k[] = {
      table_for(ProjectType::Mine), table_for(ProjectType::Separation),
      table_for(ProjectType::Metal), table_for(ProjectType::Magnet),
      table_for(ProjectType::Recycling)};
  return k[static_cast<int>(t)];
}

}  // namespace rareflow::plan::detail
