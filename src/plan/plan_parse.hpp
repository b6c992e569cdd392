// Internal: the sections of a plan file, one reader per section. Each adds what it finds to
// the PlanModel and its problems to the ParseContext.
#pragma once

#include <string>
#include <vector>

#include "rareflow/plan/plan_model.hpp"
#include "toml_reader.hpp"

namespace rareflow::plan::detail {

void parse_header(ParseContext& ctx, const toml::table& root, PlanModel& plan);
void parse_materials(ParseContext& ctx, const toml::table& root, PlanModel& plan);
void parse_projects(ParseContext& ctx, const toml::table& root, PlanModel& plan);
void parse_trade(ParseContext& ctx, const toml::table& root, PlanModel& plan);
void parse_goals(ParseContext& ctx, const toml::table& root, PlanModel& plan);
void parse_scenarios(ParseContext& ctx, const toml::table& root, PlanModel& plan);
void parse_commitments(ParseContext& ctx, const toml::table& root, PlanModel& plan);
void parse_futures(ParseContext& ctx, const toml::table& root, PlanModel& plan);
// Checks that need the whole plan (years against the horizon, probabilities, references).
// First and last year: within 2000-2100, in order, at most 60 years apart. Sets horizon_ok.
void check_horizon(TableReader& plan_table, const PlanModel& plan);
// A year that must lie in the horizon, e.g. a goal's year.
bool check_year_in_horizon(TableReader& r, std::string_view key, int year, const PlanModel& plan);
void validate_plan(ParseContext& ctx, const toml::table& root, const PlanModel& plan);

// "oxide:Nd" -> commodities. Groups ("oxide:HREE", "oxide:all") expand when allowed.
// Reports problems at r's `key` and returns an empty vector.
std::vector<Commodity> commodities_of(TableReader& r, std::string_view key, const std::string& text,
                                      const PlanModel& plan, bool allow_groups);
// Reads `key` as one commodity (string) or several (array), expanding groups if allowed.
std::vector<Commodity> read_commodities(TableReader& r, std::string_view key, const PlanModel& plan,
                                        bool allow_groups, bool required);
// Element list from a string ("all", "HREE", "Nd+Pr", "Dy") or an array of symbols.
std::vector<Element> read_elements(TableReader& r, std::string_view key, std::string* label,
                                   bool required);
// The entries of an array of tables `key` (e.g. [[imports]]), each with its field path.
std::vector<std::pair<const toml::table*, std::string>> array_of_tables(TableReader& r,
                                                                        std::string_view key);

}  // namespace rareflow::plan::detail
