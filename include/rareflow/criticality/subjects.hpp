// Resolving what the user asked for (element or group, perspective, year) with clear errors and
// suggestions, so every front end reports the same messages.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "rareflow/core/elements.hpp"
#include "rareflow/core/error.hpp"

namespace rareflow::criticality {

// An element ("Dy") or a group ("LREE", "HREE").
struct Material {
  std::string id;  // canonical: element symbol or "LREE"/"HREE"
  std::optional<Element> element;
  std::optional<ElementGroup> group;
};

// Accepts symbols and names in any case ("dy", "Dysprosium") and "LREE"/"HREE" (also with
// " group"). Error: "unknown element or group 'Dx' (did you mean \"Dy\"?)".
Result<Material> resolve_material(std::string_view text);

// `text` must be one of `known` (case-insensitive); returns the known spelling.
Result<std::string> resolve_perspective(std::string_view text,
                                        const std::vector<std::string>& known);

// `year` must be one of `available`; the error lists them.
Result<int> resolve_year(int year, const std::vector<int>& available, std::string_view what);

}  // namespace rareflow::criticality
