// The IAMC vocabulary: every variable family that rareflow writes or reads, each declared once
// with its unit. Producers (market, plan, criticality, sweep, backtest) build names and units
// only through these functions and readers (report, compare) match through the prefixes, so one
// quantity has one name and one unit spelling. variable_families() lists them for the docs.
#pragma once

#include <span>
#include <string>
#include <string_view>

namespace rareflow::var {

// A variable name with its unit.
struct Variable {
  std::string name;
  std::string unit;
};

namespace unit {
inline constexpr std::string_view kUsdPerKg = "USD/kg";
inline constexpr std::string_view kUsdMillion = "USD million";
inline constexpr std::string_view kUsdMillionPerYear = "USD million/yr";
// Changes in the plan objective, which is an expected present value.
inline constexpr std::string_view kUsdMillionPresentValue = "USD million (expected present value)";
inline constexpr std::string_view kPercent = "%";
inline constexpr std::string_view kScore = "1";  // dimensionless
inline constexpr std::string_view kModules = "modules";
// Tonnes on a basis: "t REO" (oxide equivalent), "t REO-eq" (plan demand basis), "t metal",
// "t magnet". Stocks are in the basis, flows per year in the basis + "/yr".
inline constexpr std::string_view kReo = "t REO";
inline constexpr std::string_view kReoEq = "t REO-eq";
inline constexpr std::string_view kMetal = "t metal";
inline constexpr std::string_view kMagnet = "t magnet";
inline constexpr std::string_view kTonnesPerYear = "t/yr";  // observed data on no basis
std::string per_year(std::string_view basis);               // "t REO" -> "t REO/yr"
}  // namespace unit

// Prefixes and whole names that readers match on.
inline constexpr std::string_view kPriceOxide = "Price|Oxide|";
inline constexpr std::string_view kMineProduction = "Production|Mine|REO";
inline constexpr std::string_view kSeparationProduction = "Production|Separation|REO";
inline constexpr std::string_view kShortfall = "Shortfall|";
inline constexpr std::string_view kSelfSufficiency = "Self-sufficiency|";
inline constexpr std::string_view kCost = "Cost|";
inline constexpr std::string_view kCostTotal = "Cost|Total";
inline constexpr std::string_view kPlan = "Plan|";
inline constexpr std::string_view kGoalSelfSufficiency = "Plan|Goal|Self-sufficiency|";
inline constexpr std::string_view kRoadmap = "Plan|Roadmap|";
inline constexpr std::string_view kRoadmapCapacity = "|Capacity";
inline constexpr std::string_view kRoadmapCapex = "|Capex";
inline constexpr std::string_view kProjectValue = "Plan|Project value|";
inline constexpr std::string_view kProjectValueForbidden = "|Forbidden";
inline constexpr std::string_view kProjectValueForced = "|Forced";
inline constexpr std::string_view kSupplyRisk = "Criticality|SR|";
inline constexpr std::string_view kEconomicImportance = "Criticality|EI|";
inline constexpr std::string_view kShareMine = "Share|Production|Mine|REO";
inline constexpr std::string_view kShareSeparation = "Share|Production|Separation|REO";
inline constexpr std::string_view kBacktestModel = "Backtest|Model|";
inline constexpr std::string_view kBacktestObserved = "Backtest|Observed|";
// Element groups named in self-sufficiency rows (core/elements.hpp element_group).
inline constexpr std::string_view kGroupAll = "all";
inline constexpr std::string_view kGroupMagnet = "magnet";

// Stage flows of a commodity ("<Family>|<Stage>|<item>"), per year on the stage's basis.
enum class Flow { Demand, Consumption, Shortfall, Substitution, Backstop, Recycling, Disposal };
enum class Direction { Export, Import };

// Prices, USD/kg. stage as the market names it ("Oxide"); label "<Stage>|<item>".
Variable price(std::string_view stage, std::string_view item);
Variable price_oxide(std::string_view element);
Variable price_of(std::string_view label);
// Production|<Maker>|<item> (maker: Mine, Separation, Metal, Magnet, Recycling; item an element,
// REO, a product or a project id) and Production|<Maker> for a total, per year.
Variable production(std::string_view maker, std::string_view item, std::string_view basis);
Variable production(std::string_view maker, std::string_view basis);
Variable production_magnet_route(std::string_view route);
Variable loss_separation();
// Capacity|<Kind> (market, per region) and Capacity|<Kind>|<project> (plan), per year.
Variable capacity(std::string_view kind, std::string_view basis);
Variable capacity(std::string_view kind, std::string_view project, std::string_view basis);
Variable trade(std::string_view stage, std::string_view item, Direction d, std::string_view basis);
Variable flow(Flow f, std::string_view stage, std::string_view item, std::string_view basis);
// Shortfall|<commodity> of a plan's demand, per year.
Variable shortfall(std::string_view commodity, std::string_view basis);
// Closing stock (Stock|<Stage>|<item>) and stockpile level, on the basis (not per year).
Variable stock(std::string_view stage, std::string_view item, std::string_view basis);
Variable stockpile(std::string_view stage, std::string_view item, std::string_view basis);
// Policy rent, USD/kg; commodity empty for a policy on all commodities.
Variable rent(std::string_view policy, std::string_view commodity);
Variable surplus();              // USD million/yr
Variable subsidy_price_floor();  // USD million/yr
Variable revenue_trade_tax();    // USD million/yr

// Plan rows: the focus region's supply, on the REO-eq basis per element, per year.
Variable supply_domestic(std::string_view element);
Variable trade_import(std::string_view supplier);  // by supplier, t REO-eq/yr
Variable trade_export(std::string_view commodity, std::string_view basis);
Variable import_share(std::string_view supplier);    // %
Variable import_dependence(std::string_view group);  // %
// Share of use met from the region's own chain, %, by element or group (kGroupAll, ...).
Variable self_sufficiency(std::string_view material);
Variable goal_self_sufficiency(std::string_view material);  // the goal, %
Variable cost(std::string_view component);                  // USD million per year, undiscounted
Variable cost_total();
Variable build(std::string_view project);  // modules decided, row year = decision year
Variable roadmap_capacity(std::string_view project, std::string_view capacity_unit);
Variable roadmap_capex(std::string_view project);
Variable project_value_forbidden(std::string_view project);
Variable project_value_forced(std::string_view project);

// Criticality scores of a material (element symbol or group), dimensionless.
Variable supply_risk(std::string_view material);
Variable economic_importance(std::string_view material);

// Sweep ratios: a region's share of world output, %.
Variable share_mine();
Variable share_separation();

// Backtest series and the model's and observed values of a series.
Variable backtest_price_oxide(std::string_view element, bool outside_china);
Variable backtest_exports_oxide(std::string_view region);
Variable backtest_mine_production(std::string_view region);
Variable backtest_model(const Variable& series);
Variable backtest_observed(const Variable& series);

// The families above, one line each: a name pattern, its unit and what it holds.
struct VariableFamily {
  std::string_view pattern;
  std::string_view unit;
  std::string_view description;
};
std::span<const VariableFamily> variable_families();

}  // namespace rareflow::var
