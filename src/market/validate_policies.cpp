// Validation of policies and events: scopes in range, periods ordered, values that make sense
// for each kind.
#include <set>

#include "validate_util.hpp"

namespace rareflow::market::detail {

namespace {

class PolicyChecker {
 public:
  PolicyChecker(const MarketModel& m, Checker& ck, std::string f)
      : m_(m), ck_(ck), f_(std::move(f)) {}

  void period(const Period& p) {
    if (!(p.start < p.end))
      ck_.add(f_ + ".period", fmt::format("expected start < end, got {} .. {}", p.start, p.end));
  }
  void regions(const std::string& field, const std::vector<std::size_t>& rs) {
    for (std::size_t i = 0; i < rs.size(); ++i)
      ck_.index(fmt::format("{}.{}[{}]", f_, field, i), rs[i], m_.regions.size(), "region");
  }
  void flow(const FlowScope& s, bool need_from, bool need_to) {
    regions("scope.from", s.from);
    regions("scope.to", s.to);
    if (need_from && s.from.empty()) ck_.add(f_ + ".scope.from", "expected at least one region");
    if (need_to && s.to.empty()) ck_.add(f_ + ".scope.to", "expected at least one region");
  }
  void facilities(const FacilityScope& s) {
    regions("scope.regions", s.regions);
    std::size_t n = m_.facility_count(s.kind);
    for (std::size_t i = 0; i < s.facilities.size(); ++i)
      ck_.index(fmt::format("{}.scope.facilities[{}]", f_, i), s.facilities[i], n, "facility");
  }

  void operator()(const ExportBan& p) {
    period(p.period);
    flow(p.scope, true, false);
  }
  void operator()(const ExportQuota& p) {
    period(p.period);
    flow(p.scope, true, false);
    ck_.at_least(f_ + ".quota_t", p.quota_t, 0.0, "t/yr");
  }
  void operator()(const ExportLicensing& p) {
    period(p.period);
    flow(p.scope, true, false);
    ck_.in_unit_range(f_ + ".share", p.share);
    ck_.at_least(f_ + ".delay_years", p.delay_years, 0.0, "yr");
    for (std::size_t i = 0; i < p.path.size(); ++i) {
      ck_.in_unit_range(fmt::format("{}.path[{}].share", f_, i), p.path[i].share);
      if (i > 0 && !(p.path[i].from > p.path[i - 1].from))
        ck_.add(
            fmt::format("{}.path[{}].from", f_, i),
            fmt::format("expected a time after {}, got {}", p.path[i - 1].from, p.path[i].from));
    }
  }
  void operator()(const TradeTax& p) {
    period(p.period);
    flow(p.scope, false, false);
    ck_.at_least(f_ + ".ad_valorem", p.ad_valorem, 0.0, "");
    ck_.at_least(f_ + ".specific_usd_per_t", p.specific_usd_per_t, 0.0, "USD/t");
  }
  void operator()(const Sanction& p) {
    period(p.period);
    flow(p.scope, true, true);
  }
  void operator()(const ProductionQuota& p) {
    period(p.period);
    facilities(p.scope);
    if (p.scope.kind != FacilityKind::Mine && p.scope.kind != FacilityKind::Separation)
      ck_.add(f_ + ".scope.kind", "expected Mine or Separation");
    ck_.at_least(f_ + ".quota_t", p.quota_t, 0.0, "t REO/yr");
  }
  void operator()(const StockpileProgram& p) {
    period(p.period);
    ck_.index(f_ + ".region", p.region, m_.regions.size(), "region");
    ck_.commodity(f_ + ".commodity", m_, p.commodity);
    if (p.commodity.stage == Stage::Concentrate)
      ck_.add(f_ + ".commodity", "expected an oxide, a metal or a magnet");
    ck_.at_least(f_ + ".initial_level_t", p.initial_level_t, 0.0, "t");
    ck_.at_least(f_ + ".fill_rate_t", p.fill_rate_t, 0.0, "t/yr");
    ck_.at_least(f_ + ".fill_price_cap_usd_per_kg", p.fill_price_cap_usd_per_kg, 0.0, "USD/kg");
    ck_.at_least(f_ + ".max_level_t", p.max_level_t, 0.0, "t");
    ck_.at_least(f_ + ".release_rate_t", p.release_rate_t, 0.0, "t/yr");
    ck_.at_least(f_ + ".min_level_t", p.min_level_t, 0.0, "t");
    if (!(p.release_trigger_usd_per_kg > p.fill_price_cap_usd_per_kg))
      ck_.add(f_ + ".release_trigger_usd_per_kg",
              fmt::format("expected a trigger above the fill price cap ({}), got {}",
                          p.fill_price_cap_usd_per_kg, p.release_trigger_usd_per_kg));
    if (p.min_level_t > p.max_level_t || p.initial_level_t > p.max_level_t)
      ck_.add(f_ + ".max_level_t", "expected min_level_t and initial_level_t <= max_level_t");
  }
  void operator()(const PriceFloor& p) {
    period(p.period);
    ck_.index(f_ + ".plant", p.plant, m_.separation.size(), "separation plant");
    if (p.elements.empty()) ck_.add(f_ + ".elements", "expected at least one element");
    if (!(p.floor_usd_per_kg > 0.0) || !std::isfinite(p.floor_usd_per_kg))
      ck_.add(f_ + ".floor_usd_per_kg",
              fmt::format("expected a price > 0, got {}", p.floor_usd_per_kg));
  }
  void operator()(const Outage& p) {
    period(p.period);
    facilities(p.scope);
    ck_.in_unit_range(f_ + ".share_lost", p.share_lost);
  }
  void operator()(const DemandShock& p) {
    period(p.period);
    regions("regions", p.regions);
    ck_.at_least(f_ + ".multiplier", p.multiplier, 0.0, "");
  }
  void operator()(const CostShock& p) {
    period(p.period);
    facilities(p.scope);
    ck_.at_least(f_ + ".multiplier", p.multiplier, 0.0, "");
  }
  void operator()(const ProjectDelay& p) {
    ck_.index(f_ + ".facility", p.facility.index, m_.facility_count(p.facility.kind), "facility");
    if (p.delay_years < 0) ck_.add(f_ + ".delay_years", "expected >= 0");
  }

 private:
  const MarketModel& m_;
  Checker& ck_;
  std::string f_;
};

}  // namespace

void validate_policies(const MarketModel& m, Checker& ck) {
  std::set<std::string> names;
  for (std::size_t i = 0; i < m.policies.size(); ++i) {
    std::string f = fmt::format("policies[{}]", i);
    const std::string& name = policy_name(m.policies[i]);
    if (name.empty())
      ck.add(f + ".name", "expected a non-empty name");
    else if (!names.insert(name).second)
      ck.add(f + ".name", fmt::format("duplicate name '{}'", name));
    PolicyChecker pc(m, ck, f);
    std::visit(pc, m.policies[i]);
  }
}

}  // namespace rareflow::market::detail
