// Each policy or event kind as one declared table of the numbers it takes (unit, range, default,
// required, meaning): the table drives the scenario reader's key list, range checks, defaults
// (market_adapter_policies.cpp), error messages and the generated table in docs/model.md.
// The ranges bound what the market LP can take (a price floor of 1e26 USD/kg aborted Clp) and
// what is physically meaningful; sources for the scale: world rare-earth mine production is
// about 390 kt REO/yr (USGS MCS 2025), oxide prices stay below 10,000 USD/kg (Tb oxide peaked
// near 4,000 USD/kg in 2011/2022).
#include "rareflow/scenario/scenario.hpp"

namespace rareflow::scenario {

namespace {

using enum ParamType;
// Tonnes: up to 10 Mt, about 25 times world mine production.
constexpr double kTonnes = 1e7;
// Prices: up to 100,000 USD/kg, 25 times the highest oxide price seen.
constexpr double kUsdPerKg = 1e5;
// Ad valorem rates: up to 3 (300 %). The highest rates seen are US tariffs on Chinese goods of
// 145 % (2025); China's rare-earth export taxes were 15-25 % (2007-2014). A cap of 10 accepted
// `ad_valorem = 5` meant as 5 % as a 500 % tariff; with 3, any whole percentage from 4 up is
// refused with the range, and the rates that exist still fit.
constexpr double kMaxAdValorem = 3;

ParamSpec number(std::string key, std::string unit, double max, double fallback,
                 std::string description) {
  return {std::move(key), Number, std::move(unit), 0, max, fallback, false, std::move(description)};
}
// The same parameter, required by a kind (so it has no default).
ParamSpec required(ParamSpec p) {
  p.required = true;
  p.default_value.reset();
  return p;
}

const ParamSpec kQuota = number("quota_t", "t/yr", kTonnes, 0, "quota on the flow");
const ParamSpec kShare =
    number("share", "fraction", 1, 1, "share of the flow that needs a licence and waits");
const ParamSpec kDelay = number("delay_years", "years", 50, 0, "delay");
const ParamSpec kAdValorem = number("ad_valorem", "fraction of price, 0.25 = 25 %", kMaxAdValorem,
                                    0, "tax or tariff on last year's price");
const ParamSpec kSpecific =
    number("specific_usd_per_t", "USD/t", kUsdPerKg * 1000, 0, "tax or tariff per tonne");
const ParamSpec kMultiplier =
    number("multiplier", "factor", 100, 1, "multiplier on demand or cost");

}  // namespace

// One row per PolicyKind, in the enum's order.
const std::vector<KindSpec>& kinds() {
  static const std::vector<KindSpec> k = {
      {PolicyKind::ExportBan, "export_ban", {}, true},
      {PolicyKind::ExportQuota, "export_quota", {required(kQuota)}, true},
      {PolicyKind::ExportLicensing, "export_licensing", {required(kShare), kDelay}, true},
      {PolicyKind::ExportTax, "export_tax", {kAdValorem, kSpecific}, true},
      {PolicyKind::ImportTariff, "import_tariff", {kAdValorem, kSpecific}, true},
      {PolicyKind::Sanction, "sanction", {}, true},
      {PolicyKind::ProductionQuota, "production_quota", {required(kQuota)}, false},
      {PolicyKind::Stockpile,
       "stockpile",
       {number("initial_level_t", "t", kTonnes, 0, "stockpile level at the start"),
        number("fill_rate_t", "t/yr", kTonnes, 0, "most the stockpile buys a year"),
        number("fill_price_cap_usd_per_kg", "USD/kg", kUsdPerKg, 0,
               "the stockpile buys only below this price"),
        required(number("max_level_t", "t", kTonnes, 0, "stockpile capacity")),
        {"release_trigger_usd_per_kg",
         Number,
         "USD/kg",
         0,
         kUsdPerKg,
         {},
         false,
         "the stockpile sells above this price (default: the fill price cap + 1)"},
        number("release_rate_t", "t/yr", kTonnes, 0, "most the stockpile sells a year"),
        number("min_level_t", "t", kTonnes, 0, "stockpile level kept in reserve")},
       true},
      {PolicyKind::PriceFloor,
       "price_floor",
       {required(number("floor_usd_per_kg", "USD/kg", kUsdPerKg, 0, "minimum price"))},
       false},
      {PolicyKind::Outage,
       "outage",
       {required(number("share_lost", "fraction", 1, 0, "share of capacity lost"))},
       false},
      {PolicyKind::DemandShock, "demand_shock", {required(kMultiplier)}, false},
      {PolicyKind::CostShock, "cost_shock", {required(kMultiplier)}, false},
      {PolicyKind::ProjectDelay, "project_delay", {required(kDelay)}, false},
  };
  return k;
}

const KindSpec& kind_spec(PolicyKind kind) {
  return kinds()[static_cast<std::size_t>(kind)];  // rows in enum order (scenario_bounds_test)
}

const KindSpec* find_kind(std::string_view name) {
  for (const auto& k : kinds())
    if (k.name == name) return &k;
  return nullptr;
}

std::string_view policy_kind_name(PolicyKind kind) {
  return kind_spec(kind).name;
}

double policy_number(const PolicySpec& p, const std::string& key) {
  if (auto it = p.numbers.find(key); it != p.numbers.end()) return it->second;
  const ParamSpec* spec = find_param(kind_spec(p.kind).params, key);
  return spec && spec->default_value ? *spec->default_value : 0.0;
}

}  // namespace rareflow::scenario
