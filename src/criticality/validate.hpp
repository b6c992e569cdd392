// Input checks shared by the criticality methods; each returns an error naming what is wrong.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "rareflow/core/error.hpp"
#include "rareflow/criticality/common.hpp"

namespace rareflow::criticality::detail {

// Finite and within [0, 1]. `what` names the quantity, e.g. "import reliance of Dy".
Result<void> check_fraction(double v, std::string_view what);
// Finite and >= 0.
Result<void> check_nonnegative(double v, std::string_view what);
// Non-empty, each iso3 non-empty and unique, each share finite and >= 0, sum 1 within 1e-6.
Result<void> check_shares(const std::vector<CountryShare>& shares, std::string_view what);

}  // namespace rareflow::criticality::detail
