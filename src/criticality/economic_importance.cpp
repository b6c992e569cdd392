#include "rareflow/criticality/economic_importance.hpp"

#include <cmath>
#include <set>

#include <fmt/format.h>

#include "criticality/validate.hpp"
#include "rareflow/core/text.hpp"

namespace rareflow::criticality {

Result<EconomicImportanceResult> economic_importance(const EconomicImportanceInput& in) {
  if (in.uses.empty()) return fail("economic importance needs at least one sector of end use");
  if (auto ok = detail::check_fraction(in.si_ei, "SI_EI"); !ok) return std::unexpected(ok.error());
  if (!std::isfinite(in.largest_sector_value_added) || in.largest_sector_value_added <= 0.0)
    return fail(fmt::format("value added of the largest sector is {}, expected a positive number",
                            in.largest_sector_value_added));
  EconomicImportanceResult r;
  r.largest_sector_value_added = in.largest_sector_value_added;
  r.si_ei = in.si_ei;
  r.value_added_unit = in.value_added_unit;
  std::set<std::string> seen;
  double share_sum = 0.0;
  for (const auto& u : in.uses) {
    const std::string label = u.nace.empty() ? u.name : u.nace;
    if (label.empty()) return fail("a sector of end use has neither a NACE code nor a name");
    if (!seen.insert(upper(label)).second)
      return fail(fmt::format("sector {} is listed twice", label));
    if (auto ok = detail::check_fraction(u.share, fmt::format("end-use share of sector {}", label));
        !ok)
      return std::unexpected(ok.error());
    if (auto ok = detail::check_nonnegative(u.value_added,
                                            fmt::format("value added of sector {}", label));
        !ok)
      return std::unexpected(ok.error());
    if (u.value_added > in.largest_sector_value_added)
      return fail(
          fmt::format("value added of sector {} ({}) exceeds that of the largest sector ({})",
                      label, u.value_added, in.largest_sector_value_added));
    share_sum += u.share;
    r.terms.push_back({u.nace, u.name, u.share, u.value_added, u.share * u.value_added});
    r.weighted_value_added += r.terms.back().product;
  }
  if (std::abs(share_sum - 1.0) > kShareTolerance)
    return fail(fmt::format("end-use shares sum to {}, expected 1 (within {})", share_sum,
                            kShareTolerance));
  r.scaled = 10.0 * r.weighted_value_added / in.largest_sector_value_added;
  r.value = r.scaled * in.si_ei;
  return r;
}

}  // namespace rareflow::criticality
