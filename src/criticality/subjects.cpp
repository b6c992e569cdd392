#include "rareflow/criticality/subjects.hpp"

#include <algorithm>

#include <fmt/format.h>
#include <fmt/ranges.h>

#include "criticality/validate.hpp"
#include "rareflow/core/text.hpp"

namespace rareflow::criticality {

Result<Material> resolve_material(std::string_view text) {
  std::string t = lower(text);
  if (t.ends_with(" group")) t.resize(t.size() - 6);
  if (t == "lree") return Material{"LREE", std::nullopt, ElementGroup::LREE};
  if (t == "hree") return Material{"HREE", std::nullopt, ElementGroup::HREE};
  std::vector<std::string> candidates = {"LREE", "HREE"};
  for (const auto& i : element_table()) {
    if (t == lower(i.symbol) || t == lower(i.name))
      return Material{std::string(i.symbol), i.element, std::nullopt};
    candidates.emplace_back(i.symbol);
    candidates.emplace_back(i.name);
  }
  return fail(fmt::format("unknown element or group '{}'{}", text,
                          suggestion(std::string(text), candidates)));
}

Result<std::string> resolve_perspective(std::string_view text,
                                        const std::vector<std::string>& known) {
  const std::string t = upper(text);
  for (const auto& k : known)
    if (upper(k) == t) return k;
  const std::string hint = suggestion(std::string(text), known);
  if (!hint.empty()) return fail(fmt::format("unknown perspective '{}'{}", text, hint));
  return fail(fmt::format("unknown perspective '{}'; known: {}", text, fmt::join(known, ", ")));
}

Result<int> resolve_year(int year, const std::vector<int>& available, std::string_view what) {
  if (std::find(available.begin(), available.end(), year) != available.end()) return year;
  std::vector<int> sorted = available;
  std::sort(sorted.begin(), sorted.end());
  if (sorted.empty()) return fail(fmt::format("no {} data for year {}: none loaded", what, year));
  return fail(
      fmt::format("no {} data for year {}; available: {}", what, year, fmt::join(sorted, ", ")));
}

}  // namespace rareflow::criticality
