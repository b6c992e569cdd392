#include "rareflow/market/policy.hpp"

#include <algorithm>
#include <array>

namespace rareflow::market {

double Period::active_share(int year) const {
  double lo = std::max(start, double(year));
  double hi = std::min(end, double(year) + 1.0);
  return std::clamp(hi - lo, 0.0, 1.0);
}

double ExportLicensing::passed_share(int year) const {
  // Pieces of constant share: [start + delay, first point), [point_i, point_i+1), ...
  std::vector<std::pair<double, double>> pieces{{period.start + delay_years, share}};
  for (const auto& p : path)
    pieces.push_back({std::max(p.from, period.start + delay_years), p.share});
  double total = 0.0;
  for (std::size_t i = 0; i < pieces.size(); ++i) {
    double end = i + 1 < pieces.size() ? pieces[i + 1].first : period.end;
    Period piece{pieces[i].first, std::min(end, period.end)};
    if (piece.end > piece.start) total += pieces[i].second * piece.active_share(year);
  }
  return total;
}

std::string_view facility_kind_name(FacilityKind k) {
  constexpr std::array<std::string_view, kFacilityKindCount> kNames{"Mine", "Separation", "Metal",
                                                                    "Magnet"};
  return kNames[static_cast<std::size_t>(k)];
}

const std::string& policy_name(const Policy& p) {
  return std::visit([](const auto& x) -> const std::string& { return x.name; }, p);
}

std::string_view policy_kind(const Policy& p) {
  constexpr std::array<std::string_view, std::variant_size_v<Policy>> kKinds{
      "export_ban", "export_quota",     "export_licensing", "trade_tax",
      "sanction",   "production_quota", "stockpile",        "price_floor",
      "outage",     "demand_shock",     "cost_shock",       "project_delay"};
  return kKinds[p.index()];
}

}  // namespace rareflow::market
