// Internal: trade-factor lookup with the material's lookup keys computed once per HHI, not once
// per country.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "rareflow/criticality/governance.hpp"

namespace rareflow::criticality::detail {

// Lower-case keys, most specific first: the material, its group (LREE/HREE) when it is an
// element, "ree" when it is a rare earth.
std::vector<std::string> trade_factor_keys(std::string_view material);

double trade_factor_for_keys(const TradeFactorTable& table, const std::vector<std::string>& keys,
                             SupplyStage stage, SupplyTerm term, std::string_view iso3);

}  // namespace rareflow::criticality::detail
