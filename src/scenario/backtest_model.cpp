// The quota-era market model from the history package (docs/model_calibration.md, section 7):
// two regions, China (CHN) and the rest of the world (ROW); the package's mines, each region
// separating its own ore; oxide demand per region and element, calibrated so that the base
// year (2009) clears at its observed prices; China's mining quotas, unreported output, export
// quotas (total, then light and medium/heavy), export duties and the 2010 embargo on Japan as
// they happened.
#include <algorithm>
#include <cmath>

#include <fmt/format.h>

#include "backtest_history.hpp"
#include "rareflow/market/demand_curve.hpp"

namespace rareflow::scenario::detail {

namespace {

using market::Commodity;
using market::MarketModel;

constexpr std::size_t kChn = 0, kRow = 1;
constexpr double kReferenceBand = 0.02;  // as the world adapter (market_adapter_demand.cpp)
constexpr Element kLight[] = {Element::La, Element::Ce, Element::Pr, Element::Nd};

bool is_light(Element e) {
  return std::ranges::find(kLight, e) != std::end(kLight);
}

// Elements of a policy row: "" = all modelled, "other" = modelled ones not named in the
// year's other rows of the same kind, else symbols separated by ';'.
std::vector<Element> elements_of(const History& h, const HistoryPolicy& p,
                                 const std::vector<Element>& modelled) {
  auto parse = [&](const std::string& list) {
    std::vector<Element> out;
    std::size_t start = 0;
    while (start <= list.size()) {
      std::size_t end = list.find(';', start);
      if (end == std::string::npos) end = list.size();
      auto e = element_from_symbol(list.substr(start, end - start));
      if (e && std::ranges::find(modelled, *e) != modelled.end()) out.push_back(*e);
      start = end + 1;
    }
    return out;
  };
  if (p.elements.empty() || p.elements == "all") return modelled;
  if (p.elements != "other") return parse(p.elements);
  std::vector<Element> named;
  for (const auto& q : h.policies)
    if (q.year == p.year && q.kind == p.kind && q.period == p.period && q.elements != "other")
      for (Element e : parse(q.elements)) named.push_back(e);
  std::vector<Element> out;
  for (Element e : modelled)
    if (std::ranges::find(named, e) == named.end()) out.push_back(e);
  return out;
}

market::FlowScope china_exports(const std::vector<Element>& elements) {
  market::FlowScope s;
  s.from = {kChn};
  s.to = {kRow};
  s.goods.stages = {market::Stage::Oxide};
  s.goods.elements = elements;
  return s;
}

std::optional<std::size_t> source_index(const MarketModel& m, const std::string& id) {
  for (std::size_t i = 0; i < m.sources.size(); ++i)
    if (m.sources[i].id == id) return i;
  return std::nullopt;
}

void add_mining_quota(MarketModel& m, const std::string& name, int year,
                      std::vector<std::size_t> sources, double t) {
  market::FacilityScope scope{market::FacilityKind::Mine, {}, std::move(sources)};
  m.policies.push_back(market::ProductionQuota{name, market::Period::years(year, year), scope, t});
}

// China's mining: the legal light and ion-adsorption mines under the year's quota (split light
// and medium/heavy as in 2011 where the year has no split), the unreported output under its
// yearly limit. Base year: the observed world production less the rest of the world's mines.
Result<void> add_china_mining(const History& h, MarketModel& m, int last_year,
                              std::vector<std::string>& notes) {
  auto light = source_index(m, "chn-light"), ionic = source_index(m, "chn-ionic"),
       unreported = source_index(m, "chn-unreported");
  if (!light || !ionic || !unreported)
    return fail(
        fmt::format("history package {}: supply: expected rows chn-light, chn-ionic and "
                    "chn-unreported",
                    h.origin));
  auto quota = [&](int year, const std::string& group) {
    double v = std::nan("");
    for (const auto& p : h.policies)
      if (p.kind == HistoryPolicyKind::MiningQuota && p.year == year && p.period == "year" &&
          p.elements == group)
        v = p.value;
    return v;
  };
  const double heavy_share = quota(2011, "heavy") / quota(2011, "");
  if (!(heavy_share > 0.0 && heavy_share < 1.0))
    return fail(
        "history package: policies: expected the 2011 mining quota and its medium/heavy "
        "part");
  double row_capacity = 0.0;
  for (const auto& s : h.supply)
    if (s.region == "ROW" && s.online_year <= h.base_year) row_capacity += s.capacity_t;
  const double world = observed_value(h, "mine_production", "World", h.base_year);
  if (std::isnan(world))
    return fail(fmt::format("history package: observed: expected the world's {} mine production",
                            h.base_year));
  for (int y = h.base_year; y <= last_year; ++y) {
    // The base year had unreported output too: the first simulated year's is assumed.
    auto u = h.param(fmt::format("unreported_output_{}", y == h.base_year ? y + 1 : y));
    if (!u) return std::unexpected(u.error());
    const double off = *u;
    double total = y == h.base_year ? world - row_capacity - off : quota(y, "");
    if (std::isnan(total)) {
      auto p = h.param(fmt::format("mining_quota_{}", y));
      if (!p) return std::unexpected(p.error());
      total = *p;
    }
    double heavy = quota(y, "heavy");
    if (std::isnan(heavy)) heavy = heavy_share * total;
    add_mining_quota(m, fmt::format("china_mining_light_{}", y), y, {*light}, total - heavy);
    add_mining_quota(m, fmt::format("china_mining_heavy_{}", y), y, {*ionic}, heavy);
    add_mining_quota(m, fmt::format("china_unreported_{}", y), y, {*unreported}, off);
  }
  notes.push_back(fmt::format(
      "China's {} mining: the observed world production ({:.0f} t REO) less the rest of the "
      "world's mines ({:.0f} t), with the first simulated year's unreported output; medium/heavy "
      "share of China's quota where a year has no split: "
      "{:.1f}% (2011)",
      h.base_year, world, row_capacity, 100.0 * heavy_share));
  return {};
}

// The year's export quota of a group ("" = total): the full-year row, else the sum of its
// batches; NaN when none.
double export_quota(const History& h, int y, const char* group) {
  double full = std::nan(""), batches = 0.0;
  int n = 0;
  for (const auto& p : h.policies) {
    if (p.kind != HistoryPolicyKind::ExportQuota || p.year != y || p.elements != group) continue;
    if (p.period == "year")
      full = p.value;
    else
      batches += p.value, ++n;
  }
  return !std::isnan(full) ? full : n > 0 ? batches : std::nan("");
}

constexpr const char* kLightGroup = "La;Ce;Pr;Nd";
constexpr const char* kHeavyGroup = "Sm;Eu;Gd;Tb;Dy;Y";

// Export quotas: the total, then (from 2012) light and medium/heavy, each a constraint on the
// sum of China's oxide exports in its group. Quota tonnages are taken as t REO.
void add_export_quotas(const History& h, MarketModel& m, const std::vector<Element>& modelled,
                       int last_year) {
  for (int y = h.base_year; y <= last_year; ++y)
    for (const char* group : {"", kLightGroup, kHeavyGroup}) {
      double t = export_quota(h, y, group);
      if (std::isnan(t)) continue;
      HistoryPolicy row{y, "year", HistoryPolicyKind::ExportQuota, group, t};
      std::string name = fmt::format("export_quota_{}{}", y,
                                     group[0] == 0          ? ""
                                     : group == kLightGroup ? "_light"
                                                            : "_heavy");
      m.policies.push_back(market::ExportQuota{name, market::Period::years(y, y),
                                               china_exports(elements_of(h, row, modelled)), t});
    }
}

// Export licences: the quota was allocated to firms and products and could not be traded, so
// each oxide passes at most the quota's share of its own base-year exports (licensing with a
// yearly share path: quota of the year over base-year exports, per group once the quota is
// split). This is what leaves total exports below the quota while Nd and Dy are short outside.
void add_export_licences(const History& h, MarketModel& m, const std::vector<Element>& modelled,
                         int last_year, double light_share_of_exports) {
  const double base = export_quota(h, h.base_year, "") > 0.0
                          ? observed_value(h, "exports", "CHN", h.base_year)
                          : std::nan("");
  for (const char* group : {kLightGroup, kHeavyGroup}) {
    const bool light = group == kLightGroup;
    market::ExportLicensing l;
    l.name = light ? "export_licences_light" : "export_licences_heavy";
    l.period = {double(h.base_year + 1), double(last_year)};  // ended with the quota (2015)
    HistoryPolicy row{h.base_year, "year", HistoryPolicyKind::ExportQuota, group, 0.0};
    l.scope = china_exports(elements_of(h, row, modelled));
    const double base_group =
        base * (light ? light_share_of_exports : 1.0 - light_share_of_exports);
    for (int y = h.base_year + 1; y < last_year; ++y) {
      double q = export_quota(h, y, group);
      if (std::isnan(q))
        q = export_quota(h, y, "") *
            (light ? light_share_of_exports : 1.0 - light_share_of_exports);
      if (std::isnan(q)) continue;
      l.path.push_back({double(y), std::min(1.0, q / base_group)});
    }
    l.share = l.path.empty() ? 1.0 : l.path.front().share;
    m.policies.push_back(std::move(l));
  }
}

// Export duties (ad valorem on last year's price in China); the base year's from parameters.
Result<void> add_export_taxes(const History& h, MarketModel& m,
                              const std::vector<Element>& modelled) {
  auto tax = [&](const std::string& name, market::Period period, std::vector<Element> els,
                 double pct) {
    if (els.empty() || pct <= 0.0) return;
    m.policies.push_back(market::TradeTax{name, period, china_exports(els), market::TaxSide::Export,
                                          pct / 100.0, 0.0});
  };
  std::vector<Element> heavy, la_ce, other;
  for (Element e : modelled)
    (e == Element::Eu || e == Element::Dy || e == Element::Tb ? heavy
     : e == Element::La || e == Element::Ce                   ? la_ce
                                                              : other)
        .push_back(e);
  const int y0 = h.base_year;
  for (auto [id, els] :
       {std::pair{"export_tax_2009_heavy", heavy}, std::pair{"export_tax_2009_other", other},
        std::pair{"export_tax_2009_la_ce", la_ce}}) {
    auto v = h.param(id);
    if (!v) return std::unexpected(v.error());
    tax(fmt::format("{}_{}", id, y0), market::Period::years(y0, y0), els, *v);
  }
  for (const auto& p : h.policies) {
    if (p.kind != HistoryPolicyKind::ExportTax || p.year == y0) continue;
    market::Period period = market::Period::years(p.year, p.year);
    if (p.period == "Jan-Apr") period.end = p.year + 4.0 / 12.0;
    tax(fmt::format("export_tax_{}_{}", p.year, p.elements.empty() ? "all" : p.elements), period,
        elements_of(h, p, modelled), p.value);
  }
  return {};
}

// Yearly activity index (1 in the base year) growing at `pct` per year.
market::Trajectory growth(int base, int last, double pct) {
  market::Trajectory t;
  for (int y = base; y <= last; ++y) t.points.push_back({y, std::pow(1.0 + pct / 100.0, y - base)});
  return t;
}

// Demand per region and element: q0 splits the base year's separated supply between the
// regions by the rest of the world's share of use (China's exports plus its own mines, over
// world production); p0 is the observed price outside China, and inside China that price less
// the export duty and transport. Each curve has its reference step at q0, so the base year
// clears at the observed prices.
Result<void> add_demand(const History& h, MarketModel& m, const std::vector<Element>& modelled,
                        int last_year, std::vector<std::string>& notes) {
  std::vector<Result<double>> p;
  for (const char* id :
       {"elasticity_short", "elasticity_long", "response_speed", "recovery_speed",
        "backstop_multiple", "china_demand_growth", "row_demand_growth", "transport_oxide",
        "export_tax_2009_heavy", "export_tax_2009_other", "export_tax_2009_la_ce"})
    if (p.push_back(h.param(id)); !p.back()) return std::unexpected(p.back().error());
  auto lag_param = h.param("response_lag_years");
  if (!lag_param) return std::unexpected(lag_param.error());
  const int lag = static_cast<int>(*lag_param);
  const double eps = *p[0], eps_long = *p[1], speed = *p[2], recovery = *p[3], backstop = *p[4],
               g_chn = *p[5], g_row = *p[6], transport = *p[7];
  // Base-year separated supply per element and region, from the base year's mining limits.
  market::ElementArray supply{};
  double row_mined = 0.0;
  for (std::size_t s = 0; s < m.sources.size(); ++s) {
    const auto& src = m.sources[s];
    if (src.life.online_year > h.base_year) continue;
    double t = src.capacity_t;
    for (const auto& pol : m.policies)
      if (const auto* q = std::get_if<market::ProductionQuota>(&pol))
        if (q->period.active_share(h.base_year) > 0.0 &&
            std::ranges::find(q->scope.facilities, s) != q->scope.facilities.end())
          t = std::min(t, q->quota_t);
    if (src.region == kRow) row_mined += t;
    for (Element e : modelled)
      supply[index(e)] +=
          t * src.distribution[index(e)] * m.separation[src.region].recovery[index(e)];
  }
  const double exports = observed_value(h, "exports", "CHN", h.base_year);
  const double world = observed_value(h, "mine_production", "World", h.base_year);
  if (std::isnan(exports) || std::isnan(world))
    return fail(
        fmt::format("history package {}: observed: expected China's {} exports and the "
                    "world's mine production",
                    h.origin, h.base_year));
  const double row_share = (exports + row_mined) / world;
  notes.push_back(fmt::format(
      "{} demand: outside China {:.1f}% of every element's separated supply (China's exports "
      "{:.0f} t, taken as t REO, plus {:.0f} t mined outside China, over world production {:.0f} "
      "t); inside China the rest",
      h.base_year, 100.0 * row_share, exports, row_mined, world));
  for (Element e : modelled) {
    const double p_out = observed_price(h, e, true, h.base_year);
    const double tax = (e == Element::Eu || e == Element::Dy || e == Element::Tb ? *p[8]
                        : e == Element::La || e == Element::Ce                   ? *p[10]
                                                                                 : *p[9]) /
                       100.0;
    for (std::size_t r : {kChn, kRow}) {
      market::Demand d;
      d.sector = is_light(e) ? "light" : "medium/heavy";
      d.region = r;
      d.commodity = Commodity::oxide(e);
      d.q0_t =
          (r == kRow ? row_share : 1.0 - row_share) * supply[index(e)] / (1.0 + kReferenceBand);
      d.p0_usd_per_kg = r == kRow ? p_out : p_out / (1.0 + tax) - transport;
      d.elasticity = eps;
      d.choke_usd_per_kg = backstop * d.p0_usd_per_kg;
      d.activity = growth(h.base_year, last_year, r == kRow ? g_row : g_chn);
      d.response.long_run_elasticity = eps_long;
      d.response.speed = speed;
      d.response.recovery_speed = recovery;
      d.response.lag_years = lag;
      d.response.window_years = 1;
      if (!(d.q0_t > 0.0)) continue;
      auto steps = market::reference_steps(d, m.settings, kReferenceBand);
      if (!steps) return std::unexpected(steps.error());
      d.steps = std::move(*steps);
      m.demands.push_back(std::move(d));
    }
  }
  return {};
}

// The 2010 embargo on Japan: China's exports to the rest of the world lose Japan's share of
// them (its 2009 imports from China over China's exports) during the embargo.
Result<void> add_embargo(const History& h, MarketModel& m, const std::vector<Element>& modelled) {
  auto start = h.param("embargo_start"), end = h.param("embargo_end"),
       japan = h.param("japan_imports_from_china_2009");
  if (!start) return std::unexpected(start.error());
  if (!end) return std::unexpected(end.error());
  if (!japan) return std::unexpected(japan.error());
  const double exports = observed_value(h, "exports", "CHN", 2009);
  market::ExportLicensing l{
      "embargo_japan_2010", {*start, *end}, china_exports(modelled), 1.0 - *japan / exports, 0.0};
  m.policies.push_back(l);
  return {};
}

}  // namespace

Result<market::MarketModel> quota_era_model(const History& h, int last_year,
                                            std::vector<std::string>& notes) {
  MarketModel m;
  m.regions = {{"CHN", {}, 1.0}, {"ROW", {}, 1.0}};
  m.settings.base_year = h.base_year;
  m.settings.demand_step_gap = 0.01;
  m.settings.demand_step_growth = 0.05;
  const std::vector<Element> modelled = modelled_elements(h);
  auto transport = h.param("transport_oxide");
  auto sep_cost = h.param("separation_unit_cost");
  auto recovery = h.param("separation_recovery");
  if (!transport) return std::unexpected(transport.error());
  if (!sep_cost) return std::unexpected(sep_cost.error());
  if (!recovery) return std::unexpected(recovery.error());

  for (const auto& s : h.supply) {
    auto ore = std::ranges::find_if(h.ores, [&](const HistoryOre& o) { return o.id == s.ore; });
    market::Lifecycle life;
    if (s.online_year > h.base_year) {
      life.online_year = s.online_year;
      life.ramp_years = s.ramp_years;
    }
    m.sources.push_back(
        {{s.id, s.region == "CHN" ? kChn : kRow, s.capacity_t, s.unit_cost_usd_per_kg, life},
         ore->share});
  }
  market::ElementArray rec{};
  for (Element e : modelled) rec[index(e)] = *recovery / 100.0;
  m.separation.push_back({{"CHN-separation", kChn, 1e7, *sep_cost, {}}, rec});
  m.separation.push_back({{"ROW-separation", kRow, 1e7, *sep_cost, {}}, rec});
  market::add_all_arcs(m, market::Stage::Oxide, *transport);

  if (auto r = add_china_mining(h, m, last_year, notes); !r) return std::unexpected(r.error());
  add_export_quotas(h, m, modelled, last_year);
  if (auto r = add_export_taxes(h, m, modelled); !r) return std::unexpected(r.error());
  if (auto r = add_embargo(h, m, modelled); !r) return std::unexpected(r.error());
  if (auto r = add_demand(h, m, modelled, last_year, notes); !r) return std::unexpected(r.error());
  double light = 0.0, all = 0.0;
  for (const auto& d : m.demands)
    if (d.region == kRow) {
      all += d.q0_t;
      if (is_light(element_at(d.commodity.item))) light += d.q0_t;
    }
  add_export_licences(h, m, modelled, last_year, all > 0.0 ? light / all : 1.0);
  return m;
}

}  // namespace rareflow::scenario::detail
