// Market settings a scenario may set in [settings], and the adapter's own defaults.
#include <algorithm>
#include <cmath>

#include <fmt/format.h>

#include "market_adapter_context.hpp"

namespace rareflow::scenario {

const std::vector<SettingSpec>& setting_specs() {
  static const std::vector<SettingSpec> k = {
      {"hurdle_rate", "investors' hurdle rate for candidate projects, per year", 0.0, 1.0, false},
      {"price_window_years", "years of past prices in the investment rule's expected margin", 1, 20,
       true},
      {"demand_steps_above", "demand curve steps between the choke price and the reference", 1, 50,
       true},
      {"demand_steps_below", "demand curve steps below the reference price", 1, 50, true},
      {"max_quantity_ratio", "demand curves end at this multiple of the reference quantity", 1.01,
       10.0, false},
      {"allow_reexport", "1: a region may re-export what it imports (0: no re-export)", 0, 1, true},
      {"holding_cost_oxide", "cost of adding 1 kg of oxide to stock, USD/kg", 0, 100, false},
      {"holding_cost_metal", "cost of adding 1 kg of metal to stock, USD/kg", 0, 100, false},
      {"holding_cost_magnet", "cost of adding 1 kg of magnet to stock, USD/kg", 0, 100, false},
      {"price_floor_max_iterations", "solves allowed for the price-floor fixed point", 1, 100,
       true},
  };
  return k;
}

namespace detail {

// Defaults of the adapter (finer demand curves than the engine's default, so the base-year
// price sits close to the reference price), then the scenario's [settings] and cost-index
// trajectories.
void apply_settings(Context& c) {
  auto& st = c.m.settings;
  st.demand_steps_above = 10;
  st.demand_steps_below = 8;
  // Steps 1 % apart in price next to the reference, 5 % wider at each step away from it:
  // fine where prices sit, coarse toward the backstop (docs/model_market.md, section 6).
  st.demand_step_gap = 0.01;
  st.demand_step_growth = 0.05;
  for (const auto& [key, value] : c.s.settings) {
    auto spec =
        std::ranges::find_if(setting_specs(), [&](const SettingSpec& x) { return x.key == key; });
    if (spec == setting_specs().end()) {
      c.error(fmt::format("scenario {}: settings.{}: unknown setting", c.s.name, key));
      continue;
    }
    if (value < spec->min || value > spec->max || (spec->integer && value != std::floor(value))) {
      c.error(fmt::format("scenario {}: settings.{}: expected a {} in [{}, {}], found {}", c.s.name,
                          key, spec->integer ? "whole number" : "number", spec->min, spec->max,
                          value));
      continue;
    }
    const int n = static_cast<int>(value);
    if (key == "hurdle_rate")
      st.hurdle_rate = value;
    else if (key == "price_window_years")
      st.price_window_years = n;
    else if (key == "demand_steps_above")
      st.demand_steps_above = n;
    else if (key == "demand_steps_below")
      st.demand_steps_below = n;
    else if (key == "max_quantity_ratio")
      st.max_quantity_ratio = value;
    else if (key == "allow_reexport")
      st.allow_reexport = n == 1;
    else if (key == "holding_cost_oxide")
      st.holding_cost_usd_per_kg[1] = value;
    else if (key == "holding_cost_metal")
      st.holding_cost_usd_per_kg[2] = value;
    else if (key == "holding_cost_magnet")
      st.holding_cost_usd_per_kg[3] = value;
    else if (key == "price_floor_max_iterations")
      st.price_floor_max_iterations = n;
  }
  static const std::pair<const char*, market::FacilityKind> kCost[] = {
      {"cost:mine", market::FacilityKind::Mine},
      {"cost:separation", market::FacilityKind::Separation},
      {"cost:metal", market::FacilityKind::Metal},
      {"cost:magnet", market::FacilityKind::Magnet}};
  for (const auto& tr : c.s.trajectories)
    for (const auto& [target, kind] : kCost)
      if (tr.target == target) {
        market::Trajectory t;
        for (const auto& [y, v] : tr.points) t.points.push_back({y, v});
        st.cost_index[static_cast<std::size_t>(kind)] = t;
      }
}

}  // namespace detail

}  // namespace rareflow::scenario
