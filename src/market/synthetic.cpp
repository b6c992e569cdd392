#include "rareflow/market/synthetic.hpp"

#include <array>

#include <fmt/format.h>

namespace rareflow::market {

namespace {

using E = Element;

// splitmix64: a tiny generator whose output is the same on every platform.
class Rng {
 public:
  explicit Rng(std::uint64_t seed) : s_(seed) {}
  double uniform(double lo, double hi) {
    std::uint64_t z = (s_ += 0x9e3779b97f4a7c15ULL);
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
    z ^= z >> 31;
    return lo + (hi - lo) * double(z >> 11) * 0x1.0p-53;
  }

 private:
  std::uint64_t s_;
};

ElementArray shares(std::initializer_list<std::pair<E, double>> xs) {
  ElementArray a{};
  for (auto [e, v] : xs) a[index(e)] = v;
  return a;
}

// Light (bastnaesite-like), monazite-like and ion-adsorption-clay-like compositions.
const std::array<ElementArray, 3> kFamilies{
    shares({{E::La, 0.25},
            {E::Ce, 0.49},
            {E::Pr, 0.05},
            {E::Nd, 0.17},
            {E::Sm, 0.015},
            {E::Eu, 0.002},
            {E::Gd, 0.007},
            {E::Tb, 0.001},
            {E::Dy, 0.002},
            {E::Y, 0.013}}),
    shares({{E::La, 0.21},
            {E::Ce, 0.44},
            {E::Pr, 0.05},
            {E::Nd, 0.18},
            {E::Sm, 0.03},
            {E::Eu, 0.002},
            {E::Gd, 0.02},
            {E::Tb, 0.003},
            {E::Dy, 0.01},
            {E::Ho, 0.002},
            {E::Er, 0.004},
            {E::Yb, 0.003},
            {E::Y, 0.046}}),
    shares({{E::La, 0.02},
            {E::Ce, 0.01},
            {E::Pr, 0.01},
            {E::Nd, 0.03},
            {E::Sm, 0.028},
            {E::Eu, 0.001},
            {E::Gd, 0.069},
            {E::Tb, 0.013},
            {E::Dy, 0.067},
            {E::Ho, 0.016},
            {E::Er, 0.049},
            {E::Tm, 0.007},
            {E::Yb, 0.025},
            {E::Lu, 0.004},
            {E::Y, 0.657}}),
};

struct SectorSpec {
  const char* name;
  Commodity commodity;
  double world_q0_t;
  double p0;
  double elasticity;
  double growth;
};

std::vector<SectorSpec> sectors() {
  return {
      {"ev_motors", Commodity::magnet(0), 40000, 60, -0.5, 0.08},
      {"wind", Commodity::magnet(0), 20000, 60, -0.5, 0.05},
      {"electronics", Commodity::magnet(0), 25000, 60, -0.4, 0.02},
      {"industrial_motors", Commodity::magnet(0), 20000, 60, -0.5, 0.03},
      {"defence", Commodity::magnet(1), 2000, 100, -0.2, 0.02},
      {"fcc_catalysts", Commodity::oxide(E::La), 40000, 1.0, -0.3, 0.01},
      {"auto_catalysts", Commodity::oxide(E::Ce), 25000, 1.2, -0.3, 0.0},
      {"polishing", Commodity::oxide(E::Ce), 30000, 1.2, -0.3, 0.01},
      {"glass", Commodity::oxide(E::La), 15000, 1.0, -0.3, 0.0},
      {"metallurgy", Commodity::metal(E::Ce), 15000, 5.0, -0.4, 0.01},
      {"nimh_batteries", Commodity::metal(E::La), 10000, 5.0, -0.4, -0.02},
      {"phosphors", Commodity::oxide(E::Eu), 300, 30, -0.3, -0.03},
      {"ceramics", Commodity::oxide(E::Y), 8000, 7.0, -0.3, 0.02},
      {"lasers", Commodity::oxide(E::Er), 800, 40, -0.3, 0.02},
      {"other", Commodity::oxide(E::Gd), 1500, 25, -0.3, 0.01},
  };
}

}  // namespace

MarketModel synthetic_world(const SyntheticSpec& spec) {
  Rng rng(spec.seed);
  MarketModel m;
  m.settings.base_year = spec.base_year;
  const auto R = static_cast<std::size_t>(spec.regions);
  for (std::size_t r = 0; r < R; ++r) {
    Region reg{fmt::format("R{:02}", r), {}, 0.0};
    if (r % 3 == 1) reg.blocs.push_back("G7");
    if (r % 4 == 0) reg.blocs.push_back("BRICS");
    m.regions.push_back(std::move(reg));
  }
  // Region 0 is the dominant producer; producers are the first half of the regions.
  const std::size_t producers = std::max<std::size_t>(1, R / 2);
  for (int s = 0; s < spec.sources; ++s) {
    std::size_t r = s < spec.sources / 3 ? 0 : static_cast<std::size_t>(s) % producers;
    const auto& fam = kFamilies[static_cast<std::size_t>(s) % 3];
    ElementArray a{};
    double sum = 0.0;
    for (std::size_t e = 0; e < kElementCount; ++e) sum += a[e] = fam[e] * rng.uniform(0.8, 1.2);
    for (double& v : a) v /= sum;
    OreSource src{
        {fmt::format("mine{:02}", s), r, rng.uniform(3000, 25000), rng.uniform(2.0, 9.0), {}}, a};
    if (s % 7 == 5) src.life = {spec.base_year + 3, 3, kNever, false, 0, 1, 20, kAlways};
    if (s % 5 == 4) {
      src.life.candidate = true;
      src.life.capex_usd_per_tpa = rng.uniform(20000, 60000);
      src.life.lead_time_years = 4;
    }
    m.sources.push_back(src);
  }
  ElementArray all{};
  all.fill(0.95);
  ElementArray light = all;
  for (E e : {E::Tb, E::Dy, E::Ho, E::Er, E::Tm, E::Yb, E::Lu, E::Y}) light[index(e)] = 0.0;
  for (std::size_t r = 0; r < producers; ++r) {
    int plants = r == 0 ? 4 : 1;
    for (int p = 0; p < plants; ++p) {
      SeparationPlant sp{{fmt::format("sep{:02}_{}", r, p),
                          r,
                          r == 0 ? 60000.0 : rng.uniform(5000, 20000),
                          rng.uniform(3.0, 7.0),
                          {}},
                         (r + static_cast<std::size_t>(p)) % 3 == 2 ? light : all};
      if (r % 4 == 3) {
        sp.life.candidate = true;
        sp.life.capex_usd_per_tpa = rng.uniform(30000, 80000);
        sp.life.lead_time_years = 3;
      }
      m.separation.push_back(sp);
    }
  }
  std::vector<Element> metals{E::La, E::Ce, E::Pr, E::Nd, E::Sm, E::Gd, E::Tb, E::Dy};
  for (std::size_t r = 0; r < std::min<std::size_t>(R, 8); ++r) {
    // Named fields rather than nested braces: g++ 12 warns (falsely) on the nested form here.
    MetalPlant plant;
    plant.id = fmt::format("metal{:02}", r);
    plant.region = r;
    plant.capacity_t = r == 0 ? 80000.0 : rng.uniform(2000, 10000);
    plant.unit_cost_usd_per_kg = rng.uniform(4.0, 8.0);
    plant.elements = metals;
    m.metal.push_back(std::move(plant));
  }
  m.magnet_types.push_back(
      {"NdFeB", shares({{E::Nd, 0.24}, {E::Pr, 0.06}, {E::Dy, 0.02}, {E::Tb, 0.005}})});
  m.magnet_types.push_back({"SmCo", shares({{E::Sm, 0.25}, {E::Gd, 0.02}})});
  for (std::size_t r = 0; r < std::min<std::size_t>(R, 8); ++r) {
    m.magnet.push_back({{fmt::format("ndfeb{:02}", r),
                         r,
                         r == 0 ? 180000.0 : rng.uniform(3000, 15000),
                         rng.uniform(12.0, 20.0),
                         {}},
                        0});
    if (r % 2 == 0)
      m.magnet.push_back(
          {{fmt::format("smco{:02}", r), r, r == 0 ? 2000.0 : 300.0, rng.uniform(30.0, 40.0), {}},
           1});
  }
  for (std::size_t r = 0; r < R; ++r) {
    double size = r == 0 ? 0.4 : 0.6 / double(R - 1) * rng.uniform(0.5, 1.5);
    for (const auto& sec : sectors()) {
      Demand d;
      d.sector = sec.name;
      d.region = r;
      d.commodity = sec.commodity;
      d.q0_t = sec.world_q0_t * size;
      d.p0_usd_per_kg = sec.p0;
      d.elasticity = sec.elasticity;
      d.choke_usd_per_kg = 5.0 * sec.p0;
      d.activity = Trajectory::growth(spec.base_year, sec.growth, spec.last_year);
      if (sec.commodity.stage == Stage::Magnet) d.response = {-1.0, 0.3, 1, 3, false};
      m.demands.push_back(std::move(d));
    }
  }
  for (std::size_t a = 0; a < R; ++a)
    for (std::size_t b = 0; b < R; ++b) {
      if (a == b) continue;
      double dist = 1.0 + double((a * 7 + b * 3) % 5);
      m.arcs.push_back({a, b, Stage::Concentrate, 0.15 * dist});
      m.arcs.push_back({a, b, Stage::Oxide, 0.10 * dist});
      m.arcs.push_back({a, b, Stage::Metal, 0.10 * dist});
      m.arcs.push_back({a, b, Stage::Magnet, 0.20 * dist});
    }
  for (std::size_t r = 1; r < std::min<std::size_t>(R, 5); ++r) {
    m.recycling.push_back({r, E::Nd, Trajectory{{{spec.base_year, 50}, {spec.last_year, 800}}}});
    m.recycling.push_back({r, E::Dy, Trajectory{{{spec.base_year, 2}, {spec.last_year, 40}}}});
  }
  m.stocks.push_back({0, Commodity::oxide(E::Ce), 20000});
  m.stocks.push_back({0, Commodity::oxide(E::La), 10000});
  m.regions[0].disposal_cost_usd_per_kg = 0.2;
  if (spec.policies) {
    ExportLicensing lic{"licensing", {double(spec.base_year + 2), kNever}, {}, 0.3};
    lic.scope.from = {0};
    lic.scope.goods.stages = {Stage::Oxide, Stage::Metal, Stage::Magnet};
    lic.scope.goods.elements = {E::Dy, E::Tb};
    m.policies.push_back(lic);
    ExportQuota q{"quota", {double(spec.base_year + 2) + 0.5, kNever}, {}, 20000};
    q.scope.from = {0};
    q.scope.goods.stages = {Stage::Oxide};
    m.policies.push_back(q);
  }
  return m;
}

}  // namespace rareflow::market
