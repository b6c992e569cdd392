// Scenario policies and events -> market policies: region, bloc, stage, element and facility
// names become indices; each problem names the scenario entry (file:line).
#include <algorithm>
#include <cctype>
#include <cmath>
#include <set>

#include <fmt/format.h>

#include "market_adapter_context.hpp"

namespace rareflow::scenario::detail {

namespace {

using market::FacilityKind;
using market::Stage;

std::optional<FacilityKind> kind_of(ChainStage stage) {
  switch (stage) {
    case ChainStage::Mine:
      return FacilityKind::Mine;
    case ChainStage::Separation:
      return FacilityKind::Separation;
    case ChainStage::Metal:
      return FacilityKind::Metal;
    case ChainStage::Magnet:
      return FacilityKind::Magnet;
    default:
      return std::nullopt;
  }
}

class Converter {
 public:
  Converter(Context& c, const PolicySpec& p, std::set<std::string>& names)
      : c_(c), p_(p), names_(names) {}

  void run();

 private:
  void err(const std::string& msg) {
    c_.error(
        fmt::format("{}: policy '{}' ({}): {}", p_.where, p_.name, policy_kind_name(p_.kind), msg));
    ok_ = false;
  }
  double num(const char* key) const { return policy_number(p_, key); }
  std::string unique(std::string name) {
    std::string n = name;
    for (int k = 2; names_.contains(n); ++k) n = fmt::format("{} ({})", name, k);
    names_.insert(n);
    return n;
  }
  market::Period period() const { return {p_.start, p_.end}; }
  std::vector<std::size_t> regions(const std::vector<std::string>& names, const char* field);
  market::CommodityFilter goods();
  std::optional<market::FacilityScope> facilities();
  market::FlowScope flows(bool import_side);
  // Kinds whose conversion takes more than one policy constructor.
  void facility_policy();  // production quota, outage, cost shock
  void stockpile();
  void price_floor();
  void project_delay();
  template <class P>
  void push(P policy) {
    if (!ok_) return;
    policy.name = unique(policy.name);
    c_.m.policies.push_back(std::move(policy));
  }

  Context& c_;
  const PolicySpec& p_;
  std::set<std::string>& names_;
  bool ok_ = true;
};

std::vector<std::size_t> Converter::regions(const std::vector<std::string>& names,
                                            const char* field) {
  std::vector<std::size_t> out;
  for (const auto& n : names) {
    if (auto r = c_.m.region_index(n)) {
      out.push_back(*r);
      continue;
    }
    if (const std::string mr = c_.d.market_region(n); mr != n && c_.m.region_index(mr)) {
      // A member of a market region (EST in EU27): the market resolves only the region.
      out.push_back(*c_.m.region_index(mr));
      c_.note(
          fmt::format("{}: {}: {} is resolved in the market region {}; the policy covers "
                      "all of {}",
                      p_.where, field, n, mr, mr));
      continue;
    }
    std::vector<std::string> members = c_.d.members(n);
    bool bloc = members.size() != 1 || members.front() != n;
    std::vector<std::string> in, outside;
    for (const auto& id : members) (c_.region(id) ? in : outside).push_back(id);
    if (!bloc) {
      err(
          fmt::format("{}: region {} has no flows of its own in the market model (it is part of "
                      "{}); name {} or a bloc",
                      field, n, kRow, kRow));
      continue;
    }
    if (in.empty()) {
      err(
          fmt::format("{}: no member of bloc {} is a region of the market model ({} are inside "
                      "{})",
                      field, n, fmt::join(outside, ", "), kRow));
      continue;
    }
    std::vector<std::string> widened;  // market regions wider than the bloc's members in them
    for (const auto& id : in) {
      out.push_back(*c_.region(id));
      const std::string mr = c_.d.market_region(id);
      if (mr != id && std::ranges::find(widened, mr) == widened.end()) {
        for (const auto& m : c_.d.resolved_in(mr))
          if (std::ranges::find(members, m) == members.end()) {
            widened.push_back(mr);
            break;
          }
      }
    }
    if (!widened.empty())
      c_.note(
          fmt::format("{}: bloc {} includes members of {}, which the market resolves as a "
                      "whole: the policy covers all of {}",
                      p_.where, n, fmt::join(widened, ", "), fmt::join(widened, ", ")));
    if (!outside.empty())
      c_.note(
          fmt::format("{}: bloc {} covers {} in the market model; {} are inside {} and not "
                      "in the scope",
                      p_.where, n, fmt::join(in, ", "), fmt::join(outside, ", "), kRow));
  }
  std::ranges::sort(out);
  out.erase(std::unique(out.begin(), out.end()), out.end());
  return out;
}

market::CommodityFilter Converter::goods() {
  market::CommodityFilter f;
  for (const auto& s : p_.stages) {
    if (auto st = stage_from_key(s))
      f.stages.push_back(*st);
    else
      err(fmt::format("stages: unknown stage \"{}\"", s));
  }
  for (const auto& e : p_.elements) {
    if (auto el = element_from_symbol(e))
      f.elements.push_back(*el);
    else
      err(fmt::format("elements: unknown element \"{}\"", e));
  }
  return f;
}

std::optional<market::FacilityScope> Converter::facilities() {
  std::optional<FacilityKind> kind;
  if (auto st = chain_stage_from_key(p_.facility_stage)) kind = kind_of(*st);
  market::FacilityScope scope;
  if (!p_.facilities.empty() && !p_.regions.empty()) {
    err("give facilities or regions (with facility_stage), not both");
    return std::nullopt;
  }
  for (const auto& id : p_.facilities) {
    auto it = c_.facility.find(id);
    if (it == c_.facility.end()) {
      auto f = std::ranges::find_if(c_.d.facilities, [&](const Facility& x) { return x.id == id; });
      std::string why = f == c_.d.facilities.end() ? "unknown facility"
                        : f->stage == ChainStage::Recycling
                            ? "a recycling plant is not a market facility (its output is "
                              "secondary supply)"
                            : fmt::format(
                                  "its status ({}) is not in include_statuses; add it "
                                  "to include_facilities",
                                  facility_status_key(f->status));
      err(fmt::format("facilities: {} is not in the market model: {}", id, why));
      continue;
    }
    for (const auto& ref : it->second) {
      if (kind && *kind != ref.kind) {
        err(fmt::format("facilities: {} is a {} facility, not {}", id,
                        market::facility_kind_name(ref.kind), p_.facility_stage));
        continue;
      }
      kind = ref.kind;
      if (std::ranges::find(scope.facilities, ref.index) == scope.facilities.end())
        scope.facilities.push_back(ref.index);
    }
  }
  if (!kind) {
    err("expected facility_stage (mine, separation, metal or magnet) or facilities");
    return std::nullopt;
  }
  scope.kind = *kind;
  scope.regions = regions(p_.regions, "regions");
  return scope;
}

// Exporters are `regions` and importers `partners`; for an import tariff the other way round
// (the region that levies it imports from its partners).
market::FlowScope Converter::flows(bool import_side) {
  market::FlowScope s;
  s.from = regions(import_side ? p_.partners : p_.regions, import_side ? "partners" : "regions");
  s.to = regions(import_side ? p_.regions : p_.partners, import_side ? "regions" : "partners");
  s.goods = goods();
  return s;
}

void Converter::run() {
  switch (p_.kind) {
    case PolicyKind::ExportBan:
      push(market::ExportBan{p_.name, period(), flows(false)});
      return;
    case PolicyKind::ExportQuota:
      push(market::ExportQuota{p_.name, period(), flows(false), num("quota_t")});
      return;
    case PolicyKind::ExportLicensing:
      push(market::ExportLicensing{p_.name, period(), flows(false), num("share"),
                                   num("delay_years")});
      return;
    case PolicyKind::ExportTax:
    case PolicyKind::ImportTariff: {
      bool imp = p_.kind == PolicyKind::ImportTariff;
      push(market::TradeTax{p_.name, period(), flows(imp),
                            imp ? market::TaxSide::Import : market::TaxSide::Export,
                            num("ad_valorem"), num("specific_usd_per_t")});
      return;
    }
    case PolicyKind::Sanction:
      if (p_.partners.empty()) err("partners: expected the other side of the sanction");
      push(market::Sanction{p_.name, period(), flows(false)});
      return;
    case PolicyKind::ProductionQuota:
    case PolicyKind::Outage:
    case PolicyKind::CostShock:
      facility_policy();
      return;
    case PolicyKind::DemandShock:
      push(market::DemandShock{p_.name, period(), regions(p_.regions, "regions"), p_.sectors,
                               goods(), num("multiplier")});
      return;
    case PolicyKind::Stockpile:
      stockpile();
      return;
    case PolicyKind::PriceFloor:
      price_floor();
      return;
    case PolicyKind::ProjectDelay:
      project_delay();
      return;
  }
}

void Converter::facility_policy() {
  auto scope = facilities();
  if (!scope) return;
  if (p_.kind == PolicyKind::ProductionQuota)
    push(market::ProductionQuota{p_.name, period(), *scope, num("quota_t")});
  else if (p_.kind == PolicyKind::Outage)
    push(market::Outage{p_.name, period(), *scope, num("share_lost")});
  else
    push(market::CostShock{p_.name, period(), *scope, num("multiplier")});
}

void Converter::stockpile() {
  auto rs = regions(p_.regions, "regions");
  market::CommodityFilter g = goods();
  if (rs.size() != 1) err("regions: expected exactly one region for a stockpile");
  if (g.elements.size() != 1) err("elements: expected exactly one element for a stockpile");
  Stage stage = g.stages.empty() ? Stage::Oxide : g.stages.front();
  if (g.stages.size() > 1 || stage == Stage::Concentrate)
    err("stages: expected one of oxide, metal or magnet for a stockpile");
  if (!ok_) return;
  market::StockpileProgram sp;
  sp.name = p_.name;
  sp.period = period();
  sp.region = rs.front();
  sp.commodity = stage == Stage::Magnet ? market::Commodity::magnet(0)
                                        : market::Commodity{stage, index(g.elements.front())};
  sp.initial_level_t = num("initial_level_t");
  sp.fill_rate_t = num("fill_rate_t");
  sp.fill_price_cap_usd_per_kg = num("fill_price_cap_usd_per_kg");
  sp.max_level_t = num("max_level_t");
  sp.release_rate_t = num("release_rate_t");
  sp.min_level_t = num("min_level_t");
  // Without releases the trigger is never reached; it must still lie above the fill cap.
  sp.release_trigger_usd_per_kg = p_.numbers.contains("release_trigger_usd_per_kg")
                                      ? num("release_trigger_usd_per_kg")
                                      : sp.fill_price_cap_usd_per_kg + 1.0;
  push(sp);
}

void Converter::price_floor() {
  auto scope = facilities();
  if (!scope) return;
  if (scope->kind != FacilityKind::Separation)
    err("expected separation plants (facilities or facility_stage = \"separation\")");
  if (p_.elements.empty()) err("elements: expected the floored oxides (e.g. [\"Nd\", \"Pr\"])");
  std::vector<std::size_t> plants = scope->facilities;
  if (plants.empty())
    for (std::size_t i = 0; i < c_.m.separation.size(); ++i)
      if (scope->regions.empty() ||
          std::ranges::find(scope->regions, c_.m.separation[i].region) != scope->regions.end())
        plants.push_back(i);
  std::vector<Element> els = goods().elements;
  for (std::size_t plant : plants) {
    std::string name =
        plants.size() == 1 ? p_.name : fmt::format("{} ({})", p_.name, c_.m.separation[plant].id);
    push(market::PriceFloor{name, period(), plant, els, num("floor_usd_per_kg")});
  }
}

void Converter::project_delay() {
  double years = num("delay_years");
  if (years != std::floor(years)) err("delay_years: expected a whole number of years");
  if (p_.facilities.empty()) err("facilities: expected the delayed projects");
  auto scope = facilities();
  if (!scope) return;
  for (std::size_t i : scope->facilities)
    push(market::ProjectDelay{
        scope->facilities.size() == 1
            ? p_.name
            : fmt::format("{} ({})", p_.name, c_.m.facility({scope->kind, i}).id),
        {scope->kind, i},
        static_cast<int>(years)});
}

}  // namespace

void add_scenario_policies(Context& c) {
  std::set<std::string> names;
  for (const auto& p : c.m.policies) names.insert(market::policy_name(p));
  for (const auto& p : c.s.policies) {
    Converter(c, p, names).run();
    // Elements under China's export controls, for the outside/inside price ratio.
    bool control = p.kind == PolicyKind::ExportBan || p.kind == PolicyKind::ExportQuota ||
                   p.kind == PolicyKind::ExportLicensing || p.kind == PolicyKind::ExportTax;
    bool from_china = std::ranges::any_of(p.regions, [&](const std::string& r) {
      auto m = c.d.members(r);
      return std::ranges::find(m, std::string(kChina)) != m.end();
    });
    if (!control || !from_china) continue;
    std::vector<std::string> els = p.elements;
    if (els.empty()) els = {"Nd", "Pr", "Dy", "Tb", "La", "Ce"};
    for (const auto& e : els)
      if (std::ranges::find(c.out.affected_elements, e) == c.out.affected_elements.end())
        c.out.affected_elements.push_back(e);
  }
  std::ranges::sort(c.out.affected_elements, [](const std::string& a, const std::string& b) {
    return index(*element_from_symbol(a)) < index(*element_from_symbol(b));
  });
}

}  // namespace rareflow::scenario::detail
