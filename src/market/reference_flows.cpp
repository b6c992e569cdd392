#include "dynamics.hpp"
#include "year_context.hpp"

namespace rareflow::market::detail {

namespace {

// Does the policy limit flows and need a normal flow in this year? Licensing always does;
// bans, quotas and sanctions only when in force for part of the year.
bool needs_reference(const Policy& p, double share) {
  if (share <= 0.0) return false;
  if (std::holds_alternative<ExportLicensing>(p)) return true;
  bool limit = std::holds_alternative<ExportBan>(p) || std::holds_alternative<ExportQuota>(p) ||
               std::holds_alternative<Sanction>(p);
  return limit && share < 1.0;
}

const FlowScope* flow_scope(const Policy& p) {
  if (const auto* x = std::get_if<ExportBan>(&p)) return &x->scope;
  if (const auto* x = std::get_if<ExportQuota>(&p)) return &x->scope;
  if (const auto* x = std::get_if<ExportLicensing>(&p)) return &x->scope;
  if (const auto* x = std::get_if<Sanction>(&p)) return &x->scope;
  return nullptr;
}

}  // namespace

void record_reference_flows(const MarketModel& m, const YearResult& previous, int year,
                            YearState& state) {
  const CommoditySet set = m.commodities();
  for (std::size_t p = 0; p < m.policies.size(); ++p) {
    const Policy& pol = m.policies[p];
    if (!needs_reference(pol, period_share(pol, year))) continue;
    const FlowScope& scope = *flow_scope(pol);
    const bool both_ways = std::holds_alternative<Sanction>(pol);
    const bool per_commodity = std::holds_alternative<ExportLicensing>(pol);
    if (state.reference_flow.contains({p, kAllCommodities})) continue;
    // Per commodity (licensing) and in total (the rest); zero where nothing flowed.
    std::vector<double> by_commodity(set.size(), 0.0);
    double total = 0.0;
    for (const auto& f : previous.flows) {
      Commodity c = set.at(f.commodity);
      if (in_scope(m, scope, c, f.from, f.to) ||
          (both_ways && in_scope(m, scope, c, f.to, f.from))) {
        by_commodity[f.commodity] += f.t;
        total += f.t;
      }
    }
    state.reference_flow[{p, kAllCommodities}] = total;
    if (per_commodity)
      for (std::size_t c = 0; c < set.size(); ++c)
        if (m.matches(scope.goods, set.at(c))) state.reference_flow[{p, c}] = by_commodity[c];
  }
}

}  // namespace rareflow::market::detail
