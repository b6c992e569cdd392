// Supply, part 1: ore sources (one per region and ore of its base-year mine mix, announced mine
// projects) and candidate projects (deposits with sourced capex, generic plant modules).
#include <algorithm>
#include <cmath>

#include <fmt/format.h>

#include "market_adapter_context.hpp"

namespace rareflow::scenario::detail {

namespace {

double mine_output(const Context& c, const std::string& region) {
  double t = 0.0;
  for (const auto& p : c.d.production)
    if (p.stage == ChainStage::Mine && p.region == region && p.year == c.base_year &&
        p.elements.empty())
      t += p.value;
  return t;
}

const Distribution* deposit_distribution(const Context& c, const std::string& deposit) {
  for (const auto& dep : c.d.deposits)
    if (dep.id == deposit) return c.d.distribution(dep.distribution);
  return nullptr;
}

std::size_t add_source(Context& c, std::string id, std::size_t region, double capacity,
                       const ElementArray& dist, market::Lifecycle life) {
  c.m.sources.push_back(
      {{std::move(id), region, capacity, c.param("mine_unit_cost", 2.92), life}, dist});
  return c.m.sources.size() - 1;
}

}  // namespace

// Base-year mines: USGS output of each region split by its mine mix; mines run at capacity in
// the calibrated base year because their cost is below the value of their ore. China's mines
// get headroom above the largest mining quota of the run: its quotas, not capacity, bind.
// Announced mine projects (e.g. an expansion) are sources of their own.
void add_mines(Context& c) {
  const double headroom = 1.0 + c.param("china_capacity_headroom", 25.0) / 100.0;
  const double china_peak = peak_ratio(c.china_mining_quota);
  for (std::size_t r = 0; r < c.m.regions.size(); ++r) {
    const std::string& id = c.m.regions[r].id;
    double out = mine_output(c, id);
    if (out <= 0.0) continue;
    double share_sum = 0.0;
    for (const auto& mix : c.d.mine_mix) {
      if (mix.region != id || mix.year != c.base_year) continue;
      const Distribution* dist = c.d.distribution(mix.distribution);
      if (!dist) continue;  // the package validates references
      double cap = out * mix.share_pct / 100.0;
      if (id == kChina) cap *= china_peak * headroom;
      add_source(c, id + "-" + mix.distribution, r, cap, dist->share, {});
      share_sum += mix.share_pct;
    }
    if (std::abs(share_sum - 100.0) > 1e-6)
      c.error(
          fmt::format("data package: mine_mix: expected the {} shares of {} to sum to 100%, "
                      "found {}",
                      c.base_year, id, share_sum));
  }
  for (const auto& f : c.d.facilities) {
    if (f.stage != ChainStage::Mine || !c.included(f)) continue;
    auto r = c.region(f.region);
    const Distribution* dist = deposit_distribution(c, f.deposit);
    if (!r || !dist) {
      c.error(
          fmt::format("data package: facilities: mine {} needs a region of the model and a "
                      "deposit with a distribution",
                      f.id));
      continue;
    }
    market::Lifecycle life = c.lifecycle(f);
    if (life.online_year <= c.base_year) {
      // Operating in the base year: part of its region's USGS output, by ore.
      std::string agg = f.region + "-" + dist->id;
      for (std::size_t s = 0; s < c.m.sources.size(); ++s)
        if (c.m.sources[s].id == agg) c.facility[f.id].push_back({market::FacilityKind::Mine, s});
      continue;
    }
    if (f.unit != "t REO" || !(f.capacity > 0.0)) {
      c.error(
          fmt::format("data package: facilities: mine project {} needs a capacity in t REO", f.id));
      continue;
    }
    std::size_t s = add_source(c, f.id, *r, f.capacity, dist->share, life);
    c.facility[f.id].push_back({market::FacilityKind::Mine, s});
  }
}

// Candidate mines: development or candidate deposits with project capacity and capex rows;
// built by the investment rule after the mine lead time. Generic separation and magnet modules
// outside China, one per region that already separates or makes magnets.
void add_candidates(Context& c) {
  const int mine_lead = static_cast<int>(std::lround(c.param("candidate_mine_lead_time", 4.0)));
  const int plant_lead = static_cast<int>(std::lround(c.param("candidate_plant_lead_time", 3.0)));
  std::vector<std::string> skipped;
  for (const auto& dep : c.d.deposits) {
    if (dep.status != DepositStatus::Development && dep.status != DepositStatus::Candidate)
      continue;
    const Distribution* dist = c.d.distribution(dep.distribution);
    auto r = c.region(dep.region);
    if (!is_candidate_deposit(c, dep) || !dist || !r) {
      skipped.push_back(dep.id);
      continue;
    }
    market::Lifecycle life;
    life.candidate = true;
    life.capex_usd_per_tpa = c.param("project_" + dep.id + "_capex");
    life.lead_time_years = mine_lead;
    life.earliest_decision_year = c.base_year;
    life.ramp_years = static_cast<int>(std::lround(c.param("ramp_up_years", 2.0)));
    add_source(c, dep.id, *r, c.param("project_" + dep.id + "_capacity"), dist->share, life);
  }
  if (!skipped.empty())
    c.note(
        fmt::format("deposits in development without sourced capacity and capex (not "
                    "candidates): {}",
                    fmt::join(skipped, ", ")));

  market::Lifecycle module;
  module.candidate = true;
  module.lead_time_years = plant_lead;
  module.earliest_decision_year = c.base_year;
  module.ramp_years = static_cast<int>(std::lround(c.param("ramp_up_years", 2.0)));
  const auto china = c.region(kChina);
  std::vector<std::size_t> sep_regions, magnet_regions;
  for (const auto& p : c.m.separation)
    if (p.region != china && std::ranges::find(sep_regions, p.region) == sep_regions.end())
      sep_regions.push_back(p.region);
  for (const auto& p : c.m.magnet)
    if (p.region != china && std::ranges::find(magnet_regions, p.region) == magnet_regions.end())
      magnet_regions.push_back(p.region);
  std::ranges::sort(sep_regions);
  std::ranges::sort(magnet_regions);
  ElementArray all{};
  all.fill(1.0);
  module.capex_usd_per_tpa = c.param("module_separation_capex", 66300.0);
  for (std::size_t r : sep_regions)
    c.m.separation.push_back({{c.m.regions[r].id + "-separation-module", r,
                               c.param("module_separation_capacity", 5000.0),
                               c.param("separation_unit_cost", 5.0), module},
                              c.recovery_of(all)});
  module.capex_usd_per_tpa = c.param("module_magnet_capex", 58500.0);
  for (std::size_t r : magnet_regions)
    c.m.magnet.push_back({{c.m.regions[r].id + "-magnet-module", r,
                           c.param("module_magnet_capacity", 5000.0), c.magnet_cost, module},
                          0});
}

}  // namespace rareflow::scenario::detail
