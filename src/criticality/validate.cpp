#include "criticality/validate.hpp"

#include <cmath>
#include <set>

#include <fmt/format.h>

#include "rareflow/core/text.hpp"

namespace rareflow::criticality::detail {

Result<void> check_fraction(double v, std::string_view what) {
  if (!std::isfinite(v)) return fail(fmt::format("{} is not a finite number", what));
  if (v < 0.0 || v > 1.0)
    return fail(fmt::format("{} is {}, expected a fraction between 0 and 1", what, v));
  return {};
}

Result<void> check_nonnegative(double v, std::string_view what) {
  if (!std::isfinite(v)) return fail(fmt::format("{} is not a finite number", what));
  if (v < 0.0) return fail(fmt::format("{} is {}, expected a value >= 0", what, v));
  return {};
}

Result<void> check_shares(const std::vector<CountryShare>& shares, std::string_view what) {
  if (shares.empty()) return fail(fmt::format("{} are empty", what));
  std::set<std::string> seen;
  double sum = 0.0;
  for (const auto& s : shares) {
    if (s.iso3.empty()) return fail(fmt::format("{} have a row without a country code", what));
    if (!seen.insert(upper(s.iso3)).second)
      return fail(fmt::format("{} list country {} twice", what, s.iso3));
    if (!std::isfinite(s.share))
      return fail(fmt::format("{}: share of {} is not a finite number", what, s.iso3));
    if (s.share < 0.0)
      return fail(fmt::format("{}: share of {} is {}, expected >= 0", what, s.iso3, s.share));
    sum += s.share;
  }
  if (std::abs(sum - 1.0) > kShareTolerance)
    return fail(fmt::format("{} sum to {}, expected 1 (within {})", what, sum, kShareTolerance));
  return {};
}

}  // namespace rareflow::criticality::detail
