#include "rareflow/core/iamc_vocabulary.hpp"

#include <array>

#include <fmt/format.h>

namespace rareflow::var {

namespace {

Variable make(std::string name, std::string_view unit) {
  return {std::move(name), std::string(unit)};
}

std::string_view flow_name(Flow f) {
  constexpr std::array<std::string_view, 7> kNames{
      "Demand", "Consumption", "Shortfall", "Substitution", "Backstop", "Recycling", "Disposal"};
  return kNames[static_cast<std::size_t>(f)];
}

constexpr std::array<VariableFamily, 40> kFamilies{{
    {"Price|<Stage>|<item>", "USD/kg", "market price by region"},
    {"Production|Mine|REO, Production|Mine|<El>", "t REO/yr", "mine output"},
    {"Production|Separation|REO, Production|Separation|<El>", "t REO/yr", "separated oxide"},
    {"Production|<Stage>|<item>", "t <basis>/yr", "output of metal, alloy or magnets"},
    {"Production|<Type>|<project>", "t <basis>/yr", "plan: output of a project"},
    {"Production|Metal, Production|Magnet", "t metal/yr, t magnet/yr", "plan: totals"},
    {"Production|Magnet Route|<route>", "t magnet/yr", "magnet output by route"},
    {"Loss|Separation|REO", "t REO/yr", "separation losses"},
    {"Capacity|<Kind>, Capacity|<Type>|<project>", "t <basis>/yr", "capacity online"},
    {"Trade|<Stage>|<item>|Export, ...|Import", "t <basis>/yr", "trade flows"},
    {"Demand|<Stage>|<item>", "t <basis>/yr", "reference demand"},
    {"Consumption|<Stage>|<item>", "t <basis>/yr", "use after price response"},
    {"Shortfall|<Stage>|<item>, Shortfall|<commodity>", "t <basis>/yr", "unserved demand"},
    {"Substitution|<Stage>|<item>", "t <basis>/yr", "demand met by substitutes"},
    {"Backstop|<Stage>|<item>", "t <basis>/yr", "backstop supply"},
    {"Recycling|<Stage>|<item>", "t <basis>/yr", "recycled supply"},
    {"Disposal|<Stage>|<item>", "t <basis>/yr", "disposed material"},
    {"Stock|<Stage>|<item>", "t <basis>", "closing stock"},
    {"Stockpile|<Stage>|<item>", "t <basis>", "stockpile level"},
    {"Rent|<policy>[|<commodity>]", "USD/kg", "policy rent"},
    {"Surplus", "USD million/yr", "world economic surplus"},
    {"Subsidy|Price Floor", "USD million/yr", "price-floor subsidies"},
    {"Revenue|Trade Tax", "USD million/yr", "trade-tax revenue"},
    {"Supply|Domestic|REO-eq|<El>", "t REO-eq/yr", "plan: use met by own chain"},
    {"Trade|Import|<supplier>, Trade|Export|<commodity>", "t <basis>/yr", "plan: trade"},
    {"Import share|<supplier>", "%", "plan: share of imports"},
    {"Import dependence|<group>", "%", "plan: imports / use"},
    {"Self-sufficiency|<El or group>", "%", "use met from the region's own chain"},
    {"Cost|<component>, Cost|Total", "USD million", "plan: cost per year, undiscounted"},
    {"Plan|Build|<project>", "modules", "plan: modules built, decision year"},
    {"Plan|Goal|Self-sufficiency|<group>", "%", "plan: self-sufficiency goal"},
    {"Plan|Roadmap|<project>|Capacity", "t <basis>/yr", "plan: capacity added, online year"},
    {"Plan|Roadmap|<project>|Capex", "USD million", "plan: capital cost, decision year"},
    {"Plan|Project value|<project>|Forbidden, ...|Forced", "USD million (expected present value)",
     "plan --rank: cost change"},
    {"Criticality|SR|<material>", "1", "supply risk"},
    {"Criticality|EI|<material>", "1", "economic importance"},
    {"Share|Production|Mine|REO", "%", "sweep: share of world mine output"},
    {"Share|Production|Separation|REO", "%", "sweep: share of world separation"},
    {"Backtest|Model|<series>", "unit of the series", "backtest: model value"},
    {"Backtest|Observed|<series>", "unit of the series", "backtest: observed value"},
}};

}  // namespace

namespace unit {
std::string per_year(std::string_view basis) {
  return std::string(basis) + "/yr";
}
}  // namespace unit

Variable price(std::string_view stage, std::string_view item) {
  return make(fmt::format("Price|{}|{}", stage, item), unit::kUsdPerKg);
}
Variable price_oxide(std::string_view element) {
  return make(std::string(kPriceOxide) + std::string(element), unit::kUsdPerKg);
}
Variable price_of(std::string_view label) {
  return make("Price|" + std::string(label), unit::kUsdPerKg);
}

Variable production(std::string_view maker, std::string_view item, std::string_view basis) {
  return make(fmt::format("Production|{}|{}", maker, item), unit::per_year(basis));
}
Variable production(std::string_view maker, std::string_view basis) {
  return make("Production|" + std::string(maker), unit::per_year(basis));
}
Variable production_magnet_route(std::string_view route) {
  return make("Production|Magnet Route|" + std::string(route), unit::per_year(unit::kMagnet));
}
Variable loss_separation() {
  return make("Loss|Separation|REO", unit::per_year(unit::kReo));
}
Variable capacity(std::string_view kind, std::string_view basis) {
  return make("Capacity|" + std::string(kind), unit::per_year(basis));
}
Variable capacity(std::string_view kind, std::string_view project, std::string_view basis) {
  return make(fmt::format("Capacity|{}|{}", kind, project), unit::per_year(basis));
}
Variable trade(std::string_view stage, std::string_view item, Direction d, std::string_view basis) {
  return make(
      fmt::format("Trade|{}|{}|{}", stage, item, d == Direction::Export ? "Export" : "Import"),
      unit::per_year(basis));
}
Variable flow(Flow f, std::string_view stage, std::string_view item, std::string_view basis) {
  return make(fmt::format("{}|{}|{}", flow_name(f), stage, item), unit::per_year(basis));
}
Variable shortfall(std::string_view commodity, std::string_view basis) {
  return make(std::string(kShortfall) + std::string(commodity), unit::per_year(basis));
}
Variable stock(std::string_view stage, std::string_view item, std::string_view basis) {
  return make(fmt::format("Stock|{}|{}", stage, item), basis);
}
Variable stockpile(std::string_view stage, std::string_view item, std::string_view basis) {
  return make(fmt::format("Stockpile|{}|{}", stage, item), basis);
}
Variable rent(std::string_view policy, std::string_view commodity) {
  std::string name = "Rent|" + std::string(policy);
  if (!commodity.empty()) name += "|" + std::string(commodity);
  return make(std::move(name), unit::kUsdPerKg);
}
Variable surplus() {
  return make("Surplus", unit::kUsdMillionPerYear);
}
Variable subsidy_price_floor() {
  return make("Subsidy|Price Floor", unit::kUsdMillionPerYear);
}
Variable revenue_trade_tax() {
  return make("Revenue|Trade Tax", unit::kUsdMillionPerYear);
}

Variable supply_domestic(std::string_view element) {
  return make("Supply|Domestic|REO-eq|" + std::string(element), unit::per_year(unit::kReoEq));
}
Variable trade_import(std::string_view supplier) {
  return make("Trade|Import|" + std::string(supplier), unit::per_year(unit::kReoEq));
}
Variable trade_export(std::string_view commodity, std::string_view basis) {
  return make("Trade|Export|" + std::string(commodity), unit::per_year(basis));
}
Variable import_share(std::string_view supplier) {
  return make("Import share|" + std::string(supplier), unit::kPercent);
}
Variable import_dependence(std::string_view group) {
  return make("Import dependence|" + std::string(group), unit::kPercent);
}
Variable self_sufficiency(std::string_view material) {
  return make(std::string(kSelfSufficiency) + std::string(material), unit::kPercent);
}
Variable goal_self_sufficiency(std::string_view material) {
  return make(std::string(kGoalSelfSufficiency) + std::string(material), unit::kPercent);
}
Variable cost(std::string_view component) {
  return make(std::string(kCost) + std::string(component), unit::kUsdMillion);
}
Variable cost_total() {
  return make(std::string(kCostTotal), unit::kUsdMillion);
}
Variable build(std::string_view project) {
  return make("Plan|Build|" + std::string(project), unit::kModules);
}
Variable roadmap_capacity(std::string_view project, std::string_view capacity_unit) {
  return make(fmt::format("{}{}{}", kRoadmap, project, kRoadmapCapacity), capacity_unit);
}
Variable roadmap_capex(std::string_view project) {
  return make(fmt::format("{}{}{}", kRoadmap, project, kRoadmapCapex), unit::kUsdMillion);
}
Variable project_value_forbidden(std::string_view project) {
  return make(fmt::format("{}{}{}", kProjectValue, project, kProjectValueForbidden),
              unit::kUsdMillionPresentValue);
}
Variable project_value_forced(std::string_view project) {
  return make(fmt::format("{}{}{}", kProjectValue, project, kProjectValueForced),
              unit::kUsdMillionPresentValue);
}

Variable supply_risk(std::string_view material) {
  return make(std::string(kSupplyRisk) + std::string(material), unit::kScore);
}
Variable economic_importance(std::string_view material) {
  return make(std::string(kEconomicImportance) + std::string(material), unit::kScore);
}

Variable share_mine() {
  return make(std::string(kShareMine), unit::kPercent);
}
Variable share_separation() {
  return make(std::string(kShareSeparation), unit::kPercent);
}

Variable backtest_price_oxide(std::string_view element, bool outside_china) {
  Variable v = price_oxide(element);
  v.name += outside_china ? "|outside China" : "|inside China";
  return v;
}
Variable backtest_exports_oxide(std::string_view region) {
  return make("Exports|Oxide|" + std::string(region), unit::kTonnesPerYear);
}
Variable backtest_mine_production(std::string_view region) {
  return production("Mine", region, unit::kReo);
}
Variable backtest_model(const Variable& series) {
  return make(std::string(kBacktestModel) + series.name, series.unit);
}
Variable backtest_observed(const Variable& series) {
  return make(std::string(kBacktestObserved) + series.name, series.unit);
}

std::span<const VariableFamily> variable_families() {
  return kFamilies;
}

}  // namespace rareflow::var
