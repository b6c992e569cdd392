#include "rareflow/data/balance.hpp"

#include <algorithm>
#include <cmath>
#include <set>

#include <fmt/format.h>

#include "data/oxide_pool.hpp"

namespace rareflow {

namespace {

using EA = ElementShares;

constexpr const char* kRowId = "ROW";

EA scaled(const EA& a, double k) {
  EA r{};
  for (std::size_t i = 0; i < kElementCount; ++i) r[i] = a[i] * k;
  return r;
}
double sum(const EA& a) {
  return total(a);
}
void add_to(EA& a, const EA& b, double k = 1.0) {
  for (std::size_t i = 0; i < kElementCount; ++i) a[i] += k * b[i];
}
EA composition(const EA& a) {
  double s = sum(a);
  return s > 0 ? scaled(a, 1.0 / s) : EA{};
}
// `comp` restricted to `els` (empty = all) and renormalised to sum to 1.
EA restricted(const EA& comp, const std::vector<Element>& els) {
  if (els.empty()) return composition(comp);
  EA r{};
  for (Element e : els) r[index(e)] = comp[index(e)];
  return composition(r);
}

class Builder {
 public:
  Builder(const Dataset& d, int year) : d_(d), year_(year) {}

  Result<Balance> run();

 private:
  RegionBalance& at(const std::string& r) {
    auto it = regions_.find(r);
    if (it == regions_.end())
      it = regions_.emplace(r, RegionBalance{r, {}, {}, {}, {}, {}, 0, 0}).first;
    return it->second;
  }
  void line(const std::string& r, ChainStage stage, std::string item, int sign, bool gap,
            const EA& v, const std::string& source, double other = kNaN,
            std::string other_unit = "", std::string partner = "") {
    // A named gap below a gram is rounding, not a finding.
    if (gap && std::abs(sum(v)) < 1e-6) return;
    at(r).lines.push_back({stage, std::move(item), sign, gap, v, other, std::move(other_unit),
                           source, std::move(partner)});
  }
  // Moves `v` from region `from` to region `to` as a trade at `stage`.
  void trade(ChainStage stage, const std::string& from, const std::string& to, const EA& v,
             const std::string& source, double other = kNaN, const std::string& other_unit = "",
             const std::string& label = "") {
    line(from, stage, label.empty() ? "exports to " + to : label + " to " + to, -1, false, v,
         source, other, other_unit, to);
    line(to, stage, label.empty() ? "imports from " + from : label + " from " + from, +1, false, v,
         source, other, other_unit, from);
  }
  Result<void> mining();
  Result<void> concentrate_and_intermediate();
  Result<void> separation();
  void recycling();
  Result<void> oxide_trade();
  Result<void> magnets_and_use();
  void non_magnet_use();
  void share_oxide_pool();
  Result<void> check_closure(Balance& b);

  const Dataset& d_;
  int year_;
  std::map<std::string, RegionBalance> regions_;
  std::map<std::string, EA> conc_;   // concentrate available by region
  std::map<std::string, EA> inter_;  // unseparated intermediate (mixed carbonate)
  std::map<std::string, EA> oxide_;  // separated + recycled oxide available
  // Oxide outside China without a recorded destination, by origin, and what each region
  // outside China needs of it (magnet making and non-magnet use), t REO.
  std::map<std::string, EA> pool_, need_;
  std::set<std::string> downstream_;  // regions with magnet making or use resolved
  EA recipe_share_{};                 // NdFeB recipe, REO shares
  EA recipe_metal_{};                 // t metal per t magnet
  double recipe_reo_per_t_ = 0;       // t REO-eq per t magnet
  double total_demand_ = 0;
  double magnet_share_pct_ = 0;     // parameter magnet_share_of_reo_demand
  double china_nonmagnet_pct_ = 0;  // parameter china_nonmagnet_use_share
};

Result<void> Builder::mining() {
  bool any = false;
  for (const auto& p : d_.production) {
    if (p.stage != ChainStage::Mine || p.year != year_ || p.value <= 0) continue;
    EA comp{};
    for (const auto& m : d_.mine_mix)
      if (m.region == p.region && m.year == year_)
        add_to(comp, d_.distribution(m.distribution)->share, m.share_pct / 100.0);
    EA mined = scaled(comp, p.value);
    line(p.region, ChainStage::Mine, "mined", +1, false, mined, p.source);
    add_to(at(p.region).mined, mined);
    add_to(conc_[p.region], mined);
    any = true;
  }
  if (!any)
    return fail(fmt::format("balance: the data package has no mine production for {}", year_));
  return {};
}

Result<void> Builder::concentrate_and_intermediate() {
  for (const auto& r : d_.routes) {
    if (r.year != year_ || r.stage != ChainStage::Concentrate) continue;
    EA flow = scaled(restricted(at(r.from).mined, r.elements), r.value);
    if (r.value > sum(conc_[r.from]) * (1 + 1e-12))
      return fail(
          fmt::format("balance: route {} -> {} ships {} t REO of concentrate but {} has "
                      "only {} t left",
                      r.from, r.to, r.value, r.from, sum(conc_[r.from])));
    add_to(conc_[r.from], flow, -1);
    add_to(conc_[r.to], flow);
    trade(ChainStage::Concentrate, r.from, r.to, flow, r.source);
  }
  for (const auto& p : d_.production) {
    if (p.stage != ChainStage::Intermediate || p.year != year_) continue;
    EA made = scaled(restricted(conc_[p.region], p.elements), p.value);
    add_to(conc_[p.region], made, -1);
    add_to(inter_[p.region], made);
    line(p.region, ChainStage::Intermediate, "mixed carbonate produced (unseparated)", 0, false,
         made, p.source);
  }
  for (const auto& r : d_.routes) {
    if (r.year != year_ || r.stage != ChainStage::Intermediate) continue;
    EA flow = scaled(restricted(inter_[r.from], r.elements), r.value);
    add_to(inter_[r.from], flow, -1);
    add_to(inter_[r.to], flow);
    trade(ChainStage::Intermediate, r.from, r.to, flow, r.source);
  }
  for (auto& [reg, v] : inter_)
    if (sum(v) > 0)
      line(reg, ChainStage::Intermediate,
           "gap: intermediate not separated in the year (use or "
           "destination unrecorded)",
           -1, true, v, "");
  return {};
}

Result<void> Builder::separation() {
  std::set<std::string> separators;
  for (const auto& p : d_.production)
    if (p.stage == ChainStage::Separation && p.year == year_) separators.insert(p.region);
  for (const auto& reg : separators) {
    EA feed = conc_[reg];
    EA out{};
    std::string sources;
    for (const auto& p : d_.production) {
      if (p.stage != ChainStage::Separation || p.year != year_ || p.region != reg) continue;
      add_to(out, scaled(restricted(feed, p.elements), p.value));
      sources += (sources.empty() ? "" : ";") + p.source;
    }
    // Where reported output of an element exceeds its recorded feed (ore distributions are
    // classic analyses; stocks are not reported), the excess is a named input gap.
    EA short_feed{}, unseparated{};
    for (std::size_t i = 0; i < kElementCount; ++i) {
      double g = feed[i] - out[i];
      (g >= 0 ? unseparated[i] : short_feed[i]) = std::abs(g);
    }
    line(reg, ChainStage::Separation, "separated oxides", 0, false, out, sources);
    if (sum(unseparated) > 0)
      line(reg, ChainStage::Separation,
           "gap: separation feed not separated (stock build, losses, output "
           "outside records)",
           -1, true, unseparated, sources);
    if (sum(short_feed) > 0)
      line(reg, ChainStage::Separation,
           "gap: separated output above recorded feed (stock draw, feed "
           "richer than the ore analysis, or unrecorded feed)",
           +1, true, short_feed, sources);
    add_to(at(reg).separated, out);
    add_to(oxide_[reg], out);
    conc_[reg] = EA{};
  }
  for (auto& [reg, v] : conc_)
    if (sum(v) > 1e-12)
      line(reg, ChainStage::Concentrate,
           "gap: concentrate not processed in the year (stock build or "
           "unrecorded)",
           -1, true, v, "");
  return {};
}

void Builder::recycling() {
  for (const auto& p : d_.production) {
    if (p.stage != ChainStage::Recycling || p.year != year_) continue;
    EA v = scaled(restricted(recipe_share_, p.elements), p.value);
    line(p.region, ChainStage::Recycling, "recycled oxides (" + p.element_text + ")", +1, false, v,
         p.source);
    add_to(at(p.region).recycled, v);
    add_to(oxide_[p.region], v);
  }
}

Result<void> Builder::oxide_trade() {
  for (const auto& r : d_.routes) {
    if (r.year != year_ || r.stage != ChainStage::Oxide) continue;
    EA flow = scaled(restricted(oxide_[r.from], r.elements), r.value);
    for (std::size_t i = 0; i < kElementCount; ++i)
      if (flow[i] > oxide_[r.from][i] * (1 + 1e-12) + 1e-9)
        return fail(fmt::format(
            "balance: route {} -> {} ships {:.1f} t {} oxide but {} has only "
            "{:.1f} t",
            r.from, r.to, flow[i], info(element_at(i)).symbol, r.from, oxide_[r.from][i]));
    add_to(oxide_[r.from], flow, -1);
    if (r.to == kRowId) {  // no recorded destination: the pool outside China
      add_to(pool_[r.from], flow);
      continue;
    }
    add_to(oxide_[r.to], flow);
    trade(ChainStage::Oxide, r.from, r.to, flow, r.source);
  }
  // Downstream stages (metal, magnets, end use) are resolved for China, ROW and every region
  // with magnet output, magnet imports or non-magnet use in the data; the oxide of the other
  // regions outside China joins the pool.
  downstream_ = {"CHN", kRowId};
  for (const auto& p : d_.production)
    if (p.stage == ChainStage::Magnet && p.year == year_) downstream_.insert(p.region);
  for (const auto& r : d_.routes)
    if (r.stage == ChainStage::Magnet && r.year == year_) downstream_.insert(r.to);
  for (const auto& u : d_.regional_use)
    if (u.year == year_) downstream_.insert(u.region);
  for (auto& [reg, v] : oxide_) {
    if (reg == "CHN") continue;
    add_to(pool_[reg], v);
    v = EA{};
  }
  return {};
}

Result<void> Builder::magnets_and_use() {
  // Magnet production and trade, in t magnet and t REO-eq.
  EA world_magnet_reo{};
  std::map<std::string, double> magnets;
  for (const auto& p : d_.production) {
    if (p.stage != ChainStage::Magnet || p.year != year_) continue;
    EA reo = scaled(recipe_share_, p.value * recipe_reo_per_t_);
    auto& rb = at(p.region);
    rb.magnets_t += p.value;
    rb.metal_t += p.value * sum(recipe_metal_);
    add_to(rb.magnet_reo, reo);
    add_to(world_magnet_reo, reo);
    magnets[p.region] += p.value;
    line(p.region, ChainStage::Magnet, "oxide made into metal for magnets", 0, false, reo, p.source,
         p.value * sum(recipe_metal_), "t metal");
    line(p.region, ChainStage::Magnet, "NdFeB magnets produced", 0, false, reo, p.source, p.value,
         "t magnet");
    add_to(oxide_[p.region], reo, -1);  // oxide consumed by metal and magnet making
    if (p.region != "CHN") add_to(need_[p.region], reo);
  }
  for (const auto& r : d_.routes) {
    if (r.year != year_ || r.stage != ChainStage::Magnet) continue;
    EA reo = scaled(recipe_share_, r.value * recipe_reo_per_t_);
    trade(ChainStage::Magnet, r.from, r.to, reo, r.source, r.value, "t magnet");
    magnets[r.from] -= r.value;
    magnets[r.to] += r.value;
  }
  // Magnet use by sector: each region's magnet supply split by the world sector shares.
  total_demand_ = sum(world_magnet_reo) / (magnet_share_pct_ / 100.0);
  for (const auto& dm : d_.demand) {
    if (dm.year != year_ || dm.basis != "NdFeB use") continue;
    const Sector* s = d_.sector(dm.sector);
    for (const auto& [reg, t] : magnets) {
      double used = t * dm.share_pct / 100.0;
      line(reg, ChainStage::Use, "use: " + s->name, -1, false,
           scaled(recipe_share_, used * recipe_reo_per_t_), dm.source, used, "t magnet");
    }
  }
  return {};
}

// Non-magnet use: China its share of the world's (china_nonmagnet_use_share); the regions of
// regional_use.csv their recorded tonnes (a non-magnet total split as the world's sectors, or
// per sector); ROW the rest of the world's, sector by sector.
void Builder::non_magnet_use() {
  const double china_share = china_nonmagnet_pct_ / 100.0;
  double world_nonmagnet = 0.0;
  for (const auto& dm : d_.demand)
    if (dm.year == year_ && dm.basis != "NdFeB use") world_nonmagnet += dm.share_pct;
  for (const auto& dm : d_.demand) {
    if (dm.year != year_ || dm.basis == "NdFeB use") continue;
    const Sector* s = d_.sector(dm.sector);
    const Distribution* recipe = d_.recipe(s->recipe);
    const double world_t = total_demand_ * dm.share_pct / 100.0;
    auto use = [&](const std::string& reg, double t, const std::string& source) {
      EA v = scaled(recipe->share, t);
      line(reg, ChainStage::Use, "use: " + s->name, -1, false, v, source);
      add_to(oxide_[reg], v, -1);
      if (reg != "CHN") add_to(need_[reg], v);
    };
    use("CHN", world_t * china_share, dm.source);
    double rest = world_t * (1 - china_share);
    std::map<std::string, std::pair<double, std::string>> by_region;
    for (const auto& u : d_.regional_use) {
      if (u.year != year_) continue;
      double t = u.sector == RegionalUse::kNonMagnet
                     ? (world_nonmagnet > 0 ? u.t_reo * dm.share_pct / world_nonmagnet : 0.0)
                     : (u.sector == s->id ? u.t_reo : 0.0);
      if (t <= 0) continue;
      auto& [sum_t, sources] = by_region[u.region];
      sum_t += t;
      sources += (sources.empty() ? "" : ";") + u.source;
    }
    for (const auto& [reg, ts] : by_region) {
      use(reg, ts.first, ts.second);
      rest -= ts.first;
    }
    // Recorded regional use above the world's rest of this sector shows as a negative ROW use.
    use(kRowId, rest, dm.source);
  }
}

// The pool outside China goes to the downstream regions outside China in proportion to their
// need, element by element (assumption-oxide-pool); each downstream region's remaining
// difference is its named oxide gap.
void Builder::share_oxide_pool() {
  for (const auto& sh : detail::share_pool(pool_, need_, kRowId)) {
    add_to(oxide_[sh.to], sh.t_reo);
    if (sh.from != sh.to)
      trade(ChainStage::Oxide, sh.from, sh.to, sh.t_reo, "assumption-oxide-pool");
  }
  for (const auto& reg : downstream_)
    line(reg, ChainStage::Oxide,
         "gap: oxide stock change and unrecorded flows (residual; negative = use "
         "above recorded supply)",
         -1, true, oxide_[reg], "");
}

Result<void> Builder::check_closure(Balance& b) {
  for (const auto& r : b.regions) {
    EA c = b.closure(r);
    for (std::size_t i = 0; i < kElementCount; ++i) {
      double gross = 0;
      for (const auto& l : r.lines)
        if (l.sign != 0) gross += std::abs(l.t_reo[i]);
      if (std::abs(c[i]) > kBalanceTolerance * std::max(gross, 1.0))
        return fail(
            fmt::format("balance: {} {} does not close in {}: imbalance {:.3g} t REO of "
                        "{:.6g} t gross flows",
                        r.region, info(element_at(i)).symbol, year_, c[i], gross));
    }
  }
  return {};
}

Result<Balance> Builder::run() {
  const Distribution* recipe = d_.recipe("ndfeb");
  if (!recipe) return fail("balance: the data package has no 'ndfeb' sector recipe");
  recipe_share_ = recipe->share;
  double metal_per_reo = 0;
  for (std::size_t i = 0; i < kElementCount; ++i)
    metal_per_reo += recipe_share_[i] * oxide_to_metal(element_at(i));
  // REO-eq per t magnet c: c * sum(s_e * f_e) = RE metal content (wt fraction).
  auto content = d_.parameter("ndfeb_re_content");
  auto magnet_share = d_.parameter("magnet_share_of_reo_demand");
  auto china_nonmagnet = d_.parameter("china_nonmagnet_use_share");
  for (const auto* p : {&content, &magnet_share, &china_nonmagnet})
    if (!*p) return std::unexpected(p->error());
  magnet_share_pct_ = *magnet_share;
  china_nonmagnet_pct_ = *china_nonmagnet;
  recipe_reo_per_t_ = *content / 100.0 / metal_per_reo;
  for (std::size_t i = 0; i < kElementCount; ++i)
    recipe_metal_[i] = recipe_reo_per_t_ * recipe_share_[i] * oxide_to_metal(element_at(i));

  if (auto r = mining(); !r) return std::unexpected(r.error());
  if (auto r = concentrate_and_intermediate(); !r) return std::unexpected(r.error());
  if (auto r = separation(); !r) return std::unexpected(r.error());
  recycling();
  if (auto r = oxide_trade(); !r) return std::unexpected(r.error());
  if (auto r = magnets_and_use(); !r) return std::unexpected(r.error());
  non_magnet_use();
  share_oxide_pool();

  Balance b;
  b.year = year_;
  b.magnet_recipe_metal = recipe_metal_;
  b.total_reo_demand = total_demand_;
  for (const auto& reg : d_.regions)  // data package order
    if (auto it = regions_.find(reg.id); it != regions_.end()) b.regions.push_back(it->second);
  if (auto r = check_closure(b); !r) return std::unexpected(r.error());
  return b;
}

}  // namespace

double total(const ElementShares& a) {
  double s = 0;
  for (double x : a) s += x;
  return s;
}

double BalanceLine::total() const {
  return rareflow::total(t_reo);
}

const RegionBalance* Balance::region(std::string_view id) const {
  for (const auto& r : regions)
    if (r.region == id) return &r;
  return nullptr;
}

ElementShares Balance::closure(const RegionBalance& r) const {
  EA c{};
  for (const auto& l : r.lines) add_to(c, l.t_reo, l.sign);
  return c;
}

Result<Balance> build_balance(const Dataset& d, int year) {
  return Builder(d, year).run();
}

}  // namespace rareflow
