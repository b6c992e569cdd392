// Policies that change nothing: a scenario's policy or event that is in force in none of the
// simulated years, or a limit (ban, sanction, quota, licensing) whose rows never bind, changes
// no flow; the run says so instead of exiting 0 without a word (docs/model.md, "Policies that
// change nothing").
#include <fmt/format.h>

#include "rareflow/scenario/market_adapter.hpp"

namespace rareflow::scenario {

namespace {

// Rents below this (USD/kg) are solver noise, not a binding limit.
constexpr double kRentTolerance = 1e-6;

bool is_limit(PolicyKind kind) {
  return kind == PolicyKind::ExportBan || kind == PolicyKind::Sanction ||
         kind == PolicyKind::ExportQuota || kind == PolicyKind::ExportLicensing ||
         kind == PolicyKind::ProductionQuota;
}

// The model's policies built from the scenario entry named `name` ("name", "name (2)", ...).
bool built_from(const std::string& model_name, const std::string& name) {
  return model_name == name || model_name.starts_with(name + " (");
}

}  // namespace

std::vector<IdlePolicy> idle_policies(const Scenario& s, const market::MarketModel& m,
                                      const market::SimulationResult& sim) {
  std::vector<IdlePolicy> out;
  if (sim.years.empty()) return out;
  const int first = sim.years.front().year;
  const int last = sim.years.back().year;
  for (const auto& p : s.policies) {
    // In force during [start, end) in fractional years; a simulated year Y covers [Y, Y+1).
    if (p.end <= first || p.start >= last + 1) {
      out.push_back(
          {p.name, fmt::format("not in force in any simulated year ({}..{})", first, last)});
      continue;
    }
    if (!is_limit(p.kind)) continue;
    bool rows = false, binds = false;
    for (const auto& y : sim.years)
      for (const auto& r : y.policy_rows)
        if (r.policy < m.policies.size() &&
            built_from(market::policy_name(m.policies[r.policy]), p.name)) {
          rows = true;
          binds = binds || r.rent_usd_per_kg > kRentTolerance;
        }
    if (!rows)
      out.push_back({p.name, "its scope holds no flow in any simulated year"});
    else if (!binds)
      out.push_back({p.name,
                     "its limit never binds (the flows it limits stay within it in "
                     "every year), so it changes no flow"});
  }
  return out;
}

}  // namespace rareflow::scenario
