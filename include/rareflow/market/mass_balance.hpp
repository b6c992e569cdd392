// The mass-balance check run on every solved year, from the primal solution: each
// (commodity, region) balance closes (production + imports + recycling + stock draw + stockpile
// release = input use + consumption + exports + stock build + stockpile fill + disposal), and
// each element closes world-wide in tonnes of element (mined + recycled + drawn from stocks =
// consumed + disposed + lost in separation + added to stocks), both to a relative tolerance
// (scale: the larger side, at least 1 t).
#pragma once

#include "rareflow/core/error.hpp"
#include "rareflow/market/model.hpp"
#include "rareflow/market/result.hpp"

namespace rareflow::market {

// Fails with an Error naming the commodity, region (or element), year and imbalance.
Result<void> check_mass_balance(const MarketModel& m, const YearResult& y, double tolerance);

}  // namespace rareflow::market
