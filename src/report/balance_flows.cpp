#include "rareflow/report/balance_flows.hpp"

#include <map>
#include <set>

namespace rareflow::report {

namespace {

// The first column also holds recycling and stock draws, the last the named gaps (ore not
// processed, oxide not separated): the headings say so, not "Mine" and "End use" (issue 13).
constexpr const char* kMine = "Mine, recycling, stock";
constexpr const char* kSeparation = "Separation";
constexpr const char* kOxide = "Oxide";
constexpr const char* kUse = "Use region";
constexpr const char* kMagnets = "Magnets";
constexpr const char* kEnd = "End use or gap";

class Flows {
 public:
  void add(const char* fs, const std::string& fn, const char* ts, const std::string& tn,
           const ElementShares& v, double sign = 1.0) {
    for (std::size_t i = 0; i < kElementCount; ++i)
      if (sign * v[i] > 0) out_.push_back({fs, fn, ts, tn, element_at(i), sign * v[i]});
  }
  std::vector<ChainFlow> take() { return std::move(out_); }

 private:
  std::vector<ChainFlow> out_;
};

ElementShares minus(ElementShares a, const ElementShares& b) {
  for (std::size_t i = 0; i < kElementCount; ++i) a[i] -= b[i];
  return a;
}

}  // namespace

std::vector<ChainFlow> chain_flows_from_balance(const Balance& b) {
  Flows f;
  std::set<std::string> separators, downstream;
  for (const auto& r : b.regions) {
    double sep = 0;
    for (double x : r.separated) sep += x;
    if (sep > 0) separators.insert(r.region);
    if (r.magnets_t > 0) downstream.insert(r.region);
    // Regions resolved downstream without magnet output (issue 11: the USA uses oxide).
    for (const auto& l : r.lines)
      if (l.stage == ChainStage::Use || (l.stage == ChainStage::Oxide && l.gap))
        downstream.insert(r.region);
  }
  for (const auto& r : b.regions) {
    const std::string& reg = r.region;
    // Mine: exports to separators, the rest of the mined ore to local separation or a sink.
    ElementShares domestic = r.mined;
    for (const auto& l : r.lines) {
      if (l.stage == ChainStage::Concentrate && l.sign < 0 && !l.partner.empty()) {
        f.add(kMine, reg, separators.contains(l.partner) ? kSeparation : kEnd,
              separators.contains(l.partner) ? l.partner : "Not processed", l.t_reo);
        domestic = minus(domestic, l.t_reo);
      } else if (l.stage == ChainStage::Intermediate && l.sign == 0) {
        f.add(kMine, reg, kEnd, "Not separated (intermediates)", l.t_reo);
        domestic = minus(domestic, l.t_reo);
      } else if (l.stage == ChainStage::Concentrate && l.gap) {
        f.add(kMine, reg, kEnd, "Not processed", l.t_reo);
        domestic = minus(domestic, l.t_reo);
      }
    }
    if (separators.contains(reg)) f.add(kMine, reg, kSeparation, reg, domestic);
    // Separation gaps, recycling and separated output.
    for (const auto& l : r.lines) {
      if (l.stage == ChainStage::Separation && l.gap && l.sign < 0)
        f.add(kSeparation, reg, kEnd, "Not separated", l.t_reo);
      if (l.stage == ChainStage::Separation && l.gap && l.sign > 0)
        f.add(kMine, "Stock draw, richer feed", kSeparation, reg, l.t_reo);
      if (l.stage == ChainStage::Recycling) f.add(kMine, "Recycling " + reg, kOxide, reg, l.t_reo);
    }
    if (separators.contains(reg)) f.add(kSeparation, reg, kOxide, reg, r.separated);
    // Oxide: exports and transfers go to the partner's use region, the rest stays.
    ElementShares stays = r.separated;
    for (std::size_t i = 0; i < kElementCount; ++i) stays[i] += r.recycled[i];
    for (const auto& l : r.lines)
      if (l.stage == ChainStage::Oxide && l.sign < 0 && !l.partner.empty()) {
        f.add(kOxide, reg, kUse, l.partner, l.t_reo);
        stays = minus(stays, l.t_reo);
      }
    if (downstream.contains(reg)) f.add(kOxide, reg, kUse, reg, stays);
    // Use region: magnet input, other uses, and the residual as a source or a sink.
    if (!downstream.contains(reg)) continue;
    f.add(kUse, reg, kMagnets, reg, r.magnet_reo);
    for (const auto& l : r.lines) {
      if (l.stage == ChainStage::Use && l.other_unit.empty())
        f.add(kUse, reg, kEnd, l.item.substr(5), l.t_reo);
      if (l.stage == ChainStage::Oxide && l.gap) {
        f.add(kUse, reg, kEnd, "Stock build, unrecorded use", l.t_reo);
        f.add(kOxide, "Unrecorded supply, stock draw", kUse, reg, l.t_reo, -1.0);
      }
    }
  }
  // Magnets: each region's output goes to the magnet sectors by their shares of NdFeB use
  // (exported magnets end in the same sectors abroad).
  for (const auto& r : b.regions) {
    if (r.magnets_t <= 0) continue;
    double supply_t = 0;
    std::map<std::string, double> by_sector;
    for (const auto& l : r.lines)
      if (l.stage == ChainStage::Use && l.other_unit == "t magnet") {
        by_sector[l.item.substr(5)] += l.other;
        supply_t += l.other;
      }
    for (const auto& [sector, t] : by_sector) {
      ElementShares v{};
      for (std::size_t i = 0; i < kElementCount; ++i) v[i] = r.magnet_reo[i] * t / supply_t;
      f.add(kMagnets, r.region, kEnd, sector, v);
    }
  }
  return f.take();
}

Table sources_table(const Dataset& d) {
  Table t;
  t.title = "Sources";
  t.columns = {{"id", ""},   {"title", ""},      {"publisher", ""},
               {"year", ""}, {"confidence", ""}, {"address", ""}};
  for (const auto& s : d.sources)
    t.add_row(
        {s.id, s.title, s.publisher, static_cast<long long>(s.year), s.confidence, s.address});
  return t;
}

}  // namespace rareflow::report
