// Named groups of elements ("all", "LREE", "HREE", "magnet") and lists such as "Nd+Pr": one
// definition for the planner's goals, its tables, the market's summaries and the sweep's rows.
#pragma once

#include <array>
#include <optional>
#include <string_view>
#include <vector>

#include "rareflow/core/elements.hpp"

namespace rareflow {

inline constexpr std::array<std::string_view, 4> kElementGroupNames{"all", "LREE", "HREE",
                                                                    "magnet"};

bool is_named_group(std::string_view name);

// A named group, a symbol or symbols joined by '+' ("Nd+Pr"); nullopt when a symbol is unknown.
std::optional<std::vector<Element>> element_group(std::string_view name);

// part / whole over the group, as a fraction; NaN when the group's whole is not positive (no
// use, so no share to report).
double group_share(const std::vector<Element>& group, const std::array<double, kElementCount>& part,
                   const std::array<double, kElementCount>& whole);

}  // namespace rareflow
