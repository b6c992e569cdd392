#include <algorithm>
#include <cmath>

#include "dynamics.hpp"

namespace rareflow::market::detail {

namespace {

constexpr auto kSep = static_cast<std::size_t>(FacilityKind::Separation);

std::optional<double> transport(const MarketModel& m, std::size_t from, std::size_t to, Stage s) {
  if (from == to) return 0.0;
  for (const auto& a : m.arcs)
    if (a.from == from && a.to == to && a.stage == s) return a.cost_usd_per_kg;
  return std::nullopt;
}

double value_or_zero(double v) {
  return std::isnan(v) ? 0.0 : v;
}

// Oxide sales of one t of source s treated at plant p, at netback prices in p's region.
double separated_value(const MarketModel& m, const YearResult& y, std::size_t p, std::size_t s) {
  const CommoditySet set = m.commodities();
  const auto& plant = m.separation[p];
  double v = 0.0;
  for (std::size_t e = 0; e < kElementCount; ++e) {
    double q = plant.recovery[e] * m.sources[s].distribution[e];
    if (q > 0.0)
      v += q * value_or_zero(y.at(y.netback_price, set.index({Stage::Oxide, e}), plant.region));
  }
  return v;
}

double unit_cost(const MarketModel& m, FacilityRef f, int year) {
  return m.facility(f).unit_cost_usd_per_kg *
         m.settings.cost_index[static_cast<std::size_t>(f.kind)].at(year, 1.0);
}

int delay_of(const MarketModel& m, FacilityRef f) {
  int d = 0;
  for (const auto& p : m.policies)
    if (const auto* pd = std::get_if<ProjectDelay>(&p))
      if (pd->facility.kind == f.kind && pd->facility.index == f.index) d += pd->delay_years;
  return d;
}

}  // namespace

std::optional<double> basket_value(const MarketModel& m, const YearResult& y, FacilityRef f) {
  const CommoditySet set = m.commodities();
  std::optional<double> best;
  auto consider = [&](double v) { best = best ? std::max(*best, v) : v; };
  switch (f.kind) {
    case FacilityKind::Mine: {
      // Concentrate sold to the best separation plant it can reach: oxide value minus that
      // plant's cost and capacity rent and the transport.
      std::size_t rs = m.sources[f.index].region;
      for (std::size_t p = 0; p < m.separation.size(); ++p) {
        auto t = transport(m, rs, m.separation[p].region, Stage::Concentrate);
        if (!t) continue;
        consider(separated_value(m, y, p, f.index) -
                 unit_cost(m, {FacilityKind::Separation, p}, y.year) - y.capacity_rent[kSep][p] -
                 *t);
      }
      break;
    }
    case FacilityKind::Separation: {
      // Oxides from the best feed it can buy: the source's concentrate at its market price (at
      // least the mine's cost) plus transport.
      std::size_t rp = m.separation[f.index].region;
      for (std::size_t s = 0; s < m.sources.size(); ++s) {
        auto t = transport(m, m.sources[s].region, rp, Stage::Concentrate);
        if (!t) continue;
        double pc = y.at(y.price, set.index(Commodity::concentrate(s)), m.sources[s].region);
        double feed = std::max(value_or_zero(pc), m.sources[s].unit_cost_usd_per_kg);
        consider(separated_value(m, y, f.index, s) - feed - *t);
      }
      break;
    }
    case FacilityKind::Metal: {
      const auto& p = m.metal[f.index];
      for (Element e : p.elements) {
        double pm = y.at(y.netback_price, set.index(Commodity::metal(e)), p.region);
        double po = y.at(y.price, set.index(Commodity::oxide(e)), p.region);
        if (std::isnan(pm) || std::isnan(po)) continue;
        consider(pm - po * metal_to_oxide(e));
      }
      break;
    }
    case FacilityKind::Magnet: {
      // The best route the plant can run: output value less its metal and extra cost.
      const auto& p = m.magnet[f.index];
      for (const auto& route : effective_magnet_routes(m)) {
        if (route.plant_type != p.type) continue;
        double v = y.at(y.netback_price, set.index(Commodity::magnet(route.output)), p.region);
        if (std::isnan(v)) continue;
        v -= route.extra_cost_usd_per_kg;
        bool priced = true;
        const MagnetInputs in = magnet_inputs(m, route);
        for (std::size_t e = 0; e < kElementCount && priced; ++e) {
          if (in.metal[e] <= 0.0) continue;
          double pm = y.at(y.price, set.index({Stage::Metal, e}), p.region);
          double po = y.at(y.price, set.index({Stage::Oxide, e}), p.region);
          priced = !std::isnan(pm);
          v -= in.metal[e] * (priced ? pm : 0.0);
          if (in.scrap_oxide[e] > 0.0 && !std::isnan(po)) v += in.scrap_oxide[e] * po;
        }
        if (priced) consider(v);
      }
      break;
    }
  }
  return best;
}

double capital_recovery_factor(double rate, int years) {
  if (rate <= 0.0) return 1.0 / years;
  return rate / (1.0 - std::pow(1.0 + rate, -years));
}

void decide_investments(const MarketModel& m, const std::vector<YearResult>& history, int year,
                        YearState& state, std::vector<InvestmentDecision>& decisions) {
  const int window = m.settings.price_window_years;
  for (std::size_t k = 0; k < kFacilityKindCount; ++k) {
    auto kind = static_cast<FacilityKind>(k);
    for (std::size_t i = 0; i < m.facility_count(kind); ++i) {
      FacilityRef f{kind, i};
      const Lifecycle& l = m.facility(f).life;
      if (!l.candidate || state.online_year[k][i] != kNever || year < l.earliest_decision_year)
        continue;
      double sum = 0.0;
      int n = 0;
      for (const auto& y : history) {
        if (y.year <= year - window || y.year > year) continue;
        if (auto v = basket_value(m, y, f)) {
          sum += *v;
          ++n;
        }
      }
      if (n == 0) continue;
      double margin = sum / n - unit_cost(m, f, year);
      double capital = l.capex_usd_per_tpa / 1000.0 *
                       capital_recovery_factor(m.settings.hurdle_rate, l.lifetime_years);
      if (!(margin > capital)) continue;
      int online = year + l.lead_time_years + delay_of(m, f);
      state.online_year[k][i] = online;
      decisions.push_back({f, year, online, m.facility(f).capacity_t, margin, capital});
    }
  }
}

}  // namespace rareflow::market::detail
