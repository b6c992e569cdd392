#include "rareflow/criticality/usgs_method.hpp"

#include <cmath>

#include <fmt/format.h>
#include <fmt/ranges.h>

#include "criticality/validate.hpp"
#include "rareflow/core/text.hpp"

namespace rareflow::criticality {

std::string_view aggregation_name(UsgsAggregation a) {
  return a == UsgsAggregation::Product ? "product" : "geometric mean";
}

Result<UsgsResult> assess_usgs(const UsgsInput& in, const Governance& governance) {
  if (in.commodity.empty()) return fail("USGS assessment input without a commodity name");
  const auto what =
      fmt::format("production shares of {} at {}", in.commodity, stage_name(in.stage));
  if (auto ok = detail::check_shares(in.production, what); !ok) return std::unexpected(ok.error());
  if (auto ok = detail::check_fraction(in.net_import_reliance,
                                       fmt::format("net import reliance of {}", in.commodity));
      !ok)
    return std::unexpected(ok.error());
  if (auto ok = detail::check_fraction(in.economic_vulnerability,
                                       fmt::format("economic vulnerability of {}", in.commodity));
      !ok)
    return std::unexpected(ok.error());
  UsgsResult r;
  r.commodity = in.commodity;
  r.perspective = in.perspective;
  r.stage = in.stage;
  r.wgi_year = governance.year;
  r.aggregation = in.aggregation;
  std::vector<std::string> defaulted;
  for (const auto& s : in.production) {
    UsgsTerm t;
    t.iso3 = upper(s.iso3);
    t.share = s.share;
    const GovernanceValue g = governance_of(governance, t.iso3);
    t.wgi_scaled = g.scaled;
    t.wgi_defaulted = g.defaulted;
    // Approximation: the same WGI mean the EU uses, mapped to 0 (best) .. 1 (worst).
    t.governance = g.scaled / 10.0;
    t.contribution = t.share * t.share * t.governance;
    r.disruption_potential += t.contribution;
    if (g.defaulted) defaulted.push_back(t.iso3);
    r.terms.push_back(std::move(t));
  }
  r.trade_exposure = in.net_import_reliance;
  r.economic_vulnerability = in.economic_vulnerability;
  const double product = r.disruption_potential * r.trade_exposure * r.economic_vulnerability;
  r.supply_risk = in.aggregation == UsgsAggregation::Product ? product : std::cbrt(product);
  r.above_threshold = r.supply_risk >= kUsgsThreshold2021;
  if (!defaulted.empty())
    r.flags.push_back(fmt::format("WGI default {} (world-average governance) used for: {}",
                                  kWgiScaledDefault, fmt::join(defaulted, ", ")));
  r.flags.push_back(
      "threshold 0.40 applied to a single-year score (USGS 2021: recency-weighted mean "
      "2015-2018)");
  return r;
}

}  // namespace rareflow::criticality
