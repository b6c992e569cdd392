// China's mining and separation quotas: production quota policies of every scenario (the
// baseline included). Official figures by year: the package's 2024 quotas held at that level
// (China published none for 2025; the baseline adds no new policy), or a scenario's
// quota:china_mining / quota:china_separation trajectory.
#include <algorithm>
#include <cmath>

#include <fmt/format.h>

#include "market_adapter_context.hpp"

namespace rareflow::scenario::detail {

namespace {

// Official quota per year base..last: the scenario's trajectory (with the package's base-year
// quota as its first point unless it names the base year), else the base-year quota.
std::vector<double> quota_path(Context& c, const std::string& target, double base_quota) {
  std::vector<double> out(c.magnet_index.size());
  for (const auto& tr : c.s.trajectories) {
    if (tr.target != target) continue;
    market::Trajectory t;
    if (tr.points.empty() || tr.points.front().first > c.base_year)
      t.points.push_back({c.base_year, base_quota});
    for (const auto& [y, v] : tr.points)
      if (y >= c.base_year) t.points.push_back({y, v});
    for (std::size_t i = 0; i < out.size(); ++i)
      out[i] = t.at(c.base_year + static_cast<int>(i), base_quota);
    c.note(fmt::format("{} follows the scenario trajectory ({})", target, tr.where));
    return out;
  }
  std::ranges::fill(out, base_quota);
  return out;
}

}  // namespace

void prepare_china(Context& c) {
  auto idx = driver_index(c.d, "magnet_ree_demand", c.base_year, c.last_year);
  if (!idx) {
    c.error("data package: trajectories: " + idx.error().message);
    c.magnet_index.assign(static_cast<std::size_t>(c.last_year - c.base_year + 1), 1.0);
  } else {
    c.magnet_index = std::move(*idx);
  }
  c.china_mining_quota =
      quota_path(c, "quota:china_mining", c.param("china_mining_quota_2024", 270000.0));
  c.china_separation_quota =
      quota_path(c, "quota:china_separation", c.param("china_separation_quota_2024", 254000.0));
}

// China's mining quota split by ore as in the base-year mine mix (the light and the
// ion-adsorption quotas), and its separation quota on the model's basis. A constant quota is one
// policy over the whole run; a quota that moves is one policy per year (exact, but each year's
// switch of rows costs the warm start many simplex iterations).
void add_china_quotas(Context& c) {
  auto china = c.region(kChina);
  if (!china) return;
  struct Share {
    std::size_t source;
    double share;
  };
  std::vector<Share> ores;
  double out_t = 0.0;
  for (std::size_t s = 0; s < c.m.sources.size(); ++s) {
    const auto& src = c.m.sources[s];
    if (src.region != *china || src.life.candidate || src.life.online_year > c.base_year) continue;
    ores.push_back({s, src.capacity_t});
    out_t += src.capacity_t;
  }
  for (auto& o : ores) o.share /= out_t;
  auto constant = [&](const std::vector<double>& v) {
    return std::ranges::all_of(v, [&](double x) { return x == v.front(); });
  };
  const bool moves = !constant(c.china_mining_quota) || !constant(c.china_separation_quota);
  const int last = moves ? c.s.last_year : c.s.first_year;
  c.out.yearly_quotas = moves;
  for (int y = c.s.first_year; y <= last; ++y) {
    const std::size_t i = c.year_index(y);
    const market::Period period = moves ? market::Period::years(y, y) : market::Period{};
    const std::string suffix = moves ? fmt::format(" {}", y) : "";
    for (const auto& o : ores) {
      market::ProductionQuota q;
      const std::string ore = c.m.sources[o.source].id.substr(std::string(kChina).size() + 1);
      q.name = fmt::format("China mining quota ({}){}", ore, suffix);
      q.period = period;
      q.scope = {market::FacilityKind::Mine, {}, {o.source}};
      q.quota_t = c.china_mining_quota[i] * o.share;
      c.m.policies.push_back(q);
    }
    market::ProductionQuota q;
    q.name = "China separation quota" + suffix;
    q.period = period;
    q.scope = {market::FacilityKind::Separation, {}, {c.china_separation}};
    q.quota_t = c.china_separation_quota[i] * c.out.separation_quota_factor;
    c.m.policies.push_back(q);
  }
  c.note(
      fmt::format("China's mining quota ({:.0f} t REO in {}) split by ore as its mine mix, and "
                  "its separation quota, are production quota policies{}",
                  c.china_mining_quota.front(), c.base_year,
                  moves ? " (one per year: the quotas move)" : " (held at the 2024 level)"));
}

}  // namespace rareflow::scenario::detail
